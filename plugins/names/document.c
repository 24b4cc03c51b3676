/*
 * Decisions over the whole document: places that stand for teams in
 * sports reports, and names found in strong contexts deciding their other
 * mentions ("Dmitry Peskov ... Peskov told"). Also the entry point.
 */
#include "context.h"
#include "hash.h"

#include <entx/version.h>

/* Confidence at or above which a name teaches the rest of the document. */
#define STRONG 0.6
/* The longest token sequence looked up in the document's own names. */
#define MAX_DOC_NAME 5
/* The slots of the map of a document's names kept on the stack. */
#define KNOWN_SLOTS 64

const char *names_category_name(names_category cat)
{
	switch (cat) {
	case NAMES_PERSON:
		return "Person";
	case NAMES_ORGANIZATION:
		return "Organization";
	case NAMES_PLACE:
		return "Place";
	default:
		return NULL;
	}
}

/*
 * A report with several words of sport ("innings", "striker", "beat"),
 * counted by names_find_candidates() in its pass over every token.
 */
static gboolean is_sports_report(const ctx *c)
{
	return c->sport_words >= 2;
}

/*
 * "LONDON 1996-08-30", "CARLSBAD , California 1996-08-24", "MOSCOW,
 * Dec 17", "LONDON (Reuters) -": a place followed by a date, or starting
 * a line before a comma or a bracket, is where the story was filed. A
 * score ("Chelsea 2-1") is no date.
 */
static gboolean is_dateline(const ctx *c, const span *sp)
{
	uint32_t f = flags(c, sp->e);
	if ((f & ENTX_TOK_HYPHENATED) && (f & ENTX_TOK_HAS_DIGIT) &&
	    tok(c, sp->e)->byte_end - tok(c, sp->e)->byte_begin >= 8)
		return TRUE;
	return (sp->b == 0 || (flags(c, sp->b) & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START))) &&
	       (text_is(c, sp->e, ",") || text_is(c, sp->e, "("));
}

/*
 * "v" between the two sides of a match ("Surrey v Kent"). Draws of
 * players are written with "vs." instead.
 */
static gboolean is_versus(const ctx *c, size_t i)
{
	return text_is(c, i, "v");
}

/*
 * In a sports report a city or region that is not where something
 * happens ("in Chicago") stands for its team: "Leicestershire beat
 * Somerset", "CHICAGO 78 60". An unknown name followed by a score is a
 * team too. Countries stay places, as national teams are usually
 * written.
 */
/*
 * Where a game is played, in the lines of a fixture list or scorecard:
 * "( at The Oval , London )", "Leicester : Leicestershire beat ...".
 */
static gboolean is_venue(const ctx *c, const span *sp)
{
	if ((sp->b == 0 || (flags(c, sp->b) & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START))) &&
	    text_is(c, sp->e, ":"))
		return TRUE;
	if (!text_is(c, sp->e, ")") || sp->b < 3 || !text_is(c, sp->b - 1, ","))
		return FALSE;
	for (size_t k = sp->b - 2; k >= 1 && k + 6 > sp->b; k--)
		if (text_is(c, k, "at") && text_is(c, k - 1, "("))
			return TRUE;
	return FALSE;
}

