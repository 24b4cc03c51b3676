/*
 * entx - the date plugin: absolute and relative dates and times,
 * normalized to TIMEX3 / ISO 8601 values and typed as OWL-Time.
 *
 * Reference date. Relative expressions and year-less dates resolve
 * against the document's reference date (--reference-date, the JSONL
 * "date" field). When there is none, the dateline rule applies: the
 * first date that gives year, month and day ("December 17, 2017",
 * "2017-12-17", "17 Dec 2017") within the document's first five lines
 * and first 400 characters serves as the reference date. Otherwise the
 * values keep TIMEX3 placeholders (XXXX-12-17, XXXX-WXX-7).
 */
#include "date.h"
#include <entx/version.h>

#include <stdio.h>
#include <string.h>

#define DATELINE_MAX_CHARS 400
#define DATELINE_MAX_LINES 5

static void date_destroy(void *state)
{
	date_state *st = state;
	if (st == NULL)
		return;
	lex_set_free(st->lex);
	hashmap_free(&st->starters);
	hashmap_free(&st->first_words);
	hashmap_free(&st->shift_objects);
	hashmap_free(&st->the_modifier_next);
	hashmap_free(&st->future_cues);
	hashmap_free(&st->past_verbs);
	g_free(st);
}

/* A starter for any token, or (STARTER_CAPITAL) only for a capitalized
 * one: holidays are names, "New Year's Day", and a lowercase "new" or
 * "independence" starts none. The other STARTER_* bits add to these. */
static void put_starter(date_state *st, uint64_t hash, uint32_t how)
{
	const uint32_t *old = hashmap_get(&st->starters, hash);
	hashmap_put(&st->starters, hash, (old != NULL ? *old : 0) | how);
	st->starter_filter[hash >> 56] |= UINT64_C(1) << (hash & 63);
}

static void add_starter(date_state *st, const char *word, uint32_t how)
{
	put_starter(st, entx_hash_fold(word, strlen(word)), how);
}

/*
 * Words that begin a date without being the first word of an entry;
 * the articles, which need a look at the next word (starter_word());
 * and "ago" and "earlier", for date_extract()'s scan to find without a
 * lookup of its own.
 */
static void add_fixed_starters(date_state *st)
{
	static const char *const words[] = {"fiscal", "year", NULL};
	static const char *const articles[] = {"the", "a", "an", NULL};
	for (const char *const *w = words; *w; w++)
		add_starter(st, *w, STARTER_ANY);
	for (const char *const *w = articles; *w; w++)
		add_starter(st, *w, STARTER_ANY | STARTER_ARTICLE);
	add_starter(st, "ago", STARTER_AGO);
	add_starter(st, "earlier", STARTER_AGO);
}

static void collect_follower(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	(void)key;
	put_starter(user_data, entx_hash_fold(e->text, strcspn(e->text, " ")), STARTER_FOLLOWER);
}

/*
 * The words that may come right after "the", "a" or "an" in a date, so
 * that the commonest words of English start no parse when nothing
 * date-like follows them.
 */
static void add_followers(date_state *st)
{
	static const char *const words[] = {
	    "latest",        "current",    "end",    "beginning", "start",        "middle",
	    "weekend",       "quarter",    "period", "fiscal",    "year-earlier", "year-ago",
	    "day",           "week",       "month",  "year",      "decade",       "same",
	    "corresponding", "comparable", NULL};
	static const char *const tables[] = {"unit", "modifier", "season", NULL};
	for (const char *const *w = words; *w; w++)
		add_starter(st, *w, STARTER_FOLLOWER);
	for (const char *const *t = tables; *t; t++)
		lex_table_foreach(lex_set_table(st->lex, *t), collect_follower, st);
}

/* The first word of a phrase ("new" of "new year's day") and the
 * phrase itself (one token with a hyphen or an apostrophe). */
static void collect_as(date_state *st, const lex_entry *e, uint32_t how)
{
	put_starter(st, entx_hash_fold(e->text, strlen(e->text)), how);
	if (strchr(e->text, ' ') != NULL)
		put_starter(st, entx_hash_fold(e->text, strcspn(e->text, " ")), how);
}

static void collect(gpointer key, gpointer value, gpointer user_data)
{
	(void)key;
	collect_as(user_data, value, STARTER_ANY);
}

static void collect_holiday(gpointer key, gpointer value, gpointer user_data)
{
	(void)key;
	collect_as(user_data, value, STARTER_CAPITAL);
}

/*
 * A number word starts a date as a count ("two days ago", at most 1000:
 * see count_at()) or a spelled year ("nineteen ninety-six"); "million"
 * and "billion" start neither.
 */
static void collect_count(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	(void)key;
	if (e->value <= 1000)
		collect_as(user_data, e, STARTER_ANY);
}

/*
 * parse_core()'s parsers, as bits in the order it tries them, then
 * parse_relative()'s kinds (REL_*, date.h) for the last.
 */
enum {
	MAY_NUMERIC = 1u << 0,
	MAY_CALENDAR = 1u << 1,
	MAY_TIME = 1u << 2,
	MAY_YEAR = 1u << 3,
	MAY_HOLIDAY = 1u << 4,
	MAY_ALL = ((1u << 5) - 1) | REL_ALL
};

/* In st->first_words, the parsers a word starts only when capitalized
 * sit CAPITAL_SHIFT bits up: "May", "Christmas", not "may". */
enum { CAPITAL_SHIFT = 16 };

