/*
 * Finding and classifying names: runs of capitalized tokens are cut into
 * names at titles, known entities and head words, and each name is
 * classified from the evidence around it. Names with no evidence are
 * kept as unresolved candidates for the document-level pass.
 */
#include "context.h"

/* at_sentence_start() of a token after a mark: the marks are walked back over. */
static __attribute__((noinline)) gboolean after_marks_at_sentence_start(const ctx *c, size_t i)
{
	size_t j = i;
	while (j > 0 && (flags(c, j - 1) & ENTX_TOK_PUNCT) && !(flags(c, j) & ENTX_TOK_SENT_START) &&
	       !text_is(c, j - 1, ".") && !text_is(c, j - 1, ","))
		j--;
	return (flags(c, j) & (ENTX_TOK_SENT_START | ENTX_TOK_PARA_START | ENTX_TOK_NEWLINE_BEFORE)) ||
	       j == 0;
}

/*
 * First in its sentence, allowing opening quotes, brackets and dashes.
 * Asked of most runs of names, mostly of a sentence's first word or of
 * one after a word: both answered inline, with no walk.
 */
static inline gboolean at_sentence_start(const ctx *c, size_t i)
{
	uint32_t f = flags(c, i);
	if (f & ENTX_TOK_SENT_START)
		return TRUE;
	if (i > 0 && !(flags(c, i - 1) & ENTX_TOK_PUNCT))
		return (f & (ENTX_TOK_PARA_START | ENTX_TOK_NEWLINE_BEFORE)) != 0;
	return after_marks_at_sentence_start(c, i);
}

/*
 * A hyphenated compound whose parts are known names or demonyms
 * ("US-Russian", "Russian-Chinese") is not itself a name. After an
 * unknown first part, a town's or a district's name counts for nothing:
 * double given names end in words that also name small places
 * ("Jean-Paul": "Paul" is a district too), and "Kabul-Herat" starts known.
 */
static gboolean compound_of_known_parts(const ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	if (!(t->flags & ENTX_TOK_HYPHENATED) || info(c, i)->ent_len > 0)
		return FALSE;
	const char *start = c->text + t->byte_begin, *end = c->text + t->byte_end;
	const char *p = start;
	gboolean known_place = FALSE;
	while (p < end) {
		const char *q = memchr(p, '-', (size_t)(end - p));
		size_t len = (size_t)((q ? q : end) - p);
		uint64_t h = entx_hash_fold(p, len);
		if (hashmap_contains(&c->lx->demonyms, h))
			return TRUE;
		const uint32_t *v = hashmap_get(&c->lx->single, h);
		if (v != NULL && (p == start || entry(c, *v)->rank >= 80))
			known_place = TRUE;
		p = q ? q + 1 : end;
	}
	/* "Anna Boston-Kells": after a given name, a double surname. */
	return known_place && !(i > 0 && is_strong_word(c, i - 1, NK_FIRST));
}

/*
 * An English prefix before the token's first hyphen: "pro-Western",
 * "ex-Soviet", "anti-Moscow" describe, and name nothing.
 */
static gboolean has_english_prefix(const ctx *c, size_t i)
{
	static const char *const prefixes[] = {"pro", "anti", "ex", "non", "neo", "pre", "post",
	                                       "mid", "co", "re", "un", "sub", "bi", "tri", "de",
	                                       "mis", "semi", "ultra", NULL};
	const entx_token *t = tok(c, i);
	const char *p = c->text + t->byte_begin;
	const char *q = memchr(p, '-', t->byte_end - t->byte_begin);
	if (q == NULL || q - p > 5 || q == p)
		return FALSE;
	/* Asked of every hyphenated token: the first letter turns away most
	 * prefixes before their length is counted. */
	size_t len = (size_t)(q - p);
	char first = g_ascii_tolower(*p);
	for (const char *const *f = prefixes; *f != NULL; f++)
		if (**f == first && len == strlen(*f) && g_ascii_strncasecmp(p, *f, len) == 0)
			return TRUE;
	return FALSE;
}

/*
 * A capitalized word ending like an English adverb, participle or
 * superlative ("Initially", "Blaming", "Hijacked", "Oldest"), and long
 * enough not to be a short name such as "Ted" or "Ely".
 */
static gboolean has_english_ending(const ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	const char *s = c->text + t->byte_begin;
	size_t n = t->byte_end - t->byte_begin;
	if (n < 6 || !(t->flags & ENTX_TOK_CAPITALIZED) || (t->flags & ENTX_TOK_ALLCAPS))
		return FALSE;
	return memcmp(s + n - 2, "ly", 2) == 0 || memcmp(s + n - 3, "ing", 3) == 0 ||
	       memcmp(s + n - 2, "ed", 2) == 0 || memcmp(s + n - 3, "est", 3) == 0;
}

/* "al-Assad", "bin-Laden": a lowercase particle glued to a capitalized name. */
static gboolean is_particle_compound(const ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	if (!(t->flags & ENTX_TOK_HYPHENATED) || (t->flags & ENTX_TOK_CAPITALIZED))
		return FALSE;
	const char *p = c->text + t->byte_begin;
	const char *q = memchr(p, '-', t->byte_end - t->byte_begin);
	return q != NULL && q - p <= 3 && q + 1 < c->text + t->byte_end &&
	       g_unichar_isupper(g_utf8_get_char(q + 1)) && !has_english_prefix(c, i);
}

/* "US$", "HK$", "C$": capitals glued to a currency sign name the currency. */
static inline gboolean in_currency_sign(const ctx *c, size_t i)
{
	return (flags(c, i) & ENTX_TOK_ALLCAPS) && (flags(c, i + 1) & ENTX_TOK_CURRENCY) &&
	       !(flags(c, i + 1) & ENTX_TOK_SPACE_BEFORE) &&
	       tok(c, i)->byte_end - tok(c, i)->byte_begin <= 3;
}

/*
 * "Hong Kong-based", "Saudi-led": a compound ending in a participle
 * describes what follows (not "Kim In-so"); "D-N.Y.", "R-Calif.": a US
 * lawmaker's party and state after the name. Neither is a name.
 */
static __attribute__((noinline)) gboolean is_capitalized_modifier_compound(const ctx *c,
                                                                           size_t i)
{
	const entx_token *t = tok(c, i);
	const char *s = c->text + t->byte_begin, *end = c->text + t->byte_end;
	if (end - s >= 3 && (*s == 'D' || *s == 'R' || *s == 'I') && s[1] == '-' &&
	    g_ascii_isupper(s[2]) && i > 0 && (text_is(c, i - 1, ",") || text_is(c, i - 1, "(")))
		return TRUE;
	static const char *const described[] = {
		"based", "born", "led", "backed", "owned", "run", "made", "listed", "sponsored",
		"controlled", "funded", "held", "registered", "bred", "raised", "linked", "allied",
		"affiliated", "dominated", "supported", "educated", "trained", "operated", "built",
		"headquartered", "bound", "style", "area", "wide", NULL};
	const char *last = end;
	while (last > s && last[-1] != '-')
		last--;
	if (last == s || last == end)
		return FALSE;
	for (const char *const *w = described; *w != NULL; w++)
		if (**w == *last && (size_t)(end - last) == strlen(*w) &&
		    memcmp(last, *w, strlen(*w)) == 0)
			return TRUE;
	return FALSE;
}

/* Asked after every run of names, mostly of a token with no hyphen. */
static inline gboolean is_modifier_compound(const ctx *c, size_t i)
{
	uint32_t f = c->toks[i].flags;
	return (f & ENTX_TOK_HYPHENATED) && (f & ENTX_TOK_CAPITALIZED) &&
	       is_capitalized_modifier_compound(c, i);
}

static __attribute__((noinline)) gboolean is_hyphenated_name_token(const ctx *c, size_t i)
{
	if (is_cap(c, i))
		return !compound_of_known_parts(c, i) && !is_modifier_compound(c, i);
	return is_particle_compound(c, i);
}

/* Asked of every token: the common unhyphenated case is inline, and a
 * lowercase word is turned away by its flags alone. */
