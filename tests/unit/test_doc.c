/*
 * The document model: UTF-8 repair, code-point offsets, reference dates,
 * mention creation and properties.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <string.h>

#include "utf8.h"

static void ascii_offsets_identity(void **state)
{
	entx_doc *d = entx_doc_new("a", "hello world", 11);
	assert_int_equal(entx_doc_length(d), 11);
	assert_int_equal(entx_doc_cp_offset(d, 6), 6);
	assert_int_equal(entx_doc_byte_offset(d, 6), 6);
	assert_int_equal(entx_doc_byte_offset(d, 99), 11);
	assert_int_equal(entx_doc_n_invalid_utf8(d), 0);
	entx_doc_free(d);
}

static void multibyte_offsets(void **state)
{
	/* é is 2 bytes, 中 3, 😀 4: "é中😀x" is 10 bytes, 4 code points. */
	const char *t = "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80x";
	entx_doc *d = entx_doc_new("m", t, strlen(t));
	assert_int_equal(entx_doc_length(d), 4);
	assert_int_equal(entx_doc_cp_offset(d, 0), 0);
	assert_int_equal(entx_doc_cp_offset(d, 2), 1);
	assert_int_equal(entx_doc_cp_offset(d, 5), 2);
	assert_int_equal(entx_doc_cp_offset(d, 9), 3);
	assert_int_equal(entx_doc_cp_offset(d, 7), 2); /* inside 😀: its start */
	assert_int_equal(entx_doc_cp_offset(d, 10), 4);
	assert_int_equal(entx_doc_byte_offset(d, 1), 2);
	assert_int_equal(entx_doc_byte_offset(d, 3), 9);
	assert_int_equal(entx_doc_byte_offset(d, 4), 10);
	entx_doc_free(d);
}

/* Offsets across many conversion blocks, checked against a direct count. */
/* Every character of s converts both ways, against a count by hand. */
static void check_round_trip(const GString *s)
{
	entx_doc *d = entx_doc_new("l", s->str, s->len);
	size_t cp = 0;
	for (size_t b = 0; b < s->len; b++) {
		if (((unsigned char)s->str[b] & 0xC0) == 0x80)
			continue;
		assert_int_equal(entx_doc_cp_offset(d, b), cp);
		assert_int_equal(entx_doc_byte_offset(d, cp), b);
		cp++;
	}
	assert_int_equal(entx_doc_length(d), cp);
	entx_doc_free(d);
}

static void long_mixed_text_round_trip(void **state)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < 3000; i++)
		g_string_append(s, i % 7 == 0    ? "\xC3\xA9t\xC3\xA9 "
		                   : i % 11 == 0 ? "\xF0\x9F\x98\x80 "
		                                 : "ab ");
	check_round_trip(s);
	/* Long runs of ASCII and of multibyte text, so whole 8-byte words of
	 * each kind, and characters straddling words and blocks. */
	g_string_truncate(s, 0);
	for (int i = 0; i < 400; i++) {
		for (int k = 0; k < i % 23; k++)
			g_string_append_c(s, 'x');
		for (int k = 0; k < i % 5; k++)
			g_string_append(s, i % 2 ? "\xCE\xB1\xE4\xB8\xAD" : "\xF0\x9F\x98\x80");
	}
	check_round_trip(s);
	g_string_free(s, TRUE);
}