/* Adds bits to the words of a lex_table's hashmap: every key it holds. */
static void add_first_words(date_state *st, const hashmap *words, uint32_t bits)
{
	for (size_t s = 0; words->keys != NULL && s <= words->mask; s++) {
		if (words->keys[s] == 0)
			continue;
		const uint32_t *old = hashmap_get(&st->first_words, words->keys[s]);
		hashmap_put(&st->first_words, words->keys[s], (old != NULL ? *old : 0) | bits);
	}
}

static void collect_meridiem_first(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	date_state *st = user_data;
	(void)key;
	st->meridiem_first[(unsigned char)g_ascii_tolower(e->text[0])] = 1;
	st->meridiem_first[(unsigned char)g_ascii_toupper(e->text[0])] = 1;
}

static void collect_the_modifier(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	date_state *st = user_data;
	(void)key;
	if (g_ascii_strncasecmp(e->text, "the", 3) != 0)
		return;
	const char *word = e->text + 4;
	size_t len = 0;
	while (g_ascii_isalpha(word[len]))
		len++;
	if (e->text[3] != ' ' || len == 0 || (word[len] != '\0' && word[len] != ' ')) {
		st->the_modifiers_known = FALSE;
		return;
	}
	for (size_t n = 1; n <= len; n++)
		hashmap_put(&st->the_modifier_next, entx_hash_fold(word, n), 1);
}

static void collect_number_modifier(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	date_state *st = user_data;
	(void)key;
	if (g_ascii_isdigit(e->text[0]))
		st->number_modifiers = TRUE;
}

/*
 * FALSE when no modifier starts at token i, "the", as parse_at() asks:
 * only a token after it that begins the word after "the " in one, after
 * a space, goes on; a token of more than ASCII is left to the lookup.
 */
static inline gboolean the_modifier_may_start(const dctx *c, size_t i)
{
	if (!c->st->the_modifiers_known || i + 1 >= c->n || !dtok_is(c, i, "the"))
		return TRUE;
	const entx_token *next = &c->toks[i + 1];
	if (next->cp_end - next->cp_begin != next->byte_end - next->byte_begin)
		return TRUE;
	return (next->flags & (ENTX_TOK_SPACE_BEFORE | ENTX_TOK_NEWLINE_BEFORE)) &&
	       hashmap_contains(&c->st->the_modifier_next, next->fold_hash);
}

/* Puts every key of `words` in `to`. */
static void add_keys(hashmap *to, const hashmap *words)
{
	for (size_t s = 0; words->keys != NULL && s <= words->mask; s++)
		if (words->keys[s] != 0)
			hashmap_put(to, words->keys[s], 1);
}

static void add_first_word(date_state *st, const char *word, uint32_t bits)
{
	uint64_t h = entx_hash_fold(word, strlen(word));
	const uint32_t *old = hashmap_get(&st->first_words, h);
	hashmap_put(&st->first_words, h, (old != NULL ? *old : 0) | bits);
}

static void collect_spelled_year(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	date_state *st = user_data;
	(void)key;
	if (spelled_year_may_start(st->nl.numbers, e->text))
		add_first_word(st, e->text, MAY_YEAR);
}

/*
 * The words at which each parser's first test passes: the lex_match()
 * filter of the tables it reads the first token with, the one-token
 * tables it asks lex_has_tok(), and the words it compares with
 * dtok_is(). token_parsers() adds what the token's shape tells.
 */
static void collect_first_words(date_state *st)
{
	static const struct {
		const char *word;
		uint32_t kind;
	} words[] = {{"the", REL_THE},
	             {"a", REL_AGO},
	             {"an", REL_AGO},
	             {"fiscal", REL_QUARTER},
	             {"earlier", REL_IN_THE},
	             {"later", REL_IN_THE},
	             {"year-earlier", REL_YEAR_EARLIER},
	             {"year-ago", REL_YEAR_EARLIER},
	             {"year-end", REL_YEAR_EARLIER},
	             {"year", REL_YEAR_EARLIER}};
	add_first_words(st, &st->months->first, MAY_CALENDAR << CAPITAL_SHIFT);
	add_first_words(st, &st->weekdays->first, MAY_CALENDAR << CAPITAL_SHIFT);
	add_first_words(st, &st->holidays->first, MAY_HOLIDAY << CAPITAL_SHIFT);
	add_first_words(st, &st->clockwords->first, MAY_TIME);
	lex_table_foreach(st->nl.numbers, collect_spelled_year, st);
	/* ago() reads a count after a qualifier: "about two weeks ago" */
	add_first_words(st, &st->qualifiers->first, REL_AGO);
	add_first_words(st, &st->nl.numbers->by_hash, REL_AGO);
	add_first_words(st, &st->days->first, REL_DAY);
	add_first_words(st, &st->shifts->first, REL_SHIFT);
	add_first_words(st, &st->seasons->first, REL_SEASON);
	/* quarter() lets an ordinal in by lex_has_tok(), then reads it with lex_match() */
	add_first_words(st, &st->ordinals->by_hash, REL_QUARTER);
	add_first_words(st, &st->ordinals->first, REL_QUARTER);
	for (size_t k = 0; k < G_N_ELEMENTS(words); k++)
		add_first_word(st, words[k].word, words[k].kind);
}

