/*
 * entx - the date plugin's private declarations.
 *
 * Each parser reads one kind of expression starting at a token and, on
 * success, fills a date_match: the tokens it covers and a TIMEX3 value
 * under construction (tval). The extract loop keeps the longest match.
 */
#ifndef ENTX_PLUGIN_DATE_H
#define ENTX_PLUGIN_DATE_H

#include "../quantity/number.h"
#include "hashmap.h"
#include "tokens.h"

/* Granularity of a value: what its TIMEX3 string names. */
typedef enum {
	GR_NONE = 0,
	GR_CENTURY,
	GR_DECADE,
	GR_YEAR,
	GR_HALF,
	GR_QUARTER,
	GR_SEASON,
	GR_MONTH,
	GR_WEEK,
	GR_WEEKEND,
	GR_DAY,
	GR_DAYPART,
	GR_TIME
} granularity;

/* A TIMEX3 value; unknown parts are 0 (year: -1), printed as X. */
typedef struct tval {
	granularity gr;
	int year;     /* -1 when unknown */
	int month;    /* 1-12, 0 unknown */
	int day;      /* 1-31, 0 unknown */
	int week;     /* ISO week for GR_WEEK, GR_WEEKEND */
	int weekday;  /* 1-7 for a weekday not yet resolved */
	int part;     /* quarter, half, decade (199) or century (19) */
	char code[3]; /* season SP/SU/FA/WI or day part MO/AF/EV/NI */
	int hour;     /* -1 when no time */
	int minute;
	gboolean has_zone;
	int zone_min; /* offset from UTC in minutes */
	int lean;     /* -1 the last one, 1 the next one; a bare weekday takes 0 as -1 */
} tval;

/*
 * The bits of date_state.starters: a word that starts a date, any token
 * of it or only a capitalized one; an article, which starts one only
 * before a word that may go on (STARTER_FOLLOWER, or a starter); "ago"
 * or "earlier", which a count before it looks for.
 */
enum {
	STARTER_ANY = 1,
	STARTER_CAPITAL = 2,
	STARTER_ARTICLE = 4,
	STARTER_FOLLOWER = 8,
	STARTER_AGO = 16
};

/* Read-only after create(). */
typedef struct date_state {
	lex_set *lex;        /* the date rule files */
	const lex_set *qlex; /* the quantity rule files, shared with that plugin */
	hashmap starters;    /* fold hashes of words a date may begin or go on with: STARTER_* */
	/*
	 * Those hashes as they are, a bit each by their top 8 and low 6 bits,
	 * for a test without hashmap_get()'s mapping of 0 and its multiply:
	 * every word asks it. FNV-1a's top bits are well mixed and its low
	 * ones follow the last byte: together they turn away more words than
	 * its top 12 bits alone, and 2 KB fewer than 512 bytes.
	 */
	uint64_t starter_filter[256];
	hashmap first_words; /* fold hashes of words some parser may start at: date.c */
	num_lexicon nl;
	const lex_table *months, *weekdays, *days, *dayparts, *seasons, *units;
	const lex_table *shifts, *ordinals, *modifiers, *year_context, *holidays;
	const lex_table *meridiem, *clockwords, *zones;
	/* The bytes a meridiem may begin with, in either case: glued_meridiem()
	 * asks of most numbers with letters glued on ("3rd", "1990s"). */
	uint8_t meridiem_first[256];
	const lex_table *qualifiers; /* from the quantity rules: a count, not a year */
	const lex_table *plurals;
	const lex_table *stops;
	const lex_table *currencies;
	/*
	 * No unit has two words, and no unit, count or qualifier word is
	 * "ago" or "earlier" (date.c checks the rule files): then ago()'s
	 * match ends at the first of those after its start, a unit before it.
	 */
	gboolean ago_follows_unit;
	/* Fold hashes of the words a weekday, month, season, part of day or
	 * unit may begin with: what shifted() reads after "last", "this". */
	hashmap shift_objects;
	/* Every shift ("last", "this") is one word: shifted() may then ask
	 * for its object at the next token before matching the shift. */
	gboolean shifts_one_word;
	/*
	 * Fold hashes of every beginning of the word after "the " in the
	 * modifiers ("e", "en", "end" of "the end of"): a token after "the"
	 * that is none of them starts no such modifier. Used only when
	 * the_modifiers_known: every modifier that begins with "the" is
	 * "the ", a word of ASCII letters and maybe more.
	 */
	hashmap the_modifier_next;
	gboolean the_modifiers_known;
	/* Some modifier starts with a digit: only then does parse_at() look
	 * one up at a number token. */
	gboolean number_modifiers;
	hashmap future_cues; /* fold hash of each word future_cue() knows -> its index */
	hashmap past_verbs;  /* ... and past_cue() */
} date_state;

