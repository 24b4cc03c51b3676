/*
 * entx - date plugin: dates named from the reference date ("yesterday",
 * "last week", "two days ago", "the third quarter", "this summer").
 * Without a reference date their values keep TIMEX3 placeholders.
 */
#include "date.h"

#include <string.h>

static gboolean is_kind(const lex_entry *e, const char *kind)
{
	return e != NULL && e->kind != NULL && strcmp(e->kind, kind) == 0;
}

static void shift_days(GDate *d, int n)
{
	if (n < 0)
		g_date_subtract_days(d, (guint)-n);
	else if (n > 0)
		g_date_add_days(d, (guint)n);
}

static int quarter_of(int month)
{
	return (month - 1) / 3 + 1;
}

/* The value of a calendar unit moved by `shift` units from the reference. */
static void unit_value(const dctx *c, const lex_entry *unit, int shift, tval *v)
{
	const char *k = unit->kind;
	GDate d = c->ref;
	int y = c->has_ref ? g_date_get_year(&d) : 0, mo = c->has_ref ? g_date_get_month(&d) : 1;
	tval_init(v, GR_DAY);
	if (strcmp(k, "year") == 0) {
		v->gr = GR_YEAR;
		v->year = c->has_ref ? y + shift * (int)unit->value : -1;
	} else if (strcmp(k, "month") == 0) {
		int total = y * 12 + (mo - 1) + shift;
		v->gr = GR_MONTH;
		v->year = c->has_ref ? total / 12 : -1;
		v->month = c->has_ref ? total % 12 + 1 : 0;
	} else if (strcmp(k, "quarter") == 0) {
		int total = y * 4 + (quarter_of(mo) - 1) + shift;
		v->gr = GR_QUARTER;
		v->year = c->has_ref ? total / 4 : -1;
		v->part = c->has_ref ? total % 4 + 1 : 0;
	} else if (strcmp(k, "week") == 0 || strcmp(k, "weekend") == 0) {
		granularity gr = strcmp(k, "week") == 0 ? GR_WEEK : GR_WEEKEND;
		v->gr = gr;
		if (c->has_ref) {
			shift_days(&d, 7 * shift);
			tval_from_gdate(v, &d, gr);
		}
	} else if (c->has_ref) {
		shift_days(&d, shift);
		tval_from_gdate(v, &d, GR_DAY);
	}
}

/* The day, week or month (the unit's kind) that holds d. */
static void unit_value_at(const GDate *d, const char *kind, tval *v)
{
	granularity gr = strcmp(kind, "month") == 0  ? GR_MONTH
	                 : strcmp(kind, "week") == 0 ? GR_WEEK
	                                             : GR_DAY;
	tval_from_gdate(v, d, gr);
	if (gr == GR_MONTH)
		v->day = 0;
}

/* today, yesterday, tomorrow, tonight [morning|night] */
static gboolean day_word(const dctx *c, size_t i, date_match *m)
{
	size_t n = 0;
	const lex_entry *e = dtok_lex(c, c->st->days, i, &n);
	if (e == NULL)
		return FALSE;
	tval_init(&m->v, GR_DAY);
	if (c->has_ref) {
		GDate d = c->ref;
		shift_days(&d, (int)e->value);
		tval_from_gdate(&m->v, &d, GR_DAY);
	}
	m->first = i;
	m->end = i + n;
	const lex_entry *part = dtok_lex(c, c->st->dayparts, m->end, &n);
	if (e->code != NULL) {
		m->v.gr = GR_DAYPART;
		g_strlcpy(m->v.code, e->code, sizeof m->v.code);
	} else if (part != NULL) {
		m->v.gr = GR_DAYPART;
		g_strlcpy(m->v.code, part->code, sizeof m->v.code);
		m->end += n;
	}
	m->confidence = 0.9;
	parse_time_after(c, m);
	return TRUE;
}

/* The year of the last (shift < 0), this or next season or month. */
static int cycle_year(const dctx *c, int start_month, int shift)
{
	int y = g_date_get_year(&c->ref), mo = g_date_get_month(&c->ref);
	if (shift < 0)
		return start_month < mo ? y : y - 1;
	if (shift > 0)
		return start_month > mo ? y : y + 1;
	return y;
}

