/*
 * entx - date plugin: named holidays ("Christmas", "Thanksgiving Day"),
 * with the year written after them or taken from the reference date.
 */
#include "date.h"

#include <string.h>

/* The n-th (n > 0) or last (n < 0) given weekday of a month. */
static int nth_weekday(int year, int month, int weekday, int n)
{
	GDate d;
	g_date_clear(&d, 1);
	if (n > 0) {
		g_date_set_dmy(&d, 1, (GDateMonth)month, (GDateYear)year);
		int first = g_date_get_weekday(&d);
		return 1 + (weekday - first + 7) % 7 + 7 * (n - 1);
	}
	int last = g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
	g_date_set_dmy(&d, (GDateDay)last, (GDateMonth)month, (GDateYear)year);
	return last - (g_date_get_weekday(&d) - weekday + 7) % 7;
}

/* Western Easter Sunday (the anonymous Gregorian algorithm), as MMDD. */
static int easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return month * 100 + day;
}

/* The holiday's MMDD in year y, 0 when it needs a year it has not got. */
static int holiday_mmdd(const lex_entry *e, int y)
{
	if (e->kind == NULL)
		return (int)e->value;
	if (y < 0)
		return 0;
	if (strcmp(e->kind, "thanksgiving") == 0)
		return 1100 + nth_weekday(y, 11, 4, 4);
	if (strcmp(e->kind, "labor") == 0)
		return 900 + nth_weekday(y, 9, 1, 1);
	if (strcmp(e->kind, "memorial") == 0)
		return 500 + nth_weekday(y, 5, 1, -1);
	if (strcmp(e->kind, "easter") == 0)
		return easter(y);
	return 0;
}

gboolean parse_holiday(const dctx *c, size_t i, date_match *m)
{
	if (i >= c->n)
		return FALSE;
	size_t n = 0;
	const entx_token *t = dtok(c, i);
	if (!(t->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)))
		return FALSE;
	const lex_entry *e = dtok_lex(c, c->st->holidays, i, &n);
	if (e == NULL)
		return FALSE;
	int nd = 0, y = dtok_int(c, i + n, &nd);
	tval_init(&m->v, GR_DAY);
	m->first = i;
	m->end = i + n;
	if (nd == 4 && y >= 1000) {
		m->end++;
	} else if (c->has_ref) {
		/* the nearest one, computed for the reference year first */
		int ry = g_date_get_year(&c->ref);
		int mmdd = holiday_mmdd(e, ry);
		y = nearest_year(c, mmdd / 100, mmdd % 100, 0);
	} else {
		y = -1;
	}
	int mmdd = holiday_mmdd(e, y);
	if (mmdd == 0) {
		m->v.year = y;
		m->confidence = 0.6;
		return TRUE; /* a movable feast without a year: XXXX-XX-XX */
	}
	m->v.year = y;
	m->v.month = mmdd / 100;
	m->v.day = mmdd % 100;
	m->confidence = 0.8;
	return TRUE;
}
