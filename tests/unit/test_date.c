/*
 * Unit tests of the date plugin, run through the real engine with only
 * that plugin loaded. Expected values are worked out by hand from the
 * reference date 2017-12-18, a Monday (ISO week 2017-W51).
 */
/* cmocka.h needs these first; a blank line keeps clang-format's order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define REF "2017-12-18"

typedef struct dcase {
	const char *text;  /* the document */
	const char *ref;   /* reference date, or NULL */
	const char *span;  /* the expected mention */
	const char *value; /* its TIMEX3 value */
	const char *typed; /* the OWL-Time property expected, or NULL */
} dcase;

static const dcase cases[] = {
    /* absolute dates */
    {"We met on December 17.", REF, "December 17", "2017-12-17", "time:inXSDDate"},
    {"We met on Dec. 14.", REF, "Dec. 14", "2017-12-14", "time:inXSDDate"},
    {"We met on 17 December 2017.", REF, "17 December 2017", "2017-12-17", "time:inXSDDate"},
    {"We met on December 17, 2017.", NULL, "December 17, 2017", "2017-12-17", "time:inXSDDate"},
    {"We met on 2017-12-17.", NULL, "2017-12-17", "2017-12-17", "time:inXSDDate"},
    {"We met on 12/17/2017.", NULL, "12/17/2017", "2017-12-17", "time:inXSDDate"},
    {"We met on 7/8/07.", NULL, "7/8/07", "2007-07-08", "time:inXSDDate"},
    /* a day before the month: one or two digits, an ordinal suffix in any case; no day
     * of three digits or past 31 */
    {"We met on 5 December 2017.", NULL, "5 December 2017", "2017-12-05", "time:inXSDDate"},
    {"We met on 3RD December 2017.", NULL, "3RD December 2017", "2017-12-03", "time:inXSDDate"},
    {"We met on the 31st of December 2017.", NULL, "31st of December 2017", "2017-12-31",
     "time:inXSDDate"},
    {"It came to 32 December 2017.", NULL, "December 2017", "2017-12", "time:inXSDgYearMonth"},
    {"It came to 123 December 2017.", NULL, "December 2017", "2017-12", "time:inXSDgYearMonth"},
    {"We met on Friday, December 15.", REF, "Friday, December 15", "2017-12-15", "time:inXSDDate"},
    {"It was in December 2017.", NULL, "December 2017", "2017-12", "time:inXSDgYearMonth"},
    {"It was in the 1990s.", NULL, "the 1990s", "199", NULL},
    /* the articles in any case; an "ago" in capitals */
    {"It was in THE 1990s.", NULL, "THE 1990s", "199", NULL},
    {"It was in The 1990s, then the weekend.", NULL, "the weekend", "XXXX-WXX-WE", NULL},
    {"It happened two days AGO.", REF, "two days AGO", "2017-12-16", "time:inXSDDate"},
    {"It was in 2019.", NULL, "2019", "2019", "time:inXSDgYear"},
    {"He lost the 2016 election.", NULL, "2016", "2016", "time:inXSDgYear"},
    {"It was mid-1996.", NULL, "mid-1996", "1996", "time:inXSDgYear"},
    {"in the 20th century", NULL, "the 20th century", "19", NULL},
    {"in nineteen ninety-six", NULL, "nineteen ninety-six", "1996", "time:inXSDgYear"},
    /* weekdays, months, times */
    {"They were detained Sunday.", REF, "Sunday", "2017-12-17", "time:inXSDDate"},
    {"The talks will resume Thursday.", REF, "Thursday", "2017-12-21", "time:inXSDDate"},
    {"It happened in December.", REF, "December", "2017-12", "time:inXSDgYearMonth"},
    {"It happened on October 17, 2019 at 5:42 pm.", NULL, "October 17, 2019 at 5:42 pm",
     "2019-10-17T17:42", NULL},
    {"He died on March 3, 2021, at 10:30 a.m. local time.", NULL,
     "March 3, 2021, at 10:30 a.m.", "2021-03-03T10:30", NULL},
    {"He died on 2020-05-17 at 10:30 a.m.", REF, "2020-05-17 at 10:30 a.m.", "2020-05-17T10:30",
     NULL},
    {"logged at 2019-10-17T17:42", NULL, "2019-10-17T17:42", "2019-10-17T17:42", NULL},
    /* UTC stays in the TIMEX3 value; other zones only in the typed stamp */
    {"logged at 2019-10-17T17:42Z", NULL, "2019-10-17T17:42Z", "2019-10-17T17:42Z",
     "time:inXSDDateTimeStamp"},
    {"at 9 a.m. EST on Dec. 14, 2017", NULL, "9 a.m. EST on Dec. 14, 2017", "2017-12-14T09:00",
     "time:inXSDDateTimeStamp"},
    {"It began at 10 p.m. Wednesday.", REF, "10 p.m. Wednesday", "2017-12-13T22:00", NULL},
    /* a month half a year away: the tense decides */
    {"The firm was sold in June.", REF, "June", "2017-06", "time:inXSDgYearMonth"},
    {"The firm will be sold in June.", REF, "June", "2018-06", "time:inXSDgYearMonth"},
    {"The firm is expected to be sold by June.", REF, "June", "2018-06", "time:inXSDgYearMonth"},
    {"In June, the firm was sold.", REF, "June", "2017-06", "time:inXSDgYearMonth"},
    {"The firm was sold in January.", REF, "January", "2018-01", "time:inXSDgYearMonth"},
    /* "set" looks ahead only as "set to", "set for" */
    {"The agency set Friday as the deadline for a reply.", REF, "Friday", "2017-12-15",
     "time:inXSDDate"},
    /* "until" a weekday: a deadline still ahead */
    {"The court adjourned the hearing until Thursday.", REF, "Thursday", "2017-12-21",
     "time:inXSDDate"},
    {"The offer runs until 9 a.m. Tuesday.", REF, "9 a.m. Tuesday", "2017-12-19T09:00", NULL},
    /* a date something was moved to is ahead, though the verb is past */
    {"The vote was postponed to Sept. 3.", REF, "Sept. 3", "2018-09-03", "time:inXSDDate"},
    {"The launch was pushed back to Friday.", REF, "Friday", "2017-12-22", "time:inXSDDate"},
    {"The vote was held on Sept. 3.", REF, "Sept. 3", "2017-09-03", "time:inXSDDate"},
    /* "could" looks back as often as ahead */
    {"He could not be reached Wednesday.", REF, "Wednesday", "2017-12-13", "time:inXSDDate"},
    {"It began Wednesday night.", REF, "Wednesday night", "2017-12-13TNI", NULL},
    /* relative dates */
    {"It happened today.", REF, "today", "2017-12-18", "time:inXSDDate"},
    {"It happened yesterday.", REF, "yesterday", "2017-12-17", "time:inXSDDate"},
    {"It happens tomorrow.", REF, "tomorrow", "2017-12-19", "time:inXSDDate"},
    {"It happened last week.", REF, "last week", "2017-W50", NULL},
    {"It happened earlier in the day.", REF, "earlier in the day", "2017-12-18", "time:inXSDDate"},
    {"It happened two days ago.", REF, "two days ago", "2017-12-16", "time:inXSDDate"},
    {"It happens next month.", REF, "next month", "2018-01", "time:inXSDgYearMonth"},
    {"It happened at the end of last week.", REF, "the end of last week", "2017-W50", NULL},
    {"It was in the\nmiddle of March.", REF, "the\nmiddle of March", "2018-03",
     "time:inXSDgYearMonth"},
    {"It rose at the start of the year.", REF, "the start of the year", "2017", "time:inXSDgYear"},
    {"It happened last year.", REF, "last year", "2016", "time:inXSDgYear"},
    {"It happened this morning.", REF, "this morning", "2017-12-18TMO", NULL},
    {"It happened last fall.", REF, "last fall", "2017-FA", NULL},
    {"It happened this past spring.", REF, "this past spring", "2017-SP", NULL},
    {"It happens this coming week.", REF, "this coming week", "2017-W52", NULL},
    {"It happened in the first quarter of last year.", REF, "the first quarter of last year",
     "2016-Q1", NULL},
    {"Profit rose in the third quarter.", REF, "the third quarter", "2017-Q3", NULL},
    {"It happened over the weekend.", REF, "the weekend", "2017-W50-WE", NULL},
    {"It happened a year ago.", REF, "a year ago", "2016", "time:inXSDgYear"},
    {"It happened last Friday.", REF, "last Friday", "2017-12-15", "time:inXSDDate"},
    {"It happened last March.", REF, "last March", "2017-03", "time:inXSDgYearMonth"},
    {"It happens next Friday.", REF, "next Friday", "2017-12-22", "time:inXSDDate"},
    {"It happened three weeks ago.", REF, "three weeks ago", "2017-W48", NULL},
    {"It happened in June last year.", REF, "June last year", "2016-06", "time:inXSDgYearMonth"},
    /* "of next year" gives the month its year and is a date of its own */
    {"Franchises end after October of next year.", REF, "October", "2018-10",
     "time:inXSDgYearMonth"},
    {"It began in March of last year.", REF, "March", "2016-03", "time:inXSDgYearMonth"},
    {"Profit fell in the latest quarter.", REF, "the latest quarter", "2017-Q3", NULL},
    {"Profit rose in the current quarter.", REF, "the current quarter", "2017-Q4", NULL},
    {"Costs rose in the current period.", REF, "the current period", "2017-Q4", NULL},
    {"It was the third quarter; the quarter was good.", REF, "the quarter", "2017-Q3", NULL},
    {"Profit rose in the 2016 third quarter.", REF, "the 2016 third quarter", "2016-Q3", NULL},
    {"It beat this year's third quarter.", REF, "this year's third quarter", "2017-Q3", NULL},
    /* fiscal years: a year after "fiscal" even before a plural noun */
    {"It expects fiscal 2018 sales of $5 million.", REF, "fiscal 2018", "2018", "time:inXSDgYear"},
    {"Profit rose in fiscal year 2016.", REF, "fiscal year 2016", "2016", "time:inXSDgYear"},
    {"Profit rose in the fiscal year.", REF, "the fiscal year", "2017", "time:inXSDgYear"},
    {"Sales will rise next fiscal year.", REF, "next fiscal year", "2018", "time:inXSDgYear"},
    {"Sales fell in the current fiscal year.", REF, "the current fiscal year", "2017",
     "time:inXSDgYear"},
    /* the end of the year after a preposition; "since" looks back to the last one */
    {"It will close by year-end.", REF, "year-end", "2017", "time:inXSDgYear"},
    {"Shares fell 5% since year-end.", REF, "year-end", "2016", "time:inXSDgYear"},
    {"It will be done before year's end.", REF, "year's end", "2017", "time:inXSDgYear"},
    {"Sales rose around year end.", REF, "around year end", "2017", "time:inXSDgYear"},
    /* a month and day after a shift word: the last or next such day */
    {"He died last Dec. 20 at home.", REF, "last Dec. 20", "2016-12-20", "time:inXSDDate"},
    {"We meet next Jan. 5.", REF, "next Jan. 5", "2018-01-05", "time:inXSDDate"},
    /* "the following", "the previous": from the last date named outright, else the reference */
    {"He came on May 22, 1995, and the following year he left.", REF, "the following year", "1996",
     "time:inXSDgYear"},
    {"They met in March 2010. The following month they split.", REF, "The following month",
     "2010-04", "time:inXSDgYearMonth"},
    {"It fell on Friday, Oct. 27, down from the previous Friday.", REF, "the previous Friday",
     "2017-10-20", "time:inXSDDate"},
    {"Sales rose 5% from the previous year.", REF, "the previous year", "2016", "time:inXSDgYear"},
    /* "the same period last year": the period named before, or the year, a year back */
    {"Sales rose 5% from the same period last year.", REF, "the same period last year", "2016",
     "time:inXSDgYear"},
    {"Sales rose in February 2017 from the same period last year.", REF,
     "the same period last year", "2016-02", "time:inXSDgYearMonth"},
    {"January sales fell 35% from the same month a year ago.", REF, "the same month a year ago",
     "2017-01", "time:inXSDgYearMonth"},
    {"Profit rose in the third quarter from the corresponding period a year earlier.", REF,
     "the corresponding period a year earlier", "2016-Q3", NULL},
    /* a date named before that is no real day anchors nothing: the reference's day, a year back */
    {"On February 30, 2010, sales rose. Sales fell from the same day a year earlier.", REF,
     "the same day a year earlier", "2016-12-18", "time:inXSDDate"},
    /* the trading day a market report closes: the last day named, else the reference */
    {"The Dow gained 155 points to end the day at 9505.96.", REF, "the day", "2017-12-18",
     "time:inXSDDate"},
    {"Stocks fell on Friday, and the index closed the day at 7,114.", REF, "the day", "2017-12-15",
     "time:inXSDDate"},
    {"It was mid-November.", REF, "mid-November", "2017-11", "time:inXSDgYearMonth"},
    {"It was late November.", REF, "late November", "2017-11", "time:inXSDgYearMonth"},
    /* approximations stay in the span, as TIMEX3 extents keep them */
    {"It began nearly four years ago.", REF, "nearly four years ago", "2013", "time:inXSDgYear"},
    {"He arrived around Dec. 1.", REF, "around Dec. 1", "2017-12-01", "time:inXSDDate"},
    /* "the" before a shift word is part of the date */
    {"It rose the following year.", REF, "the following year", "2018", "time:inXSDgYear"},
    {"He spoke earlier today.", REF, "earlier today", "2017-12-18", "time:inXSDDate"},
    {"It rose in the fourth-quarter report.", REF, "fourth-quarter", "2017-Q4", NULL},
    /* holidays: 2017 Thanksgiving is the fourth Thursday of November */
    {"We met on Thanksgiving Day.", REF, "Thanksgiving Day", "2017-11-23", "time:inXSDDate"},
    {"We meet on Christmas Eve.", REF, "Christmas Eve", "2017-12-24", "time:inXSDDate"},
    {"We meet at Easter 2018.", NULL, "Easter 2018", "2018-04-01", "time:inXSDDate"},
    {"We met on New Year's Day.", REF, "New Year's Day", "2018-01-01", "time:inXSDDate"},
    {"It was ten days ago.", REF, "ten days ago", "2017-12-08", "time:inXSDDate"},
    /*
     * token_parsers() (date.c) lets a parser run only where its first test
     * can pass: capitals, suffixes and hyphens in any case, counts after a
     * qualifier or with a hyphen, a spelled century with a hyphenated year
     */
    {"It was MID-NOVEMBER.", REF, "MID-NOVEMBER", "2017-11", "time:inXSDgYearMonth"},
    {"It happened on the 17TH of December.", REF, "17TH of December", "2017-12-17",
     "time:inXSDDate"},
    {"It was the 21ST century.", REF, "the 21ST century", "20", NULL},
    {"It was big in the '90s.", REF, "'90s", "199", NULL},
    {"It was in the late-1980s.", REF, "the late-1980s", "198", NULL},
    {"Profit fell in the Third-Quarter.", REF, "Third-Quarter", "2017-Q3", NULL},
    {"It happened about two weeks ago.", REF, "about two weeks ago", "2017-W49", NULL},
    {"It happened twenty-one days ago.", REF, "twenty-one days ago", "2017-11-27",
     "time:inXSDDate"},
    {"It happened 5 days ago.", REF, "5 days ago", "2017-12-13", "time:inXSDDate"},
    {"It happened A year ago.", REF, "A year ago", "2016", "time:inXSDgYear"},
    {"It began in nineteen eighty-four.", REF, "nineteen eighty-four", "1984", "time:inXSDgYear"},
    {"January nineteen ninety-seven. Atlanta again.", REF, "January nineteen ninety-seven",
     "1997-01", "time:inXSDgYearMonth"},
    {"It was in the winter of nineteen ninety-four.", REF, "the winter of nineteen ninety-four",
     "1994-WI", NULL},
    {"Sales rose 3.5% on 10,000 units in 2016.", REF, "2016", "2016", "time:inXSDgYear"},
    /* at a number: a clock time by its colon, its glued meridiem or the
     * next token's; a day of the month before a month or "of" and one */
    {"The train left at 17:05.", REF, "17:05", "2017-12-18T17:05", NULL},
    {"It starts at 10pm.", REF, "10pm", "2017-12-18T22:00", NULL},
    /* digits that end the text: the scan stops at its closing NUL */
    {"It starts at 10pm", REF, "10pm", "2017-12-18T22:00", NULL},
    {"It happened in 1999", REF, "1999", "1999", "time:inXSDgYear"},
    {"It starts at 10 pm.", REF, "10 pm", "2017-12-18T22:00", NULL},
    {"It happened on the 5th of May.", REF, "5th of May", "2017-05-05", "time:inXSDDate"},
    {"It happened on 5 MAY.", REF, "5 MAY", "2017-05-05", "time:inXSDDate"},
    /* no reference date: TIMEX3 placeholders */
    {"We met on December 17.", NULL, "December 17", "XXXX-12-17", NULL},
    {"They were detained Sunday.", NULL, "Sunday", "XXXX-WXX-7", NULL},
    /* a weekday at the end of a headline, the dateline on the next line */
    {"Markets fell sharply on Friday\nDecember 18, 2017\n\nThe index rose.", REF, "Friday",
     "2017-12-15", "time:inXSDDate"},
    /* the dateline as reference date */
    {"MOSCOW, December 18, 2017\n\nThe FSB detained seven suspects on Sunday.", NULL, "Sunday",
     "2017-12-17", "time:inXSDDate"},
    /* ... and a date itself, read once for both */
    {"MOSCOW, December 18, 2017 at 5 p.m.\n\nIt rained.", NULL, "December 18, 2017 at 5 p.m.",
     "2017-12-18T17:00", NULL},
    {"LONDON 2017-12-18\n\nIt rained Sunday.", NULL, "2017-12-18", "2017-12-18", "time:inXSDDate"},
};