static int season_start(const char *code)
{
	if (strcmp(code, "SP") == 0)
		return 3;
	if (strcmp(code, "SU") == 0)
		return 6;
	if (strcmp(code, "FA") == 0)
		return 9;
	return 12;
}

static size_t quarter_of_year(const dctx *c, size_t i, int year, tval *v);

/* "last Friday" is before the reference day, "next Friday" after it,
 * "this Friday" in its week. */
static void shifted_weekday(const dctx *c, int wd, int shift, tval *v)
{
	v->weekday = wd;
	if (!c->has_ref)
		return;
	GDate d = c->ref;
	int rw = g_date_get_weekday(&d);
	int back = (rw - wd + 7) % 7, fwd = (wd - rw + 7) % 7;
	shift_days(&d, shift < 0 ? -(back ? back : 7) : shift > 0 ? (fwd ? fwd : 7) : wd - rw);
	tval_from_gdate(v, &d, GR_DAY);
}

/*
 * "fiscal year 1990", "the fiscal year": a company's accounting year,
 * named by a calendar year as news writes it; without one, the year
 * `shift` years from the reference date's ("last fiscal year"). Alone,
 * "a fiscal year" is any year: `pointed` says a shift word or "the"
 * comes before.
 */
static gboolean fiscal_year(const dctx *c, size_t i, int shift, gboolean pointed, date_match *m)
{
	int nd = 0;
	if (!dtok_is(c, i, "fiscal") || !dtok_is(c, i + 1, "year"))
		return FALSE;
	int year = dtok_int(c, i + 2, &nd);
	gboolean numbered = nd == 4 && year >= 1000 && shift == 0;
	if (!numbered && !pointed && !(i > 0 && dtok_is(c, i - 1, "the")))
		return FALSE;
	tval_init(&m->v, GR_YEAR);
	m->first = i;
	if (numbered) {
		m->v.year = year;
		m->end = i + 3;
	} else {
		m->v.year = c->has_ref ? (int)g_date_get_year(&c->ref) + shift : -1;
		m->end = i + 2;
	}
	m->confidence = 0.8;
	return TRUE;
}

/*
 * The date "the following year" or "the previous Friday" counts from:
 * the last date the text named outright, when it is precise enough for
 * the unit at token j (a year for "year", a month for "month", a day for
 * the rest). FALSE when there is none: then the reference date serves.
 */
static gboolean anchor_date(const dctx *c, size_t j, GDate *d)
{
	const tval *a = &c->anchor;
	size_t k = 0;
	const lex_entry *u = dtok_lex(c, c->st->units, j, &k);
	gboolean years = is_kind(u, "year"), months = is_kind(u, "month");
	if ((a->month == 0 && !years) || (a->day == 0 && !years && !months))
		return FALSE;
	return tval_to_gdate(a, d);
}

/*
 * The token after a shift word of n tokens at i, past "past" or "coming"
 * after "this" ("this past spring", "this coming Sunday"); c->n when it
 * begins nothing shifted() reads.
 */
static size_t shift_object(const dctx *c, size_t i, size_t n)
{
	size_t j = i + n;
	if (dtok_is(c, i, "this") && (dtok_is(c, j, "past") || dtok_is(c, j, "coming")))
		j++;
	if (j >= c->n || !hashmap_contains(&c->st->shift_objects, c->toks[j].fold_hash))
		return c->n;
	return j;
}