static inline gboolean is_name_token(const ctx *c, size_t i)
{
	if (i >= c->n)
		return FALSE;
	uint32_t f = c->toks[i].flags;
	if (f & ENTX_TOK_HYPHENATED)
		return is_hyphenated_name_token(c, i);
	return is_cap(c, i) && !in_currency_sign(c, i);
}

/*
 * Asked only in lines of capitalized words, so worked out on demand; the
 * answer is kept for every token walked over, so that a long such line
 * is walked once, not once per token.
 */
gboolean names_in_list_line(const ctx *c, size_t i)
{
	size_t j = i;
	while (c->state[j].line == LINE_UNKNOWN && j > 0 &&
	       !(flags(c, j) & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START)))
		j--;
	uint8_t line = c->state[j].line;
	if (line == LINE_UNKNOWN)
		line = (flags(c, j) & ENTX_TOK_NUMBER) ? LINE_LIST : LINE_PLAIN;
	for (size_t k = j; k <= i; k++)
		c->state[k].line = line;
	return line == LINE_LIST;
}

void names_look_up(const ctx *c, size_t i)
{
	tok_info *ti = &c->info[i];
	const entx_token *t = tok(c, i);
	const uint32_t *pl = NULL;
	size_t np = 0;
	*ti = (tok_info){0};
	c->state[i].looked_up = TRUE;
	if (!(t->flags & ENTX_TOK_WORD) && !text_is(c, i, "&"))
		return;
	size_t len = 0;
	unsigned lists = first_filter_lists(&c->lx->first, t->fold_hash);
	if (lists & (1u << FIRST_WORDS))
		len = entx_gazetteer_match(c->lx->words, c->doc, i, c->n, &pl, &np);
	if (len > 0) {
		ti->word_len = (uint16_t)MIN(len, G_MAXUINT16);
		for (size_t k = 0; k < np; k++) {
			unsigned kind_byte = WORD_PAYLOAD_KIND(pl[k]);
			unsigned kind = kind_byte & ~WORD_STRONG;
			ti->kinds |= NK_BIT(kind);
			if (kind_byte & WORD_STRONG)
				ti->strong |= NK_BIT(kind);
			if (kind >= NK_ORG_HEAD && kind <= NK_PLACE_NOUN)
				ti->head = WORD_PAYLOAD_ENTRY(pl[k]);
		}
	}
	if (!(lists & (1u << FIRST_ENTITIES)) || !may_start_entity(c, i))
		return;
	len = entx_gazetteer_match(c->lx->entities, c->doc, i, c->n, &pl, &np);
	/* "German" is a town somewhere, but in news it is a demonym. */
	if (len == 0 || (len == 1 && is_word(c, i, NK_DEMONYM)))
		return;
	if (len == 1 && in_currency_sign(c, i))
		return;
	uint32_t best = pl[0];
	for (size_t k = 1; k < np; k++)
		if (entry(c, pl[k])->rank > entry(c, best)->rank)
			best = pl[k];
	/*
	 * Entities are names: a lowercase "turkey" or "china" is not one
	 * unless the entry itself is lowercase (al-Qaeda). An acronym
	 * is not a town of that name ("GAO", "Gao") except where whole
	 * lines are in capitals (datelines, headlines).
	 */
	if (len == 1 && (t->flags & ENTX_TOK_ALLCAPS) && t->byte_end - t->byte_begin <= 4 &&
	    !entry(c, best)->exact_case && !in_headline(c, i) &&
	    !(t->flags & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START)) && i > 0)
		return;
	if (is_cap(c, i) || entry(c, best)->lower_ok) {
		ti->ent = best;
		ti->ent_len = (uint16_t)MIN(len, G_MAXUINT16);
	}
}

/*
 * process_run() asks, for ever later starts k in one run of name tokens,
 * where the first token after k with some property is. A cursor keeps
 * the answer until k passes it, so each token of a run is tested once
 * per property: a run of n tokens costs O(n), not O(n^2) (a text of
 * thousands of "U.S." in one sentence took minutes).
 */
typedef gboolean (*run_test)(const ctx *c, size_t i, size_t e, names_kind kind);

typedef struct {
	size_t hit; /* the first token with the property from the last start on */
} run_cursor;

/*
 * The first i in [from, limit) for which test(c, i, e, kind) holds, or
 * limit; from must not decrease between calls on one cursor, which
 * starts zeroed (from is always at least 1).
 */
static size_t run_find(run_cursor *cur, const ctx *c, size_t from, size_t limit, size_t e,
                       run_test test, names_kind kind)
{
	if (from <= cur->hit)
		return cur->hit;
	size_t i = from;
	while (i < limit && !test(c, i, e, kind))
		i++;
	cur->hit = i;
	return i;
}

/*
 * Token i is the one-token entry of `kind`. A prefix entry such as "Bank
 * of" is the longest word-list match at "Bank" and so hides the head
 * word: it counts as one ("National Bank of Poland", "the Awami League
 * of ...").
 */
static gboolean is_single(const ctx *c, size_t i, names_kind kind)
{
	if (is_word(c, i, kind))
		return TRUE;
	names_kind prefix = kind == NK_ORG_HEAD     ? NK_ORG_PREFIX
	                    : kind == NK_PLACE_HEAD ? NK_PLACE_PREFIX
	                                            : kind;
	return prefix != kind && starts(c, i, prefix) == 2;
}

/* A word-list entry of `kind` starts at m and ends exactly at token e. */
static gboolean head_ends_at(const ctx *c, size_t m, size_t e, names_kind kind)
{
	return e - m == 1 ? is_single(c, m, kind) : starts(c, m, kind) == e - m;
}

static inline __attribute__((always_inline)) const names_entry *
head_ending_after(const ctx *c, run_cursor *cur, size_t b, size_t e, names_kind kind)
{
	size_t m = run_find(cur, c, b + 1, e, e, head_ends_at, kind);
	return m < e ? entry(c, info(c, m)->head) : NULL;
}

/* head_ending_after() of each kind asked, each compiled for its kind's
 * bit and filter: asked of every token of the runs of names. */
static __attribute__((noinline)) const names_entry *
org_head_ending_after(const ctx *c, run_cursor *cur, size_t b, size_t e)
{
	return head_ending_after(c, cur, b, e, NK_ORG_HEAD);
}

static __attribute__((noinline)) const names_entry *
place_head_ending_after(const ctx *c, run_cursor *cur, size_t b, size_t e)
{
	return head_ending_after(c, cur, b, e, NK_PLACE_HEAD);
}

static __attribute__((noinline)) const names_entry *
not_entity_ending_after(const ctx *c, run_cursor *cur, size_t b, size_t e)
{
	return head_ending_after(c, cur, b, e, NK_NOT_ENTITY);
}

/*
 * The head word of `kind` that starts after token b and ends exactly at
 * e, or NULL. Asked three times for every token of a run, and most often
 * of its last token, after which no head can start: that answer (and the
 * cursor left at e, as run_find() would leave it) needs no call.
 */
static inline const names_entry *head_ending_at(const ctx *c, run_cursor *cur, size_t b,
                                                size_t e, names_kind kind)
{
	if (b + 1 >= e) {
		cur->hit = e;
		return NULL;
	}
	switch (kind) {
	case NK_ORG_HEAD:
		return org_head_ending_after(c, cur, b, e);
	case NK_PLACE_HEAD:
		return place_head_ending_after(c, cur, b, e);
	case NK_NOT_ENTITY:
		return not_entity_ending_after(c, cur, b, e);
	default:
		return head_ending_after(c, cur, b, e, kind);
	}
}

/* A title or role (any case) ending right before token i. */
static gboolean title_before(const ctx *c, size_t i)
{
	for (size_t back = 1; back <= 3 && back <= i; back++) {
		size_t len = starts(c, i - back, NK_TITLE);
		if (len == back)
			return TRUE;
	}
	return FALSE;
}

/*
 * Evidence after a name ending at token e: a suffix to take in, an age or
 * a person noun in apposition, a verb of saying, an organization noun.
 */
typedef struct {
	size_t suffix_end;   /* > e when "Jr." and the like follow */
	gboolean person;     /* ", 42," or ", a spokesman" */
	gboolean says;
	const names_entry *org_noun;
} after_evidence;