/* Cleared by an entry that names "ago" or "earlier" among its words. */
static void check_no_ago_word(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	gboolean *ok = user_data;
	(void)key;
	for (const char *p = e->text; *p != '\0';) {
		size_t n = 0;
		while (g_ascii_isalpha(p[n]))
			n++;
		if ((n == 3 && g_ascii_strncasecmp(p, "ago", 3) == 0) ||
		    (n == 7 && g_ascii_strncasecmp(p, "earlier", 7) == 0))
			*ok = FALSE;
		p += n > 0 ? n : 1;
	}
}

/* Cleared by an entry of more than letters, which may span tokens. */
static void check_one_word(gpointer key, gpointer value, gpointer user_data)
{
	const lex_entry *e = value;
	gboolean *ok = user_data;
	(void)key;
	for (const char *p = e->text; *p != '\0'; p++)
		if (!g_ascii_isalpha(*p))
			*ok = FALSE;
}

/* What ago_follows_unit says of the rule files: see date.h. */
static gboolean ago_follows_unit(const date_state *st)
{
	gboolean ok = TRUE;
	lex_table_foreach(st->units, check_one_word, &ok);
	lex_table_foreach(st->units, check_no_ago_word, &ok);
	lex_table_foreach(st->qualifiers, check_no_ago_word, &ok);
	lex_table_foreach(st->nl.numbers, check_no_ago_word, &ok);
	return ok;
}

static void *date_create(const entx_plugin_config *cfg, GError **error)
{
	static const char *const date_files[] = {"date/calendar.rules", "date/time.rules", NULL};
	date_state *st = g_new0(date_state, 1);
	st->lex = lex_set_new();
	for (const char *const *f = date_files; *f; f++)
		if (!lex_set_load(st->lex, cfg, *f, error))
			goto fail;
	/* Numbers, units and plurals: the quantity plugin's tables, loaded once. */
	st->qlex = lex_set_quantity(cfg, error);
	if (st->qlex == NULL)
		goto fail;
	st->months = lex_set_table(st->lex, "month");
	st->weekdays = lex_set_table(st->lex, "weekday");
	st->days = lex_set_table(st->lex, "day");
	st->dayparts = lex_set_table(st->lex, "daypart");
	st->seasons = lex_set_table(st->lex, "season");
	st->units = lex_set_table(st->lex, "unit");
	st->shifts = lex_set_table(st->lex, "shift");
	st->ordinals = lex_set_table(st->lex, "ordinal");
	st->modifiers = lex_set_table(st->lex, "modifier");
	st->year_context = lex_set_table(st->lex, "year-context");
	st->holidays = lex_set_table(st->lex, "holiday");
	st->meridiem = lex_set_table(st->lex, "meridiem");
	st->clockwords = lex_set_table(st->lex, "clockword");
	st->zones = lex_set_table(st->lex, "zone");
	st->nl.numbers = lex_set_table(st->qlex, "number");
	st->nl.units = lex_set_table(st->qlex, "unit");
	st->qualifiers = lex_set_table(st->qlex, "qualifier");
	st->plurals = lex_set_table(st->qlex, "plural");
	st->stops = lex_set_table(st->qlex, "stop");
	st->currencies = lex_set_table(st->qlex, "prefix");
	add_fixed_starters(st);
	static const char *const starter_tables[] = {
	    "month", "weekday", "day", "season", "shift", "ordinal", "clockword", "modifier", NULL};
	for (const char *const *t = starter_tables; *t; t++)
		lex_table_foreach(lex_set_table(st->lex, *t), collect, st);
	lex_table_foreach(st->nl.numbers, collect_count, st);
	lex_table_foreach(st->holidays, collect_holiday, st);
	add_followers(st);
	collect_first_words(st);
	collect_future_cues(&st->future_cues);
	collect_past_verbs(&st->past_verbs);
	st->ago_follows_unit = ago_follows_unit(st);
	lex_table_foreach(st->meridiem, collect_meridiem_first, st);
	st->the_modifiers_known = TRUE;
	lex_table_foreach(st->modifiers, collect_the_modifier, st);
	lex_table_foreach(st->modifiers, collect_number_modifier, st);
	const lex_table *shift_objects[] = {st->weekdays, st->months, st->seasons, st->dayparts,
	                                    st->units};
	for (size_t k = 0; k < G_N_ELEMENTS(shift_objects); k++)
		add_keys(&st->shift_objects, &shift_objects[k]->first);
	/* "last fiscal year": relative.c's fiscal_year() */
	hashmap_put(&st->shift_objects, entx_hash_fold("fiscal", 6), 1);
	st->shifts_one_word = TRUE;
	lex_table_foreach(st->shifts, check_one_word, &st->shifts_one_word);
	return st;
fail:
	date_destroy(st);
	return NULL;
}

/*
 * Most numbers in news are counts, and the parsers take a thousand
 * instructions to say so. At a token that starts with a digit, their
 * own first tests tell which can match: parse_numeric() at most 4
 * digits, - / or ., 1 or 2 digits and the same again ("12/17/2017");
 * parse_calendar() a day of the
 * month ("17", "17th") before a month that dtok_month() may read, or
 * "of" and one ("17th of December"): a weekday, a month or "mid-" at
 * the digits themselves are words of st->first_words; parse_time() an
 * hour of at most 2 digits before a colon, before a meridiem in its
 * token ("10pm", not "1,000") or before a meridiem token (read_digits(),
 * read_meridiem()); parse_year() 4 digits only, a decade ("1990s",
 * "'90s" after the apostrophe) or an ordinal before "century". The words (a clock or number word, a
 * capitalized name) come from st->first_words, as for any token, and a
 * hyphen from hyphen_parsers().
 */