/* last/this/next + weekday, month, season, part of day or unit */
static gboolean shifted(const dctx *c, size_t i, date_match *m)
{
	size_t n = 0, k = 0;
	/* Most shift words here shift nothing ("this is", "following the"):
	 * with one-word shifts the word after tells so before the match. */
	if (c->st->shifts_one_word && shift_object(c, i, 1) == c->n)
		return FALSE;
	const lex_entry *s = dtok_lex(c, c->st->shifts, i, &n);
	if (s == NULL)
		return FALSE;
	/* "the following year", "the previous Friday": told from a date before */
	gboolean anaphoric = i > 0 && (dtok_is(c, i, "following") || dtok_is(c, i, "previous")) &&
	                     dtok_is(c, i - 1, "the");
	if (dtok_is(c, i, "past") || (dtok_is(c, i, "previous") && !anaphoric))
		return FALSE;
	/* "This Week", "Next Year" mid-sentence in capitals: a title. */
	const entx_token *t = dtok(c, i), *u = dtok(c, i + n);
	if (u != NULL && (t->flags & ENTX_TOK_CAPITALIZED) && (u->flags & ENTX_TOK_CAPITALIZED) &&
	    !(t->flags & ENTX_TOK_SENT_START) && dtok_weekday(c, i + n, NULL) == 0 &&
	    dtok_month(c, i + n, NULL) == 0)
		return FALSE;
	int shift = (int)s->value;
	/* Each reading below asks its table's first words first: one ask for all. */
	size_t j = shift_object(c, i, n);
	if (j == c->n)
		return FALSE;
	if (j > i + n) /* "this past spring", "this coming Sunday" */
		shift = dtok_is(c, i + n, "past") ? -1 : 1;
	dctx anchored;
	GDate from;
	if (anaphoric && anchor_date(c, j, &from)) {
		anchored = *c;
		anchored.ref = from;
		anchored.has_ref = TRUE;
		ref_numbers_set(&anchored);
		c = &anchored;
	}
	const lex_entry *e = NULL;
	tval_init(&m->v, GR_DAY);
	size_t kw = 0, km = 0;
	int wd = dtok_weekday(c, j, &kw), mo = dtok_month(c, j, &km);
	if (fiscal_year(c, j, shift, TRUE, m)) {
		m->first = i;
		return TRUE;
	} else if (wd > 0) {
		k = kw;
		shifted_weekday(c, wd, shift, &m->v);
	} else if (mo > 0) {
		k = km;
		m->v.gr = GR_MONTH;
		m->v.month = mo;
		m->v.year = c->has_ref ? cycle_year(c, mo, shift) : -1;
		/* "last Oct. 23": the day, the last one before the reference date */
		size_t d = j + km;
		if (dtok_punct(c, d, ".") && dtok_adjacent(c, d))
			d++;
		int day = dtok_day_of_month(c, d);
		if (day > 0 && !(dtok_adjacent(c, d + 1) && dtok_punct(c, d + 1, "-/:"))) {
			m->v.gr = GR_DAY;
			m->v.day = day;
			m->v.year = !c->has_ref  ? -1
			            : shift == 0 ? c->ref_year
			                         : nearest_year(c, mo, day, shift < 0 ? -1 : 1);
			k = d + 1 - j;
		}
	} else if ((e = dtok_lex(c, c->st->seasons, j, &k)) != NULL) {
		m->v.gr = GR_SEASON;
		g_strlcpy(m->v.code, e->code, sizeof m->v.code);
		m->v.year = c->has_ref ? cycle_year(c, season_start(e->code), shift) : -1;
	} else if ((e = dtok_lex(c, c->st->dayparts, j, &k)) != NULL && shift <= 0) {
		/* "this morning", "last night" */
		unit_value(c, &(lex_entry){.kind = "day", .value = 1}, shift, &m->v);
		m->v.gr = GR_DAYPART;
		g_strlcpy(m->v.code, e->code, sizeof m->v.code);
	} else if ((e = dtok_lex(c, c->st->units, j, &k)) != NULL && e->value == 1 &&
	           strcmp(e->kind, "day") != 0 && !dtok_is(c, j + k - 1, "weeks") &&
	           !dtok_is(c, j + k - 1, "months") && !dtok_is(c, j + k - 1, "years") &&
	           !dtok_is(c, j + k - 1, "quarters")) {
		unit_value(c, e, shift, &m->v);
		/* "this year's third quarter", "last year's quarter" */
		const entx_token *p = dtok(c, j + k);
		if (m->v.gr == GR_YEAR && p != NULL && (p->flags & ENTX_TOK_POSSESSIVE)) {
			tval q;
			size_t end = quarter_of_year(c, j + k + 1, m->v.year, &q);
			if (end > j + k + 1) {
				m->v = q;
				k = end - j;
			}
		}
	} else {
		return FALSE;
	}
	m->first = i;
	m->end = j + k;
	m->confidence = 0.9;
	return TRUE;
}

