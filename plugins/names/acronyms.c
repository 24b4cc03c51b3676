/*
 * Acronyms defined in the text: "the International Monetary Fund (IMF)",
 * "the Centers for Disease Control and Prevention (CDC)". The letters of
 * the acronym, found in order as the initials of capitalized words before
 * the parenthesis, mark where the long form begins (after Schwartz and
 * Hearst, "A simple algorithm for identifying abbreviation definitions
 * in biomedical text", 2003, which also takes letters inside words: that
 * made "Bank of Romania" of "National Bank of Romania (BNR)"). The long
 * form is then one name, however its words were cut or classified
 * before, and the acronym names the same thing.
 */
#include "context.h"

/* The longest acronym looked for, in letters. */
#define MAX_ACRONYM 10

typedef struct {
	size_t b, e;   /* the long form, tokens */
	size_t acr;    /* the acronym's token */
	names_category cat;
	const char *class_iri;
} definition;

/* Words a long form may hold besides capitalized ones. */
static gboolean is_inner_word(const ctx *c, size_t i)
{
	return text_is(c, i, "of") || text_is(c, i, "for") || text_is(c, i, "and") ||
	       text_is(c, i, "the") || text_is(c, i, "on") || text_is(c, i, "in") ||
	       text_is(c, i, "&") || text_is(c, i, ",") || text_is(c, i, "-") ||
	       text_is(c, i, "'s") || text_is(c, i, "'");
}

/*
 * The first token of the long form of the acronym at token a, which has
 * "(" before it, or a when there is none.
 */
static size_t long_form_start(const ctx *c, size_t a)
{
	const entx_token *at = tok(c, a);
	const char *acr = c->text + at->byte_begin;
	size_t m = at->byte_end - at->byte_begin;
	size_t max_words = MIN(m + 5, m * 2);
	size_t k = a - 1; /* the "(" */
	size_t words = 0, start = a;
	/* Acronym letters still to find, from the last, as the words before
	 * the parenthesis are read backwards. */
	size_t want = m;
	while (want > 0 && k > 0) {
		k--;
		const entx_token *t = tok(c, k);
		if (t->sentence != at->sentence)
			return a;
		gboolean word = (t->flags & ENTX_TOK_WORD) && (t->flags & ENTX_TOK_CAPITALIZED);
		if (!word && !is_inner_word(c, k))
			return a;
		if (++words > max_words)
			return a;
		if (word && g_ascii_tolower(c->text[t->byte_begin]) == g_ascii_tolower(acr[want - 1]))
			want--;
		if (want == 0)
			start = k;
	}
	return want == 0 ? start : a;
}

/* An acronym in parentheses: "(IMF)", capitals only, 2 to MAX_ACRONYM letters. */
static gboolean is_defined_acronym(const ctx *c, size_t a)
{
	const entx_token *t = tok(c, a);
	size_t len = t->byte_end - t->byte_begin;
	if (a < 2 || a + 1 >= c->n || len < 2 || len > MAX_ACRONYM ||
	    (t->flags & (ENTX_TOK_ALLCAPS | ENTX_TOK_ABBREV | ENTX_TOK_HAS_DIGIT)) !=
	        ENTX_TOK_ALLCAPS ||
	    !text_is(c, a - 1, "(") || !text_is(c, a + 1, ")"))
		return FALSE;
	for (size_t p = t->byte_begin; p < t->byte_end; p++)
		if (!g_ascii_isupper(c->text[p]))
			return FALSE;
	return TRUE;
}

/* The index of the token after the one that begins at byte off, or c->n. */
static size_t token_after(const ctx *c, size_t off)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->toks[mid].byte_begin < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->toks[lo].byte_begin == off ? lo + 1 : c->n;
}

/* The acronym definitions of the document, in text order. */
static GArray *find_definitions(const ctx *c)
{
	GArray *defs = NULL;
	if (c->n < 4)
		return NULL;
	/* The parentheses first, found by memchr(), each token by bisection:
	 * most documents have a few or none. */
	const char *end = c->text + c->toks[c->n - 1].byte_end;
	for (const char *q = c->text; (q = memchr(q, '(', (size_t)(end - q))) != NULL; q++) {
		size_t a = token_after(c, (size_t)(q - c->text));
		if (a < 2 || a + 1 >= c->n)
			continue;
		if (!(flags(c, a) & ENTX_TOK_ALLCAPS) || !is_defined_acronym(c, a))
			continue;
		size_t b = long_form_start(c, a);
		size_t e = a - 1;
		/* Two words at least, the last capitalized: not "oil (OPEC)";
		 * no treaty, prize or war ("Comprehensive Test Ban Treaty"). */
		if (b + 2 > e || !(flags(c, e - 1) & ENTX_TOK_CAPITALIZED) ||
		    starts(c, e - 1, NK_NOT_ENTITY) > 0)
			continue;
		if (defs == NULL)
			defs = g_array_new(FALSE, FALSE, sizeof(definition));
		definition d = {b, e, a, NAMES_ORGANIZATION, NULL};
		g_array_append_val(defs, d);
	}
	return defs;
}

static gboolean overlaps(const span *sp, size_t b, size_t e)
{
	return sp->b < e && sp->e > b;
}

/*
 * Replaces the spans within each long form and on its acronym by one
 * span each. A span that was the whole long form gives both its
 * category ("Democratic Republic of Congo (DRC)" stays a place), or
 * keeps everything as it was if it is a person's; otherwise they are
 * organizations, as acronyms defined in news are.
 */
void names_define_acronyms(ctx *c)
{
	GArray *defs = find_definitions(c);
	if (defs == NULL)
		return;
	span_list out;
	span_list_init(&out, c->spans.len + 2 * defs->len);
	guint s = 0;
	for (guint k = 0; k < defs->len; k++) {
		definition *d = &g_array_index(defs, definition, k);
		for (; s < c->spans.len; s++) {
			const span *sp = &c->spans.v[s];
			if (sp->b >= d->b)
				break;
			if (!overlaps(sp, d->b, d->acr + 1))
				append_span(&out, sp);
		}
		guint first = s;
		for (; s < c->spans.len; s++) {
			const span *sp = &c->spans.v[s];
			if (!overlaps(sp, d->b, d->acr + 1))
				break;
			if (sp->b == d->b && sp->e == d->e && sp->cat != NAMES_NONE) {
				d->cat = sp->cat;
				d->class_iri = sp->class_iri;
			}
		}
		/* "Brent Crude (BC)": a person's initials are not a name. */
		if (d->cat == NAMES_PERSON) {
			append_spans(&out, &c->spans.v[first], s - first);
			continue;
		}
		add_span_to(&out, c, d->b, d->e, d->cat, d->class_iri, 0.85);
		add_span_to(&out, c, d->acr, d->acr + 1, d->cat, d->class_iri, 0.85);
	}
	/* The spans after the last definition, in one copy. */
	if (s < c->spans.len)
		append_spans(&out, &c->spans.v[s], c->spans.len - s);
	g_free(c->spans.v);
	c->spans = out;
	g_array_free(defs, TRUE);
}