/*
 * parse_numeric()'s test of the part between the separators: 1 or 2
 * digits from byte p, then the separator again ("12/17/", not "2.5").
 */
static inline gboolean numeric_second_part(const char *s, size_t len, size_t p, char sep)
{
	size_t q = p;
	while (q < len && q - p < 2 && g_ascii_isdigit(s[q]))
		q++;
	return q > p && q < len && s[q] == sep;
}

/*
 * What parse_year() can read at a token that starts with digits and has
 * more than digits: a decade (decade_of(): "1990s", "90s") or an ordinal
 * century before "century" (century(): "20th century").
 */
static inline gboolean year_shaped(const dctx *c, size_t i, int day)
{
	const entx_token *t = &c->toks[i];
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	if (len == 5)
		return s[3] == '0' && (s[4] == 's' || s[4] == 'S');
	if (len == 3 && s[1] == '0' && s[2] == 's')
		return TRUE;
	return len >= 3 && day > 0 && day <= 21 &&
	       (dtok_is(c, i + 1, "century") || dtok_is(c, i + 1, "centuries"));
}

/* dtok_month()'s tests before its lexicon match: whether a month may be named at token i. */
static inline gboolean month_may_start(const dctx *c, size_t i)
{
	const entx_token *t = dtok(c, i);
	return t != NULL && (t->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)) &&
	       lex_may_start(c->st->months, t);
}

/* Inline in parse_core(): most numbers it is asked of start no date, and
 * the call's saving and restoring of registers was a fifth of the test. */
static inline __attribute__((always_inline)) unsigned digit_token_parsers(const dctx *c,
                                                                         size_t i)
{
	const entx_token *t = &c->toks[i];
	const char *s = c->text;
	/* The first byte is a digit (token_parsers()); the text's closing NUL,
	 * no digit, ends the scan at its end, with no test of its length. */
	size_t len = t->byte_end - t->byte_begin, end = t->byte_begin + 1;
	while (g_ascii_isdigit(s[end]))
		end++;
	size_t digits = end - t->byte_begin; /* in the text, as the parsers scan */
	unsigned may = 0;
	char after = s[end];
	if (digits <= 4 && (after == '-' || after == '/' || after == '.') &&
	    numeric_second_part(s, c->text_len, end + 1, after))
		may |= MAY_NUMERIC;
	if (digits <= 2 && (after == ':' || end > t->byte_end ||
	                    (end < t->byte_end && c->st->meridiem_first[(unsigned char)after] &&
	                     glued_meridiem(c, end, t->byte_end) >= 0) ||
	                    lex_may_start(c->st->meridiem, dtok(c, i + 1))))
		may |= MAY_TIME;
	/* dtok_day_of_month() from the digits read: 3 or more are no day. */
	size_t lead = digits < len ? digits : len;
	int day = 0;
	if (lead <= 2) {
		const char *d = s + t->byte_begin;
		int v = lead == 2 ? (d[0] - '0') * 10 + (d[1] - '0') : d[0] - '0';
		day = day_of_month_after_digits(d, len, lead, v);
	}
	if (day > 0 && month_may_start(c, dtok_is(c, i + 1, "of") ? i + 2 : i + 1))
		may |= MAY_CALENDAR;
	if (digits >= len ? len == 4 : year_shaped(c, i, day))
		may |= MAY_YEAR;
	return may;
}

/* TRUE when the len bytes at s begin with the ASCII `lower`, in any case. */
static gboolean has_prefix_ascii(const char *s, size_t len, const char *lower, size_t n)
{
	return len >= n && g_ascii_strncasecmp(s, lower, n) == 0;
}

/* ... or end with it. */
static gboolean has_suffix_ascii(const char *s, size_t len, const char *lower, size_t n)
{
	return len >= n && g_ascii_strncasecmp(s + len - n, lower, n) == 0;
}

/*
 * A year in a token that has digits but does not start with one:
 * year_token() reads "mid-1996", "early-1990s", "late-80s" and "'90s".
 */
static unsigned year_prefix_parsers(const dctx *c, const entx_token *t)
{
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	if (has_prefix_ascii(s, len, "mid-", 4) || has_prefix_ascii(s, len, "early-", 6) ||
	    has_prefix_ascii(s, len, "late-", 5) || (len == 4 && s[0] == '\''))
		return MAY_YEAR;
	return 0;
}

/*
 * What a hyphen lets start: "mid-November" (hyphen_month() compares the
 * lowercased part before the first hyphen; no other character lowercases
 * to these ASCII letters) and "third-quarter" (quarter(), the part after
 * it). An ordinal or "year-ago" come from st->first_words.
 */
static unsigned hyphen_parsers(const dctx *c, const entx_token *t)
{
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	unsigned may = 0;
	if (has_prefix_ascii(s, len, "mid-", 4) || has_prefix_ascii(s, len, "early-", 6) ||
	    has_prefix_ascii(s, len, "late-", 5))
		may |= MAY_CALENDAR;
	if (has_suffix_ascii(s, len, "-quarter", 8) || has_suffix_ascii(s, len, "-half", 5))
		may |= REL_QUARTER;
	return may;
}

/*
 * The parsers that can match at token i, by the tests each makes first:
 * a leading digit (numbers, days, clock times), a digit anywhere (years,
 * "mid-1990s"), a hyphen, an "ago" further on, or a word of
 * st->first_words, some only when capitalized as calendar names are.
 * Most tokens pass none of them, and asking costs less than one
 * parser's setup.
 */