/* The count before a unit in "two days ago": a number, or "a"/"an". */
static gboolean count_at(const dctx *c, size_t i, double *count, size_t *end)
{
	num_result r;
	if (dtok_is(c, i, "a") || dtok_is(c, i, "an")) {
		*count = 1;
		*end = i + 1;
		return TRUE;
	}
	const entx_token *t = dtok(c, i);
	if (t == NULL ||
	    !((t->flags & ENTX_TOK_HAS_DIGIT) || lex_has_tok(c->st->nl.numbers, dtok(c, i)) ||
	      (t->flags & ENTX_TOK_HYPHENATED)))
		return FALSE;
	const num_src src = {.doc = c->doc, .text = c->text, .toks = c->toks, .n = c->n};
	if (!num_parse_src(&c->st->nl, &src, i, c->n, FALSE, &r) || r.unit != NULL ||
	    r.value <= 0 || r.value > 1000 || r.value != (int)r.value)
		return FALSE;
	*count = r.value;
	*end = r.end;
	return TRUE;
}

/* "a year ago" in a report about a quarter is that quarter a year before. */
static void year_back_quarter(const dctx *c, int years, tval *v)
{
	if (c->last_quarter.gr == GR_QUARTER && c->last_quarter.year > 0) {
		*v = c->last_quarter;
		v->year -= years;
	}
}

/* The first "ago" or "earlier" token from token i on: c->n for none,
 * SIZE_MAX when date.c did not list them all. */
static size_t next_ago(const dctx *c, size_t i)
{
	if (c->n_agos > AGOS_MAX)
		return SIZE_MAX;
	for (size_t k = c->n_agos; k-- > 0;)
		if (c->agos[k] >= i)
			return c->agos[k];
	return c->n;
}

/* [nearly] N units ago | a year earlier */
static gboolean ago(const dctx *c, size_t i, date_match *m)
{
	double count = 0;
	size_t j = 0, k = 0, q = 0;
	/* Reading the count is dear, and most documents say no "ago". */
	if (i + 1 >= c->last_ago)
		return FALSE;
	/* Nor have most counts a unit and then "ago" right after them. */
	size_t at = c->st->ago_follows_unit ? next_ago(c, i) : SIZE_MAX;
	if (at != SIZE_MAX &&
	    (at < i + 2 || at >= c->n || !lex_may_start(c->st->units, &c->toks[at - 1])))
		return FALSE;
	if (dtok_lex(c, c->st->qualifiers, i, &q) == NULL)
		q = 0;
	if (!count_at(c, i + q, &count, &j))
		return FALSE;
	const lex_entry *u = dtok_lex(c, c->st->units, j, &k);
	if (u == NULL || is_kind(u, "weekend"))
		return FALSE;
	size_t w = j + k;
	/* "earlier" counts from the reference date only in reports on years
	 * and quarters; "two days earlier" counts from another event. */
	gboolean earlier =
	    dtok_is(c, w, "earlier") && (is_kind(u, "year") || is_kind(u, "quarter"));
	if (!dtok_is(c, w, "ago") && !earlier)
		return FALSE;
	unit_value(c, u, -(int)count, &m->v);
	if (is_kind(u, "year") && count == 1)
		year_back_quarter(c, 1, &m->v);
	m->first = i;
	m->end = w + 1;
	m->confidence = 0.9;
	return TRUE;
}

static gboolean quarter_no_memory(const dctx *c, size_t i, date_match *m);

/* year-earlier, year-ago [quarter|period] */
static gboolean year_earlier(const dctx *c, size_t i, date_match *m)
{
	if (!dtok_is(c, i, "year-earlier") && !dtok_is(c, i, "year-ago"))
		return FALSE;
	tval_init(&m->v, GR_YEAR);
	m->v.year = c->has_ref ? (int)g_date_get_year(&c->ref) - 1 : -1;
	year_back_quarter(c, 1, &m->v);
	m->first = i;
	m->end = i + 1;
	date_match q;
	if (dtok_is(c, i + 1, "quarter") || dtok_is(c, i + 1, "period")) {
		m->end++;
	} else if (quarter_no_memory(c, i + 1, &q)) {
		/* "the year-ago third quarter" */
		m->v = q.v;
		if (m->v.year > 0)
			m->v.year--;
		m->end = q.end;
	}
	m->confidence = 0.8;
	return TRUE;
}

