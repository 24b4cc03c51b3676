/*
 * entx - date plugin: dates written out ("Friday, December 15",
 * "17 December 2017", "2017-12-17"), years, decades and clock times.
 */
#include "date.h"

#include <string.h>

/* A four-digit year at token i (1000-2999), or -1. */
static int year_at(const dctx *c, size_t i)
{
	int nd = 0;
	int y = dtok_int(c, i, &nd);
	return nd == 4 && y >= 1000 && y <= 2999 ? y : -1;
}

/* Words before a weekday that make it the next one: "will meet Friday". */
static const char *const future_cues[] = {
    "will", "'ll",   "shall", "scheduled", "upcoming", "planned", "planning", "plans",    "set",
    "due",  "might", "may",   "should",    "expected", "expects", "expect",   "effective"};

/* Puts each of n words in map by fold hash, its index as the value: a
 * token then needs one lookup, not one comparison per word. */
static void index_words(hashmap *map, const char *const *words, size_t n)
{
	for (size_t w = 0; w < n; w++)
		hashmap_put(map, entx_hash_fold(words[w], strlen(words[w])), (uint32_t)w);
}

void collect_future_cues(hashmap *cues)
{
	index_words(cues, future_cues, G_N_ELEMENTS(future_cues));
}

static gboolean future_cue(const dctx *c, size_t i)
{
	/* "as early as Tuesday", "as soon as Tuesday" */
	if (i >= 3 && dtok_is(c, i - 1, "as") && dtok_is(c, i - 3, "as"))
		return TRUE;
	for (size_t k = i; k > 0 && k + 12 > i; k--) {
		const entx_token *t = dtok(c, k - 1);
		const uint32_t *w = hashmap_get(&c->st->future_cues, t->fold_hash);
		/* "set to open", "set for Friday"; not "the record set on Aug. 6" */
		if (w != NULL && dtok_is(c, k - 1, future_cues[*w]) &&
		    !(dtok_is(c, k - 1, "set") && !dtok_is(c, k, "to") && !dtok_is(c, k, "for")))
			return TRUE;
		if (t->flags & ENTX_TOK_SENT_START)
			break;
	}
	return FALSE;
}

/*
 * "until" a few words before a weekday: a deadline, which news reports
 * before it passes ("adjourned until Thursday", "until 9 a.m. Tuesday").
 * Not first in the sentence, which tells what changed since ("Until
 * Thursday, they had not..."), nor for months, which tell of the past
 * as often ("CEO until March").
 */
static gboolean until_cue(const dctx *c, size_t i)
{
	for (size_t k = i; k > 0 && k + 4 > i; k--) {
		if (dtok_is(c, k - 1, "until") || dtok_is(c, k - 1, "till"))
			return !(dtok(c, k - 1)->flags & ENTX_TOK_SENT_START);
		if (dtok(c, k - 1)->flags & ENTX_TOK_SENT_START)
			break;
	}
	return FALSE;
}

/* Verbs that move something to a later date. */
static const char *const postpone_verbs[] = {"postponed", "delayed", "rescheduled", "adjourned",
                                             "deferred",  "back",    "pushed",      "put"};

/*
 * "postponed to Dec. 12", "adjourned until March", "pushed back to
 * Friday": the new date is ahead, though the verb is in the past.
 */
static gboolean postponed_to(const dctx *c, size_t i)
{
	if (i < 2 || !(dtok_is(c, i - 1, "to") || dtok_is(c, i - 1, "until") ||
	               dtok_is(c, i - 1, "till")))
		return FALSE;
	for (size_t k = i - 1; k > 0 && k + 3 > i; k--)
		if (dtok_is_any(c, k - 1, postpone_verbs, G_N_ELEMENTS(postpone_verbs)))
			return TRUE;
	return FALSE;
}

/* Irregular verbs in the past, for past_cue(). */
static const char *const past_verbs[] = {
    "was",  "were",   "had",   "did",   "rose", "fell",  "began",  "took",   "came",
    "won",  "lost",   "left",  "met",   "grew", "saw",   "became", "told",   "held",
    "sold", "bought", "led",   "ran",   "went", "made",  "gave",   "fought", "hit",
    "shot", "struck", "broke", "spent", "paid", "found", "knew",   "brought"};