static inline __attribute__((always_inline)) unsigned token_parsers(const dctx *c, size_t i)
{
	const entx_token *t = &c->toks[i];
	unsigned may = 0;
	if (g_ascii_isdigit(c->text[t->byte_begin]))
		may = digit_token_parsers(c, i);
	else if (t->flags & ENTX_TOK_HAS_DIGIT)
		may = year_prefix_parsers(c, t);
	if (t->flags & ENTX_TOK_HYPHENATED)
		may |= hyphen_parsers(c, t);
	/* count_at(): digits, a number word, a hyphen ("twenty-one") */
	if (t->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_HYPHENATED))
		may |= REL_AGO;
	const uint32_t *w = hashmap_get(&c->st->first_words, t->fold_hash);
	if (w != NULL) {
		may |= *w & MAY_ALL;
		if (t->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS))
			may |= *w >> CAPITAL_SHIFT;
	}
	if (i + 1 >= c->last_ago)
		may &= ~(unsigned)REL_AGO;
	return may;
}

/*
 * The longest date of any kind starting exactly at token i. "the June
 * 5" asks at "June" once after "the" and once for itself: a miss is
 * remembered until a find (which may move last_quarter) or an emitted
 * date (which moves the floor) could change the answer. *best is
 * written only on a find: most calls find nothing.
 */
static gboolean parse_core(dctx *c, size_t i, date_match *best)
{
	static gboolean (*const parsers[])(const dctx *, size_t, date_match *) = {
	    parse_numeric, parse_calendar, parse_time, parse_year, parse_holiday};
	date_match m;
	gboolean found = FALSE;
	if (c->core_miss == i + 1)
		return FALSE;
	unsigned may = token_parsers(c, i);
	for (unsigned left = may & ((1u << G_N_ELEMENTS(parsers)) - 1); left != 0;
	     left &= left - 1) {
		unsigned k = (unsigned)__builtin_ctz(left);
		gboolean read;
		if (c->dateline_at == i + 1 && c->dateline_parser == 1u << k) {
			m = c->dateline_match; /* read again, it would be the same */
			read = TRUE;
		} else {
			memset(&m, 0, sizeof m);
			read = parsers[k](c, i, &m);
		}
		if (read && m.first <= i && m.first >= c->floor && (!found || m.end > best->end)) {
			*best = m;
			found = TRUE;
		}
	}
	if (may & REL_ALL) {
		tval saved = c->last_quarter;
		memset(&m, 0, sizeof m);
		if (parse_relative(c, i, may & REL_ALL, &m) && (!found || m.end > best->end)) {
			*best = m;
			best->relative = TRUE;
			found = TRUE;
		} else {
			c->last_quarter = saved;
		}
	}
	c->core_miss = found ? 0 : i + 1;
	return found;
}

/*
 * Granularities that take "the" into the span: "the 1990s", "the third
 * quarter"; not an adjective: "the third-quarter loss".
 */
static gboolean takes_article(const dctx *c, const date_match *m)
{
	const tval *v = &m->v;
	if ((dtok(c, m->first)->flags & ENTX_TOK_HYPHENATED) && m->end == m->first + 1 &&
	    (v->gr == GR_QUARTER || v->gr == GR_HALF))
		return FALSE;
	return v->gr == GR_DECADE || v->gr == GR_CENTURY || v->gr == GR_QUARTER ||
	       v->gr == GR_HALF || v->gr == GR_WEEKEND || v->gr == GR_SEASON;
}

/* Whether a word with starters bits `how` starts a date at token t. */
static inline gboolean how_starts(uint32_t how, const entx_token *t)
{
	return (how & STARTER_ANY) ||
	       ((how & STARTER_CAPITAL) && (t->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)));
}

/* Whether the word of token t with fold hash h is a starter for t. */
static inline gboolean starts_date(const dctx *c, const entx_token *t, uint64_t h)
{
	const uint32_t *how = hashmap_get(&c->st->starters, h);
	return how != NULL && how_starts(*how, t);
}

/*
 * TRUE when token t, whose fold hash is an article's, is that article:
 * the hash says which by its length, and the bytes confirm it ('A' and
 * 'a' are the only bytes that OR 0x20 makes 'a').
 */
static inline gboolean is_article(const dctx *c, const entx_token *t)
{
	const char *s = c->text + t->byte_begin;
	switch (t->byte_end - t->byte_begin) {
	case 1:
		return (s[0] | 0x20) == 'a';
	case 2:
		return (s[0] | 0x20) == 'a' && (s[1] | 0x20) == 'n';
	case 3:
		return (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'h' && (s[2] | 0x20) == 'e';
	default:
		return FALSE;
	}
}

/*
 * A starter word (starters bits `how`) that is "the", "a" or "an" starts
 * a date only before a word that can go on one; any other starter word
 * starts one.
 */
static gboolean starter_word(const dctx *c, size_t i, uint32_t how)
{
	if (!(how & STARTER_ARTICLE) || i + 1 >= c->n || !is_article(c, dtok(c, i)))
		return TRUE;
	const entx_token *next = dtok(c, i + 1);
	if (next->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_HYPHENATED))
		return TRUE;
	const uint32_t *next_how = hashmap_get(&c->st->starters, next->fold_hash);
	return next_how != NULL && ((*next_how & STARTER_FOLLOWER) || how_starts(*next_how, next));
}