/* Words before "year-end" that make it a point in time: "by year-end",
 * not "year-end bonuses". */
static const char *const year_end_prepositions[] = {
    "by",     "at",   "until",  "till",    "before",  "after", "since",
    "around", "near", "toward", "towards", "through", "to"};

/*
 * "by year-end", "until year end", "before year's end": the end of the
 * reference date's year, or of the year before after "since".
 */
static gboolean year_end(const dctx *c, size_t i, date_match *m)
{
	size_t end = 0;
	if (dtok_is(c, i, "year-end"))
		end = i + 1;
	else if (dtok_is(c, i, "year") && dtok_is(c, i + 1, "end"))
		end = i + 2;
	else if (dtok_is(c, i, "year") && i + 2 < c->n &&
	         (c->toks[i + 1].flags & ENTX_TOK_POSSESSIVE) && dtok_is(c, i + 2, "end"))
		end = i + 3;
	if (end == 0 || i == 0)
		return FALSE;
	if (!dtok_is_any(c, i - 1, year_end_prepositions, G_N_ELEMENTS(year_end_prepositions)))
		return FALSE;
	tval_init(&m->v, GR_YEAR);
	if (c->has_ref)
		m->v.year = (int)g_date_get_year(&c->ref) - (dtok_is(c, i - 1, "since") ? 1 : 0);
	m->first = i;
	m->end = end;
	m->confidence = 0.8;
	return TRUE;
}

/* The year of quarter q (or half) when the text gives none. */
static int quarter_year(const dctx *c, int q, gboolean half)
{
	int y = g_date_get_year(&c->ref);
	int now = quarter_of(g_date_get_month(&c->ref));
	if (half)
		now = now <= 2 ? 1 : 2;
	return q <= now ? y : y - 1;
}

/* [fiscal] first|second|third|fourth quarter|half [of YEAR], third-quarter */
static gboolean quarter(dctx *c, size_t i, date_match *m)
{
	char w[64];
	size_t n = 0, j = i;
	int year = -1;
	if (dtok_is(c, j, "fiscal"))
		j++;
	const entx_token *t = dtok(c, j);
	if (t == NULL ||
	    !((t->flags & ENTX_TOK_HYPHENATED) || lex_has_tok(c->st->ordinals, dtok(c, j))))
		return FALSE;
	size_t len = lex_token_lower(c->doc, t, w, sizeof w);
	const lex_entry *o = NULL;
	gboolean half = FALSE;
	char *dash = len ? strchr(w, '-') : NULL;
	if (dash != NULL && (strcmp(dash + 1, "quarter") == 0 || strcmp(dash + 1, "half") == 0)) {
		half = strcmp(dash + 1, "half") == 0;
		*dash = '\0';
		o = lex_lookup(c->st->ordinals, w);
		n = 1;
	} else if ((o = dtok_lex(c, c->st->ordinals, j, &n)) != NULL) {
		if (dtok_is(c, j + n, "half"))
			half = TRUE;
		else if (!dtok_is(c, j + n, "quarter"))
			return FALSE;
		n++;
	}
	if (o == NULL || o->value > (half ? 2 : 4))
		return FALSE;
	size_t end = j + n, k = 0;
	const lex_entry *s = NULL;
	if (dtok_is(c, end, "of") && dtok_int(c, end + 1, NULL) >= 1000) {
		year = dtok_int(c, end + 1, NULL);
		end += 2;
	} else if (dtok_is(c, end, "of") && (s = dtok_lex(c, c->st->shifts, end + 1, &k)) != NULL &&
	           dtok_is(c, end + 1 + k, "year") && c->has_ref) {
		/* "the first quarter of last year" */
		year = (int)g_date_get_year(&c->ref) + (int)s->value;
		end += 2 + k;
	}
	tval_init(&m->v, half ? GR_HALF : GR_QUARTER);
	m->v.part = (int)o->value;
	m->v.year = year >= 0 ? year : c->has_ref ? quarter_year(c, m->v.part, half) : -1;
	m->first = i;
	m->end = end;
	m->confidence = 0.85;
	if (!half)
		c->last_quarter = m->v;
	return TRUE;
}

