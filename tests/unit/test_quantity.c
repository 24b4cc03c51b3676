/*
 * Unit tests of the quantity plugin, run through the real engine with
 * only that plugin loaded. Expected values are worked out by hand.
 */
/* cmocka.h needs these first; a blank line keeps clang-format's order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

typedef struct qcase {
	const char *text;      /* the document */
	const char *span;      /* the expected mention's text */
	const char *value;     /* rdf:value */
	const char *unit;      /* schema:unitText, NULL when none */
	const char *code;      /* schema:unitCode or schema:currency, NULL when none */
	const char *qualifier; /* entx:qualifier, NULL when none */
} qcase;

static const qcase positives[] = {
    {"The FSB detained seven suspects.", "seven suspects", "7", "suspects", NULL, NULL},
    {"There were 39 terrorist attacks last year.", "39 terrorist attacks", "39",
     "terrorist attacks", NULL, NULL},
    {"Police held seven suspected followers of the Islamic State.", "seven suspected followers",
     "7", "suspected followers", NULL, NULL},
    {"He arrested seven Islamic State suspects.", "seven Islamic State suspects", "7",
     "Islamic State suspects", NULL, NULL},
    {"The toll rose to 39.", "39", "39", NULL, NULL, NULL},
    {"They found twenty-one bodies.", "twenty-one bodies", "21", "bodies", NULL, NULL},
    {"It holds 1.5 million barrels.", "1.5 million barrels", "1500000", "barrels", "BLL", NULL},
    {"He bought a dozen eggs.", "a dozen eggs", "12", "eggs", NULL, NULL},
    {"Sales reached 1,000.5 tonnes.", "1,000.5 tonnes", "1000.5", "tonnes", "TNE", NULL},
    {"one suspect was held", "one suspect", "1", "suspect", NULL, NULL},
    {"one ship alongside the pier", "one ship", "1", "ship", NULL, NULL},
    {"two hundred and fifty people came", "two hundred and fifty people", "250", "people", NULL,
     NULL},
    /* durations */
    {"The siege lasted four days.", "four days", "P4D", "days", "DAY", NULL},
    {"He served 18 years in prison.", "18 years", "P18Y", "years", "ANN", NULL},
    {"It was a four-day span of fighting.", "four-day span", "P4D", "day", "DAY", NULL},
    {"It reopens after a two-year renovation costing 45 million euros.", "two-year renovation",
     "P2Y", "year", "ANN", NULL},
    {"He signed a three-year contract worth $10 million.", "three-year contract", "P3Y", "year",
     "ANN", NULL},
    {"One major sticking point remained.", "One major sticking point", "1",
     "major sticking point", NULL, NULL},
    {"a 27-year-old man", "27-year-old man", "P27Y", "year", "ANN", NULL},
    {"The suspect, 34-year-old Marcus Jones, was held.", "34-year-old", "P34Y", "year", "ANN",
     NULL},
    {"The US will send 31 Abrams tanks.", "31 Abrams tanks", "31", "Abrams tanks", NULL, NULL},
    {"It was 20\u00b0C.", "20\u00b0C", "20", "\u00b0C", "CEL", NULL},
    /* signs */
    {"It fell to -20 degrees.", "-20 degrees", "-20", "degrees", NULL, NULL},
    {"It fell to minus 20 degrees.", "minus 20 degrees", "-20", "degrees", NULL, NULL},
    {"GDP shrank (-1.2%) in May.", "-1.2%", "-1.2", "%", "P1", NULL},
    {"Prices rose 3-4 percent.", "3-4 percent", "3-4", "percent", "P1", "range"},
    {"It was 5 minus 3 points.", "3 points", "3", "points", NULL, NULL}, /* no sign */
    /* Indian English scale words */
    {"Rs 500 crore was allocated.", "Rs 500 crore", "5000000000", NULL, "INR", NULL},
    {"Over 10 lakh people attended.", "Over 10 lakh people", "1000000", "people", NULL,
     "more than"},
    {"Three Democrats voted no.", "Three Democrats", "3", "Democrats", NULL, NULL},
    {"It carried six crew members.", "six crew members", "6", "crew members", NULL, NULL},
    {"Six crew were rescued.", "Six crew", "6", "crew", NULL, NULL},
    {"a 44-year-old anti-abortion activist was held", "44-year-old anti-abortion activist", "P44Y",
     "year", "ANN", NULL},
    {"one suspected militant died", "one suspected militant", "1", "suspected militant", NULL,
     NULL},
    {"within 48 hours", "48 hours", "PT48H", "hours", "HUR", NULL},
    {"They stayed for a week.", "a week", "P1W", "week", "WEE", NULL},
    /* a duration's value is ISO 8601: the number times one unit (P10Y a decade) */
    {"They waited 90 minutes.", "90 minutes", "PT90M", "minutes", "MIN", NULL},
    {"It took 1.5 hours.", "1.5 hours", "PT1.5H", "hours", "HUR", NULL},
    {"It lasted 30 seconds.", "30 seconds", "PT30S", "seconds", "SEC", NULL},
    {"It took 18 months.", "18 months", "P18M", "months", "MON", NULL},
    {"It took two decades.", "two decades", "P20Y", "decades", "DEC", NULL},
    {"It took two centuries.", "two centuries", "P200Y", "centuries", NULL, NULL},
    {"It took a fortnight.", "a fortnight", "P2W", "fortnight", NULL, NULL},
    /* a word or two before the unit of time: still a duration */
    {"Stocks fell for six straight days.", "six straight days", "P6D", "straight days", "DAY",
     NULL},
    {"Allow three business days.", "three business days", "P3D", "business days", "DAY", NULL},
    /* a word of addition before the unit: still that unit */
    {"They will wait two more weeks.", "two more weeks", "P2W", "more weeks", "WEE", NULL},
    {"It needs at least 20 more years.", "at least 20 more years", "P20Y", "more years", "ANN",
     "at least"},
    {"He got an additional year.", "an additional year", "P1Y", "additional year", "ANN", NULL},
    {"It adds 5 more km.", "5 more km", "5", "more km", "KMT", NULL},
    /* "a couple of": about two of what follows */
    {"It took a couple of years.", "a couple of years", "P2Y", "years", "ANN", "approximately"},
    {"over the next couple of days", "the next couple of days", "P2D", "days", "DAY",
     "approximately"},
    {"a couple of people came", "a couple of people", "2", "people", NULL, "approximately"},
    /* "the past year": one unit of time named as a span */
    {"Prices rose over the past year.", "the past year", "P1Y", "year", "ANN", NULL},
    {"It grew in the last decade.", "the last decade", "P10Y", "decade", "DEC", NULL},
    /* "half a": a half of the unit or scale word after it */
    {"Rates rose half a percent.", "half a percent", "0.5", "percent", "P1", NULL},
    {"He waited half an hour.", "half an hour", "PT0.5H", "hour", "HUR", NULL},
    {"half a million people", "half a million people", "500000", "people", NULL, NULL},
    {"half a dozen eggs", "half a dozen eggs", "6", "eggs", NULL, NULL},
    /* a range of durations keeps its ends */
    {"It takes three to five weeks.", "three to five weeks", "3-5", "weeks", "WEE", "range"},
    /* money */
    {"It costs $2 now.", "$2", "2", NULL, "USD", NULL},
    {"a deal worth €40 billion", "€40 billion", "40000000000", NULL, "EUR", NULL},
    {"They paid 40 million rubles.", "40 million rubles", "40000000", NULL, "RUB", NULL},
    /* a fraction after a whole number adds to it */
    {"It took 2 1/2 years.", "2 1/2 years", "P2.5Y", "years", "ANN", NULL},
    {"The flight lasted 5 \u00bd hours.", "5 \u00bd hours", "PT5.5H", "hours", "HUR", NULL},
    {"It took 3\u00bd days.", "3\u00bd days", "P3.5D", "days", "DAY", NULL},
    {"about 2 3/4 miles", "about 2 3/4 miles", "2.75", "miles", "SMI", "approximately"},
    {"a $1 Billion fund", "$1 Billion", "1000000000", NULL, "USD", NULL},
    {"debts of $15bn", "$15bn", "15000000000", NULL, "USD", NULL},
    /* a currency name after the sign that repeats it belongs to the amount */
    {"It sells for $249 USD today.", "$249 USD", "249", NULL, "USD", NULL},
    {"a fee of about $ 9.99 US dollars", "about $ 9.99 US dollars", "9.99", NULL, "USD",
     "approximately"},
    {"a US$ 2 billion dollar deal", "US$ 2 billion dollar", "2000000000", NULL, "USD", NULL},
    /* decimals times a scale: 16.6 * 1e9 is not exactly 16600000000 in binary */
    {"a deal worth $ 16.6 billion", "$ 16.6 billion", "16600000000", NULL, "USD", NULL},
    {"debts of $34.3bn", "$34.3bn", "34300000000", NULL, "USD", NULL},
    {"It holds 0.15 million barrels.", "0.15 million barrels", "150000", "barrels", "BLL", NULL},
    {"lost 20 million pounds", "20 million pounds", "20000000", NULL, "GBP", NULL},
    /* percentages and measures */
    {"Prices rose 20% in May.", "20%", "20", "%", "P1", NULL},
    {"Prices rose 20 percent.", "20 percent", "20", "percent", "P1", NULL},
    {"a 5 km walk", "5 km", "5", "km", "KMT", NULL},
    {"a 5km walk", "5km", "5", "km", "KMT", NULL},
    {"It weighs 250g.", "250g", "250", "g", "GRM", NULL},
    {"It weighs 300 kg.", "300 kg", "300", "kg", "KGM", NULL},
    {"He weighs 300 pounds.", "300 pounds", "300", "pounds", "LBR", NULL},
    /* frequencies and areas in feet: units, not counted nouns */
    {"It was a 2 GHz model.", "2 GHz", "2", "GHz", "A86", NULL},
    {"a 500,000 square foot data center", "500,000 square foot", "500000", "square foot", "FTK",
     NULL},
    {"a 64 kilobyte page", "64 kilobyte", "64", "kilobyte", "2P", NULL},
    /* ranges and approximations */
    {"three to five soldiers died", "three to five soldiers", "3-5", "soldiers", NULL, "range"},
    {"about 300 people", "about 300 people", "300", "people", NULL, "approximately"},
    {"more than 2,400 homes", "more than 2,400 homes", "2400", "homes", NULL, "more than"},
    {"at least 12 people died", "at least 12 people", "12", "people", NULL, "at least"},
    {"between 12 and 20 million dollars", "between 12 and 20 million dollars", "12000000-20000000",
     NULL, "USD", "range"},
    {"200-250 people", "200-250 people", "200-250", "people", NULL, "range"},
    /* a scale word after a range in one token scales both ends */
    {"It cost 2.3-4.6 million dollars.", "2.3-4.6 million dollars", "2300000-4600000", NULL, "USD",
     "range"},
    {"80-100 million new lines", "80-100 million new lines", "80000000-100000000", "new lines",
     NULL, "range"},
    {"In 2019 people were angry.", "2019 people", "2019", "people", NULL, NULL},
    {"for the next four years", "the next four years", "P4Y", "years", "ANN", NULL},
    {"almost two and a half years", "almost two and a half years", "P2.5Y", "years", "ANN",
     "less than"},
    {"a deal worth US$ 40 billion", "US$ 40 billion", "40000000000", NULL, "USD", NULL},
    {"about US$ 16 million to $ 28 million", "about US$ 16 million to $ 28 million",
     "16000000-28000000", NULL, "USD", "range"},
    {"nineteen people", "nineteen people", "19", "people", NULL, NULL},
    /* a model named elsewhere takes only its own number */
    {"The new Boeing 777 carried 300 passengers.", "300 passengers", "300", "passengers", NULL,
     NULL},
    /* no day of a month nor a year: a month after it makes no date */
    {"Airbus announces job cuts of 10,000\nFebruary 28, 2007", "10,000", "10000", NULL, NULL,
     NULL},
    /* entries whose last token starts after a letter, at a split the
     * tokenizer makes: the entry_ends filter keeps those suffixes */
    {"The walk is approx. 40 km long.", "approx. 40 km", "40", "km", "KMT", "approximately"},
    {"It cost Rs. 500 in all.", "Rs. 500", "500", NULL, "INR", NULL},
    /* decimals read without strtod(): the nearest double all the same,
     * which %.10f shows to the last bit here */
    {"It holds 12345678.1234567 barrels.", "12345678.1234567 barrels", "12345678.1234566998",
     "barrels", "BLL", NULL},
    {"It rose 0.1 percent.", "0.1 percent", "0.1", "percent", "P1", NULL},
    {"They hired 4,000,000.25 people.", "4,000,000.25 people", "4000000.25", "people", NULL,
     NULL},
    /* more than 15 digits: read by strtod() */
    {"It holds 1234567890123.4567 barrels.", "1234567890123.4567 barrels",
     "1234567890123.4567871094", "barrels", "BLL", NULL},
    /* the starter filter lets "A" through as "a" */
    {"A dozen eggs were sold.", "A dozen eggs", "12", "eggs", NULL, NULL},
    {"Seven suspects were held.", "Seven suspects", "7", "suspects", NULL, NULL},
};

