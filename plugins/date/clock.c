/*
 * entx - date plugin: clock times ("5:42 pm", "10 p.m.", "noon") and
 * the dates they attach to ("10 p.m. Wednesday", "December 17 at noon").
 */
#include "date.h"

#include <string.h>

typedef struct clock_time {
	int hour, minute;
	gboolean has_zone;
	int zone_min;
	size_t end; /* token after the time */
} clock_time;

/* a.m./p.m. glued to the digits inside a token: "10pm", "5:42p.m." */
int glued_meridiem(const dctx *c, size_t p, size_t tok_end)
{
	size_t len = tok_end - p;
	/* Meridiems are short: longer tails went unread before. */
	if (len == 0 || len >= 8 || !c->st->meridiem_first[(unsigned char)c->text[p]])
		return -1;
	const lex_entry *e = lex_lookup_ascii_lower(c->st->meridiem, c->text + p, len);
	return e != NULL ? (int)e->value : -1;
}

/* The a.m./p.m. mark after the digits ending at byte p, inside or after their token. */
static gboolean read_meridiem(const dctx *c, size_t i, size_t p, clock_time *ct, int *mer)
{
	size_t last = i, n = 0;
	for (size_t q = i; q < c->n && dtok(c, q)->byte_begin < p; q++)
		last = q;
	const entx_token *lt = dtok(c, last);
	*mer = -1;
	if (lt->byte_end > p) {
		*mer = glued_meridiem(c, p, lt->byte_end);
		if (*mer < 0)
			return FALSE;
	} else if (dtok_ending_at(c, i, p) >= c->n) {
		return FALSE;
	}
	ct->end = last + 1;
	const lex_entry *e = *mer < 0 ? dtok_lex(c, c->st->meridiem, ct->end, &n) : NULL;
	if (e != NULL) {
		*mer = (int)e->value;
		ct->end += n;
	}
	return TRUE;
}

/* "5:42", "10 p.m.", "10pm", "17:05": needs a colon or a meridiem. */
static gboolean read_digits(const dctx *c, size_t i, clock_time *ct)
{
	const char *s = c->text;
	size_t p = dtok(c, i)->byte_begin, k = 0;
	int h = 0, mi = 0, mer = -1;
	gboolean colon = FALSE;
	while (p < c->text_len && k < 2 && g_ascii_isdigit(s[p]))
		h = h * 10 + (s[p++] - '0'), k++;
	if (k == 0 || (p < c->text_len && g_ascii_isdigit(s[p])))
		return FALSE;
	if (p + 2 < c->text_len && s[p] == ':' && g_ascii_isdigit(s[p + 1]) &&
	    g_ascii_isdigit(s[p + 2]) && !(p + 3 < c->text_len && g_ascii_isdigit(s[p + 3]))) {
		mi = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
		p += 3;
		colon = TRUE;
	}
	/* Most numbers are counts: without a colon only a meridiem makes a
	 * time, and with nothing glued to the digits it is the next token. */
	if (!colon && p == dtok(c, i)->byte_end && !lex_may_start(c->st->meridiem, dtok(c, i + 1)))
		return FALSE;
	if (!read_meridiem(c, i, p, ct, &mer) || mi > 59)
		return FALSE;
	if (mer >= 0) {
		if (h < 1 || h > 12)
			return FALSE;
		h = h % 12 + mer;
	} else if (!colon || h > 24) {
		return FALSE;
	}
	ct->hour = h;
	ct->minute = mi;
	return TRUE;
}

/* Reads "H[:MM] [am|pm] [zone]" or "noon" at token i. */
static gboolean read_clock(const dctx *c, size_t i, clock_time *ct)
{
	size_t n = 0;
	memset(ct, 0, sizeof *ct);
	if (i >= c->n)
		return FALSE;
	const lex_entry *w = dtok_lex(c, c->st->clockwords, i, &n);
	if (w != NULL) {
		ct->hour = (int)w->value;
		ct->end = i + n;
	} else if (!read_digits(c, i, ct)) {
		return FALSE;
	}
	/* Zones are written in capitals: "EST", not the word "est". */
	const lex_entry *z = dtok_lex(c, c->st->zones, ct->end, &n);
	if (z != NULL && (dtok(c, ct->end)->flags & ENTX_TOK_ALLCAPS)) {
		ct->has_zone = TRUE;
		ct->zone_min = (int)z->value;
		ct->end += n;
	}
	return TRUE;
}

static void apply_clock(tval *v, const clock_time *ct)
{
	v->gr = GR_TIME;
	v->hour = ct->hour;
	v->minute = ct->minute;
	v->has_zone = ct->has_zone;
	v->zone_min = ct->zone_min;
}

/* A date right after a time: "10 p.m. Wednesday", "noon yesterday". */
static gboolean date_after(const dctx *c, size_t j, date_match *d)
{
	size_t n = 0;
	if (dtok_is(c, j, "on"))
		j++;
	const lex_entry *e = dtok_lex(c, c->st->days, j, &n);
	if (e != NULL && e->code == NULL) {
		tval_init(&d->v, GR_DAY);
		if (c->has_ref) {
			GDate g = c->ref;
			if (e->value < 0)
				g_date_subtract_days(&g, (guint)-e->value);
			else
				g_date_add_days(&g, (guint)e->value);
			tval_from_gdate(&d->v, &g, GR_DAY);
		}
		d->first = j;
		d->end = j + n;
		return TRUE;
	}
	return parse_calendar(c, j, d) && d->v.gr == GR_DAY;
}

gboolean parse_time(const dctx *c, size_t i, date_match *m)
{
	clock_time ct;
	date_match d;
	if (!read_clock(c, i, &ct))
		return FALSE;
	m->first = i;
	if (date_after(c, ct.end, &d)) {
		m->v = d.v;
		m->end = d.end;
	} else {
		tval_init(&m->v, GR_DAY);
		if (c->has_ref)
			tval_from_gdate(&m->v, &c->ref, GR_DAY);
		m->end = ct.end;
	}
	apply_clock(&m->v, &ct);
	m->confidence = 0.85;
	return TRUE;
}

/* "October 17, 2019 at 5:42 pm", "March 3, 2021, at 10:30 a.m.": a
 * time after a date. */
gboolean parse_time_after(const dctx *c, date_match *m)
{
	clock_time ct;
	size_t j = m->end;
	if (m->v.gr != GR_DAY)
		return FALSE;
	if (dtok_punct(c, j, ","))
		j++;
	if (dtok_is(c, j, "at"))
		j++;
	if (j >= c->n || !read_clock(c, j, &ct))
		return FALSE;
	apply_clock(&m->v, &ct);
	m->end = ct.end;
	return TRUE;
}
