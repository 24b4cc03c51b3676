/*
 * entx - date plugin: years, decades and centuries ("in 2019", "the
 * 1990s", "mid-1996", "the 20th century"). A four-digit number is a year
 * unless what surrounds it makes it a count ("2019 people", "about 2000",
 * "$2019") or part of a code ("GPV-2027").
 */
#include "date.h"

#include <string.h>

/* A plural noun or a unit after the number: "2019 people", "1500 km". */
static gboolean counted_after(const dctx *c, size_t j)
{
	char w[64];
	const entx_token *t = dtok(c, j);
	size_t n = 0;
	if (t == NULL || !(t->flags & ENTX_TOK_WORD))
		return dtok_punct(c, j, "%");
	if (dtok_lex(c, c->st->nl.units, j, &n) != NULL || dtok_lex(c, c->st->currencies, j, &n))
		return !(t->flags & ENTX_TOK_CAPITALIZED);
	if (lex_has_tok(c->st->plurals, dtok(c, j)))
		return TRUE;
	size_t len = lex_token_lower(c->doc, t, w, sizeof w);
	if (len < 3 || !(t->flags & ENTX_TOK_LOWER) || w[len - 1] != 's' ||
	    lex_has_tok(c->st->stops, dtok(c, j)))
		return FALSE;
	return strcmp(w + len - 2, "ss") != 0 && strcmp(w + len - 2, "us") != 0 &&
	       strcmp(w + len - 2, "is") != 0;
}

/* A plain four-digit year in a context that allows it. */
static gboolean year_in_context(const dctx *c, size_t i, int y)
{
	size_t n = 0;
	if (y < 1000 || y > 2100)
		return FALSE;
	if (i > 0 && dtok_adjacent(c, i) && !dtok_punct(c, i - 1, "(\"'`"))
		return FALSE;
	const entx_token *next = dtok(c, i + 1);
	if (next != NULL && dtok_adjacent(c, i + 1) && !(next->flags & ENTX_TOK_POSSESSIVE) &&
	    !dtok_punct(c, i + 1, ".,;:!?)\"'"))
		return FALSE;
	/* "fiscal 1989 sales": after "fiscal" the number is a year whatever follows. */
	if (counted_after(c, i + 1) && !(i > 0 && dtok_is(c, i - 1, "fiscal")))
		return FALSE;
	if (i > 0) {
		for (size_t back = 1; back <= 3 && back <= i; back++) {
			if (dtok_lex(c, c->st->qualifiers, i - back, &n) != NULL &&
			    i - back + n == i)
				return FALSE;
			if (dtok_lex(c, c->st->currencies, i - back, &n) != NULL &&
			    i - back + n == i)
				return FALSE;
		}
	}
	gboolean context = i > 0 && dtok_lex(c, c->st->year_context, i - 1, &n) != NULL;
	if (y < 1900 && !context)
		return FALSE;
	/* "Windows 2000", "Euro 2016": a name before the number. */
	const entx_token *prev = i > 0 ? dtok(c, i - 1) : NULL;
	if (prev != NULL && !context && (prev->flags & ENTX_TOK_WORD) &&
	    (prev->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)) &&
	    !(prev->flags & (ENTX_TOK_SENT_START | ENTX_TOK_TITLECASE_LINE)) &&
	    dtok_month(c, i - 1, &n) == 0)
		return FALSE;
	return TRUE;
}

/* "1990s" (or "90s" after an apostrophe): the decade 199. */
static int decade_of(const char *s, size_t len, gboolean apostrophe)
{
	if (len == 5 && g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) && g_ascii_isdigit(s[2]) &&
	    s[3] == '0' && (s[4] == 's' || s[4] == 'S'))
		return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	if (apostrophe && len == 3 && g_ascii_isdigit(s[0]) && s[1] == '0' && s[2] == 's')
		return 190 + (s[0] - '0');
	return -1;
}

/* The year or decade spelled by bytes s[0..len): "1996", "1990s". */
static gboolean year_or_decade(const char *s, size_t len, tval *v)
{
	int dec = decade_of(s, len, FALSE);
	if (dec >= 100) {
		v->gr = GR_DECADE;
		v->part = dec;
		return TRUE;
	}
	if (len != 4)
		return FALSE;
	int y = 0;
	for (size_t k = 0; k < 4; k++) {
		if (!g_ascii_isdigit(s[k]))
			return FALSE;
		y = y * 10 + (s[k] - '0');
	}
	if (y < 1000)
		return FALSE;
	v->gr = GR_YEAR;
	v->year = y;
	return TRUE;
}

/* One token: "1990s", "mid-1996", "late-1980s", "'90s". */
static gboolean year_token(const dctx *c, size_t i, tval *v)
{
	const entx_token *t = dtok(c, i);
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	static const struct {
		const char *text;
		size_t len;
	} prefixes[] = {{"mid-", 4}, {"early-", 6}, {"late-", 5}};
	for (size_t p = 0; p < G_N_ELEMENTS(prefixes); p++) {
		size_t pl = prefixes[p].len;
		if (len > pl && g_ascii_strncasecmp(s, prefixes[p].text, pl) == 0)
			return year_or_decade(s + pl, len - pl, v);
	}
	/* "'90s", and "the 70s" without the apostrophe */
	gboolean short_ok = (i > 0 && dtok_adjacent(c, i) && dtok_punct(c, i - 1, "'’")) ||
	                    (i > 0 && (dtok_is(c, i - 1, "the") || dtok_is(c, i - 1, "early") ||
	                               dtok_is(c, i - 1, "late") || dtok_is(c, i - 1, "mid")));
	int dec = decade_of(s, len, short_ok);
	if (dec < 0 && len == 4 && s[0] == '\'')
		dec = decade_of(s + 1, 3, TRUE);
	if (dec < 100)
		return FALSE;
	v->gr = GR_DECADE;
	v->part = dec;
	return TRUE;
}