/* The result of one parser. */
typedef struct date_match {
	size_t first, end; /* tokens [first, end) */
	tval v;
	double confidence;
	gboolean relative; /* read by parse_relative(): no anchor for "the following year" */
} date_match;

enum { AGOS_MAX = 32 };

/* Per extract() call. */
typedef struct dctx {
	const date_state *st;
	entx_doc *doc;
	const char *text;
	size_t text_len;
	const entx_token *toks;
	size_t n;     /* tokens */
	size_t floor; /* first token not yet in a mention */
	gboolean has_ref;
	GDate ref;         /* reference date when has_ref */
	/* ... in plain integers, for value.c's arithmetic: ref_numbers_set() */
	int ref_year, ref_month;
	long ref_day_number;
	tval last_quarter; /* the last quarter named, for "the quarter", "a year ago" */
	tval anchor;       /* the last date named outright, for "the following year" */
	/* Whether a month was named after the last quarter, for "the same period". */
	gboolean month_after_quarter;
	size_t last_ago;   /* 1 + the last "ago" or "earlier" token, 0 for none */
	/* Every "ago" or "earlier" token, the last first; n_agos counts past
	 * AGOS_MAX when they did not fit, and then the list says nothing. */
	uint32_t agos[AGOS_MAX];
	size_t n_agos;
	/*
	 * 1 + the token where parse_core() last found nothing, 0 for none;
	 * cleared by whatever changes what it would find (date.c).
	 */
	size_t core_miss;
	/*
	 * The dateline's date (date.c): 1 + its token, 0 for none; the bit
	 * of parse_core()'s parser that read it, and what it read, which
	 * does not depend on the reference date it gave.
	 */
	size_t dateline_at;
	unsigned dateline_parser;
	date_match dateline_match;
} dctx;

/* util.c: tokens */
static inline const entx_token *dtok(const dctx *c, size_t i)
{
	return i < c->n ? &c->toks[i] : NULL;
}

/* TRUE when token i is the ASCII word `lower`, in any case. */
static inline gboolean dtok_is(const dctx *c, size_t i, const char *lower)
{
	return token_is(c->text, dtok(c, i), lower);
}

/* TRUE when token i, lowercased, is one of the n words. */
static inline gboolean dtok_is_any(const dctx *c, size_t i, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (dtok_is(c, i, words[k]))
			return TRUE;
	return FALSE;
}

/* TRUE when token i follows token i - 1 with no space between. */
static inline gboolean dtok_adjacent(const dctx *c, size_t i)
{
	return i > 0 && token_attached(dtok(c, i));
}

/* TRUE when token i is one byte of chars (as strchr() finds it, NUL
 * too). Inline: the parsers ask it around most dates, and the loop over
 * a literal costs less than the call. */
static inline gboolean dtok_punct(const dctx *c, size_t i, const char *chars)
{
	const entx_token *t = dtok(c, i);
	if (t == NULL || t->byte_end - t->byte_begin != 1)
		return FALSE;
	char ch = c->text[t->byte_begin];
	for (const char *p = chars;; p++) {
		if (*p == ch)
			return TRUE;
		if (*p == '\0')
			return FALSE;
	}
}

/* lex_match() at token i (*n tokens, 0 for none); n may be NULL. */
static inline const lex_entry *dtok_lex(const dctx *c, const lex_table *t, size_t i, size_t *n)
{
	size_t dummy = 0;
	if (!lex_may_start(t, dtok(c, i))) {
		if (n != NULL)
			*n = 0;
		return NULL;
	}
	return lex_match_folded_src(t, c->text, c->toks, c->n, i, c->n, n != NULL ? n : &dummy);
}

const lex_entry *dtok_month_entry(const dctx *c, size_t i, size_t *n);
int dtok_month(const dctx *c, size_t i, size_t *n);
int dtok_weekday(const dctx *c, size_t i, size_t *n);
int dtok_int(const dctx *c, size_t i, int *n_digits);
size_t dtok_skip(const dctx *c, size_t i, const char *chars);

/*
 * dtok_day_of_month() of the len bytes at s, which begin with k digits
 * worth v: a caller that has read the digits already asks this.
 */
