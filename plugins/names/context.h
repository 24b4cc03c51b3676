/*
 * Private to the names analysis: the per-document state shared by
 * candidates.c (finding and classifying names) and document.c (the
 * decisions taken over the whole document), and small token predicates.
 */
#ifndef ENTX_NAMES_CONTEXT_H
#define ENTX_NAMES_CONTEXT_H

#include "lexicon.h"

#include <string.h>

/*
 * What the lexicon says about one token, looked up the first time it is
 * asked for (info()): most tokens of a text are far from any name and are
 * never asked about, and each lookup costs a few hundred instructions.
 * names_look_up() fills in every field, so the array is not zeroed: only
 * the small tok_state array, which says whether it was, is.
 */
typedef struct {
	uint32_t ent;        /* entry of the best entity starting here */
	uint32_t kinds;      /* NK_BIT()s of that match */
	uint32_t strong;     /* the kinds that have a non-weak entry */
	uint32_t head;       /* entry of its head, prefix or noun kind */
	uint16_t ent_len;    /* its length in tokens, 0 for none */
	uint16_t word_len;   /* length of the longest word-list match here */
} tok_info;

typedef struct {
	uint8_t looked_up;   /* the token's tok_info is filled in */
	uint8_t line;        /* LINE_LIST: in a line that starts with a number ("5. Name") */
} tok_state;

typedef struct {
	size_t b, e;         /* tokens [b, e) */
	size_t cb, ce;       /* code points */
	names_category cat;  /* NAMES_NONE: unresolved candidate */
	const char *class_iri;
	double conf;
} span;

/*
 * Spans in a plain array: a library call to add each was a third of the
 * cost of adding one. A span is found every dozen tokens; the array,
 * sized for them, seldom grows.
 */
typedef struct {
	span *v;
	guint len, room;
} span_list;

static inline void span_list_init(span_list *l, guint room)
{
	l->room = MAX(room, 1);
	l->v = g_new(span, l->room);
	l->len = 0;
}

/* Appends the n spans at s to l. */
static inline void append_spans(span_list *l, const span *s, guint n)
{
	if (G_UNLIKELY(n > l->room - l->len)) {
		l->room = MAX(2 * l->room, l->len + n);
		l->v = g_renew(span, l->v, l->room);
	}
	memcpy(l->v + l->len, s, n * sizeof *s);
	l->len += n;
}

typedef struct {
	const names_lexicon *lx;
	const entx_doc *doc;
	const char *text;
	const entx_token *toks;
	size_t n;
	tok_info *info;      /* n + 1: the last, all zero, stands for past the end */
	tok_state *state;    /* n + 1, zeroed */
	span_list spans;     /* in text order */
	unsigned sport_words; /* words of sports reports, counted up to two */
} ctx;

/* Fills in c->info[i] (candidates.c). */
void names_look_up(const ctx *c, size_t i);

enum { LINE_UNKNOWN = 0, LINE_PLAIN, LINE_LIST };

/* Whether token i (< c->n) is in a numbered line: "5. Name" starts a list
 * of names, not a headline (candidates.c). */
gboolean names_in_list_line(const ctx *c, size_t i);

/* The lexicon facts of token i (all zero past the end). The cache is not
 * the analysis's state, so a const context may fill it in. */
static inline const tok_info *info(const ctx *c, size_t i)
{
	if (i >= c->n)
		return &c->info[c->n];
	if (!c->state[i].looked_up)
		names_look_up(c, i);
	return &c->info[i];
}

static inline const char *default_class(names_category cat)
{
	switch (cat) {
	case NAMES_PERSON:
		return "schema:Person";
	case NAMES_ORGANIZATION:
		return "schema:Organization";
	default:
		return "schema:Place";
	}
}

static inline const entx_token *tok(const ctx *c, size_t i)
{
	return i < c->n ? &c->toks[i] : NULL;
}

static inline uint32_t flags(const ctx *c, size_t i)
{
	return i < c->n ? tok(c, i)->flags : 0;
}

/*
 * FALSE when no word-list entry of `kind` can start at token i (< c->n),
 * known without looking the token up when the kind has a filter.
 */
static inline gboolean may_start_kind(const ctx *c, size_t i, names_kind kind)
{
	if (!(NAMES_FILTERED_KINDS & NK_BIT(kind)) || c->state[i].looked_up)
		return TRUE;
	return word_filter_may_have(&c->lx->kind_first[kind], c->toks[i].fold_hash);
}

/* Token i is exactly the one-token word-list entry of `kind`. */
static inline gboolean is_word(const ctx *c, size_t i, names_kind kind)
{
	return i < c->n && may_start_kind(c, i, kind) && info(c, i)->word_len == 1 &&
	       (info(c, i)->kinds & NK_BIT(kind));
}

static inline gboolean is_strong_word(const ctx *c, size_t i, names_kind kind)
{
	return is_word(c, i, kind) && (info(c, i)->strong & NK_BIT(kind));
}

/* A word-list entry of `kind` starts at i: its length, or 0. */
static inline size_t starts(const ctx *c, size_t i, names_kind kind)
{
	if (i >= c->n || !may_start_kind(c, i, kind) || !(info(c, i)->kinds & NK_BIT(kind)))
		return 0;
	return info(c, i)->word_len;
}

/*
 * is_word() and starts() of a token already looked up, from its tok_info:
 * process_run() asks them of the token it is at many times over.
 */
static inline gboolean info_is_word(const tok_info *ti, names_kind kind)
{
	return ti->word_len == 1 && (ti->kinds & NK_BIT(kind));
}