void collect_past_verbs(hashmap *verbs)
{
	index_words(verbs, past_verbs, G_N_ELEMENTS(past_verbs));
}

/*
 * A verb in the past around token i, in its sentence: "was sold in
 * March", "In March, prices rose". Only asked when no future cue is
 * there.
 */
static gboolean past_cue(const dctx *c, size_t i, size_t end)
{
	size_t from = i > 12 ? i - 12 : 0;
	uint32_t sentence = dtok(c, i)->sentence;
	for (size_t k = from; k < end + 8 && k < c->n; k++) {
		if (k >= i && k < end)
			continue;
		const entx_token *t = dtok(c, k);
		if (t->sentence != sentence || !(t->flags & ENTX_TOK_LOWER))
			continue;
		size_t len = t->byte_end - t->byte_begin;
		const char *s = c->text + t->byte_begin;
		if (len >= 5 && s[len - 2] == 'e' && s[len - 1] == 'd')
			return TRUE;
		const uint32_t *w = hashmap_get(&c->st->past_verbs, t->fold_hash);
		if (w != NULL && dtok_is(c, k, past_verbs[*w]))
			return TRUE;
	}
	return FALSE;
}

/* "[,] 2017" after a day or month; returns the index after it. */
static size_t read_year(const dctx *c, size_t j, tval *v)
{
	size_t k = dtok_skip(c, j, ",");
	int y = year_at(c, k);
	if (y < 0) {
		/* read aloud in transcripts: "January nineteen ninety-seven" */
		y = dtok_spelled_year(c, k);
		if (y < 0)
			return j;
		v->year = y;
		return k + 2;
	}
	if (dtok_adjacent(c, k + 1) && !dtok_punct(c, k + 1, ".,;:!?)\"'"))
		return j;
	v->year = y;
	return k + 1;
}

/* "Wednesday night", "Friday morning": TIMEX3 2017-12-13TNI. */
static size_t read_daypart(const dctx *c, size_t j, tval *v)
{
	size_t n = 0;
	const lex_entry *e = dtok_lex(c, c->st->dayparts, j, &n);
	if (e == NULL || e->code == NULL || n != 1)
		return j;
	v->gr = GR_DAYPART;
	g_strlcpy(v->code, e->code, sizeof v->code);
	return j + 1;
}

/* "January this year", "June last year": a month in a named year. */
static size_t shifted_year(const dctx *c, size_t j, tval *v)
{
	size_t n = 0;
	const lex_entry *s = dtok_lex(c, c->st->shifts, j, &n);
	if (s == NULL || !dtok_is(c, j + n, "year") || dtok_is(c, j, "past") ||
	    dtok_is(c, j, "previous"))
		return j;
	v->year = c->has_ref ? (int)g_date_get_year(&c->ref) + (int)s->value : -1;
	return j + n + 1;
}

/* month [.] day [,] [year] | month [,] year | month */
static size_t month_first(const dctx *c, size_t j, tval *v)
{
	size_t n = 0;
	const lex_entry *e = dtok_month_entry(c, j, &n);
	int mo = e != NULL ? (int)e->value : 0;
	gboolean bare = mo > 0 && e->kind != NULL && strcmp(e->kind, "bare") == 0;
	if (mo == 0)
		return j;
	size_t k = j + n;
	if (dtok_punct(c, k, ".") && dtok_adjacent(c, k))
		k++;
	int day = dtok_day_of_month(c, k);
	/* Not "May 5-7", "Dec 3/4" nor "June 5:30". */
	gboolean glued =
	    dtok_adjacent(c, k + 1) && dtok_punct(c, k + 1, "-/:") && dtok_adjacent(c, k + 2);
	if (day > 0 && !glued) {
		v->month = mo;
		v->day = day;
		v->gr = GR_DAY;
		size_t after = read_year(c, k + 1, v);
		return after == k + 1 ? shifted_year(c, k + 1, v) : after;
	}
	v->month = mo;
	v->gr = GR_MONTH;
	size_t after = read_year(c, j + n, v);
	if (after == j + n)
		after = shifted_year(c, j + n, v);
	/* "October of next year": the year is next year's, a date of its own */
	if (after == j + n && dtok_is(c, j + n, "of"))
		shifted_year(c, j + n + 1, v);
	if (after == j + n && bare)
		return j;
	if (after == j + n && dtok_is(c, j + n, "of") && year_at(c, j + n + 1) >= 0) {
		v->year = year_at(c, j + n + 1);
		after = j + n + 2;
	}
	return after;
}