/* A quarter named after "year-ago", which must not become the last one. */
static gboolean quarter_no_memory(const dctx *c, size_t i, date_match *m)
{
	dctx copy = *c;
	return quarter(&copy, i, m);
}

/*
 * The quarter a phrase names after its year: an ordinal quarter ("third
 * quarter") or a bare "quarter"/"period", which is the last one named.
 * Returns the token after it, or i when there is none.
 */
static size_t quarter_of_year(const dctx *c, size_t i, int year, tval *v)
{
	date_match q;
	if (quarter_no_memory(c, i, &q) && q.v.gr == GR_QUARTER) {
		*v = q.v;
		v->year = year;
		return q.end;
	}
	if (!dtok_is(c, i, "quarter") && !dtok_is(c, i, "period"))
		return i;
	tval_init(v, GR_QUARTER);
	v->year = year;
	v->part = c->last_quarter.gr == GR_QUARTER ? c->last_quarter.part : 0;
	return i + 1;
}

/* "the quarter", "the latest quarter", "the 1988 period", "the 1988 third quarter" */
static gboolean the_quarter(dctx *c, size_t i, date_match *m)
{
	size_t j = i + 1;
	int nd = 0;
	if (!dtok_is(c, i, "the"))
		return FALSE;
	int year = dtok_int(c, j, &nd);
	if (nd == 4 && year >= 1000) {
		size_t end = quarter_of_year(c, j + 1, year, &m->v);
		if (end == j + 1)
			return FALSE;
		m->first = i;
		m->end = end;
		m->confidence = 0.75;
		return TRUE;
	}
	/* "the current quarter" is the reference's; "the latest" the one before. */
	gboolean current = dtok_is(c, j, "current");
	gboolean latest = dtok_is(c, j, "latest");
	if (latest || current)
		j++;
	if (!dtok_is(c, j, "quarter") && !(j > i + 1 && dtok_is(c, j, "period")))
		return FALSE;
	tval_init(&m->v, GR_QUARTER);
	if (!current && !latest && c->last_quarter.gr == GR_QUARTER) {
		m->v = c->last_quarter;
	} else if (c->has_ref) {
		int q = quarter_of(g_date_get_month(&c->ref)) - (current ? 0 : 1);
		m->v.year = g_date_get_year(&c->ref) - (q == 0 ? 1 : 0);
		m->v.part = q == 0 ? 4 : q;
	}
	m->first = i;
	m->end = j + 1;
	m->confidence = 0.75;
	return TRUE;
}

/*
 * Whether the word after token i is one the_quarter() or weekend() reads
 * there: four digits, "latest", "current", "quarter" or "weekend". Most
 * words after "the" fail the length test alone.
 */
static gboolean the_quarter_or_weekend_after(const dctx *c, size_t i)
{
	const entx_token *t = dtok(c, i + 1);
	if (t == NULL)
		return FALSE;
	switch (t->byte_end - t->byte_begin) {
	case 4:
		return TRUE;
	case 6:
		return token_is(c->text, t, "latest");
	case 7:
		return token_is(c->text, t, "current") || token_is(c->text, t, "quarter") ||
		       token_is(c->text, t, "weekend");
	default:
		return FALSE;
	}
}

/* "the weekend": the last one, or this one when the reference is in it. */
static gboolean weekend(const dctx *c, size_t i, date_match *m)
{
	if (!dtok_is(c, i, "the") || !dtok_is(c, i + 1, "weekend"))
		return FALSE;
	tval_init(&m->v, GR_WEEKEND);
	if (c->has_ref) {
		GDate d = c->ref;
		if (g_date_get_weekday(&d) < 6)
			g_date_subtract_days(&d, 7);
		tval_from_gdate(&m->v, &d, GR_WEEKEND);
	}
	m->first = i;
	m->end = i + 2;
	m->confidence = 0.8;
	return TRUE;
}