static void invalid_utf8_replaced(void **state)
{
	/* "a", a lone continuation byte, "b", a truncated 3-byte sequence, "c". */
	const char in[] = "a\x80" "b\xE4\xB8" "c";
	size_t len = 0, n_cp = 0, n_invalid = 0, first = 0;
	char *out = entx_priv_utf8_sanitize(in, sizeof in - 1, &len, &n_cp, &n_invalid, &first);
	assert_string_equal(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
	assert_int_equal(n_cp, 5);
	assert_int_equal(n_invalid, 2);
	assert_int_equal(first, 1);
	g_free(out);

	/* Surrogates and overlong forms are invalid; each byte of an overlong
	 * 2-byte form is its own maximal subpart. */
	const char in2[] = "\xED\xA0\x80" "\xC0\xAF";
	out = entx_priv_utf8_sanitize(in2, sizeof in2 - 1, &len, &n_cp, &n_invalid, &first);
	assert_int_equal(n_invalid, 5);
	assert_int_equal(n_cp, 5);
	assert_int_equal(first, 0);
	g_free(out);
}

/* ASCII is skipped a word at a time: a bad byte is found wherever it is. */
static void invalid_byte_found_at_every_position(void **state)
{
	const char plain[] = "The quick brown fox jumps over";
	size_t n = sizeof plain - 1;
	for (size_t pos = 0; pos < n; pos++) {
		char in[sizeof plain];
		memcpy(in, plain, sizeof plain);
		in[pos] = (char)0xFF;
		size_t len = 0, n_cp = 0, n_invalid = 0, first = 0;
		char *out = entx_priv_utf8_sanitize(in, n, &len, &n_cp, &n_invalid, &first);
		assert_int_equal(n_invalid, 1);
		assert_int_equal(first, pos);
		assert_int_equal(n_cp, n);
		assert_int_equal(len, n + 2);
		assert_memory_equal(out, plain, pos);
		assert_memory_equal(out + pos, "\xEF\xBF\xBD", 3);
		assert_string_equal(out + pos + 3, plain + pos + 1);
		g_free(out);
	}
	/* ... and past the 64 bytes a time of long ASCII runs, in a text of
	 * several such stretches and a tail. */
	GString *longer = g_string_new(NULL);
	while (longer->len < 200)
		g_string_append(longer, plain);
	for (size_t pos = 0; pos < longer->len; pos++) {
		char *in = g_strdup(longer->str);
		in[pos] = (char)0xC3; /* a lead byte with no continuation after it */
		size_t len = 0, n_cp = 0, n_invalid = 0, first = 0;
		char *out =
		        entx_priv_utf8_sanitize(in, longer->len, &len, &n_cp, &n_invalid, &first);
		assert_int_equal(n_invalid, 1);
		assert_int_equal(first, pos);
		assert_int_equal(n_cp, longer->len);
		assert_memory_equal(out + pos, "\xEF\xBF\xBD", 3);
		assert_string_equal(out + pos + 3, longer->str + pos + 1);
		g_free(out);
		g_free(in);
	}
	g_string_free(longer, TRUE);
	/* Multi-byte characters after a run of ASCII are counted once each. */
	const char mixed[] = "abcdefghij\xC3\xA9klmnopqr\xE2\x82\xACst";
	size_t len = 0, n_cp = 0, n_invalid = 0, first = 0;
	char *out = entx_priv_utf8_sanitize(mixed, sizeof mixed - 1, &len, &n_cp, &n_invalid, &first);
	assert_int_equal(n_invalid, 0);
	assert_int_equal(n_cp, 22);
	assert_string_equal(out, mixed);
	g_free(out);
}

static void nul_is_a_character(void **state)
{
	const char in[] = "ab\0cd";
	entx_doc *d = entx_doc_new("n", in, 5);
	size_t n = 0;
	const char *t = entx_doc_text(d, &n);
	assert_int_equal(n, 5);
	assert_int_equal(entx_doc_length(d), 5);
	assert_memory_equal(t, in, 5);
	entx_doc_free(d);
}

static void empty_document(void **state)
{
	entx_doc *d = entx_doc_new(NULL, "", 0);
	assert_string_equal(entx_doc_id(d), "-");
	assert_int_equal(entx_doc_length(d), 0);
	assert_int_equal(entx_doc_n_tokens(d), 0);
	assert_int_equal(entx_doc_n_sentences(d), 0);
	assert_int_equal(entx_doc_sentence(d, 0, NULL, NULL), ENTX_ERR_INVALID);
	entx_doc_free(d);
}

static void reference_dates(void **state)
{
	entx_doc *d = entx_doc_new("r", "x", 1);
	assert_null(entx_doc_reference_date(d));
	assert_int_equal(entx_doc_set_reference_date(d, "2017-12-18"), 0);
	assert_string_equal(entx_doc_reference_date(d), "2017-12-18");
	assert_int_equal(entx_doc_set_reference_date(d, "2016-02-29T10:00:00Z"), 0);
	assert_string_equal(entx_doc_reference_date(d), "2016-02-29");
	assert_int_equal(entx_doc_set_reference_date(d, "2017-02-29"), ENTX_ERR_INVALID);
	assert_int_equal(entx_doc_set_reference_date(d, "2017-13-01"), ENTX_ERR_INVALID);
	assert_int_equal(entx_doc_set_reference_date(d, "17-12-18"), ENTX_ERR_INVALID);
	assert_int_equal(entx_doc_set_reference_date(d, "2017-12-18x"), ENTX_ERR_INVALID);
	assert_int_equal(entx_doc_set_reference_date(d, NULL), ENTX_ERR_INVALID);
	assert_string_equal(entx_doc_reference_date(d), "2016-02-29"); /* unchanged */
	entx_doc_free(d);
}

static void mention_validation_and_properties(void **state)
{
	entx_doc *d = entx_doc_new("p", "seven suspects", 14);
	assert_null(entx_doc_add_mention(d, 3, 3, "Quantity", NULL, 0.5));  /* empty */
	assert_null(entx_doc_add_mention(d, 0, 15, "Quantity", NULL, 0.5)); /* past the end */
	assert_null(entx_doc_add_mention(d, 0, 5, "", NULL, 0.5));
	assert_null(entx_doc_add_mention(d, 0, 5, "Weapon", NULL, 0.5)); /* custom needs an IRI */
	entx_mention *m = entx_doc_add_mention(d, 0, 14, "Quantity", NULL, 7.0);
	assert_non_null(m);
	assert_string_equal(entx_mention_class(m), "schema:QuantitativeValue");
	assert_true(entx_mention_confidence(m) == 1.0); /* clamped */
	assert_int_equal(entx_mention_set_number(m, "schema:value", 7), 0);
	assert_int_equal(entx_mention_set_string(m, "schema:unitText", "suspects"), 0);
	assert_int_equal(entx_mention_set_number(m, "schema:value", 1500000), 0); /* replaces */
	assert_int_equal(entx_mention_set_number(m, "schema:value", 0.0 / 0.0), ENTX_ERR_INVALID);
	assert_int_equal(entx_mention_set_typed(m, "time:inXSDDate", "2017-12-17", NULL),
	                 ENTX_ERR_INVALID);
	assert_int_equal(entx_mention_n_properties(m), 2);
	const char *p = NULL, *lex = NULL;
	entx_prop_kind kind = ENTX_PROP_IRI;
	assert_int_equal(entx_mention_property(m, 0, &p, &kind, &lex, NULL), 0);
	assert_string_equal(p, "schema:value");
	assert_int_equal(kind, ENTX_PROP_NUMBER);
	assert_string_equal(lex, "1500000");
	assert_int_equal(entx_mention_property(m, 2, &p, NULL, NULL, NULL), ENTX_ERR_INVALID);
	assert_int_equal(entx_mention_set_number(m, "x:half", 0.5), 0);
	assert_int_equal(entx_mention_property(m, 2, NULL, NULL, &lex, NULL), 0);
	assert_string_equal(lex, "0.5");
	/* Many properties: all kept, in order, each replaceable. */
	for (int k = 3; k < 40; k++) {
		char name[16];
		g_snprintf(name, sizeof name, "x:p%d", k);
		assert_int_equal(entx_mention_set_number(m, name, k), 0);
	}
	assert_int_equal(entx_mention_set_string(m, "schema:unitText", "people"), 0);
	assert_int_equal(entx_mention_n_properties(m), 40);
	for (int k = 3; k < 40; k++) {
		char name[16], value[16];
		g_snprintf(name, sizeof name, "x:p%d", k);
		g_snprintf(value, sizeof value, "%d", k);
		assert_int_equal(entx_mention_property(m, (size_t)k, &p, NULL, &lex, NULL), 0);
		assert_string_equal(p, name);
		assert_string_equal(lex, value);
	}
	assert_int_equal(entx_mention_property(m, 1, &p, NULL, &lex, NULL), 0);
	assert_string_equal(lex, "people");
	entx_doc_free(d);
}

/*
 * Each kind of property reads back as it was set, with its datatype for
 * a typed literal only, whether the mention holds it or the heap does,
 * and after being replaced by one of another kind.
 */
static void property_kinds_and_datatypes(void **state)
{
	entx_doc *d = entx_doc_new("k", "one two three four", 18);
	for (size_t n = 1; n <= 9; n++) {
		entx_mention *m = entx_doc_add_mention(d, 0, 3, "Quantity", NULL, 0.5);
		assert_non_null(m);
		for (size_t k = 0; k < n; k++) {
			char name[16];
			g_snprintf(name, sizeof name, "x:p%zu", k);
			switch ((k + n) % 4) {
			case 0:
				assert_int_equal(entx_mention_set_string(m, name, "s"), 0);
				break;
			case 1:
				assert_int_equal(
				    entx_mention_set_typed(m, name, "2017", "xsd:gYear"), 0);
				break;
			case 2:
				assert_int_equal(entx_mention_set_number(m, name, 2.5), 0);
				break;
			default:
				assert_int_equal(entx_mention_set_iri(m, name, "ex:i"), 0);
			}
		}
		/* the first replaced by a typed literal, the last by a string */
		assert_int_equal(entx_mention_set_typed(m, "x:p0", "2018", "xsd:gYear"), 0);
		char last[16];
		g_snprintf(last, sizeof last, "x:p%zu", n - 1);
		if (n > 1)
			assert_int_equal(entx_mention_set_string(m, last, "t"), 0);
		assert_int_equal(entx_mention_n_properties(m), n);
		for (size_t k = 0; k < n; k++) {
			entx_prop_kind kind = ENTX_PROP_STRING;
			const char *lex = NULL, *dtype = "unset";
			assert_int_equal(entx_mention_property(m, k, NULL, &kind, &lex, &dtype), 0);
			static const entx_prop_kind SET[] = {ENTX_PROP_STRING, ENTX_PROP_TYPED,
			                                     ENTX_PROP_NUMBER, ENTX_PROP_IRI};
			entx_prop_kind want = k == 0       ? ENTX_PROP_TYPED
			                      : k == n - 1 ? ENTX_PROP_STRING
			                                   : SET[(k + n) % 4];
			assert_int_equal(kind, want);
			if (want == ENTX_PROP_TYPED)
				assert_string_equal(dtype, "xsd:gYear");
			else
				assert_null(dtype);
			if (k == 0)
				assert_string_equal(lex, "2018");
		}
	}
	entx_doc_free(d);
}

/*
 * Values and lexical forms are copied into the blocks that hold the
 * mentions (a long one into a block of its own): every one reads back
 * intact however many blocks they fill, before and after a reset.
 */
static void mention_strings_across_blocks(void **state)
{
	entx_doc *d = entx_doc_new("b", "one two three four", 18);
	for (int round = 0; round < 2; round++) {
		GPtrArray *want = g_ptr_array_new_with_free_func(g_free);
		for (size_t k = 0; k < 300; k++) {
			entx_mention *m = entx_doc_add_mention(d, 0, 3, "Quantity", NULL, 0.5);
			assert_non_null(m);
			/* some past a quarter block, one past a whole block */
			size_t len = k == 150 ? 9000 : (k * 37 + (size_t)round) % 2200;
			char *value = g_strnfill(len, (char)('a' + k % 26));
			assert_int_equal(entx_mention_set_value(m, value), 0);
			assert_int_equal(entx_mention_set_string(m, "x:s", value + len / 2), 0);
			g_ptr_array_add(want, value);
		}
		assert_int_equal(entx_doc_n_mentions(d), 300);
		for (size_t k = 0; k < 300; k++) {
			const entx_mention *m = entx_doc_mention(d, k);
			const char *value = g_ptr_array_index(want, k);
			assert_string_equal(entx_mention_value(m), value);
			const char *lex = NULL;
			assert_int_equal(entx_mention_property(m, 0, NULL, NULL, &lex, NULL), 0);
			assert_string_equal(lex, value + strlen(value) / 2);
		}
		g_ptr_array_free(want, TRUE);
		entx_doc_reset(d, "b2", "five six seven eight", 20);
	}
	entx_doc_free(d);
}

/* Numbers are kept in their shortest form that reads back exactly. */
static void number_lexical_forms(void **state)
{
	static const struct {
		double v;
		const char *lex;
	} CASES[] = {{0.1, "0.1"},     {3.5, "3.5"},       {-0.25, "-0.25"},
	             {2.125, "2.125"}, {-1500000, "-1500000"}, {999999999999.999, "999999999999.999"},
	             {1e15, "1000000000000000"},
	             /* integral up to 1e18, told without floor() */
	             {-0.0, "0"}, {-7, "-7"}, {9.99e17, "999000000000000000"},
	             {-4503599627370497.0, "-4503599627370497"}, {1e17 + 16, "100000000000000016"},
	             {1e18, "1e+18"}};
	static const double ROUND_TRIP[] = {0.0005, 1e-7, 1234.5678, 2.0 / 3.0, 1e300, -3.0001};
	entx_doc *d = entx_doc_new("n", "nine", 4);
	entx_mention *m = entx_doc_add_mention(d, 0, 4, "Quantity", NULL, 0.5);
	const char *lex = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++) {
		assert_int_equal(entx_mention_set_number(m, "schema:value", CASES[i].v), 0);
		assert_int_equal(entx_mention_property(m, 0, NULL, NULL, &lex, NULL), 0);
		assert_string_equal(lex, CASES[i].lex);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(ROUND_TRIP); i++) {
		assert_int_equal(entx_mention_set_number(m, "schema:value", ROUND_TRIP[i]), 0);
		assert_int_equal(entx_mention_property(m, 0, NULL, NULL, &lex, NULL), 0);
		assert_true(g_ascii_strtod(lex, NULL) == ROUND_TRIP[i]);
	}
	entx_doc_free(d);
}

