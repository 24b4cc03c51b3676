/*
 * entx - date plugin: reading tokens.
 */
#include "date.h"

#include <string.h>

/* Skips one token that is one of chars; returns the next index. */
size_t dtok_skip(const dctx *c, size_t i, const char *chars)
{
	return dtok_punct(c, i, chars) ? i + 1 : i;
}


/* Calendar names count when capitalized, or in an all-caps line. */
static gboolean capitalized(const dctx *c, size_t i)
{
	const entx_token *t = dtok(c, i);
	return t != NULL && (t->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS));
}

/* The entry of the month named at token i, *n tokens; NULL when none. */
const lex_entry *dtok_month_entry(const dctx *c, size_t i, size_t *n)
{
	if (!capitalized(c, i)) {
		if (n != NULL)
			*n = 0;
		return NULL;
	}
	return dtok_lex(c, c->st->months, i, n);
}

/* The month named at token i (1-12), *n tokens; 0 when none. */
int dtok_month(const dctx *c, size_t i, size_t *n)
{
	const lex_entry *e = dtok_month_entry(c, i, n);
	return e != NULL ? (int)e->value : 0;
}

int dtok_weekday(const dctx *c, size_t i, size_t *n)
{
	if (!capitalized(c, i))
		return 0;
	const lex_entry *e = dtok_lex(c, c->st->weekdays, i, n);
	return e != NULL ? (int)e->value : 0;
}

/* The non-negative integer that is token i (digits only), or -1. */
int dtok_int(const dctx *c, size_t i, int *n_digits)
{
	const entx_token *t = dtok(c, i);
	if (t == NULL || t->byte_end - t->byte_begin > 9)
		return -1;
	int v = 0;
	for (size_t b = t->byte_begin; b < t->byte_end; b++) {
		if (!g_ascii_isdigit(c->text[b]))
			return -1;
		v = v * 10 + (c->text[b] - '0');
	}
	if (n_digits != NULL)
		*n_digits = (int)(t->byte_end - t->byte_begin);
	return v;
}

/* The token that ends exactly at byte b, scanning from token i; c->n when none. */
size_t dtok_ending_at(const dctx *c, size_t i, size_t b)
{
	for (size_t k = i; k < c->n; k++) {
		const entx_token *t = dtok(c, k);
		if (t->byte_end == b)
			return k;
		if (t->byte_end > b)
			break;
	}
	return c->n;
}

/*
 * TRUE when the month or season name at token i, alone up to token end,
 * begins the name of an event: "the March for Life", "the Spring of
 * Life": "of" or "for" and a capitalized word (after "the" maybe) that
 * is no calendar name. Not after a preposition ("in March for Apple"),
 * nor in a headline, where every word is capitalized.
 */
gboolean dtok_event_name(const dctx *c, size_t i, size_t end)
{
	if (!dtok_is(c, end, "of") && !dtok_is(c, end, "for"))
		return FALSE;
	size_t k = dtok_is(c, end + 1, "the") ? end + 2 : end + 1;
	const entx_token *t = dtok(c, k);
	if (t == NULL || !(t->flags & ENTX_TOK_CAPITALIZED) ||
	    (t->flags & ENTX_TOK_TITLECASE_LINE) || dtok_month(c, k, NULL) > 0 ||
	    dtok_weekday(c, k, NULL) > 0)
		return FALSE;
	size_t n = 0;
	return !(i > 0 && dtok_lex(c, c->st->year_context, i - 1, &n) != NULL);
}