/* day [of] month [,] [year]: "17 December 2017", "the 17th of December". */
static size_t day_first(const dctx *c, size_t j, tval *v)
{
	int day = dtok_day_of_month(c, j);
	size_t n = 0;
	if (day == 0)
		return j;
	size_t k = dtok_is(c, j + 1, "of") ? j + 2 : j + 1;
	int mo = dtok_month(c, k, &n);
	if (mo == 0)
		return j;
	v->day = day;
	v->month = mo;
	v->gr = GR_DAY;
	return read_year(c, k + n, v);
}

/* "mid-November", "late-March": a month with its modifier in one token. */
static gboolean hyphen_month(const dctx *c, size_t i, date_match *m)
{
	char w[64];
	const entx_token *t = dtok(c, i);
	if (!(t->flags & ENTX_TOK_HYPHENATED) || lex_token_lower(c->doc, t, w, sizeof w) == 0)
		return FALSE;
	char *dash = strchr(w, '-');
	if (dash == NULL)
		return FALSE;
	*dash = '\0';
	if (strcmp(w, "mid") != 0 && strcmp(w, "early") != 0 && strcmp(w, "late") != 0)
		return FALSE;
	const lex_entry *e = lex_lookup(c->st->months, dash + 1);
	if (e == NULL || (e->kind != NULL && strcmp(e->kind, "bare") == 0))
		return FALSE;
	tval_init(&m->v, GR_MONTH);
	m->v.month = (int)e->value;
	m->first = i;
	m->end = read_year(c, i + 1, &m->v);
	m->confidence = 0.85;
	return TRUE;
}

gboolean parse_calendar(const dctx *c, size_t i, date_match *m)
{
	if (i >= c->n)
		return FALSE;
	if (hyphen_month(c, i, m))
		return TRUE;
	tval v;
	size_t n = 0;
	tval_init(&v, GR_DAY);
	size_t j = i;
	int wd = dtok_weekday(c, i, &n);
	if (wd > 0) {
		v.weekday = wd;
		j = dtok_skip(c, i + n, ",");
	}
	/* A weekday ending a line is no part of the date on the next: a dateline. */
	gboolean new_line = wd > 0 && j < c->n && (c->toks[j].flags & ENTX_TOK_NEWLINE_BEFORE);
	size_t end = new_line ? j : month_first(c, j, &v);
	if (end == j && !new_line)
		end = day_first(c, j, &v);
	/* "Saturday, April ...": a weekday, then something else. */
	if (wd > 0 && v.gr == GR_MONTH)
		end = j;
	if (wd == 0 && v.gr == GR_MONTH && v.year < 0 && dtok_event_name(c, i, end))
		return FALSE;
	if (end == j) {
		if (wd == 0)
			return FALSE;
		end = i + n;
		v.gr = GR_DAY;
		if (future_cue(c, i) || until_cue(c, i) || postponed_to(c, i))
			v.lean = 1;
	}
	if (v.gr == GR_DAY)
		end = read_daypart(c, end, &v);
	if (v.month > 0)
		v.weekday = 0;
	/* "was sold in March": the last March; "will vote in March": the next;
	 * "by March", a deadline, whichever is nearer. */
	if (v.month > 0 && v.year < 0 && c->has_ref && month_far(c, v.month, v.day) &&
	    !(i > 0 && dtok_is(c, i - 1, "by")))
		v.lean = future_cue(c, i) || postponed_to(c, i) ? 1 : past_cue(c, i, end) ? -1 : 0;
	m->first = i;
	m->end = end;
	m->v = v;
	m->confidence = v.gr == GR_MONTH && v.year < 0 ? 0.7 : 0.9;
	parse_time_after(c, m);
	return TRUE;
}