static int freed;
/* The token array is the same tokens entx_doc_token hands out one by one. */
static void token_array(void **state)
{
	entx_doc *d = entx_doc_new("t", "Mr. Putin said 39 words.", 24);
	size_t n = 0;
	const entx_token *toks = entx_doc_tokens(d, &n);
	assert_int_equal(n, entx_doc_n_tokens(d));
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(&toks[i], entx_doc_token(d, i));
	assert_int_equal(toks[1].byte_begin, 4);
	assert_int_equal(toks[1].byte_end, 9);
	assert_true(toks[3].flags & ENTX_TOK_NUMBER);
	entx_doc_free(d);

	d = entx_doc_new("e", "", 0);
	assert_non_null(entx_doc_tokens(d, &n));
	assert_int_equal(n, 0);
	assert_non_null(entx_doc_tokens(d, NULL));
	entx_doc_free(d);
}

static void count_free(gpointer p)
{
	freed++;
	g_free(p);
}

static void attached_data(void **state)
{
	entx_doc *d = entx_doc_new("a", "x", 1);
	assert_null(entx_doc_get_data(d, "names.analysis"));
	freed = 0;
	entx_doc_set_data(d, "names.analysis", g_strdup("first"), count_free);
	assert_string_equal(entx_doc_get_data(d, "names.analysis"), "first");
	entx_doc_set_data(d, "names.analysis", g_strdup("second"), count_free);
	assert_int_equal(freed, 1); /* replacing frees the old data */
	assert_string_equal(entx_doc_get_data(d, "names.analysis"), "second");
	assert_null(entx_doc_get_data(d, "other"));
	entx_doc_free(d);
	assert_int_equal(freed, 2); /* freeing the document frees the rest */
}