static const char *const negatives[] = {
    "In 2019 people were angry.", "Prices rose recently.",        "We are there now.",
    "It was so in the past.",     "It was the second time.",      "the 18th session",
    "Call 555-1234 today-ish.",   "after 9/11 the world changed", "the GPV-2027 programme",
    "in the 2+2 format",          "He may go. She will march.",   "Jan Smith said so.",
    "about 2000 soldiers",        "It took about three years.",   "around 300 people",
    /* a holiday is a name; a million is no count of years */
    "a new year's day of talks",  "a million years ago",
    /* a month or season that begins the name of an event */
    "Thousands joined the annual March for Life in Washington on a cold and windy day.",
    "The mother was at the head of the March of the Combatant Mothers, pushing a pram.",
    "Activists held the Spring of Life rallies across the state in the city centre.",
    /* a set of times, not one date */
    "Orangemen march each July from their church back to the town centre.",
    "The third flight departs every Thursday night from the capital.",
    "They go to the coast every summer.",
};

static void check_case(const dcase *c)
{
	entx_engine *e = harness_engine("date");
	entx_doc *d = harness_run(e, c->text, c->ref);
	const entx_mention *m = harness_find(d, "Date", c->span);
	if (m == NULL || strcmp(entx_mention_value(m), c->value) != 0) {
		fprintf(stderr, "in '%s' (ref %s) expected '%s' = %s; found:\n", c->text,
		        c->ref ? c->ref : "none", c->span, c->value);
		harness_dump(d);
	}
	assert_non_null(m);
	assert_string_equal(entx_mention_value(m), c->value);
	if (c->typed != NULL)
		assert_non_null(harness_prop(m, c->typed));
	else
		assert_null(harness_prop(m, "time:inXSDDate"));
	entx_doc_free(d);
	entx_engine_free(e);
}