static const char *const negatives[] = {
    "It was the second time.",                                   /* ordinals */
    "the 18th session",          "Call 555-1234 now.",           /* phone numbers */
    "Call (202) 555-0100 now.",  "after 9/11 the world changed", /* event names */
    "the GPV-2027 programme",                                    /* codes */
    "in the 2+2 format",         "a 16x9 screen",
    "many people came",                                  /* vague words */
    "several people came",       "It happened in 2019.", /* years and dates */
    "the 2016 election",         "on December 17 we met",
    "on 17 December we met",     "on Dec. 14 we met",
    "at 5 p.m. sharp",           "at 5:42 pm",
    "It happened two days ago.", "He flew a Boeing 747 there.", /* names */
    "one of them left",          "on 2017-12-17 we met",
    "in nineteen ninety-six",                            /* a year read aloud */
    "the 787 is late",                                   /* a model */
    "He arrived a year ago.",    "He eats twice a day.", /* a rate, not a duration */
    "Manager Erik ten Hag left.",                        /* a particle in a name */
    "Officers arrived at about 2 a.m.",                  /* a time */
    "Apple unveiled the iPhone 15 in Cupertino.",        /* products */
    "PlayStation 5 sales rose.",
    /* a model the document names elsewhere ("Boeing 777"), the headline first */
    "Boeing unveils long-range 777\nThe new Boeing 777 flies far, and its 777 airliner sells.",
    /* ... and the name in the document's last tokens */
    "Its 777 airliner sells well, said the maker of the Boeing 777",
    "a couple of them", "the couple of the year", /* a couple of nothing counted */
    "half a loaf", "for half the year",                 /* a half of no unit */
    "He won a second term.", "A second A380 landed.",   /* ordinals after an article */
    "They met at the 2008 Beijing Olympic Games.",      /* a year before a name */
    "It ships in 2011 alongside the phone.",            /* a preposition is no noun */
    "The 3G network gave way to 5G.", /* network generations, not grams */
};