/* Everything a reader of a document sees, equal in two documents. */
static void assert_same_document(const entx_doc *x, const entx_doc *y)
{
	size_t nx = 0, ny = 0;
	const char *tx = entx_doc_text(x, &nx), *ty = entx_doc_text(y, &ny);
	assert_int_equal(nx, ny);
	assert_memory_equal(tx, ty, nx);
	assert_string_equal(entx_doc_id(x), entx_doc_id(y));
	assert_int_equal(entx_doc_length(x), entx_doc_length(y));
	assert_int_equal(entx_doc_n_invalid_utf8(x), entx_doc_n_invalid_utf8(y));
	assert_int_equal(entx_doc_n_sentences(x), entx_doc_n_sentences(y));
	assert_int_equal(entx_doc_n_mentions(x), entx_doc_n_mentions(y));
	assert_true((entx_doc_reference_date(x) == NULL) == (entx_doc_reference_date(y) == NULL));
	const entx_token *kx = entx_doc_tokens(x, &nx), *ky = entx_doc_tokens(y, &ny);
	assert_int_equal(nx, ny);
	assert_memory_equal(kx, ky, nx * sizeof *kx);
	for (size_t cp = 0; cp <= entx_doc_length(x); cp++)
		assert_int_equal(entx_doc_byte_offset(x, cp), entx_doc_byte_offset(y, cp));
}