static inline int day_of_month_after_digits(const char *s, size_t len, size_t k, int v)
{
	if (k == 0 || v < 1 || v > 31)
		return 0;
	if (k == len)
		return v;
	if (len - k != 2)
		return 0;
	/* "st", "nd", "rd" or "th" in any case: asked of most numbers, so no calls */
	char a = s[k] | 0x20, b = s[k + 1] | 0x20;
	gboolean letters = g_ascii_isalpha(s[k]) && g_ascii_isalpha(s[k + 1]);
	if (letters && ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
	                (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
		return v;
	return 0;
}
/* A day of the month: "17", "17th", "1st"; 0 when token i is none.
 * Inline: asked of every number a parser looks at. */
static inline int dtok_day_of_month(const dctx *c, size_t i)
{
	const entx_token *t = dtok(c, i);
	if (t == NULL)
		return 0;
	const char *s = c->text + t->byte_begin;
	size_t len = t->byte_end - t->byte_begin;
	size_t k = 0;
	int v = 0;
	while (k < len && k < 2 && g_ascii_isdigit(s[k]))
		v = v * 10 + (s[k++] - '0');
	return day_of_month_after_digits(s, len, k, v);
}

size_t dtok_ending_at(const dctx *c, size_t i, size_t b);
gboolean dtok_event_name(const dctx *c, size_t i, size_t end);

/* value.c: TIMEX3 values and the reference date */
void tval_init(tval *v, granularity gr);
void tval_format(const tval *v, char *buf, size_t n);
void tval_zone(const tval *v, char *buf, size_t n);
gboolean tval_complete(const tval *v);
void tval_from_gdate(tval *v, const GDate *d, granularity gr);
/* The first day v holds (month and day 1 where v leaves them open) into
 * d; FALSE when v has no year or names no real day ("February 30"). */
gboolean tval_to_gdate(const tval *v, GDate *d);
void tval_resolve(const dctx *c, tval *v);
/* Sets c->ref_year, ref_month and ref_day_number from c->ref, set just before. */
void ref_numbers_set(dctx *c);
int nearest_year(const dctx *c, int month, int day, int lean);
/* TRUE when even the nearest month/day is more than 90 days from c->ref:
 * then the last and the next are about as far, and the tense decides. */
gboolean month_far(const dctx *c, int month, int day);

/* clock.c: the a.m./p.m. value (0 or 12) of the bytes [p, tok_end) of a token, or -1 */
int glued_meridiem(const dctx *c, size_t p, size_t tok_end);

/* absolute.c */
void collect_future_cues(hashmap *cues);
void collect_past_verbs(hashmap *verbs);
gboolean parse_calendar(const dctx *c, size_t i, date_match *m);
gboolean parse_numeric(const dctx *c, size_t i, date_match *m);
gboolean parse_year(const dctx *c, size_t i, date_match *m);
gboolean parse_time(const dctx *c, size_t i, date_match *m);
gboolean parse_time_after(const dctx *c, date_match *m);

/* year.c */
gboolean spelled_year_may_start(const lex_table *numbers, const char *text);
int dtok_spelled_year(const dctx *c, size_t i);

/* holiday.c */
gboolean parse_holiday(const dctx *c, size_t i, date_match *m);

/* relative.c */

/* The kinds of relative expression, by the test each makes of its first token. */
enum {
	REL_DAY = 1u << 8,           /* a day word: "yesterday" */
	REL_SHIFT = 1u << 9,         /* a shift word: "last week" */
	REL_AGO = 1u << 10,          /* a count before a later "ago": "two days ago" */
	REL_YEAR_EARLIER = 1u << 11, /* "year-earlier", "year-ago", "year-end", "year end" */
	REL_IN_THE = 1u << 12,       /* "earlier", "later": "later in the day" */
	REL_QUARTER = 1u << 13,      /* "fiscal", an ordinal, a hyphen: "third-quarter" */
	REL_THE = 1u << 14,          /* "the": "the quarter", "the weekend" */
	REL_SEASON = 1u << 15,       /* a season word: "this summer", "fall" */
	REL_ALL = REL_DAY | REL_SHIFT | REL_AGO | REL_YEAR_EARLIER | REL_IN_THE | REL_QUARTER |
	          REL_THE | REL_SEASON
};

/* Tries only the kinds in `kinds` (REL_*): the others are known not to match. */
gboolean parse_relative(dctx *c, size_t i, unsigned kinds, date_match *m);

#endif