static after_evidence look_after(const ctx *c, size_t e)
{
	after_evidence a = {.suffix_end = e};
	size_t i = e;
	if (is_word(c, i, NK_SUFFIX))
		a.suffix_end = ++i;
	else if (text_is(c, i, ",") && is_word(c, i + 1, NK_SUFFIX) &&
	         (flags(c, i + 1) & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)))
		a.suffix_end = i = i + 2;
	if (text_is(c, i, ",")) {
		if ((flags(c, i + 1) & ENTX_TOK_NUMBER) && (text_is(c, i + 2, ",") || text_is(c, i + 2, ".")))
			a.person = TRUE;
		else if (starts(c, i + 1, NK_PERSON_NOUN) > 0 || (starts(c, i + 1, NK_TITLE) > 0 &&
		                                                 (flags(c, i + 1) & ENTX_TOK_LOWER)))
			a.person = TRUE;
		/* ", a former minister" */
		else if ((text_is(c, i + 1, "a") || text_is(c, i + 1, "the")) &&
		         (starts(c, i + 2, NK_TITLE) > 0 || starts(c, i + 3, NK_TITLE) > 0))
			a.person = TRUE;
	}
	if (starts(c, i, NK_SAY) > 0 && (flags(c, i) & ENTX_TOK_LOWER))
		a.says = TRUE;
	if ((flags(c, i) & ENTX_TOK_LOWER) && starts(c, i, NK_ORG_NOUN) > 0)
		a.org_noun = entry(c, info(c, i)->head);
	return a;
}

/*
 * Token i, longer than min_len bytes, ends like a plural noun: in -s,
 * not -ss or -us, nor -is when no_is ("Paris").
 */
static gboolean has_plural_ending(const ctx *c, size_t i, size_t min_len, gboolean no_is)
{
	const entx_token *t = tok(c, i);
	size_t n = t->byte_end - t->byte_begin;
	const char *s = c->text + t->byte_begin;
	return n > min_len && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u' &&
	       !(no_is && s[n - 2] == 'i');
}

/* A lowercase word that looks like a plural noun: "tanks", not "says". */
static gboolean is_plural_noun(const ctx *c, size_t i)
{
	return (flags(c, i) & ENTX_TOK_LOWER) && starts(c, i, NK_SAY) == 0 &&
	       has_plural_ending(c, i, 3, FALSE);
}

/* A team's goals or points, "2"; not a tennis set's "6-3". */
static gboolean is_team_score(const ctx *c, size_t i)
{
	if (i >= c->n || !(flags(c, i) & ENTX_TOK_NUMBER))
		return FALSE;
	const entx_token *t = tok(c, i);
	return memchr(c->text + t->byte_begin, '-', t->byte_end - t->byte_begin) == NULL;
}

/*
 * A competitor's name [b, e) in a line of results: a country in brackets
 * after it, "Karel Novak ( Czech Republic ) vs. ..."; a team's has a
 * score before or after it, "Dukla Kosice ( Slovakia ) 2".
 */
static gboolean competitor_before_country(const ctx *c, size_t b, size_t e)
{
	if (!text_is(c, e, "(") || info(c, e + 1)->ent_len == 0)
		return FALSE;
	const names_entry *en = entry(c, info(c, e + 1)->ent);
	size_t close = e + 1 + info(c, e + 1)->ent_len;
	return en->category == NAMES_PLACE && g_strcmp0(en->class_iri, "schema:Country") == 0 &&
	       text_is(c, close, ")") && !is_team_score(c, close + 1) &&
	       !(b > 0 && is_team_score(c, b - 1));
}

/*
 * An unknown name [b, e) with the context around it. person_ctx is set
 * when a title or role came right before.
 */
/* Nouns that a person's name modifies after "the": "the Clinton
 * administration", "the Dutroux case". */
static const char *const person_modified_nouns[] = {
	"administration", "government", "regime", "campaign", "family", "case",
	"trial", "era", "presidency", "affair", "scandal",
};

static gboolean is_person_modified_noun(const ctx *c, size_t i)
{
	return (flags(c, i) & ENTX_TOK_LOWER) &&
	       text_is_any(c, i, person_modified_nouns, G_N_ELEMENTS(person_modified_nouns));
}

/*
 * A name guessed to be a person's from its words alone. After "the" such
 * a name is far more often a place, a team or an event's ("at the
 * Santiago Bernabeu", "the Golden Four"): it is left to the document's
 * other mentions (which find "Bill Clinton" elsewhere), unless a noun
 * after it says whose ("the Clinton administration").
 */
static void add_person_guess(ctx *c, size_t b, size_t e, double conf)
{
	if (b > 0 && text_is(c, b - 1, "the") && !is_person_modified_noun(c, e))
		add_span(c, b, e, NAMES_NONE, NULL, 0.0);
	else
		add_span(c, b, e, NAMES_PERSON, NULL, conf);
}

static void classify_name(ctx *c, size_t b, size_t e, gboolean person_ctx)
{
	size_t len = e - b;
	after_evidence a = look_after(c, e);
	gboolean initial = FALSE;
	for (size_t i = b; i < e; i++)
		if (is_initial(c, i))
			initial = TRUE;
	/* Given names and surnames have no filter: both tokens are looked up. */
	const tok_info *first_info = info(c, b), *last_info = info(c, e - 1);
	gboolean first = info_is_strong_word(first_info, NK_FIRST);
	gboolean weak_first = info_is_word(first_info, NK_FIRST);
	gboolean surname = info_is_word(last_info, NK_SURNAME);
	gboolean strong_surname = info_is_strong_word(last_info, NK_SURNAME);

	/* "Federal Security Service (FSB)": the acronym names what came before. */
	if (len == 1 && b >= 2 && text_is(c, b - 1, "(") && text_is(c, e, ")") &&
	    (flags(c, b) & ENTX_TOK_ALLCAPS) && c->spans.len > 0) {
		const span *prev = &c->spans.v[c->spans.len - 1];
		if (prev->e == b - 1 && prev->cat == NAMES_ORGANIZATION) {
			add_span(c, b, e, NAMES_ORGANIZATION, prev->class_iri, 0.85);
			return;
		}
	}
	if (person_ctx && !(len == 1 && (flags(c, b) & ENTX_TOK_ALLCAPS) && !in_headline(c, b))) {
		add_span(c, b, a.suffix_end, NAMES_PERSON, NULL, 0.85);
		return;
	}
	if (a.suffix_end > e && len >= 1) {
		add_span(c, b, a.suffix_end, NAMES_PERSON, NULL, 0.85);
		return;
	}
	if (len >= 2 && first) {
		add_person_guess(c, b, e, 0.8);
		return;
	}
	/* "L Todd Wood", not "W L PCT GB". */
	if (len >= 2 && !(flags(c, e - 1) & ENTX_TOK_ALLCAPS) && (initial || (weak_first && surname))) {
		add_person_guess(c, b, e, 0.7);
		return;
	}
	if (a.person) {
		add_span(c, b, e, NAMES_PERSON, NULL, 0.75);
		return;
	}
	/* "Belgian club Standard Liege", "the news agency Tanjug". */
	if (b > 0 && (flags(c, b - 1) & ENTX_TOK_LOWER) && starts(c, b - 1, NK_ORG_NOUN) == 1 &&
	    !a.person && !first) {
		add_span(c, b, e, NAMES_ORGANIZATION, entry(c, info(c, b - 1)->head)->class_iri, 0.7);
		return;
	}
	/* "the town of Zvornik", "Kandahar province". */
	const names_entry *place_noun = NULL;
	/* "city" is also hidden by the prefix "City of" (London). */
	if (b >= 2 && text_is(c, b - 1, "of") && (flags(c, b - 2) & ENTX_TOK_LOWER) &&
	    (starts(c, b - 2, NK_PLACE_NOUN) == 1 || starts(c, b - 2, NK_PLACE_PREFIX) == 2))
		place_noun = entry(c, info(c, b - 2)->head);
	else if ((flags(c, e) & ENTX_TOK_LOWER) && starts(c, e, NK_PLACE_NOUN) == 1)
		place_noun = entry(c, info(c, e)->head);
	if (place_noun != NULL && !first && !a.person) {
		add_span(c, b, e, NAMES_PLACE, place_noun->class_iri, 0.7);
		return;
	}
	if (a.org_noun != NULL && !in_headline(c, b)) {
		add_span(c, b, e, NAMES_ORGANIZATION, a.org_noun->class_iri, 0.7);
		return;
	}
	/* In a line of results, where capitals say nothing, a country in
	 * brackets says who. */
	if (len >= 2 && len <= 3 && !(flags(c, b) & ENTX_TOK_ALLCAPS) && in_headline(c, b) &&
	    competitor_before_country(c, b, e)) {
		add_person_guess(c, b, e, 0.6);
		return;
	}
	/*
	 * Capitalization is no evidence in a headline or at a sentence start:
	 * leave those to the document's other mentions.
	 */
	if (in_headline(c, b) || (len == 1 && at_sentence_start(c, b))) {
		add_span(c, b, e, NAMES_NONE, NULL, 0.0);
		return;
	}
	if (len == 1) {
		const entx_token *t = tok(c, b);
		size_t nbytes = t->byte_end - t->byte_begin;
		/* "31 Abrams tanks": a model between a count and what it counts. */
		if (b > 0 && (flags(c, b - 1) & ENTX_TOK_NUMBER) && is_plural_noun(c, e) &&
		    tok(c, b - 1)->byte_end - tok(c, b - 1)->byte_begin != 4) {
			add_span(c, b, e, NAMES_NONE, NULL, 0.0);
			return;
		}
		/* "the Commission", "the Fund": a capitalized head word alone
		 * names the one the story is about. */
		if (b > 0 && text_is(c, b - 1, "the") && info_is_word(first_info, NK_ORG_HEAD)) {
			add_span(c, b, e, NAMES_ORGANIZATION, entry(c, info(c, b)->head)->class_iri, 0.55);
			return;
		}
		/*
		 * "FSB", "WHO": an acronym; not a numeral ("World War II"), a
		 * model or period ("A380", "Q2") or a unit after a number
		 * ("8 GB", "100 USD").
		 */
		if ((t->flags & ENTX_TOK_ALLCAPS) && nbytes >= 2 && nbytes <= 6 &&
		    !(t->flags & ENTX_TOK_HAS_DIGIT) && !info_is_word(first_info, NK_SUFFIX) &&
		    !(b > 0 && (flags(c, b - 1) & ENTX_TOK_NUMBER))) {
			add_span(c, b, e, NAMES_ORGANIZATION, NULL, 0.55);
			return;
		}
		/* "in Kandahar", but not "the Nobel Prize in Physics", nor "in Q4". */
		if (b > 0 && is_place_preposition(c, b - 1) && !surname &&
		    !(t->flags & ENTX_TOK_HAS_DIGIT) &&
		    !(b >= 2 && (text_is(c, b - 2, "Prize") || text_is(c, b - 2, "Award")))) {
			add_span(c, b, e, NAMES_PLACE, NULL, 0.5);
			return;
		}
		if (a.says || strong_surname || weak_first) {
			add_person_guess(c, b, e, 0.5);
			return;
		}
		add_span(c, b, e, NAMES_NONE, NULL, 0.0);
		return;
	}
	if (surname || a.says) {
		add_person_guess(c, b, e, 0.6);
		return;
	}
	add_person_guess(c, b, e, 0.5);
}