static void check_positive(const qcase *c)
{
	entx_engine *e = harness_engine("quantity");
	entx_doc *d = harness_run(e, c->text, NULL);
	const entx_mention *m = harness_find(d, "Quantity", c->span);
	if (m == NULL) {
		fprintf(stderr, "no Quantity '%s' in '%s'; found:\n", c->span, c->text);
		harness_dump(d);
	}
	assert_non_null(m);
	assert_string_equal(entx_mention_value(m), c->value);
	const char *unit = harness_prop(m, "schema:unitText");
	if (c->unit == NULL)
		assert_null(unit);
	else
		assert_string_equal(unit, c->unit);
	const char *code = harness_prop(m, "schema:unitCode");
	const char *cur = harness_prop(m, "schema:currency");
	if (c->code == NULL) {
		assert_null(code);
		assert_null(cur);
	} else {
		assert_string_equal(code != NULL ? code : cur, c->code);
	}
	const char *qual = harness_prop(m, "entx:qualifier");
	if (c->qualifier == NULL)
		assert_null(qual);
	else
		assert_string_equal(qual, c->qualifier);
	if (cur != NULL)
		assert_string_equal(entx_mention_class(m), "schema:MonetaryAmount");
	entx_doc_free(d);
	entx_engine_free(e);
}