static void sports_teams(ctx *c)
{
	if (!is_sports_report(c))
		return;
	for (guint s = 0; s < c->spans.len; s++) {
		span *sp = &c->spans.v[s];
		gboolean locative = (sp->b > 0 && is_place_preposition(c, sp->b - 1)) ||
		                    is_venue(c, sp);
		if (sp->cb != tok(c, sp->b)->cp_begin || locative || is_dateline(c, sp))
			continue;
		gboolean team = FALSE;
		/* "Surrey v Kent": either side of "v" is a team, unless a country. */
		gboolean versus = (sp->b > 0 && is_versus(c, sp->b - 1)) || is_versus(c, sp->e);
		if (versus && sp->ce == tok(c, sp->e - 1)->cp_end && sp->cat != NAMES_ORGANIZATION &&
		    !is_word(c, sp->b, NK_NOT_NAME) && !(sp->cat == NAMES_PERSON && sp->conf >= 0.8))
			team = sp->cat != NAMES_PLACE || sp->class_iri == NULL ||
			       strcmp(sp->class_iri, "schema:Country") != 0;
		else if (sp->cat == NAMES_PLACE)
			team = strcmp(sp->class_iri, "schema:City") == 0 ||
			       strcmp(sp->class_iri, "schema:AdministrativeArea") == 0 ||
			       strcmp(sp->class_iri, "schema:Place") == 0;
		else if (sp->cat == NAMES_NONE)
			team = sp->e - sp->b == 1 && !is_word(c, sp->b, NK_NOT_NAME) &&
			       (flags(c, sp->e) & ENTX_TOK_NUMBER) &&
			       (sp->b == 0 || !(flags(c, sp->b - 1) & ENTX_TOK_LOWER));
		/* "Leyton Orient 2 Hartlepool 0": a guessed name in a score line. */
		else if (sp->cat == NAMES_PERSON && sp->conf <= 0.6)
			team = (flags(c, sp->e) & ENTX_TOK_NUMBER) &&
			       (flags(c, sp->b) & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START) ||
			        (flags(c, sp->b - 1) & ENTX_TOK_NUMBER));
		/* "the Orioles", "the Florida Marlins": a team's plural nickname. */
		if (!team && sp->e - sp->b <= 2 && sp->b > 0 && text_is(c, sp->b - 1, "the") &&
		    (sp->cat == NAMES_NONE || (sp->cat == NAMES_PERSON && sp->conf <= 0.6)) &&
		    !is_word(c, sp->b, NK_NOT_NAME) && (flags(c, sp->e - 1) & ENTX_TOK_CAPITALIZED) &&
		    !(flags(c, sp->e - 1) & ENTX_TOK_ALLCAPS)) {
			const entx_token *t = tok(c, sp->e - 1);
			team = t->byte_end - t->byte_begin > 3 && c->text[t->byte_end - 1] == 's' &&
			       c->text[t->byte_end - 2] != 's';
		}
		if (team) {
			sp->cat = NAMES_ORGANIZATION;
			sp->class_iri = "schema:SportsOrganization";
			sp->conf = 0.65;
		}
	}
}

/*
 * Key of the token sequence [b, e) in the document's own names: the key
 * entx_hash_fold_combine() gives, its step inlined (a call per token into
 * the core was a sixth of the document pass).
 */
static uint64_t seq_hash(const ctx *c, size_t b, size_t e)
{
	uint64_t h = 0;
	for (size_t i = b; i < e; i++)
		h = entx_priv_hash_combine(h, c->toks[i].fold_hash);
	return h;
}

static void learn(hashmap *known, uint64_t key, guint index)
{
	hashmap_put_new(known, key, index);
}

/*
 * An empty map of the document's whose filter is not yet zeroed: most
 * documents learn no firm and no guessed surname, and zeroing the
 * filters of all three seldom-used maps up front cost more than using
 * them. Until the first learn_sparse(), which zeroes it (mask is 0 till
 * then), it must be asked nothing: its callers look at n or mask first.
 */
static void init_sparse(hashmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->mask = 0;
	m->n = 0;
	m->borrowed = FALSE;
}

static void learn_sparse(hashmap *m, uint64_t key, guint index)
{
	if (m->mask == 0)
		memset(&m->filter, 0, sizeof m->filter);
	hashmap_put_new(m, key, index);
}

/*
 * The end of an organization's name without its legal form ("Merrill
 * Lynch & Co", "Acme, Inc."), or sp->b when it has none or nothing
 * would be left but a word that is no name on its own.
 */
static size_t without_legal_form(const ctx *c, const span *sp)
{
	size_t e = sp->e;
	if (sp->cat != NAMES_ORGANIZATION || e - sp->b < 2 || !is_legal_form(c, e - 1))
		return sp->b;
	e--;
	if (e - sp->b >= 2 && (text_is(c, e - 1, "&") || text_is(c, e - 1, ",")))
		e--;
	for (size_t i = sp->b; i < e; i++)
		if (!is_cap(c, i))
			return sp->b;
	/* "News Corp" does not make every "News" a company. */
	if (e - sp->b == 1 && (is_word(c, sp->b, NK_NOT_NAME) || starts(c, sp->b, NK_DEMONYM) > 0 ||
	                       is_word(c, sp->b, NK_ORG_HEAD)))
		return sp->b;
	return e;
}