/*
 * "Jose Miguel Insulza Monday said": news puts the day right after a
 * name, so a weekday ends one even after a given name (where other words
 * that are not names may be surnames: "Peter Such").
 */
static gboolean is_weekday(const ctx *c, size_t i)
{
	static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
	                                   "Friday", "Saturday", "Sunday"};
	return text_is_any(c, i, days, G_N_ELEMENTS(days));
}

/*
 * The tokens of a run that make up a person's or unknown name from k.
 * After a title (person_ctx), a town's name that is also a surname ends
 * the person's name instead of starting a place ("Justice Ketanji Brown
 * Jackson").
 */
static size_t name_segment_end(const ctx *c, size_t k, size_t b, gboolean person_ctx)
{
	size_t m = k + 1;
	while (m < b) {
		const tok_info *ti = info(c, m);
		/*
		 * "Michael Jordan", "Wang Donghai": an entity right after a
		 * given name is a surname; "Air France" is no person.
		 */
		gboolean given = is_strong_word(c, k, NK_FIRST) ||
		                 (is_word(c, k, NK_FIRST) && is_strong_word(c, m, NK_SURNAME));
		/* "J. Crawford", "M. Austin": after an initial, a town's or a
		 * firm's name is a surname; a country's is not ("S. Africa"). */
		gboolean after_initial = is_initial(c, m - 1) && entry(c, ti->ent)->rank < 80;
		gboolean surname_last = person_ctx && m + ti->ent_len == b &&
		                        is_word(c, m, NK_SURNAME) && entry(c, ti->ent)->rank < 80;
		if (ti->ent_len > 0 && !(given && (m == k + 1 || is_word(c, m, NK_SURNAME))) &&
		    !after_initial && !surname_last)
			break;
		/*
		 * A title ends the name before it, unless it is also a name
		 * ("Billie Jean King"); not when a given name follows it
		 * ("Boxing Association President Ramon Manzanares").
		 */
		size_t title = starts(c, m, NK_TITLE);
		if (title > 0 && !is_word(c, m, NK_FIRST) &&
		    (!is_word(c, m, NK_SURNAME) ||
		     (m + title < b && is_word(c, m + title, NK_FIRST))))
			break;
		if (starts(c, m, NK_DEMONYM) > 0)
			break;
		/* "SPD FDP Greens": acronyms side by side are separate names. */
		if ((flags(c, m) & ENTX_TOK_ALLCAPS) && (flags(c, m - 1) & ENTX_TOK_ALLCAPS) &&
		    !in_headline(c, m) && !is_initial(c, m) && !is_initial(c, m - 1))
			break;
		if (is_word(c, m, NK_NOT_NAME) && (!is_word(c, k, NK_FIRST) || is_weekday(c, m)))
			break;
		m++;
	}
	return m;
}

static size_t entity_conf_and_add(ctx *c, size_t k)
{
	const tok_info *ti = info(c, k);
	const names_entry *en = entry(c, ti->ent);
	double conf = en->rank >= 80 ? 0.9 : en->rank >= 60 ? 0.85 : 0.8;
	add_span(c, k, k + ti->ent_len, (names_category)en->category, en->class_iri, conf);
	return k + ti->ent_len;
}

/* Tokens [b, e) are capitalized words the lexicon knows nothing about. */
static gboolean all_unknown(const ctx *c, size_t b, size_t e)
{
	const uint32_t known = NK_BIT(NK_FIRST) | NK_BIT(NK_TITLE) | NK_BIT(NK_NOT_NAME) |
	                       NK_BIT(NK_DEMONYM) | NK_BIT(NK_NOT_ENTITY) | NK_BIT(NK_PARTICLE) |
	                       NK_BIT(NK_SUFFIX);
	for (size_t i = b; i < e; i++) {
		if (!is_cap(c, i) || is_initial(c, i) || info(c, i)->ent_len > 0 ||
		    (info(c, i)->kinds & known) || (info(c, i)->strong & NK_BIT(NK_SURNAME)))
			return FALSE;
	}
	return b < e;
}

/*
 * Words that continue a name after its head word: "Bank of England",
 * "Commission on Human Rights", "Organisation for Security".
 */
static gboolean is_head_glue(const ctx *c, size_t i)
{
	return text_is(c, i, "of") || text_is(c, i, "on") || text_is(c, i, "for");
}

/* Token i is a head word that glue may follow. */
static gboolean is_head_before_glue(const ctx *c, size_t i)
{
	return is_single(c, i, NK_ORG_HEAD) || is_single(c, i, NK_PLACE_HEAD);
}

static gboolean glue_after_head(const ctx *c, size_t i, size_t e, names_kind kind)
{
	(void)e;
	(void)kind;
	return is_head_glue(c, i) && is_head_before_glue(c, i - 1);
}

/*
 * One past the index of an organization or place head word followed by
 * "of" inside [b, e), or 0.
 */
static size_t head_before_of(const ctx *c, run_cursor *cur, size_t b, size_t e)
{
	size_t i = run_find(cur, c, b + 1, e - 1, e, glue_after_head, 0);
	return i + 1 < e ? i : 0;
}