static void test_positives(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(positives); i++)
		check_positive(&positives[i]);
}

static void test_negatives(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("quantity");
	for (size_t i = 0; i < G_N_ELEMENTS(negatives); i++) {
		entx_doc *d = harness_run(e, negatives[i], NULL);
		if (harness_count(d, "Quantity") != 0) {
			fprintf(stderr, "unexpected Quantity in '%s':\n", negatives[i]);
			harness_dump(d);
		}
		assert_int_equal(harness_count(d, "Quantity"), 0);
		entx_doc_free(d);
	}
	entx_engine_free(e);
}

/* The range ends and the value of a single number are JSON numbers. */
static void test_properties(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("quantity");
	entx_doc *d = harness_run(e, "three to five soldiers and 39 attacks", NULL);
	const entx_mention *r = harness_find(d, "Quantity", "three to five soldiers");
	assert_non_null(r);
	assert_string_equal(harness_prop(r, "schema:minValue"), "3");
	assert_string_equal(harness_prop(r, "schema:maxValue"), "5");
	assert_null(harness_prop(r, "schema:value"));
	const entx_mention *m = harness_find(d, "Quantity", "39 attacks");
	assert_non_null(m);
	assert_string_equal(harness_prop(m, "schema:value"), "39");
	assert_string_equal(entx_mention_class(m), "schema:QuantitativeValue");
	entx_doc_free(d);
	entx_engine_free(e);
}