/*
 * Written as names are: a capital, then lowercase letters, with a second
 * capital only after a hyphen, an apostrophe or Mc ("Ki-moon",
 * "O'Neill", "McCain"); not "GDRs", "PowerPC" or "RMS".
 */
static gboolean is_name_shaped(const ctx *c, size_t i)
{
	const entx_token *t = tok(c, i);
	if ((t->flags & (ENTX_TOK_ALLCAPS | ENTX_TOK_HAS_DIGIT | ENTX_TOK_ABBREV)) ||
	    !(t->flags & ENTX_TOK_CAPITALIZED) || t->byte_end - t->byte_begin < 2)
		return FALSE;
	const char *s = c->text + t->byte_begin;
	for (size_t k = 1; k < t->byte_end - t->byte_begin; k++)
		if (g_ascii_isupper(s[k]) && s[k - 1] != '-' && s[k - 1] != '\'' &&
		    !(k == 2 && s[0] == 'M' && s[1] == 'c'))
			return FALSE;
	return TRUE;
}

/*
 * A word the lexicon knows nothing of, not even as a surname: the
 * surname of a guessed name ("Obama"), not a product's ("MacBook Air")
 * or a demonym.
 */
static gboolean is_unknown_name(const ctx *c, size_t i)
{
	const tok_info *ti = info(c, i);
	if (!is_name_shaped(c, i) || ti->ent_len != 0)
		return FALSE;
	return ti->word_len == 0 || (ti->word_len == 1 && ti->kinds == NK_BIT(NK_SURNAME) &&
	                             ti->strong == NK_BIT(NK_SURNAME));
}

/*
 * TRUE when the document writes the word of token i in lowercase
 * somewhere ("the windows", "the store"): a common word, not a name.
 * The words are gathered when first asked about, seldom.
 */
static gboolean written_lowercase(const ctx *c, hashmap *lowercase, gboolean *gathered,
                                  size_t i)
{
	if (!*gathered) {
		/* Asked after gathering even when no word is lowercase. */
		memset(&lowercase->filter, 0, sizeof lowercase->filter);
		for (size_t k = 0; k < c->n; k++)
			if (flags(c, k) & ENTX_TOK_LOWER)
				learn(lowercase, tok(c, k)->fold_hash, 1);
		*gathered = TRUE;
	}
	return hashmap_contains(lowercase, tok(c, i)->fold_hash);
}

/*
 * Names found in strong contexts decide their other mentions: the full
 * name, and a person's surname alone.
 */