static gboolean is_ampersand(const ctx *c, size_t i, size_t e, names_kind kind)
{
	(void)e;
	(void)kind;
	return text_is(c, i, "&");
}

static gboolean has_ampersand(const ctx *c, run_cursor *cur, size_t b, size_t e)
{
	return run_find(cur, c, b + 1, e - 1, e, is_ampersand, 0) + 1 < e;
}

/* "European Medicines Agency": no nation's government, but the name of
 * a body of many. */
static gboolean is_continental(const ctx *c, size_t i)
{
	static const char *const adjectives[] = {"European", "African", "Asian",
	                                         "Arab",     "Nordic",  "Caribbean"};
	return text_is_any(c, i, adjectives, G_N_ELEMENTS(adjectives));
}

static gboolean all_capitals(const ctx *c, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (!(flags(c, i) & ENTX_TOK_ALLCAPS))
			return FALSE;
	return TRUE;
}

/*
 * A headline in capitals ("KEVIN BROWN LOWERS ERA AS MARLINS BEAT REDS")
 * is one run of capitalized words: only what the lexicon knows is taken
 * from it: entities, and people's surnames, with a given name before.
 */
static void process_capitals(ctx *c, size_t a, size_t b)
{
	size_t k = a;
	while (k < b) {
		const tok_info *ti = info(c, k);
		if (ti->ent_len > 0 && ti->ent_len <= b - k) {
			k = entity_conf_and_add(c, k);
		} else if (info_is_strong_word(ti, NK_FIRST) && k + 1 < b &&
		           is_word(c, k + 1, NK_SURNAME) && !is_word(c, k + 1, NK_NOT_NAME)) {
			add_span(c, k, k + 2, NAMES_PERSON, NULL, 0.7);
			k += 2;
		} else if (info_is_strong_word(ti, NK_SURNAME) && !info_is_word(ti, NK_NOT_NAME) &&
		           info_starts(ti, NK_DEMONYM) == 0 &&
		           tok(c, k)->byte_end - tok(c, k)->byte_begin >= 3) {
			add_span(c, k, k + 1, NAMES_PERSON, NULL, 0.6);
			k++;
		} else {
			k++;
		}
	}
}

/* Cuts the run of name tokens [a, b) into names and classifies them. */
/* The organization or place head word that ends the name [k, m) of two
 * tokens or more, or NULL. */
static const names_entry *head_of_segment(const ctx *c, size_t k, size_t m)
{
	for (size_t p = k + 1; p < m; p++)
		if (head_ends_at(c, p, m, NK_ORG_HEAD) || head_ends_at(c, p, m, NK_PLACE_HEAD))
			return entry(c, info(c, p)->head);
	return NULL;
}