/*
 * A token where a date may begin: digits, a capitalized or known word.
 * `how` is the token's starters bits, NULL when it has none.
 */
static inline gboolean starter_with(const dctx *c, size_t i, const uint32_t *how)
{
	const entx_token *t = dtok(c, i);
	if (t->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_NUMBER))
		return TRUE;
	if (!(t->flags & ENTX_TOK_WORD))
		return FALSE;
	if (how != NULL && how_starts(*how, t))
		return !(*how & STARTER_ARTICLE) || starter_word(c, i, *how);
	if (!(t->flags & ENTX_TOK_HYPHENATED))
		return FALSE;
	return starts_date(c, t, lex_hyphen_head(c->doc, t));
}

static gboolean starter(const dctx *c, size_t i)
{
	const entx_token *t = dtok(c, i);
	return starter_with(c, i, hashmap_get(&c->st->starters, t->fold_hash));
}

/* A clear bit of st->starter_filter: no starter's hash is h. */
static inline gboolean may_start_date(const date_state *st, uint64_t h)
{
	return (st->starter_filter[h >> 56] >> (h & 63)) & 1;
}

/* find_starters()'s starters bits of a token it has not looked up;
 * stored bits are never 0, and never all set. */
enum { BITS_UNREAD = UINT32_MAX };

/*
 * starter_word() for the article at token i, given the starters bits of
 * the token after it (0 for none, BITS_UNREAD when not looked up).
 */
static gboolean article_starts(const dctx *c, size_t i, uint32_t next_bits)
{
	if (i + 1 >= c->n || !is_article(c, &c->toks[i]))
		return TRUE;
	const entx_token *next = &c->toks[i + 1];
	if (next->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_HYPHENATED))
		return TRUE;
	if (next_bits == BITS_UNREAD) {
		const uint32_t *how = hashmap_get(&c->st->starters, next->fold_hash);
		next_bits = how != NULL ? *how : 0;
	}
	return next_bits != 0 && ((next_bits & STARTER_FOLLOWER) || how_starts(next_bits, next));
}

/*
 * starter_with() for find_starters(): word token i, not a number, whose
 * starters bits are `bits` (0 for none), before a token with next_bits.
 * Also notes each "ago" or "earlier".
 */
static gboolean word_starts(dctx *c, size_t i, uint32_t bits, uint32_t next_bits)
{
	const entx_token *t = &c->toks[i];
	if ((bits & STARTER_AGO) && (dtok_is(c, i, "ago") || dtok_is(c, i, "earlier"))) {
		if (c->last_ago == 0)
			c->last_ago = i + 1;
		if (c->n_agos < AGOS_MAX)
			c->agos[c->n_agos] = (uint32_t)i;
		c->n_agos += c->n_agos <= AGOS_MAX;
	}
	if (bits != 0 && how_starts(bits, t))
		return !(bits & STARTER_ARTICLE) || article_starts(c, i, next_bits);
	return (t->flags & ENTX_TOK_HYPHENATED) && starts_date(c, t, lex_hyphen_head(c->doc, t));
}

/* Sets bit i of a bit set of 64-bit words. */
static inline void set_bit(uint64_t *set, size_t i)
{
	set[i / 64] |= UINT64_C(1) << (i % 64);
}

/*
 * Whether find_starters() looks at token t. Most tokens: no digits, no
 * hyphen, a hash no starter has. Word or not, article_starts() would
 * read 0 bits for one, and none starts a date: one test of the flags and
 * one of the filter turn it away.
 */
static inline gboolean may_start_token(const date_state *st, const entx_token *t)
{
	return (t->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_NUMBER | ENTX_TOK_HYPHENATED)) ||
	       may_start_date(st, t->fold_hash);
}
/*
 * 1 + the last token before token i that may_start_token() lets through,
 * 0 for none. A loop of its own, so that its few variables stay in
 * registers; four tokens a round, so that the start is compared once for
 * them: the test of a token is only some eight instructions.
 */
static inline size_t prev_start(const date_state *st, const entx_token *toks, size_t i)
{
	const entx_token *t = toks + i; /* one past the next token to test */
	for (; t - toks >= 4; t -= 4) {
		if (may_start_token(st, t - 1))
			return (size_t)(t - toks);
		if (may_start_token(st, t - 2))
			return (size_t)(t - 1 - toks);
		if (may_start_token(st, t - 3))
			return (size_t)(t - 2 - toks);
		if (may_start_token(st, t - 4))
			return (size_t)(t - 3 - toks);
	}
	for (; t > toks; t--)
		if (may_start_token(st, t - 1))
			return (size_t)(t - toks);
	return 0;
}
/*
 * One pass over the tokens, last to first: sets the starters' bits in
 * `set` (zeroed, a bit per token: in a text where every token starts a
 * date, a list of their indices took more memory than anything but the
 * tokens), and notes the "ago" tokens (word_starts()). Most tokens are
 * punctuation or words that st->starter_filter turns away, and each is
 * read once: an article asks about the word after it, which the pass has
 * just read.
 */