/* A duration carries its ISO 8601 value as time:hasXSDDuration too, and its
 * number as schema:value. */
static void test_duration_properties(void **state)
{
	(void)state;
	entx_engine *e = harness_engine("quantity");
	entx_doc *d = harness_run(e, "The siege lasted four days, 39 attacks.", NULL);
	const entx_mention *m = harness_find(d, "Quantity", "four days");
	assert_non_null(m);
	assert_string_equal(harness_prop(m, "time:hasXSDDuration"), "P4D");
	assert_string_equal(harness_prop(m, "schema:value"), "4");
	const entx_mention *count = harness_find(d, "Quantity", "39 attacks");
	assert_non_null(count);
	assert_null(harness_prop(count, "time:hasXSDDuration"));
	entx_doc_free(d);
	entx_engine_free(e);
}

/* Decimals are read without strtod(), into the double nearest them all
 * the same: 0.3 is 3 / 10, not 3 * 0.1 (0.30000000000000004). */
static void test_decimal_values(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
	    {"It rose 0.3 percent.", "0.3 percent", "0.3"},
	    {"It rose 1.1 percent.", "1.1 percent", "1.1"},
	    {"It holds 0.07 barrels.", "0.07 barrels", "0.07"},
	    {"It holds 2,500.35 barrels.", "2,500.35 barrels", "2500.35"},
	    /* leading digits read apart from the rest: 15 of them, then more */
	    {"It holds 1234567890123456.5 barrels.", "1234567890123456.5 barrels",
	     "1234567890123456.5"},
	    {"It holds 123456789012345.5 barrels.", "123456789012345.5 barrels",
	     "123456789012345.5"},
	    {"It holds 7.25 barrels.", "7.25 barrels", "7.25"},
	    {"It holds 12,345,678 barrels.", "12,345,678 barrels", "12345678"},
	};
	entx_engine *e = harness_engine("quantity");
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		entx_doc *d = harness_run(e, cases[i][0], NULL);
		const entx_mention *m = harness_find(d, "Quantity", cases[i][1]);
		assert_non_null(m);
		assert_string_equal(harness_prop(m, "schema:value"), cases[i][2]);
		entx_doc_free(d);
	}
	entx_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_positives),
	    cmocka_unit_test(test_negatives),
	    cmocka_unit_test(test_properties),
	    cmocka_unit_test(test_duration_properties),
	    cmocka_unit_test(test_decimal_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