/* process_run() of any run: cuts it at titles, entities and head words. */
static __attribute__((noinline)) void process_long_run(ctx *c, size_t a, size_t b,
                                                       gboolean person_before)
{
	if (b - a >= 3 && in_headline(c, a) && all_capitals(c, a, b)) {
		process_capitals(c, a, b);
		return;
	}
	gboolean person_ctx = person_before;
	run_cursor org_cur = {0}, place_cur = {0}, not_entity_cur = {0}, of_cur = {0}, amp_cur = {0};
	size_t k = a;
	/*
	 * "Fullback Andre Joubert", "Top-seeded Thomas Muster": a sentence's
	 * first word that the lexicon does not know as a name, before a given
	 * name, is a capitalized role or adjective; not a short or all-capital
	 * one ("St Ansgar", "IBM"). A plural one ("Astronauts Butch Wilmore")
	 * is, before a given name that is also a word.
	 */
	if (b - a >= 3 && at_sentence_start(c, a) && !in_headline(c, a) && info(c, a)->ent_len == 0 &&
	    info(c, a)->word_len == 0 && !(flags(c, a) & ENTX_TOK_ALLCAPS) &&
	    tok(c, a)->byte_end - tok(c, a)->byte_begin >= 4 &&
	    (is_strong_word(c, a + 1, NK_FIRST) ||
	     (is_word(c, a + 1, NK_FIRST) && has_plural_ending(c, a, 4, TRUE)))) {
		person_ctx = TRUE;
		k = a + 1;
	}
	/*
	 * "Initially Poland", "Hijacked Sudan", "Oldest Albania": a sentence's
	 * first word with an English ending, unknown to the lexicon, before a
	 * known name is no part of it. The ending is tested first: token a is
	 * looked up anyway, a + 1 often not at all when a is known.
	 */
	if (k == a && b - a >= 2 && info(c, a)->ent_len == 0 && info(c, a)->word_len == 0 &&
	    has_english_ending(c, a) && info(c, a + 1)->ent_len == b - a - 1 &&
	    at_sentence_start(c, a) && !in_headline(c, a))
		k = a + 1;
	while (k < b) {
		const tok_info *ti = info(c, k);
		size_t len = 0;

		/*
		 * "Princess Diana": after a title, a name that is also a town
		 * or region is the person's; not a country ("President Obama"
		 * has no place in it, "Queen of England" is no title here).
		 */
		if (person_ctx && ti->ent_len == b - k && ti->ent_len <= 2 &&
		    entry(c, ti->ent)->category == NAMES_PLACE && entry(c, ti->ent)->rank < 80 &&
		    (info_is_word(ti, NK_FIRST) || is_word(c, b - 1, NK_SURNAME))) {
			classify_name(c, k, b, TRUE);
			return;
		}
		if (ti->ent_len == b - k) {
			k = entity_conf_and_add(c, k);
			continue;
		}
		/* "Hurricane Ian", "Operation Desert Storm": no person, no place. */
		if ((len = info_starts(ti, NK_EVENT_PREFIX)) > 0 && k + len < b && ti->ent_len == 0)
			return;
		/* Looked for only now: a known entity of the whole rest of the
		 * run, the commonest case, needs no head word. */
		const names_entry *org_head = head_ending_at(c, &org_cur, k, b, NK_ORG_HEAD);
		const names_entry *place_head = head_ending_at(c, &place_cur, k, b, NK_PLACE_HEAD);
		/*
		 * "Bill Clinton", "Christian Cullen": a given name that is also
		 * an event word or a demonym, before a surname; not before a
		 * title ("German Chancellor Olaf Scholz").
		 */
		gboolean given = info_is_strong_word(ti, NK_FIRST) && k + 1 < b &&
		                 is_word(c, k + 1, NK_SURNAME) && info(c, k + 1)->ent_len == 0 &&
		                 starts(c, k + 1, NK_TITLE) == 0;
		/*
		 * "Jan Kowalczyk": the month's abbreviation comes before a day's
		 * number; before one unknown word or surname that ends the run,
		 * mid-sentence or in a line of results, it is the given name.
		 * Full months are not ("the September Bund contract").
		 */
		if (!given && k + 2 == b && text_is(c, k, "Jan") &&
		    !(flags(c, k + 1) & ENTX_TOK_ALLCAPS) && info(c, k + 1)->ent_len == 0 &&
		    (info(c, k + 1)->word_len == 0 || is_word(c, k + 1, NK_SURNAME)) &&
		    starts(c, k + 1, NK_TITLE) == 0 &&
		    ((!at_sentence_start(c, k) && !in_headline(c, k)) ||
		     competitor_before_country(c, k, b)))
			given = TRUE;
		/* "First Albany Corp.", "New Asia Bank": the adjective is part of the name. */
		gboolean named_adjective = (text_is(c, k, "First") || text_is(c, k, "New")) &&
		                           (org_head != NULL || place_head != NULL) &&
		                           !in_headline(c, k);
		if (ti->ent_len == 0 && !given && !named_adjective &&
		    (info_is_word(ti, NK_NOT_NAME) || info_starts(ti, NK_NOT_ENTITY) > 0)) {
			/*
			 * Mid-sentence, "Such" may be the surname of "Peter Such":
			 * let the document decide.
			 */
			if (info_is_word(ti, NK_NOT_NAME) && !at_sentence_start(c, k) && !in_headline(c, k))
				add_span(c, k, k + 1, NAMES_NONE, NULL, 0.0);
			/* "Mr Smith", as British papers write it: no name, but a title. */
			if (info_starts(ti, NK_TITLE) == 1)
				person_ctx = TRUE;
			k++;
			continue;
		}
		/*
		 * "Korean Peninsula" and "Iraqi National Congress" keep their
		 * demonym; "Russian President" and "German Foreign Ministry" do
		 * not.
		 */
		if (!given && ti->ent_len <= info_starts(ti, NK_DEMONYM) &&
		    (len = info_starts(ti, NK_DEMONYM)) > 0 &&
		    place_head == NULL &&
		    (org_head == NULL || b - k < len + 2 ||
		     (strcmp(org_head->class_iri, "schema:GovernmentOrganization") == 0 &&
		      !is_continental(c, k)))) {
			k += len;
			continue;
		}
		if ((len = info_starts(ti, NK_ORG_PREFIX)) > 0 && k + len < b) {
			add_span(c, k, b, NAMES_ORGANIZATION, entry(c, ti->head)->class_iri, 0.8);
			return;
		}
		/* "World Cup", "Moscow Summit": names of events are not ours. */
		if (head_ending_at(c, &not_entity_cur, k, b, NK_NOT_ENTITY) != NULL)
			return;
		if ((len = head_before_of(c, &of_cur, k, b)) > 0) {
			/* "Patriotic Union of Kurdistan", "Gulf of Mexico". */
			const names_entry *h = entry(c, info(c, len - 1)->head);
			add_span(c, k, b, (names_category)h->category, h->class_iri, 0.75);
			return;
		}
		if (org_head != NULL && b - k >= 2 && info_starts(ti, NK_TITLE) != b - k) {
			add_span(c, k, b, NAMES_ORGANIZATION, org_head->class_iri, 0.75);
			return;
		}
		if (has_ampersand(c, &amp_cur, k, b)) {
			add_span(c, k, b, NAMES_ORGANIZATION, "schema:Corporation", 0.7);
			return;
		}
		if ((len = info_starts(ti, NK_PLACE_PREFIX)) > 0 && k + len < b && ti->ent_len == 0) {
			add_span(c, k, b, NAMES_PLACE, entry(c, ti->head)->class_iri, 0.75);
			return;
		}
		if (place_head != NULL && b - k >= 2) {
			add_span(c, k, b, NAMES_PLACE, place_head->class_iri, 0.7);
			return;
		}
		/* "Air Force", "News Agency": a run that is all head word. */
		if ((len = info_starts(ti, NK_ORG_HEAD)) >= 2 && k + len == b && ti->ent_len == 0) {
			add_span(c, k, b, NAMES_ORGANIZATION, entry(c, ti->head)->class_iri, 0.7);
			return;
		}
		/*
		 * A title with no name after it ("the Chief Operating Officer").
		 * One that is also a surname ("King said") is left for the
		 * document to decide: a "Billie Jean King" before makes it hers;
		 * not "the King" or "King of Spain".
		 */
		if ((len = info_starts(ti, NK_TITLE)) > 0 && ti->ent_len == 0 && k + len == b) {
			if (len == 1 && info_is_word(ti, NK_SURNAME) && !text_is(c, b, "of") &&
			    !(k > 0 && (text_is(c, k - 1, "the") || text_is(c, k - 1, "The") ||
			                text_is(c, k - 1, "a") || text_is(c, k - 1, "A"))))
				add_span(c, k, b, NAMES_NONE, NULL, 0.0);
			return;
		}
		/*
		 * "Mother Angelica": a nun is known by her religious name with
		 * the title in it; "his mother Jane" keeps the title out.
		 */
		if (text_is(c, k, "Mother") && k + 1 < b && is_word(c, k + 1, NK_FIRST)) {
			classify_name(c, k, b, TRUE);
			return;
		}
		if ((len = info_starts(ti, NK_TITLE)) > 0 && ti->ent_len == 0 && k + len < b &&
		    !info_is_strong_word(ti, NK_FIRST)) {
			person_ctx = TRUE;
			k += len;
			continue;
		}
		if (ti->ent_len > 0) {
			/*
			 * "Jordan Henderson", "Paris Hilton": a given name that is
			 * also a place, followed by a name.
			 */
			size_t after = k + ti->ent_len;
			gboolean person = ti->ent_len == 1 && info_is_strong_word(ti, NK_FIRST) &&
			                  after < b &&
			                  (info(c, after)->ent_len == 0 || is_word(c, after, NK_SURNAME)) &&
			                  starts(c, after, NK_TITLE) == 0 &&
			                  !is_word(c, after, NK_NOT_NAME);
			/*
			 * "Bayer Leverkusen", "Ajax Amsterdam": a known
			 * organization with its home city is one name.
			 */
			if (!person && after < b && info(c, after)->ent_len == b - after &&
			    entry(c, ti->ent)->category == NAMES_ORGANIZATION &&
			    entry(c, info(c, after)->ent)->category == NAMES_PLACE &&
			    g_strcmp0(entry(c, info(c, after)->ent)->class_iri, "schema:City") == 0) {
				add_span(c, k, b, NAMES_ORGANIZATION, entry(c, ti->ent)->class_iri, 0.75);
				return;
			}
			if (!person && after < b && all_unknown(c, after, b)) {
				/* "Washington Redskins", "Reuters Television". */
				add_span(c, k, b, NAMES_ORGANIZATION, NULL, 0.55);
				return;
			}
			if (!person) {
				k = entity_conf_and_add(c, k);
				person_ctx = FALSE;
				continue;
			}
		}
		size_t m = name_segment_end(c, k, b, person_ctx);
		/*
		 * ...but "MaliVai Washington" is a person: one unknown word
		 * before a surname that names a city.
		 */
		gboolean surname_city = m == k + 1 && b == m + 1 && is_strong_word(c, m, NK_SURNAME) &&
		                        entry(c, info(c, m)->ent)->rank < 80;
		if (m < b && info(c, m)->ent_len == b - m && !person_ctx && !info_is_word(ti, NK_FIRST) &&
		    all_unknown(c, k, m) && !surname_city) {
			/* "Air France", "Dynamo Moscow": a name built on a place. */
			add_span(c, k, b, NAMES_ORGANIZATION, NULL, 0.55);
			return;
		}
		/* "Boxing Association President Ramon Manzanares": a name cut
		 * short by a title names an organization by its head word. */
		const names_entry *head = m < b ? head_of_segment(c, k, m) : NULL;
		if (head != NULL)
			add_span(c, k, m, (names_category)head->category, head->class_iri, 0.75);
		else
			classify_name(c, k, m, person_ctx);
		person_ctx = FALSE;
		k = m;
	}
}

/*
 * The kinds that decide a run of one token, which is no entity, before
 * classify_name() is asked: the prefixes, head words and event words
 * that also cut runs say something only with a token after them.
 */
#define ONE_TOKEN_DECIDING_KINDS \
	(NK_BIT(NK_NOT_NAME) | NK_BIT(NK_NOT_ENTITY) | NK_BIT(NK_DEMONYM) | NK_BIT(NK_TITLE))

/*
 * Cuts the run of name tokens [a, b) into names and classifies them;
 * person_before: an office or a title comes right before token a.
 * Three runs in four are one token: a known entity, a word that is no
 * name ("The", "But") or one left to classify_name(). Those are decided
 * here as process_long_run() would decide them, without its setup.
 */
static inline void process_run(ctx *c, size_t a, size_t b, gboolean person_before)
{
	if (b - a == 1) {
		const tok_info *ti = info(c, a);
		/* After a title, a town may be the person's name ("Princess Diana"). */
		if (ti->ent_len == 1 && !person_before) {
			entity_conf_and_add(c, a);
			return;
		}
		if (ti->ent_len == 0 && !(ti->kinds & ONE_TOKEN_DECIDING_KINDS)) {
			classify_name(c, a, b, person_before);
			return;
		}
		if (ti->ent_len == 0 && info_is_word(ti, NK_NOT_NAME)) {
			/* Mid-sentence, "Such" may be the surname of "Peter Such". */
			if (!at_sentence_start(c, a) && !in_headline(c, a))
				add_span(c, a, b, NAMES_NONE, NULL, 0.0);
			return;
		}
	}
	process_long_run(c, a, b, person_before);
}

/*
 * Parts of a hyphenated token that are known places or organizations:
 * "US" in "US-Russian". Offsets are counted in code points inside the
 * token.
 */