static void find_starters(dctx *c, uint64_t *set)
{
	const entx_token *toks = c->toks;
	const date_state *st = c->st;
	uint32_t next_bits = BITS_UNREAD; /* the starters bits of token i + 1 */
	for (size_t i = c->n, found; (found = prev_start(st, toks, i)) > 0;) {
		/* the tokens passed over have no starters bits */
		if (found < i)
			next_bits = 0;
		i = found - 1;
		const entx_token *t = &toks[i];
		uint32_t flags = t->flags, bits = 0;
		if (flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_NUMBER)) {
			set_bit(set, i);
			next_bits = BITS_UNREAD;
			continue;
		}
		if (!(flags & ENTX_TOK_WORD)) {
			next_bits = BITS_UNREAD;
			continue;
		}
		if (may_start_date(st, t->fold_hash)) {
			const uint32_t *how = hashmap_get(&st->starters, t->fold_hash);
			bits = how != NULL ? *how : 0;
		}
		uint32_t after = next_bits;
		next_bits = bits;
		if ((bits != 0 || (flags & ENTX_TOK_HYPHENATED)) && word_starts(c, i, bits, after))
			set_bit(set, i);
	}
}

/* "the end of the month", "the start of the year": the current one. */
static gboolean bare_period(const dctx *c, size_t j, const lex_entry *mod, date_match *m)
{
	size_t len = strlen(mod->text);
	if (len < 4 || strcmp(mod->text + len - 4, " the") != 0)
		return FALSE;
	if (!dtok_is(c, j, "year") && !dtok_is(c, j, "month") && !dtok_is(c, j, "week"))
		return FALSE;
	tval_init(&m->v, dtok_is(c, j, "year")    ? GR_YEAR
	                 : dtok_is(c, j, "month") ? GR_MONTH
	                                          : GR_WEEK);
	if (c->has_ref)
		tval_from_gdate(&m->v, &c->ref, m->v.gr);
	if (m->v.gr != GR_MONTH && m->v.gr != GR_DAY)
		m->v.month = m->v.day = 0;
	if (m->v.gr == GR_MONTH)
		m->v.day = 0;
	m->end = j + 1;
	m->confidence = 0.7;
	m->relative = FALSE;
	return TRUE;
}

/* [the] [early|late|mid|the end of] DATE */
static gboolean parse_at(dctx *c, size_t i, date_match *m)
{
	size_t n = 0;
	if (parse_core(c, i, m))
		return TRUE;
	/* A number is not "the", nor, unless a rule file says so, a modifier. */
	if ((c->toks[i].flags & ENTX_TOK_NUMBER) && !c->st->number_modifiers)
		return FALSE;
	size_t j = i;
	/* "the end of" is a modifier of its own; "the" + "late" are two. */
	const lex_entry *mod =
	    the_modifier_may_start(c, j) ? dtok_lex(c, c->st->modifiers, j, &n) : NULL;
	gboolean article = mod == NULL && dtok_is(c, j, "the");
	if (article) {
		j++;
		mod = dtok_lex(c, c->st->modifiers, j, &n);
		if (mod != NULL && g_str_has_prefix(mod->text, "the "))
			return FALSE; /* "the the end of": the next token starts it */
	}
	if (mod != NULL)
		j += n;
	if (j == i || j >= c->n)
		return FALSE;
	if (mod != NULL && bare_period(c, j, mod, m)) {
		m->first = i;
		return TRUE;
	}
	if (!starter(c, j) || !parse_core(c, j, m))
		return FALSE;
	/* "the following year", "the previous Friday" */
	size_t shift_len = 0;
	if (article && mod == NULL && !takes_article(c, m) && !dtok_is(c, j, "fiscal") &&
	    dtok_lex(c, c->st->shifts, j, &shift_len) == NULL)
		return FALSE;
	/* TimeML keeps "earlier" in "earlier this year" and "earlier
	 * today" but not in "earlier this week" or "later Thursday". */
	if (mod != NULL && (dtok_is(c, i, "earlier") || dtok_is(c, i, "later")) &&
	    m->v.gr != GR_YEAR && m->v.gr != GR_MONTH &&
	    !(dtok_is(c, j, "today") || dtok_is(c, j, "yesterday") || dtok_is(c, j, "tomorrow") ||
	      dtok_is(c, j, "tonight")))
		return FALSE;
	m->first = i;
	return TRUE;
}

static gboolean parse_ref(const char *s, GDate *d)
{
	int y = 0, mo = 0, day = 0;
	if (s == NULL || sscanf(s, "%4d-%2d-%2d", &y, &mo, &day) != 3)
		return FALSE;
	if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)mo, (GDateYear)y))
		return FALSE;
	g_date_clear(d, 1);
	g_date_set_dmy(d, (GDateDay)day, (GDateMonth)mo, (GDateYear)y);
	return TRUE;
}

/* The dateline rule: see the comment at the top of this file. */
static void dateline_reference(dctx *c)
{
	size_t lines = 0;
	for (size_t i = 0; i < c->n; i++) {
		const entx_token *t = dtok(c, i);
		date_match m;
		if (i > 0 && (t->flags & ENTX_TOK_NEWLINE_BEFORE))
			lines++;
		if (lines >= DATELINE_MAX_LINES || t->cp_end > DATELINE_MAX_CHARS)
			return;
		memset(&m, 0, sizeof m);
		if (!((t->flags & ENTX_TOK_HAS_DIGIT) || (t->flags & ENTX_TOK_CAPITALIZED)))
			continue;
		/* The first tests parse_core() asks, as it would later. */
		unsigned may = token_parsers(c, i);
		unsigned parser = 0;
		if ((may & MAY_NUMERIC) && parse_numeric(c, i, &m))
			parser = MAY_NUMERIC;
		else if ((may & MAY_CALENDAR) && parse_calendar(c, i, &m))
			parser = MAY_CALENDAR;
		if (parser != 0 && m.v.year > 0 && m.v.month > 0 && m.v.day > 0 &&
		    g_date_valid_dmy((GDateDay)m.v.day, (GDateMonth)m.v.month,
		                     (GDateYear)m.v.year)) {
			g_date_clear(&c->ref, 1);
			g_date_set_dmy(&c->ref, (GDateDay)m.v.day, (GDateMonth)m.v.month,
			               (GDateYear)m.v.year);
			c->has_ref = TRUE;
			ref_numbers_set(c);
			/* A full date reads the same with a reference date as without. */
			c->dateline_at = i + 1;
			c->dateline_parser = parser;
			c->dateline_match = m;
			return;
		}
	}
}