static void test_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		check_case(&cases[i]);
}

static void test_negatives(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("date");
	for (size_t i = 0; i < G_N_ELEMENTS(negatives); i++) {
		entx_doc *d = harness_run(e, negatives[i], NULL);
		if (harness_count(d, "Date") != 0) {
			fprintf(stderr, "unexpected Date in '%s':\n", negatives[i]);
			harness_dump(d);
		}
		assert_int_equal(harness_count(d, "Date"), 0);
		entx_doc_free(d);
	}
	entx_engine_free(e);
}

/* A document longer than the starters the stack holds: dates before and after. */
static void test_long_document(void **state)
{
	(void)state;
	GString *text = g_string_new("We met on December 17, 2017.");
	for (int k = 0; k < 1500; k++)
		g_string_append(text, " and then");
	g_string_append(text, " It happened two days ago.");
	entx_engine *e = harness_engine("date");
	entx_doc *d = harness_run(e, text->str, NULL);
	assert_int_equal(harness_count(d, "Date"), 2);
	const entx_mention *m = harness_find(d, "Date", "two days ago");
	assert_non_null(m);
	assert_string_equal(entx_mention_value(m), "2017-12-15");
	entx_doc_free(d);
	entx_engine_free(e);
	g_string_free(text, TRUE);
}