static void compound_parts(ctx *c, size_t i)
{
	if (has_english_prefix(c, i))
		return;
	const entx_token *t = tok(c, i);
	const char *start = c->text + t->byte_begin, *end = c->text + t->byte_end;
	const char *p = start;
	while (p < end) {
		const char *q = memchr(p, '-', (size_t)(end - p));
		const char *pe = q ? q : end;
		uint64_t h = entx_hash_fold(p, (size_t)(pe - p));
		const uint32_t *v = pe > p ? hashmap_get(&c->lx->single, h) : NULL;
		if (v != NULL && g_unichar_isupper(g_utf8_get_char(p))) {
			const names_entry *en = entry(c, *v);
			span s = {
				.b = i,
				.e = i + 1,
				.cb = t->cp_begin + (size_t)g_utf8_strlen(start, p - start),
				.ce = t->cp_begin + (size_t)g_utf8_strlen(start, pe - start),
				.cat = (names_category)en->category,
				.class_iri = en->class_iri,
				.conf = 0.8,
			};
			append_span(&c->spans, &s);
		}
		p = q ? q + 1 : end;
	}
}

/*
 * "Secretary of Defense Lloyd Austin", "Chancellor of the Exchequer
 * Jeremy Hunt", "Governor of the Bank of Japan Kazuo Ueda": a run after a
 * title and "of" names the office, then, from a given name on, who holds
 * it; so does a run after a title phrase that ends in it ("Secretary of
 * State Antony Blinken"). Returns where the holder's name begins in the
 * run [b, e), or b; and sets *title_at_b to title_before(c, b), from the
 * same titles, which process_run() would otherwise look for again.
 */
static size_t holder_after_office(const ctx *c, size_t b, size_t e, gboolean *title_at_b)
{
	/* The nearest title that reaches into the run, and whether one ends
	 * right before it, in one pass over the three tokens before b. */
	gboolean title_ends_at_b = FALSE;
	size_t office_end = 0;
	for (size_t back = 1; back <= 3 && back <= b; back++) {
		size_t len = starts(c, b - back, NK_TITLE);
		if (len == back)
			title_ends_at_b = TRUE;
		else if (len > back && office_end == 0)
			office_end = b - back + len;
	}
	*title_at_b = title_ends_at_b;
	if (office_end != 0)
		return office_end < e ? office_end : b;
	if (b < 2)
		return b;
	size_t of = b >= 3 && text_is(c, b - 1, "the") ? b - 2 : b - 1;
	if (!text_is(c, of, "of") || !title_before(c, of))
		return b;
	for (size_t k = b + 1; k + 1 < e; k++)
		if (is_strong_word(c, k, NK_FIRST) && starts(c, k, NK_TITLE) == 0)
			return k;
	return b;
}

/*
 * "Department of Health and Human Services", "Ministry of Agriculture and
 * Forestry": after "and", words that are no name of their own go on with
 * the organization's name; "Bank of England and Barclays", "Ministry of
 * Defence and John Smith", "... and Foreign Ministry" name two.
 */
static gboolean continues_office(const ctx *c, size_t i)
{
	if (!is_name_token(c, i) || info(c, i)->ent_len > 0 || is_word(c, i, NK_FIRST) ||
	    starts(c, i, NK_DEMONYM) > 0)
		return FALSE;
	for (size_t k = i; k < c->n && is_name_token(c, k) && k < i + 8; k++)
		if (starts(c, k, NK_ORG_PREFIX) > 0 || info(c, k)->ent_len > 0)
			return FALSE;
	return TRUE;
}

/*
 * Whether "and" at j (the caller has checked the word) joins the one
 * or two words [i, j) to a name that ends in an organization's head
 * word: "Food and Drug Administration", "National Oceanic and
 * Atmospheric Administration", also after a
 * country ("U.S. Fish and Wildlife Service"). Not when the words before
 * are a known organization, a head or a person's name ("Pfizer and
 * BioNTech SE", "Apple Inc and Acme Corp", "Smith and Acme Agency"), nor
 * before a legal form ("KeyCorp and Banc One Corp."): news lists two
 * companies that way far more often than it names one.
 */
static __attribute__((noinline)) gboolean and_before_org_head(const ctx *c, size_t i, size_t j)
{
	size_t b = i + (is_word(c, i, NK_NOT_NAME) ? 1 : 0); /* "The" */
	if (j - b == 2 && info(c, b)->ent_len == 1 && entry(c, info(c, b)->ent)->category ==
	    NAMES_PLACE)
		b++;
	if (j <= b || j - b > 2)
		return FALSE;
	for (size_t k = b; k < j; k++)
		if (info(c, k)->ent_len > 0 || is_word(c, k, NK_ORG_HEAD) ||
		    is_word(c, k, NK_PLACE_HEAD) || is_strong_word(c, k, NK_FIRST) ||
		    is_strong_word(c, k, NK_SURNAME) || starts(c, k, NK_DEMONYM) > 0 ||
		    is_legal_form(c, k))
			return FALSE;
	for (size_t m = j + 1; m <= j + 3 && is_name_token(c, m); m++) {
		if (info(c, m)->ent_len > 0 || starts(c, m, NK_ORG_PREFIX) > 0)
			return FALSE;
		if (is_strong_word(c, m, NK_FIRST))
			return FALSE;
		if (is_word(c, m, NK_ORG_HEAD))
			return !is_legal_form(c, m) && !is_name_token(c, m + 1);
	}
	return FALSE;
}

static gboolean is_saint(const ctx *c, size_t i)
{
	return text_is(c, i, "St.") || text_is(c, i, "St") || text_is(c, i, "Saint");
}

static gboolean has_given_name(const ctx *c, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		if (is_strong_word(c, k, NK_FIRST))
			return TRUE;
	return FALSE;
}

/*
 * Whether token j may be glue other than a particle: "&", "of", "on",
 * "for", "and", or a possessive. Asked of the token after every run of
 * names, mostly a word or mark that the first byte turns away from all.
 */
static inline gboolean may_be_glue_word(const ctx *c, size_t j)
{
	const entx_token *t = &c->toks[j];
	char first = c->text[t->byte_begin];
	return (t->flags & ENTX_TOK_POSSESSIVE) || first == '&' || first == 'o' || first == 'f' ||
	       first == 'a';
}

/*
 * The abbreviations news agencies write for US states and Canadian
 * provinces after a town ("Boulder, Colo.", "REGINA, Sask."), without
 * their last period. Most are words too ("Ill", "Mass", "Wash"), so they
 * count only after a town and a comma.
 */
static const char *const state_abbreviations[] = {
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
	"Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr",
	"Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C",
	"S.D", "Tenn", "Tex", "Vt", "Va", "W.Va", "Wash", "Wis", "Wyo", "Alta", "B.C", "Man",
	"Ont", "Que", "Sask", "N.S", NULL,
};

/* Token i, with or without its last period, is a state's abbreviation. */
static gboolean is_state_abbreviation(const ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	const char *p = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	if (len > 1 && p[len - 1] == '.')
		len--;
	if (len < 2 || len > 5)
		return FALSE;
	for (const char *const *a = state_abbreviations; *a != NULL; a++)
		if ((*a)[0] == p[0] && strlen(*a) == len && memcmp(*a, p, len) == 0)
			return TRUE;
	return FALSE;
}

/*
 * "Woodridge, Ill.", "PONTIAC, Mich.": a state's abbreviation after a
 * name and a comma, ending there (a period, a line's end, a date) names
 * the state, and the name before it a town, unless the name was taken
 * for an organization. Returns the token after the abbreviation, or i
 * when that is left to the lexicon.
 */
static __attribute__((noinline)) size_t town_and_state(ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	gboolean ends = c->text[t->byte_end - 1] == '.' || i + 1 >= c->n ||
	                text_is(c, i + 1, ".") ||
	                (flags(c, i + 1) & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_NUMBER));
	if (!ends || !is_cap(c, i - 2) || !is_state_abbreviation(c, i))
		return i;
	if (c->spans.len > 0) {
		span *town = &c->spans.v[c->spans.len - 1];
		if (town->e == i - 1 && (town->cat == NAMES_NONE || town->cat == NAMES_PERSON)) {
			town->cat = NAMES_PLACE;
			town->class_iri = "schema:City";
			town->conf = 0.7;
		}
	}
	/* The lexicon may know some ("N.J."): then it names them. */
	if (info(c, i)->ent_len > 0)
		return i;
	add_span(c, i, i + 1, NAMES_PLACE, "schema:AdministrativeArea", 0.8);
	return i + 1;
}