/* Reads exactly n digits at s[*p]; -1 when they are not there. */
static int scan_digits(const char *s, size_t len, size_t *p, int min, int max)
{
	int v = 0, k = 0;
	while (*p < len && k < max && g_ascii_isdigit(s[*p])) {
		v = v * 10 + (s[*p] - '0');
		(*p)++;
		k++;
	}
	if (k < min || (*p < len && g_ascii_isdigit(s[*p])))
		return -1;
	return v;
}

static gboolean valid_ymd(int y, int mo, int d)
{
	return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 &&
	       d <= g_date_get_days_in_month((GDateMonth)mo, (GDateYear)y);
}

/* "T17:42[:05][Z|+02:00]" after an ISO date. */
static size_t scan_iso_time(const char *s, size_t len, size_t p, tval *v)
{
	size_t q = p + 1;
	if (p >= len || (s[p] != 'T' && s[p] != 't'))
		return p;
	int h = scan_digits(s, len, &q, 2, 2);
	if (h < 0 || h > 24 || q >= len || s[q] != ':')
		return p;
	q++;
	int mi = scan_digits(s, len, &q, 2, 2);
	if (mi < 0 || mi > 59)
		return p;
	if (q + 2 < len && s[q] == ':' && g_ascii_isdigit(s[q + 1]) && g_ascii_isdigit(s[q + 2]))
		q += 3;
	v->gr = GR_TIME;
	v->hour = h;
	v->minute = mi;
	if (q < len && s[q] == 'Z') {
		v->has_zone = TRUE;
		return q + 1;
	}
	if (q + 2 < len && (s[q] == '+' || s[q] == '-')) {
		size_t r = q + 1;
		int zh = scan_digits(s, len, &r, 2, 2);
		if (zh >= 0 && r < len && s[r] == ':')
			r++;
		int zm = scan_digits(s, len, &r, 2, 2);
		if (zh >= 0 && zm >= 0) {
			v->has_zone = TRUE;
			v->zone_min = (s[q] == '-' ? -1 : 1) * (zh * 60 + zm);
			return r;
		}
	}
	return q;
}

/* 2017-12-17[T17:42], 12/17/2017, 17.12.2017 at the bytes of token i. */
gboolean parse_numeric(const dctx *c, size_t i, date_match *m)
{
	if (i >= c->n)
		return FALSE;
	const entx_token *t = dtok(c, i);
	const char *s = c->text;
	size_t len = c->text_len, p = t->byte_begin;
	if (!g_ascii_isdigit(s[p]) ||
	    (i > 0 && dtok_adjacent(c, i) && !dtok_punct(c, i - 1, "(\"'")))
		return FALSE;
	tval v;
	tval_init(&v, GR_DAY);
	int a = scan_digits(s, len, &p, 1, 4);
	if (a < 0 || p >= len || (s[p] != '-' && s[p] != '/' && s[p] != '.'))
		return FALSE;
	char sep = s[p++];
	int b = scan_digits(s, len, &p, 1, 2);
	if (b < 0 || p >= len || s[p] != sep)
		return FALSE;
	p++;
	size_t third = p;
	int d = scan_digits(s, len, &p, 2, 4);
	if (d < 0)
		return FALSE;
	/* 12/17/17: a two-digit year after a month and a day */
	if (sep == '/' && p - third == 2)
		d += d < 50 ? 2000 : 1900;
	if (a >= 1000 && sep == '-' && valid_ymd(a, b, d)) {
		v.year = a, v.month = b, v.day = d;
		p = scan_iso_time(s, len, p, &v);
	} else if (sep == '/' && d >= 1000 && valid_ymd(d, a, b)) {
		v.year = d, v.month = a, v.day = b;
	} else if (sep == '.' && d >= 1000 && valid_ymd(d, b, a)) {
		v.year = d, v.month = b, v.day = a;
	} else {
		return FALSE;
	}
	if (p < len && (g_ascii_isalnum(s[p]) || s[p] == '-' || s[p] == '/'))
		return FALSE;
	size_t last = dtok_ending_at(c, i, p);
	if (last >= c->n)
		return FALSE;
	m->first = i;
	m->end = last + 1;
	m->v = v;
	m->confidence = 0.95;
	parse_time_after(c, m);
	return TRUE;
}