/* Asks that a mention with `span` and `value` was found in d. */
static void assert_date(entx_doc *d, const char *span, const char *value)
{
	const entx_mention *m = harness_find(d, "Date", span);
	if (m == NULL)
		harness_dump(d);
	assert_non_null(m);
	assert_string_equal(entx_mention_value(m), value);
}

/* A count before an "ago" that follows no unit, and more "ago"s than
 * the plugin lists: neither hides a count and unit before a later one. */
static void test_agos(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("date");
	entx_doc *d =
	    harness_run(e, "It was two days ago, long ago. Three weeks ago, long ago.", REF);
	assert_date(d, "two days ago", "2017-12-16");
	assert_date(d, "Three weeks ago", "2017-W48");
	entx_doc_free(d);
	GString *text = g_string_new("It happened two days ago.");
	for (int k = 0; k < 40; k++)
		g_string_append(text, " It was long ago.");
	g_string_append(text, " It was three weeks ago, long ago.");
	d = harness_run(e, text->str, REF);
	assert_date(d, "two days ago", "2017-12-16");
	assert_date(d, "three weeks ago", "2017-W48");
	entx_doc_free(d);
	entx_engine_free(e);
	g_string_free(text, TRUE);
}

/* Classes and typed literals follow OWL-Time. */
static void test_owl_time(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("date");
	entx_doc *d = harness_run(
	    e, "On December 17, 2017 and in December 2017 and at 2019-10-17T17:42-04:00.", NULL);
	const entx_mention *day = harness_find(d, "Date", "December 17, 2017");
	const entx_mention *month = harness_find(d, "Date", "December 2017");
	const entx_mention *stamp = harness_find(d, "Date", "2019-10-17T17:42-04:00");
	entx_doc *d2 = harness_run(e, "at 9 a.m. EST on Dec. 14, 2017", NULL);
	const entx_mention *est = harness_find(d2, "Date", "9 a.m. EST on Dec. 14, 2017");
	assert_non_null(est);
	assert_string_equal(harness_prop(est, "time:inXSDDateTimeStamp"),
	                    "2017-12-14T09:00:00-05:00");
	entx_doc_free(d2);
	assert_non_null(day);
	assert_non_null(month);
	assert_non_null(stamp);
	assert_string_equal(entx_mention_class(day), "time:Instant");
	assert_string_equal(entx_mention_class(month), "time:ProperInterval");
	assert_string_equal(harness_prop(day, "time:inXSDDate"), "2017-12-17");
	assert_string_equal(harness_prop(month, "time:inXSDgYearMonth"), "2017-12");
	assert_string_equal(harness_prop(stamp, "time:inXSDDateTimeStamp"),
	                    "2019-10-17T17:42:00-04:00");
	entx_doc_free(d);
	entx_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_negatives),
	    cmocka_unit_test(test_long_document),
	    cmocka_unit_test(test_agos),
	    cmocka_unit_test(test_owl_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