static void emit_typed(entx_mention *m, const tval *v, const char *value)
{
	if (!tval_complete(v))
		return;
	switch (v->gr) {
	case GR_DAY:
		entx_mention_set_typed(m, "time:inXSDDate", value, "xsd:date");
		break;
	case GR_MONTH:
		entx_mention_set_typed(m, "time:inXSDgYearMonth", value, "xsd:gYearMonth");
		break;
	case GR_YEAR:
		entx_mention_set_typed(m, "time:inXSDgYear", value, "xsd:gYear");
		break;
	case GR_TIME: {
		/* xsd:dateTimeStamp needs seconds: 2019-10-17T17:42:00-04:00 */
		char stamp[96], zone[16];
		tval_zone(v, zone, sizeof zone);
		/* "%.16s:00%s" without printf: both parts are short */
		size_t date_len = 0, zone_len = strlen(zone);
		while (date_len < 16 && value[date_len] != '\0')
			date_len++;
		memcpy(stamp, value, date_len);
		memcpy(stamp + date_len, ":00", 3);
		memcpy(stamp + date_len + 3, zone, zone_len + 1);
		entx_mention_set_typed(m, "time:inXSDDateTimeStamp", stamp, "xsd:dateTimeStamp");
		break;
	}
	default:
		break;
	}
}

static void emit(const dctx *c, const date_match *dm)
{
	char value[64];
	const entx_token *a = dtok(c, dm->first);
	const entx_token *b = dtok(c, dm->end - 1);
	gboolean instant = dm->v.gr == GR_DAY || dm->v.gr == GR_DAYPART || dm->v.gr == GR_TIME;
	entx_mention *m =
	    entx_doc_add_mention(c->doc, a->cp_begin, b->cp_end, "Date",
	                         instant ? "time:Instant" : "time:ProperInterval", dm->confidence);
	if (m == NULL)
		return;
	tval_format(&dm->v, value, sizeof value);
	entx_mention_set_value(m, value);
	emit_typed(m, &dm->v, value);
}

/*
 * "every Thursday", "each July", "every summer": a set of times (TIMEX3
 * SET), not one date; a date with its year ("each July 4, 1990") is one.
 */
static gboolean recurring(const dctx *c, const date_match *m)
{
	if (m->first == 0 ||
	    !(dtok_is(c, m->first - 1, "each") || dtok_is(c, m->first - 1, "every")))
		return FALSE;
	return m->v.year < 0 || m->v.gr == GR_SEASON;
}

static gboolean date_extract(void *state, entx_doc *doc, GError **error)
{
	size_t len = 0;
	const char *text = entx_doc_text(doc, &len);
	dctx c = {.st = state, .doc = doc, .text = text, .text_len = len};
	c.toks = entx_doc_tokens(doc, &c.n);
	(void)error;
	tval_init(&c.last_quarter, GR_NONE);
	tval_init(&c.anchor, GR_NONE);
	c.has_ref = parse_ref(entx_doc_reference_date(doc), &c.ref);
	if (c.has_ref)
		ref_numbers_set(&c);
	/* Documents are short: most starter sets fit on the stack. */
	uint64_t stack_starters[16];
	size_t n_words = (c.n + 63) / 64;
	uint64_t *starters = stack_starters;
	if (n_words <= G_N_ELEMENTS(stack_starters))
		memset(stack_starters, 0, n_words * sizeof *stack_starters);
	else
		starters = g_new0(uint64_t, n_words);
	find_starters(&c, starters);
	if (!c.has_ref)
		dateline_reference(&c);
	/* From the first starter on, skipping those inside a date found. */
	for (size_t w = 0; w < n_words; w++) {
		for (uint64_t bits = starters[w]; bits != 0; bits &= bits - 1) {
			size_t i = w * 64 + (size_t)__builtin_ctzll(bits);
			date_match m;
			if (i < c.floor || !parse_at(&c, i, &m) || m.end <= i)
				continue;
			/* a set of times is read, and written as no date */
			if (!recurring(&c, &m)) {
				tval_resolve(&c, &m.v);
				emit(&c, &m);
				if (!m.relative && m.v.year > 0)
					c.anchor = m.v;
				if (m.v.gr == GR_MONTH || m.v.gr == GR_QUARTER)
					c.month_after_quarter = m.v.gr == GR_MONTH;
			}
			c.floor = m.end;
			c.core_miss = 0;
		}
	}
	if (starters != stack_starters)
		g_free(starters);
	return TRUE;
}

static const char *const date_classes[] = {"Date", NULL};

ENTX_PLUGIN_DEFINE("date", ENTX_VERSION_STRING, "dates and times, normalized to ISO 8601",
                   "GPL-3.0-or-later",
                   date_classes, 20, date_create, date_extract, date_destroy)
