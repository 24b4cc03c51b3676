/*
 * entx - date plugin: TIMEX3 values, and resolving them against the
 * reference date.
 */
#include "date.h"
#include "decimal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tval_init(tval *v, granularity gr)
{
	memset(v, 0, sizeof *v);
	v->gr = gr;
	v->year = -1;
	v->hour = -1;
}

gboolean tval_to_gdate(const tval *v, GDate *d)
{
	GDateDay day = v->day > 0 ? (GDateDay)v->day : 1;
	GDateMonth month = v->month > 0 ? (GDateMonth)v->month : 1;
	if (v->year <= 0 || !g_date_valid_dmy(day, month, (GDateYear)v->year))
		return FALSE;
	g_date_clear(d, 1);
	g_date_set_dmy(d, day, month, (GDateYear)v->year);
	return TRUE;
}

void tval_from_gdate(tval *v, const GDate *d, granularity gr)
{
	v->gr = gr;
	v->year = g_date_get_year(d);
	v->month = g_date_get_month(d);
	v->day = g_date_get_day(d);
	v->weekday = 0;
	if (gr == GR_WEEK || gr == GR_WEEKEND) {
		/* The ISO year is the year of the week's Thursday. */
		GDate thu = *d;
		int wd = g_date_get_weekday(d);
		if (wd < 4)
			g_date_add_days(&thu, 4 - wd);
		else if (wd > 4)
			g_date_subtract_days(&thu, wd - 4);
		v->year = g_date_get_year(&thu);
		v->week = g_date_get_iso8601_week_of_year(d);
	}
}

/*
 * Calendar arithmetic in plain integers: nearest_year() runs for most
 * month names, and three candidate GDates cost it a thousand
 * instructions. The day number of a proleptic Gregorian date (Howard
 * Hinnant's days_from_civil) differs from GDate's Julian day by a
 * constant, so distances and order are GDate's.
 */
static gboolean leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