/* A season alone or with its year: "summer", "the winter of 1994". */
static gboolean season(const dctx *c, size_t i, date_match *m)
{
	size_t n = 0;
	const lex_entry *e = dtok_lex(c, c->st->seasons, i, &n);
	if (e == NULL || e->code == NULL)
		return FALSE;
	tval_init(&m->v, GR_SEASON);
	g_strlcpy(m->v.code, e->code, sizeof m->v.code);
	size_t end = i + n;
	size_t k = dtok_is(c, end, "of") ? end + 1 : end;
	int nd = 0, y = dtok_int(c, k, &nd), spelled = nd == 0 ? dtok_spelled_year(c, k) : -1;
	if (nd == 4 && y >= 1000) {
		m->v.year = y;
		end = k + 1;
	} else if (spelled > 0) {
		m->v.year = spelled; /* "the winter of nineteen ninety-four" */
		end = k + 2;
	} else if (c->has_ref) {
		m->v.year = g_date_get_year(&c->ref);
	}
	/* "fall" is also a verb and a noun: alone, only after "the"/"this". */
	if (dtok_is(c, i, "fall") && end == i + n && !(i > 0 && dtok_is(c, i - 1, "the")))
		return FALSE;
	if (end == i + n && dtok_event_name(c, i, end))
		return FALSE;
	m->first = i;
	m->end = end;
	m->confidence = 0.7;
	return TRUE;
}

/*
 * "last year", "a year ago", "a year earlier", "a year before", "the
 * previous year", "the year before" from token j: the token after it,
 * or j when none is there.
 */
static size_t year_back_end(const dctx *c, size_t j)
{
	if ((dtok_is(c, j, "last") || dtok_is(c, j, "previous")) && dtok_is(c, j + 1, "year"))
		return j + 2;
	if (dtok_is(c, j, "a") && dtok_is(c, j + 1, "year") &&
	    (dtok_is(c, j + 2, "ago") || dtok_is(c, j + 2, "earlier") ||
	     dtok_is(c, j + 2, "before")))
		return j + 3;
	if (dtok_is(c, j, "the") && dtok_is(c, j + 1, "previous") && dtok_is(c, j + 2, "year"))
		return j + 3;
	if (dtok_is(c, j, "the") && dtok_is(c, j + 1, "year") && dtok_is(c, j + 2, "before"))
		return j + 3;
	return j;
}

/*
 * "the same period last year", "the same month a year ago", "the
 * corresponding quarter a year earlier": the period the text is about,
 * a year back. A period or quarter is the last quarter named; a month,
 * week or day the last date named outright, when it says one, else the
 * reference date's; without either, the year before the reference's.
 */
static gboolean same_period(const dctx *c, size_t i, date_match *m)
{
	size_t k = 0;
	if (!dtok_is(c, i, "the") ||
	    !(dtok_is(c, i + 1, "same") || dtok_is(c, i + 1, "corresponding") ||
	      dtok_is(c, i + 1, "comparable")))
		return FALSE;
	const lex_entry *u = dtok_lex(c, c->st->units, i + 2, &k);
	gboolean period = dtok_is(c, i + 2, "period");
	if (!period &&
	    (u == NULL || k != 1 || u->value != 1 || is_kind(u, "weekend") || is_kind(u, "year") ||
	     dtok_is(c, i + 2, "days") || dtok_is(c, i + 2, "weeks") ||
	     dtok_is(c, i + 2, "months") || dtok_is(c, i + 2, "quarters")))
		return FALSE;
	size_t j = dtok_is(c, i + 3, "of") ? i + 4 : i + 3;
	size_t end = year_back_end(c, j);
	if (end == j)
		return FALSE;
	tval_init(&m->v, GR_YEAR);
	const tval *a = &c->anchor;
	/* "sales rose in February from the same period last year": that month */
	gboolean monthly = period && c->month_after_quarter && a->gr == GR_MONTH;
	if ((period || is_kind(u, "quarter")) && !monthly && c->last_quarter.gr == GR_QUARTER &&
	    c->last_quarter.year > 0) {
		year_back_quarter(c, 1, &m->v);
	} else if (monthly || (!period && !is_kind(u, "quarter"))) {
		GDate d;
		/* an anchor that names no real day ("February 30") is none */
		gboolean dated = a->month > 0 && (monthly || is_kind(u, "month") || a->day > 0) &&
		                 tval_to_gdate(a, &d);
		if (!dated && c->has_ref)
			d = c->ref;
		if (dated || c->has_ref) {
			g_date_subtract_years(&d, 1);
			unit_value_at(&d, monthly ? "month" : u->kind, &m->v);
		}
	} else if (c->has_ref) {
		m->v.year = (int)g_date_get_year(&c->ref) - 1;
	}
	m->first = i;
	m->end = end;
	m->confidence = 0.8;
	return TRUE;
}