/*
 * A reset document is the document entx_doc_new would make: nothing of
 * the previous text survives (mentions, data, date, tokens, the block
 * table of a multibyte text), from a short text and from a long one
 * whose arrays a reset gives back; nor of the previous id or text in the
 * buffers a reset keeps, whatever their lengths.
 */
static void reset_makes_a_new_document(void **state)
{
	GString *big = g_string_new(NULL);
	for (int i = 0; i < 40000; i++)
		g_string_append(big, "Caf\xC3\xA9 au lait. ");
	/* past the text a reset keeps: its buffer goes back */
	GString *huge = g_string_new(NULL);
	while (huge->len <= (1u << 20))
		g_string_append(huge, "ab ");
	GString *long_id = g_string_new(NULL);
	while (long_id->len < 300)
		g_string_append(long_id, "story-");
	const struct {
		const char *id, *text;
		size_t len;
	} seq[] = {
	    {"one", "\xC3\xA9t\xC3\xA9 \xFF in Paris. Then Rome.", 27},
	    {"two", "Plain ASCII, two sentences. Here.", 33},
	    {"big", big->str, big->len},
	    {"three", "Mr. Putin said 39 words.", 24},
	    {long_id->str, "A longer id.", 12},
	    {"bad \xFF id", "Its id is made valid.", 21},
	    {"ok", "Short. ", 7},
	    {"huge", huge->str, huge->len},
	    {"four", "A short one after the huge one.", 31},
	    {"empty", "", 0},
	};
	entx_doc *d = entx_doc_new("zero", "x", 1);
	for (size_t i = 0; i < G_N_ELEMENTS(seq); i++) {
		assert_int_equal(entx_doc_set_reference_date(d, "2017-12-18"), 0);
		entx_mention *m = entx_doc_add_mention(d, 0, 1, "Test", "urn:example:Test", 0.5);
		assert_non_null(m);
		for (int k = 0; k < 5; k++) /* past the inline properties, to the heap */
			assert_int_equal(entx_mention_set_number(m, k % 2 ? "p1" : "p0", k), 0);
		assert_int_equal(entx_mention_set_string(m, "p2", "v"), 0);
		freed = 0;
		entx_doc_set_data(d, "names.analysis", g_strdup("data"), count_free);
		entx_doc_reset(d, seq[i].id, seq[i].text, seq[i].len);
		assert_int_equal(freed, 1);
		assert_null(entx_doc_get_data(d, "names.analysis"));
		entx_doc *fresh = entx_doc_new(seq[i].id, seq[i].text, seq[i].len);
		assert_same_document(d, fresh);
		char *valid_id = g_utf8_make_valid(seq[i].id, -1);
		assert_string_equal(entx_doc_id(d), valid_id);
		g_free(valid_id);
		/* Mentions and their interned strings work as in a new document. */
		entx_mention *a = entx_doc_add_mention(d, 0, MIN(1, entx_doc_length(d)), "Test",
		                                       "urn:example:Test", 0.5);
		if (entx_doc_length(d) > 0) {
			assert_non_null(a);
			assert_int_equal(entx_mention_set_string(a, "p2", "w"), 0);
			const char *lex = NULL;
			assert_int_equal(entx_mention_property(a, 0, NULL, NULL, &lex, NULL), 0);
			assert_string_equal(lex, "w");
			assert_string_equal(entx_mention_category(a), "Test");
		}
		entx_doc_free(fresh);
	}
	entx_doc_free(d);
	g_string_free(big, TRUE);
	g_string_free(huge, TRUE);
	g_string_free(long_id, TRUE);
}