static long day_number(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

void ref_numbers_set(dctx *c)
{
	c->ref_year = (int)g_date_get_year(&c->ref);
	c->ref_month = (int)g_date_get_month(&c->ref);
	c->ref_day_number = day_number(c->ref_year, c->ref_month, (int)g_date_get_day(&c->ref));
}

/* GDate has no year 0 nor month 0: with one among the candidates its
 * comparisons failed (with critical warnings) and the first was kept. */
static gboolean gdate_can_reach(int ref_year, int month)
{
	return ref_year >= 2 && month >= 1 && month <= 12;
}

/*
 * The year (reference year -1, 0 or +1) putting month/day nearest the
 * reference; with lean < 0 the nearest on or before it, with lean > 0
 * on or after it (a month counts as its middle, or as itself when it is
 * the reference's).
 */
int nearest_year(const dctx *c, int month, int day, int lean)
{
	int ry = c->ref_year;
	if (!gdate_can_reach(ry, month))
		return ry - 1;
	long r = c->ref_day_number;
	int best = ry;
	gint64 best_dist = G_MAXINT64;
	for (int y = ry - 1; y <= ry + 1; y++) {
		int d = day > 0 ? day : 15;
		if (d > days_in(y, month))
			d = days_in(y, month);
		long cand = day_number(y, month, d);
		gboolean same_month = day == 0 && y == ry && month == c->ref_month;
		if (!same_month && ((lean < 0 && cand > r) || (lean > 0 && cand < r)))
			continue;
		/* On a tie the past wins: news reports more than it announces. */
		gint64 dist = 2 * llabs((long long)(cand - r)) + (cand > r);
		if (dist < best_dist) {
			best_dist = dist;
			best = y;
		}
	}
	return best;
}

gboolean month_far(const dctx *c, int month, int day)
{
	if (!gdate_can_reach(c->ref_year, month))
		return FALSE;
	int y = nearest_year(c, month, day, 0);
	long near = day_number(y, month, day > 0 ? MIN(day, days_in(y, month)) : 15);
	return labs(near - c->ref_day_number) > 90;
}

void tval_resolve(const dctx *c, tval *v)
{
	if (!c->has_ref)
		return;
	if (v->weekday != 0 && v->day == 0 && v->month == 0) {
		int rw = g_date_get_weekday(&c->ref);
		GDate d = c->ref;
		if (v->lean > 0)
			g_date_add_days(&d, (v->weekday - rw + 7) % 7);
		else
			g_date_subtract_days(&d, (rw - v->weekday + 7) % 7);
		granularity gr = v->gr;
		tval_from_gdate(v, &d, gr);
		return;
	}
	if (v->year < 0 && v->month > 0)
		v->year = nearest_year(c, v->month, v->day, v->lean);
}

gboolean tval_complete(const tval *v)
{
	if (v->year < 0)
		return FALSE;
	switch (v->gr) {
	case GR_YEAR:
		return TRUE;
	case GR_MONTH:
		return v->month > 0;
	case GR_DAY:
		return v->month > 0 && v->day > 0;
	case GR_TIME:
		return v->month > 0 && v->day > 0 && v->has_zone;
	default:
		return FALSE;
	}
}

/*
 * A TIMEX3 value is at most about 25 bytes: built in a buffer on the
 * stack, without printf on the common paths (a twentieth of the plugin's
 * time when it was printf) and without a heap string.
 */
typedef struct {
	char s[48];
	size_t len;
} value_buf;

/* Byte by byte: the pieces are shorter than the call memcpy() would be. */
static void put(value_buf *b, const char *s, size_t n)
{
	for (size_t k = 0; k < n && b->len < sizeof b->s - 1; k++)
		b->s[b->len++] = s[k];
}

static void put_str(value_buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_c(value_buf *b, char c)
{
	if (b->len < sizeof b->s - 1)
		b->s[b->len++] = c;
}

/* v zero-padded to width digits. */
static void put_digits(value_buf *b, int v, int width)
{
	/* Nearly always v fits the width (a year, a month, a day): its digits
	 * are written in place, last first. */
	static const int fits_below[] = {1, 10, 100, 1000, 10000};
	if (v >= 0 && width >= 1 && width <= 4 && v < fits_below[width] &&
	    b->len + (size_t)width < sizeof b->s) {
		/* Two digits per step from the pairs table, and 4 or 2 digits
		 * with constant divisors: one loop per digit cost more. */
		const char *pairs = entx_priv_digit_pairs();
		char *at = b->s + b->len;
		switch (width) {
		case 4:
			memcpy(at, pairs + 2 * (v / 100), 2);
			memcpy(at + 2, pairs + 2 * (v % 100), 2);
			break;
		case 2:
			memcpy(at, pairs + 2 * v, 2);
			break;
		default:
			for (int k = width; k-- > 0; v /= 10)
				at[k] = (char)('0' + v % 10);
			break;
		}
		b->len += (size_t)width;
		return;
	}
	char buf[ENTX_DECIMAL_MAX];
	put(b, buf, entx_priv_decimal(buf, v, (size_t)width));
}

static void put_year(value_buf *b, int year)
{
	if (year >= 0)
		put_digits(b, year, 4);
	else
		put_str(b, "XXXX");
}

static void put_2(value_buf *b, int v)
{
	if (v > 0)
		put_digits(b, v, 2);
	else
		put_str(b, "XX");
}

static void put_date(value_buf *b, const tval *v)
{
	if (v->weekday != 0 && v->day == 0 && v->month == 0) {
		put_year(b, v->year);
		put_str(b, "-WXX-");
		put_digits(b, v->weekday, 1);
		return;
	}
	put_year(b, v->year);
	put_c(b, '-');
	put_2(b, v->month);
	put_c(b, '-');
	put_2(b, v->day);
}

static void put_time(value_buf *b, const tval *v)
{
	put_date(b, v);
	put_c(b, 'T');
	put_digits(b, v->hour, 2);
	put_c(b, ':');
	put_digits(b, v->minute, 2);
	/* UTC is kept ("T18:00Z"); a local zone only in time:inXSDDateTimeStamp. */
	if (v->has_zone && v->zone_min == 0)
		put_c(b, 'Z');
}

/* The zone suffix of an xsd:dateTimeStamp: "Z" or "-04:00". */
void tval_zone(const tval *v, char *buf, size_t n)
{
	int z = abs(v->zone_min);
	if (v->zone_min == 0) {
		g_strlcpy(buf, "Z", n);
	} else if (z / 60 < 100) {
		/* "%c%02d:%02d" without printf */
		int hours = z / 60, minutes = z % 60;
		char zone[] = "+00:00";
		zone[0] = v->zone_min < 0 ? '-' : '+';
		zone[1] = (char)('0' + hours / 10);
		zone[2] = (char)('0' + hours % 10);
		zone[4] = (char)('0' + minutes / 10);
		zone[5] = (char)('0' + minutes % 10);
		g_strlcpy(buf, zone, n);
	} else {
		snprintf(buf, n, "%c%02d:%02d", v->zone_min < 0 ? '-' : '+', z / 60, z % 60);
	}
}

void tval_format(const tval *v, char *buf, size_t n)
{
	value_buf b;
	b.len = 0;
	switch (v->gr) {
	/*
	 * TIMEX3 writes a century or decade as the year's leading digits:
	 * "19" (ISO 8601's reduced precision for a century), "199".
	 */
	case GR_CENTURY:
		put_digits(&b, v->part, 2);
		break;
	case GR_DECADE:
		put_digits(&b, v->part, 3);
		break;
	case GR_YEAR:
		put_year(&b, v->year);
		break;
	case GR_HALF:
	case GR_QUARTER:
		put_year(&b, v->year);
		put_str(&b, v->gr == GR_HALF ? "-H" : "-Q");
		put_digits(&b, v->part, 1);
		break;
	case GR_SEASON:
		put_year(&b, v->year);
		put_c(&b, '-');
		put_str(&b, v->code);
		break;
	case GR_MONTH:
		put_year(&b, v->year);
		put_c(&b, '-');
		put_2(&b, v->month);
		break;
	case GR_WEEK:
	case GR_WEEKEND:
		put_year(&b, v->year);
		if (v->week > 0) {
			put_str(&b, "-W");
			put_digits(&b, v->week, 2);
		} else {
			put_str(&b, "-WXX");
		}
		if (v->gr == GR_WEEKEND)
			put_str(&b, "-WE");
		break;
	case GR_DAY:
		put_date(&b, v);
		break;
	case GR_DAYPART:
		put_date(&b, v);
		put_c(&b, 'T');
		put_str(&b, v->code);
		break;
	case GR_TIME:
		put_time(&b, v);
		break;
	default:
		put_str(&b, "XXXX");
		break;
	}
	b.s[b.len] = '\0';
	if (n > 0) {
		size_t k = MIN(b.len, n - 1);
		memcpy(buf, b.s, k);
		buf[k] = '\0';
	}
}