/* Verbs of market reports that close a trading day: "to end the day at 9,505". */
static const char *const day_closing_verbs[] = {"end",    "ends",     "ended",    "ending",
                                                "finish", "finishes", "finished", "finishing",
                                                "close",  "closes",   "closed",   "closing"};

/* "ended the day up 2%": the trading day told of, the last day named
 * ("Stocks fell on Monday ... to end the day"), else the reference date. */
static gboolean closing_day(const dctx *c, size_t i, date_match *m)
{
	if (i == 0 || !dtok_is(c, i, "the") || !dtok_is(c, i + 1, "day") ||
	    !dtok_is_any(c, i - 1, day_closing_verbs, G_N_ELEMENTS(day_closing_verbs)))
		return FALSE;
	tval_init(&m->v, GR_DAY);
	const tval *a = &c->anchor;
	if (a->year > 0 && a->month > 0 && a->day > 0) {
		m->v.year = a->year;
		m->v.month = a->month;
		m->v.day = a->day;
	} else if (c->has_ref) {
		tval_from_gdate(&m->v, &c->ref, GR_DAY);
	}
	m->first = i;
	m->end = i + 2;
	m->confidence = 0.8;
	return TRUE;
}

/* "earlier in the day", "later in the week": the current day or week. */
static gboolean in_the(const dctx *c, size_t i, date_match *m)
{
	size_t k = 0;
	if (!(dtok_is(c, i, "earlier") || dtok_is(c, i, "later")) || !dtok_is(c, i + 1, "in") ||
	    !dtok_is(c, i + 2, "the"))
		return FALSE;
	const lex_entry *u = dtok_lex(c, c->st->units, i + 3, &k);
	if (u == NULL || k != 1 || u->value != 1 || is_kind(u, "weekend"))
		return FALSE;
	unit_value(c, u, 0, &m->v);
	m->first = i;
	m->end = i + 4;
	m->confidence = 0.8;
	return TRUE;
}

/*
 * The phrases that begin with "the", by the length of the word after it:
 * most words after "the" that get here ("the year", "the end") are none
 * of them, and one test of the length turns them away.
 */
static gboolean the_phrase(dctx *c, size_t i, date_match *m)
{
	const entx_token *t = dtok(c, i + 1);
	if (t == NULL)
		return FALSE;
	switch (t->byte_end - t->byte_begin) {
	case 3: /* "day" */
		return closing_day(c, i, m);
	case 4: /* four digits (the_quarter() reads no other), "same" */
		return g_ascii_isdigit(c->text[t->byte_begin]) ? the_quarter(c, i, m)
		                                               : same_period(c, i, m);
	case 6:
	case 7:
		return the_quarter_or_weekend_after(c, i) &&
		       (the_quarter(c, i, m) || weekend(c, i, m));
	case 10: /* "comparable" */
	case 13: /* "corresponding" */
		return same_period(c, i, m);
	default:
		return FALSE;
	}
}

gboolean parse_relative(dctx *c, size_t i, unsigned kinds, date_match *m)
{
	if (i >= c->n)
		return FALSE;
	return ((kinds & REL_DAY) && day_word(c, i, m)) ||
	       ((kinds & REL_SHIFT) && shifted(c, i, m)) || ((kinds & REL_AGO) && ago(c, i, m)) ||
	       ((kinds & REL_YEAR_EARLIER) && (year_earlier(c, i, m) || year_end(c, i, m))) ||
	       ((kinds & REL_IN_THE) && in_the(c, i, m)) ||
	       ((kinds & REL_QUARTER) && (quarter(c, i, m) || fiscal_year(c, i, 0, FALSE, m))) ||
	       ((kinds & REL_THE) && the_phrase(c, i, m)) ||
	       ((kinds & REL_SEASON) && season(c, i, m));
}