static void resolve_in_document(ctx *c)
{
	/* Room for the names of most documents without an allocation. */
	uint64_t known_storage[HASHMAP_STORAGE_WORDS(KNOWN_SLOTS)];
	hashmap known;
	hashmap_init_in(&known, known_storage, KNOWN_SLOTS);
	/* Companies' names without their legal forms, which outweigh a guess
	 * that the same words are a person's name ("Merrill Lynch"). */
	hashmap firms;
	init_sparse(&firms);
	/* Surnames of names guessed to be people's from their shape alone
	 * ("Barack Obama"): they decide only a word left undecided or taken
	 * for a place ("Obama said"), not what the lexicon calls otherwise. */
	hashmap guessed;
	init_sparse(&guessed);
	/* Zeroed when first gathered (written_lowercase()). */
	hashmap lowercase;
	init_sparse(&lowercase);
	gboolean lowercase_gathered = FALSE;
	/* People first: "Michael Jordan" makes "Jordan" a person here. */
	/* Learning adds no span: the array stays where it is, read from locals
	 * the stores into the maps cannot be taken to change. */
	const span *spans = c->spans.v;
	const guint n_known_spans = c->spans.len;
	for (int people = 1; people >= 0; people--) {
		for (guint s = 0; s < n_known_spans; s++) {
			const span *sp = &spans[s];
			if (sp->cat == NAMES_NONE || (sp->cat == NAMES_PERSON) != people ||
			    sp->e - sp->b > MAX_DOC_NAME || sp->cb != c->toks[sp->b].cp_begin ||
			    sp->ce != c->toks[sp->e - 1].cp_end)
				continue;
			if (sp->conf < STRONG) {
				if (people && sp->e - sp->b == 2 && is_unknown_name(c, sp->b + 1) &&
				    is_name_shaped(c, sp->b) &&
				    (is_strong_word(c, sp->b, NK_FIRST) ||
				     (info(c, sp->b)->word_len == 0 && info(c, sp->b)->ent_len == 0 &&
				      !(flags(c, sp->b) & ENTX_TOK_SENT_START))))
					learn_sparse(&guessed, seq_hash(c, sp->b + 1, sp->e), s);
				continue;
			}
			learn(&known, seq_hash(c, sp->b, sp->e), s);
			size_t short_end = without_legal_form(c, sp);
			if (short_end > sp->b) {
				uint64_t short_key = seq_hash(c, sp->b, short_end);
				learn(&known, short_key, s);
				learn_sparse(&firms, short_key, s);
			}
			if (sp->cat == NAMES_PERSON && sp->e - sp->b >= 2) {
				size_t last = sp->e - 1;
				if (is_word(c, last, NK_SUFFIX) && last - 1 > sp->b)
					last--;
				if (!is_initial(c, last))
					learn(&known, seq_hash(c, last, last + 1), s);
			}
		}
	}
	size_t n_spans = c->spans.len;
	for (guint s = 0; s < n_spans; s++) {
		span sp = c->spans.v[s];
		gboolean lone_place = sp.cat == NAMES_PLACE && sp.e - sp.b == 1 &&
		                      sp.cb == tok(c, sp.b)->cp_begin;
		const uint32_t *firm = NULL;
		if (firms.n != 0 && sp.cat == NAMES_PERSON && sp.conf <= 0.8 &&
		    sp.e - sp.b <= MAX_DOC_NAME &&
		    (firm = hashmap_get(&firms, seq_hash(c, sp.b, sp.e))) != NULL) {
			span *dst = &c->spans.v[s];
			const span *src = &c->spans.v[*firm];
			dst->cat = src->cat;
			dst->class_iri = src->class_iri;
			dst->conf = STRONG;
			continue;
		}
		const uint32_t *guess = NULL;
		uint64_t key = guessed.mask != 0 && sp.e - sp.b == 1 ? seq_hash(c, sp.b, sp.e) : 0;
		if (guessed.mask != 0 && (sp.cat == NAMES_NONE || lone_place) && sp.e - sp.b == 1 &&
		    sp.cb == tok(c, sp.b)->cp_begin && sp.ce == tok(c, sp.b)->cp_end &&
		    !hashmap_contains(&known, key) && (guess = hashmap_get(&guessed, key)) != NULL &&
		    !written_lowercase(c, &lowercase, &lowercase_gathered, sp.b) &&
		    !written_lowercase(c, &lowercase, &lowercase_gathered,
		                       c->spans.v[*guess].b)) {
			span *dst = &c->spans.v[s];
			const span *src = &c->spans.v[*guess];
			dst->cat = NAMES_PERSON;
			dst->class_iri = src->class_iri;
			dst->conf = src->conf;
			continue;
		}
		if (sp.cat != NAMES_NONE && sp.conf >= STRONG && !lone_place)
			continue;
		/* The longest known name at each position of the candidate. */
		size_t i = sp.b;
		while (i < sp.e) {
			/* The keys of every length at i in one walk, longest tried first. */
			uint64_t keys[MAX_DOC_NAME + 1];
			size_t longest = MIN(sp.e - i, MAX_DOC_NAME);
			keys[0] = 0;
			for (size_t len = 1; len <= longest; len++)
				keys[len] = entx_priv_hash_combine(keys[len - 1],
				                                   c->toks[i + len - 1].fold_hash);
			size_t best = 0;
			uint32_t hit = 0;
			for (size_t len = longest; len > 0 && best == 0; len--) {
				const uint32_t *v = hashmap_get(&known, keys[len]);
				if (v != NULL) {
					best = len;
					hit = *v;
				}
			}
			if (best == 0) {
				i++;
				continue;
			}
			const span *src = &c->spans.v[hit];
			span *dst = &c->spans.v[s];
			if (lone_place && src->cat != NAMES_PERSON)
				break;
			if (i == sp.b && best == sp.e - sp.b) {
				dst->cat = src->cat;
				dst->class_iri = src->class_iri;
				dst->conf = STRONG;
				break;
			}
			if (sp.cat == NAMES_NONE)
				add_span(c, i, i + best, src->cat, src->class_iri, STRONG);
			i += best;
		}
	}
	hashmap_free(&known);
	hashmap_free(&firms);
	hashmap_free(&guessed);
	hashmap_free(&lowercase);
}