/*
 * The run of name tokens, or the lone token, that starts at token i:
 * processes it and returns the first token after it.
 */
static size_t find_names_at(ctx *c, size_t i)
{
	if (!is_name_token(c, i)) {
		if ((flags(c, i) & ENTX_TOK_HYPHENATED) && info(c, i)->ent_len == 0)
			compound_parts(c, i);
		/* Lowercase entity entries such as al-Qaeda; asked first, so
		 * that other tokens need no lookup at all. */
		else if (may_start_entity(c, i) && info(c, i)->ent_len > 0)
			return entity_conf_and_add(c, i);
		return i + 1;
	}
	/* Asked of every name token: its length and the comma before it
	 * turn away nearly all before town_and_state() is called. */
	const entx_token *t = &c->toks[i];
	if (t->byte_end - t->byte_begin <= 6 && i >= 2 &&
	    c->text[c->toks[i - 1].byte_begin] == ',') {
		size_t after_state = town_and_state(c, i);
		if (after_state > i)
			return after_state;
	}
	size_t last = i;
	size_t j = i + 1;
	gboolean org_of = FALSE; /* an organization's name went on after "of" */
	while (j < c->n && !(flags(c, j) & ENTX_TOK_NEWLINE_BEFORE) &&
	       tok(c, j)->sentence == tok(c, i)->sentence) {
		/* "Acme Corp. Chairman John Smith": two names. */
		if (is_legal_form(c, last) && !is_legal_form(c, j))
			break;
		/* "Air France Flight 447": the airline, not its flight. */
		if (text_is(c, j, "Flight") && (flags(c, j + 1) & ENTX_TOK_NUMBER))
			break;
		/* "Airbus A380", "Lockheed F-16": the maker, not its model. */
		if ((flags(c, j) & ENTX_TOK_HAS_DIGIT) && info(c, i)->ent_len == j - i)
			break;
		if (is_name_token(c, j) || is_initial(c, j)) {
			last = j++;
			continue;
		}
		/*
		 * "Ludwig van Beethoven", "Bank of England", "Prosecutor
		 * General's Office": glue inside a name, never at its end.
		 */
		gboolean glue = FALSE;
		size_t particle_len = 0;
		if ((flags(c, j) & ENTX_TOK_LOWER) &&
		    (particle_len = starts(c, j, NK_PARTICLE)) > 0)
			glue = TRUE;
		else if (!may_be_glue_word(c, j))
			glue = FALSE;
		else if (text_is(c, j, "&"))
			glue = TRUE;
		else if (text_is(c, j, "of") &&
		         (starts(c, i, NK_ORG_PREFIX) || starts(c, i, NK_PLACE_PREFIX))) {
			glue = TRUE;
			org_of = starts(c, i, NK_ORG_PREFIX) > 0;
		} else if (is_head_glue(c, j) && is_head_before_glue(c, last)) {
			glue = TRUE;
			org_of = is_single(c, last, NK_ORG_HEAD);
		} else if (text_is(c, j, "and")) {
			glue = org_of ? continues_office(c, j + 1) : and_before_org_head(c, i, j);
		}
		/*
		 * "Prosecutor General's Office", "St. Peter's Square"; not
		 * after a person's name ("Narendra Modi's Bharatiya Janata
		 * Party") or a known one ("Britain's Foreign Office").
		 */
		else if ((flags(c, j) & ENTX_TOK_POSSESSIVE) && j + 1 < c->n &&
		         info(c, i)->ent_len != j - i &&
		         (!has_given_name(c, i, j) || is_saint(c, i))) {
			for (size_t m = j + 1; m < c->n && is_cap(c, m); m++)
				if (is_word(c, m, NK_ORG_HEAD) || is_word(c, m, NK_PLACE_HEAD))
					glue = TRUE;
		}
		/* "Organization of the Petroleum Exporting Countries" */
		size_t next = j + 1;
		if (glue && text_is(c, j, "of") && text_is(c, next, "the"))
			next++;
		/* "Jan van der Berg": a particle of two words ends at the
		 * later of the two. */
		else if (particle_len > 1)
			next = j + particle_len;
		if (!glue || !is_name_token(c, next) || is_word(c, next, NK_NOT_NAME))
			break;
		/* "the Awami League of Prime Minister Sheikh Hasina": a
		 * title before a name ends the organization's name. */
		size_t title = starts(c, next, NK_TITLE);
		if (title > 0 && is_name_token(c, next + title))
			break;
		j = next;
	}
	/* "Hong Kong-based": the run names what the compound describes. */
	if (last + 1 < c->n && is_modifier_compound(c, last + 1))
		return last + 1;
	gboolean title_at_i = FALSE;
	size_t holder = holder_after_office(c, i, last + 1, &title_at_i);
	if (holder > i && info(c, i)->ent_len == holder - i)
		entity_conf_and_add(c, i);
	process_run(c, holder, last + 1, holder > i || title_at_i);
	return last + 1;
}

/*
 * Token i is a word of sports reports ("innings", "striker", "beat"):
 * the sport_first map turns away nearly all others before a lookup.
 */
static inline gboolean is_sport_word(const ctx *c, size_t i)
{
	const entx_token *t = &c->toks[i];
	return (t->flags & ENTX_TOK_WORD) && hashmap_contains(&c->lx->sport_first, t->fold_hash) &&
	       (info(c, i)->kinds & NK_BIT(NK_SPORT));
}

/* Counts the sports words of tokens [b, e), up to two: a report needs no more. */
static inline void count_sport_words(ctx *c, size_t b, size_t e)
{
	for (size_t i = b; i < e && c->sport_words < 2; i++)
		if (is_sport_word(c, i))
			c->sport_words++;
}

/* Tokens that may start a name: capitalized or hyphenated ones; all others are
 * lowercase words that start a name only as the first of a lowercase entity. */
#define MAYBE_NAME (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS | ENTX_TOK_HYPHENATED)

/* Token t may start a name or be a sports word: see skip_lowercase_words(). */
static inline gboolean may_start_name_or_sport(const entx_token *t,
                                               const word_filter *lower_or_sport)
{
	return (t->flags & MAYBE_NAME) || word_filter_may_have(lower_or_sport, t->fold_hash);
}

/*
 * The first token from i on that may start a name or be a sports word.
 * A loop of its own, on locals: most tokens of a text are lowercase
 * words that one filter bit turns away, and the context's fields would
 * be read again for each, as find_names() writes through the context.
 */
static inline size_t skip_lowercase_words(const entx_token *toks, size_t i, size_t n,
                                          const word_filter *lower_or_sport)
{
	/* Two tokens a turn: one bounds test and one step for both. */
	for (; i + 1 < n; i += 2) {
		if (may_start_name_or_sport(&toks[i], lower_or_sport))
			return i;
		if (may_start_name_or_sport(&toks[i + 1], lower_or_sport))
			return i + 1;
	}
	if (i < n && !may_start_name_or_sport(&toks[i], lower_or_sport))
		i++;
	return i;
}

/*
 * Finds the runs of name tokens and processes each, and counts the
 * sports words on the way: both ask something of every token of the
 * document, and most tokens are lowercase words that one filter bit
 * turns away from both.
 */
static void find_names(ctx *c)
{
	const entx_token *toks = c->toks;
	size_t n = c->n;
	size_t i = 0;
	while ((i = skip_lowercase_words(toks, i, n, &c->lx->lower_or_sport_first)) < n) {
		/* A lowercase word that starts no lowercase entity: what
		 * find_names_at() would skip. */
		if (!(toks[i].flags & MAYBE_NAME) && !names_lower_may_start(c->lx, toks, i, n)) {
			count_sport_words(c, i, i + 1);
			i++;
			continue;
		}
		size_t next = find_names_at(c, i);
		count_sport_words(c, i, next);
		i = next;
	}
}

void names_find_candidates(ctx *c)
{
	find_names(c);
	names_define_acronyms(c);
}