/* "the 20th century": the century 19. */
static gboolean century(const dctx *c, size_t i, date_match *m)
{
	const entx_token *t = dtok(c, i);
	if (!(t->flags & ENTX_TOK_HAS_DIGIT))
		return FALSE;
	int nth = dtok_day_of_month(c, i);
	if (nth < 1 || nth > 21 || t->byte_end - t->byte_begin < 3 ||
	    !(dtok_is(c, i + 1, "century") || dtok_is(c, i + 1, "centuries")))
		return FALSE;
	tval_init(&m->v, GR_CENTURY);
	m->v.part = nth - 1;
	m->first = i;
	m->end = i + 2;
	m->confidence = 0.85;
	return TRUE;
}

/* text_value() of lowercased text w (changed): "ninety-six" is 96, -1 for no number. */
static int text_value(const lex_table *numbers, char *w)
{
	char *dash = strchr(w, '-');
	if (dash != NULL)
		*dash = '\0';
	const lex_entry *a = lex_lookup(numbers, w);
	if (a == NULL || a->kind == NULL)
		return -1;
	if (dash == NULL)
		return strcmp(a->kind, "unit") == 0 || strcmp(a->kind, "tens") == 0 ? (int)a->value
		                                                                    : -1;
	const lex_entry *b = lex_lookup(numbers, dash + 1);
	if (strcmp(a->kind, "tens") != 0 || b == NULL || b->value < 1 || b->value > 9)
		return -1;
	return (int)(a->value + b->value);
}

/* The value of a number word spelled with an optional hyphen: "ninety-six". */
static int word_value(const dctx *c, size_t i)
{
	char w[64];
	const entx_token *t = dtok(c, i);
	if (t == NULL || !(t->flags & ENTX_TOK_WORD) ||
	    lex_token_lower(c->doc, t, w, sizeof w) == 0)
		return -1;
	return text_value(c->st->nl.numbers, w);
}

/* The hundreds of a spelled year: "nineteen" of "nineteen ninety-six". */
static gboolean century_value(int v)
{
	return v >= 11 && v <= 20;
}

/*
 * Whether spelled_year() may start at a token that is the entry `text`
 * of the numbers table (its test lex_has_tok() passes): when the word's
 * value is a century's. A token lowercases to an ASCII entry's text
 * exactly, so word_value() reads the same there; other entries may.
 */
gboolean spelled_year_may_start(const lex_table *numbers, const char *text)
{
	char w[64];
	size_t len = strlen(text);
	for (size_t k = 0; k < len; k++)
		if ((unsigned char)text[k] >= 0x80)
			return TRUE;
	if (len + 1 > sizeof w)
		return FALSE;
	memcpy(w, text, len + 1);
	return century_value(text_value(numbers, w));
}

/* The year read aloud at tokens i and i + 1 ("nineteen ninety-six"), or -1. */
int dtok_spelled_year(const dctx *c, size_t i)
{
	if (!lex_has_tok(c->st->nl.numbers, dtok(c, i)))
		return -1;
	int hi = word_value(c, i), lo = century_value(hi) ? word_value(c, i + 1) : -1;
	return lo >= 10 && lo <= 99 ? hi * 100 + lo : -1;
}

/* Years read aloud in transcripts: "nineteen ninety-six". */
static gboolean spelled_year(const dctx *c, size_t i, date_match *m)
{
	int year = dtok_spelled_year(c, i);
	if (year < 0)
		return FALSE;
	tval_init(&m->v, GR_YEAR);
	m->v.year = year;
	m->first = i;
	m->end = i + 2;
	m->confidence = 0.7;
	return TRUE;
}

gboolean parse_year(const dctx *c, size_t i, date_match *m)
{
	if (i >= c->n)
		return FALSE;
	int nd = 0;
	int y = dtok_int(c, i, &nd);
	if (century(c, i, m) || spelled_year(c, i, m))
		return TRUE;
	tval_init(&m->v, GR_YEAR);
	m->first = i;
	m->end = i + 1;
	if (nd == 4 && year_in_context(c, i, y)) {
		m->v.year = y;
		m->confidence = 0.8;
		/* Sure enough to beat a count read over it ("fiscal 1989 sales"). */
		if (i > c->floor && dtok_is(c, i - 1, "fiscal")) {
			m->first = i - 1;
			m->confidence = 0.95;
		}
		return TRUE;
	}
	/* Digits alone (y >= 0) are no decade ("1990s", "'90s") nor "mid-1996". */
	if (y >= 0 || !(dtok(c, i)->flags & ENTX_TOK_HAS_DIGIT) || !year_token(c, i, &m->v))
		return FALSE;
	if (i > c->floor && dtok_adjacent(c, i) && dtok_punct(c, i - 1, "'’"))
		m->first = i - 1;
	m->confidence = 0.85;
	return TRUE;
}