/*
 * Interned strings go by content, not by the caller's pointer: a buffer
 * reused with other content is another string, the same content from
 * elsewhere the same one; property names likewise. Many distinct strings
 * (more than the cache by pointer holds) and resets keep that so.
 */
static void interned_by_content(void **state)
{
	(void)state;
	entx_doc *d = entx_doc_new("i", "seven suspects", 14);
	for (int round = 0; round < 3; round++) {
		char buf[32], other[32];
		g_strlcpy(buf, "Alpha", sizeof buf);
		entx_mention *a = entx_doc_add_mention(d, 0, 5, buf, "urn:x:A", 0.5);
		g_strlcpy(buf, "Beta", sizeof buf);
		entx_mention *b = entx_doc_add_mention(d, 0, 5, buf, "urn:x:B", 0.5);
		assert_string_equal(entx_mention_category(a), "Alpha");
		assert_string_equal(entx_mention_category(b), "Beta");
		g_strlcpy(other, "Alpha", sizeof other);
		entx_mention *c = entx_doc_add_mention(d, 0, 5, other, "urn:x:A", 0.5);
		assert_ptr_equal(entx_mention_category(c), entx_mention_category(a));
		assert_ptr_equal(entx_mention_class(c), entx_mention_class(a));

		g_strlcpy(buf, "x:one", sizeof buf);
		assert_int_equal(entx_mention_set_string(a, buf, "1"), 0);
		g_strlcpy(buf, "x:two", sizeof buf);
		assert_int_equal(entx_mention_set_string(a, buf, "2"), 0);
		g_strlcpy(other, "x:one", sizeof other);
		assert_int_equal(entx_mention_set_string(a, other, "3"), 0); /* replaces */
		assert_int_equal(entx_mention_n_properties(a), 2);
		const char *p = NULL, *lex = NULL;
		assert_int_equal(entx_mention_property(a, 0, &p, NULL, &lex, NULL), 0);
		assert_string_equal(p, "x:one");
		assert_string_equal(lex, "3");
		assert_int_equal(entx_mention_property(a, 1, &p, NULL, &lex, NULL), 0);
		assert_string_equal(p, "x:two");

		/* Hundreds of names, each from its own pointer and from a buffer. */
		static char names[600][24];
		for (int k = 0; k < 600; k++)
			g_snprintf(names[k], sizeof names[k], "Kind%d-%d", k, round);
		for (int pass = 0; pass < 2; pass++)
			for (int k = 0; k < 600; k++) {
				entx_mention *m = entx_doc_add_mention(d, 0, 5, names[k], "urn:x:K", 0.5);
				g_strlcpy(buf, names[k], sizeof buf);
				entx_mention *n = entx_doc_add_mention(d, 0, 5, buf, "urn:x:K", 0.5);
				assert_string_equal(entx_mention_category(m), names[k]);
				assert_ptr_equal(entx_mention_category(n), entx_mention_category(m));
			}
		entx_doc_reset(d, "i", "seven suspects", 14);
	}
	entx_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_offsets_identity),
		cmocka_unit_test(multibyte_offsets),
		cmocka_unit_test(long_mixed_text_round_trip),
		cmocka_unit_test(invalid_utf8_replaced),
		cmocka_unit_test(invalid_byte_found_at_every_position),
		cmocka_unit_test(nul_is_a_character),
		cmocka_unit_test(empty_document),
		cmocka_unit_test(reference_dates),
		cmocka_unit_test(mention_validation_and_properties),
		cmocka_unit_test(interned_by_content),
		cmocka_unit_test(attached_data),
		cmocka_unit_test(token_array),
		cmocka_unit_test(property_kinds_and_datatypes),
		cmocka_unit_test(mention_strings_across_blocks),
		cmocka_unit_test(number_lexical_forms),
		cmocka_unit_test(reset_makes_a_new_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