static inline gboolean info_is_strong_word(const tok_info *ti, names_kind kind)
{
	return info_is_word(ti, kind) && (ti->strong & NK_BIT(kind));
}

static inline size_t info_starts(const tok_info *ti, names_kind kind)
{
	return (ti->kinds & NK_BIT(kind)) ? ti->word_len : 0;
}

static inline gboolean text_is(const ctx *c, size_t i, const char *s)
{
	if (i >= c->n)
		return FALSE;
	const entx_token *t = tok(c, i);
	const char *p = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	/* The first byte turns away nearly every token before strlen() runs:
	 * callers ask this of every name token for each word of a list. */
	return *p == *s && strlen(s) == len && memcmp(p, s, len) == 0;
}

/* Token i is one of the n words, in the case written. */
static inline gboolean text_is_any(const ctx *c, size_t i, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (text_is(c, i, words[k]))
			return TRUE;
	return FALSE;
}

/* Token i (< c->n) is one of NAMES_LEGAL_FORMS, in the case written. Asked
 * only of the tokens the filter lets through (is_legal_form()). */
static __attribute__((noinline, unused)) gboolean is_legal_form_text(const ctx *c, size_t i)
{
	static const char *const forms[] = {NAMES_LEGAL_FORMS};
	return text_is_any(c, i, forms, G_N_ELEMENTS(forms));
}

/*
 * A company's legal form: it ends the company's name ("Acme Corp.
 * Chairman John Smith"), and the company's later mentions drop it
 * ("Brush Wellman Inc" first, "Brush Wellman" after). Asked of every
 * token of every run of capitals: the filter, inline, turns away nearly
 * all of them.
 */
static inline gboolean is_legal_form(const ctx *c, size_t i)
{
	return i < c->n && word_filter_may_have(&c->lx->legal_forms, tok(c, i)->fold_hash) &&
	       is_legal_form_text(c, i);
}

static inline gboolean is_cap(const ctx *c, size_t i)
{
	uint32_t f = flags(c, i);
	return (f & ENTX_TOK_WORD) && (f & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)) &&
	       !(f & ENTX_TOK_POSSESSIVE);
}

/*
 * Whether an entity may start at token i: a capitalized token, or the
 * first words of a lowercase entry (al-Qaeda). Other tokens are not
 * looked up as entities.
 */
static inline gboolean may_start_entity(const ctx *c, size_t i)
{
	return is_cap(c, i) || names_lower_may_start(c->lx, c->toks, i, c->n);
}

/*
 * A headline, where capitalization says nothing. Numbered lines of
 * results ("5. Grzegorz Krejner ( Poland ) 1:04.834") look like
 * headlines to the tokenizer but are lists of names.
 */
static inline gboolean in_headline(const ctx *c, size_t i)
{
	return (flags(c, i) & ENTX_TOK_TITLECASE_LINE) && !names_in_list_line(c, i);
}

static inline gboolean is_initial(const ctx *c, size_t i)
{
	if (i >= c->n || !(flags(c, i) & ENTX_TOK_CAPITALIZED))
		return FALSE;
	const entx_token *t = tok(c, i);
	size_t len = t->byte_end - t->byte_begin;
	const char *s = c->text + t->byte_begin;
	return (len == 1 && g_ascii_isupper(s[0])) || (len == 2 && g_ascii_isupper(s[0]) && s[1] == '.');
}

static inline void append_span(span_list *l, const span *s)
{
	if (G_UNLIKELY(l->len == l->room)) {
		l->room *= 2;
		l->v = g_renew(span, l->v, l->room);
	}
	l->v[l->len++] = *s;
}

/* Appends to spans a span over tokens [b, e) of c. */
static inline void add_span_to(span_list *spans, const ctx *c, size_t b, size_t e,
                               names_category cat, const char *cls, double conf)
{
	span s = {
		.b = b,
		.e = e,
		.cb = tok(c, b)->cp_begin,
		.ce = tok(c, e - 1)->cp_end,
		.cat = cat,
		.class_iri = cls ? cls : (cat != NAMES_NONE ? default_class(cat) : NULL),
		.conf = conf,
	};
	append_span(spans, &s);
}

static inline void add_span(ctx *c, size_t b, size_t e, names_category cat, const char *cls,
                            double conf)
{
	add_span_to(&c->spans, c, b, e, cat, cls, conf);
}

static inline const names_entry *entry(const ctx *c, uint32_t i)
{
	return names_lexicon_entry(c->lx, i);
}

static inline gboolean is_place_preposition(const ctx *c, size_t i)
{
	/* With their lengths: the word before every lone name is compared. */
#define PREP(word) {word, sizeof(word) - 1}
	static const struct {
		const char *word;
		size_t len;
	} preps[] = {PREP("in"),     PREP("at"),      PREP("near"),   PREP("from"),
	             PREP("outside"), PREP("across"), PREP("into"),   PREP("towards"),
	             PREP("toward"), PREP("around"),  PREP("between")};
#undef PREP
	if (i >= c->n)
		return FALSE;
	const entx_token *t = tok(c, i);
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	if (len < 2 || len > 7)
		return FALSE;
	char first = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
	for (size_t p = 0; p < G_N_ELEMENTS(preps); p++)
		if (first == preps[p].word[0] && len == preps[p].len &&
		    g_ascii_strncasecmp(s, preps[p].word, len) == 0)
			return TRUE;
	return FALSE;
}

/*
 * Finds the names of the document and classifies each from the evidence
 * around it (candidates.c).
 */
void names_find_candidates(ctx *c);

/*
 * Makes each acronym defined in parentheses and its long form one name
 * each, replacing the spans found in them (acronyms.c).
 */
void names_define_acronyms(ctx *c);

#endif