/* A decided name, as the analysis keeps it for the three plugins. */
typedef struct {
	size_t cb, ce;
	names_category cat;
	const char *class_iri; /* in the lexicon or static: outlives the document */
	double conf;
} decision;

/* The analysis of one document (entx_doc_set_data, "names.analysis"). */
typedef struct {
	const names_lexicon *lx; /* what it was computed with */
	decision *decisions;     /* in the order the plugins emit them */
	guint n_decisions;
} analysis;

/* The version keeps plugins of two builds from sharing one struct. */
#define ANALYSIS_KEY "names.analysis/" ENTX_VERSION_STRING

static void analysis_free(gpointer p)
{
	analysis *a = p;
	g_free(a->decisions);
	g_free(a);
}

/*
 * Decides every category at once, so that the result is the same
 * whichever of the three plugins asks first and whichever are loaded.
 */
static analysis *analyze(const names_lexicon *lx, const entx_doc *doc)
{
	ctx c = {
		.lx = lx,
		.doc = doc,
		.text = entx_doc_text(doc, NULL),
		.toks = entx_doc_tokens(doc, NULL),
		.n = entx_doc_n_tokens(doc),
		.info = NULL,
		.state = NULL,
		/* About a name every dozen tokens of news: seldom regrown. */
	};
	/* About a name every dozen tokens of news. */
	span_list_init(&c.spans, (guint)MIN(c.n / 12 + 8, G_MAXUINT / 2));
	/* One block for both per-token arrays, only the states zeroed. */
	c.info = g_malloc_n(c.n + 1, sizeof(tok_info) + sizeof(tok_state));
	c.info[c.n] = (tok_info){0};
	c.state = (tok_state *)(void *)(c.info + c.n + 1);
	memset(c.state, 0, (c.n + 1) * sizeof(tok_state));
	names_find_candidates(&c);
	sports_teams(&c);
	resolve_in_document(&c);
	analysis *a = g_new0(analysis, 1);
	a->lx = lx;
	/*
	 * The decided spans become decisions in the spans' own buffer, which
	 * the analysis then keeps: no second array to allocate and free per
	 * document. A decision is smaller than a span, so the n-th is written
	 * only over spans already read (the one being read is copied first).
	 */
	G_STATIC_ASSERT(sizeof(decision) <= sizeof(span));
	decision *decisions = (decision *)(void *)c.spans.v;
	guint n_decided = 0;
	for (guint s = 0; s < c.spans.len; s++) {
		span sp = c.spans.v[s];
		if (sp.cat == NAMES_NONE)
			continue;
		decisions[n_decided++] = (decision){sp.cb, sp.ce, sp.cat, sp.class_iri, sp.conf};
	}
	a->decisions = decisions;
	a->n_decisions = n_decided;
	g_free(c.info);
	return a;
}

gboolean names_extract(const names_lexicon *lx, entx_doc *doc, names_category want,
                       GError **error)
{
	analysis *a = entx_doc_get_data(doc, ANALYSIS_KEY);
	/*
	 * The analysis depends on the lexicon: a document run through a
	 * second engine is analysed again.
	 */
	if (a == NULL || a->lx != lx) {
		a = analyze(lx, doc);
		entx_doc_set_data(doc, ANALYSIS_KEY, a, analysis_free);
	}
	const char *category = names_category_name(want);
	for (guint i = 0; i < a->n_decisions; i++) {
		const decision *d = &a->decisions[i];
		if (d->cat == want)
			entx_doc_add_mention(doc, d->cb, d->ce, category, d->class_iri, d->conf);
	}
	(void)error;
	return TRUE;
}
