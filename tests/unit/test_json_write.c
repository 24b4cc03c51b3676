/*
 * The streaming JSON writer must write exactly what jansson writes for
 * the same value (so carried fields and our own look alike), and always
 * valid JSON. jansson is the reference here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "json_write.h"

static char *jansson_dump(json_t *v)
{
	char *s = json_dumps(v, ENTX_JSON_DUMP_FLAGS | JSON_ENCODE_ANY);
	json_decref(v);
	assert_non_null(s);
	return s;
}

static void assert_string_written_as_jansson(const char *s, size_t n)
{
	GString *out = g_string_new(NULL);
	entx_json_write_string(out, s, n);
	char *want = jansson_dump(json_stringn(s, n));
	assert_string_equal(out->str, want);
	free(want);
	g_string_free(out, TRUE);
}

static void strings_escape_like_jansson(void **state)
{
	static const char *const CASES[] = {"", "plain", "quote \" and \\ backslash",
	                                    "tab\tnew\nline\rcr\bbs\fff", "\x01\x1f\x7f",
	                                    "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\xA8", "/slash/"};
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++)
		assert_string_written_as_jansson(CASES[i], strlen(CASES[i]));
	assert_string_written_as_jansson("a\0b", 3);
	char all[32];
	for (int c = 0; c < 32; c++)
		all[c] = (char)c;
	assert_string_written_as_jansson(all, sizeof all);
}

/*
 * Plain text is skipped sixteen bytes at a time: every byte that must be
 * escaped is still found wherever it falls in a word, beside multi-byte
 * characters, in ASCII and in non-ASCII strings.
 */
static void escapes_found_at_every_position(void **state)
{
	static const char SPECIAL[] = {'"', '\\', '\n', '\x01', '\x1f', '\0'};
	static const char *const FILLERS[] = {"abcdefghijklmnopqrstuvwxyz0123",
	                                      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
	                                      "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"};
	for (size_t f = 0; f < G_N_ELEMENTS(FILLERS); f++) {
		size_t n = strlen(FILLERS[f]);
		for (size_t k = 0; k < sizeof SPECIAL; k++) {
			for (size_t pos = 0; pos < n; pos += f == 0 ? 1 : 2) {
				char buf[64];
				memcpy(buf, FILLERS[f], n);
				buf[pos] = SPECIAL[k];
				if (f == 1)
					buf[pos + 1] = 'x'; /* keep the UTF-8 valid */
				assert_string_written_as_jansson(buf, n);
			}
		}
		/* Bytes at and above 0x80 are never taken for ones to escape. */
		assert_string_written_as_jansson(FILLERS[f], n);
	}
}

/*
 * What entx_json_write_string() promises for any bytes, written the
 * plain way: each maximal run of valid UTF-8 kept (NUL escaped), each
 * byte that starts no valid character replaced by U+FFFD.
 */
static char *repaired(const char *s, size_t n, size_t *len)
{
	GString *r = g_string_new(NULL);
	while (n > 0) {
		const char *end = NULL;
		g_utf8_validate_len(s, n, &end);
		size_t good = (size_t)(end - s);
		g_string_append_len(r, s, (gssize)good);
		if (good == n)
			break;
		if (s[good] == '\0')
			g_string_append_c(r, '\0');
		else
			g_string_append(r, "\xEF\xBF\xBD");
		s += good + 1;
		n -= good + 1;
	}
	*len = r->len;
	return g_string_free(r, FALSE);
}

/* Both writers against jansson, the one for any bytes through repaired(). */
static void assert_both_written_as_jansson(const char *s, size_t n)
{
	size_t fixed_len = 0;
	char *fixed = repaired(s, n, &fixed_len);
	char *want = jansson_dump(json_stringn(fixed, fixed_len));
	GString *out = g_string_new(NULL);
	entx_json_write_string(out, s, n);
	assert_string_equal(out->str, want);
	assert_int_equal(out->len, strlen(want));
	if (fixed_len == n && memcmp(fixed, s, n) == 0) { /* valid UTF-8: the other writer too */
		g_string_truncate(out, 0);
		entx_json_write_valid_string(out, s, n);
		assert_string_equal(out->str, want);
		assert_int_equal(out->len, strlen(want));
		/* and the one that writes at a pointer, with just the room it asks */
		g_string_truncate(out, 0);
		char *d = entx_reserve(out, ENTX_JSON_ROOM(n) + 2);
		entx_commit(out, entx_json_put_valid_string(d, s, n));
		assert_string_equal(out->str, want);
		assert_int_equal(out->len, strlen(want));
	}
	free(want);
	g_free(fixed);
	g_string_free(out, TRUE);
}

/*
 * Strings are checked sixteen bytes at a time, and their last 1 to 15
 * bytes as overlapping words stored whole: at every length that makes a
 * different tail, a byte to escape, a character above ASCII (which sends
 * entx_json_write_string() to its UTF-8 check) and an invalid byte are
 * each found at every position, first in the string or after another.
 */
static void every_length_and_position(void **state)
{
	/* " ", "!" and "#", plain, are the neighbours of '"' that one test
	 * of the escaper tells from it. */
	static const char *const INSERTS[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "!", "#",
	                                      "\xC3\xA9",
	                                      "\xE2\x80\xA8", "\xE2\x80\xA9", "\xF0\x9F\x98\x80",
	                                      "\xFF", "\xED\xA0\x80", "\xC3"};
	char buf[64];
	for (size_t n = 0; n <= 40; n++) {
		for (size_t k = 0; k < n; k++)
			buf[k] = (char)('a' + k % 26);
		assert_both_written_as_jansson(buf, n);
		for (size_t i = 0; i < G_N_ELEMENTS(INSERTS); i++) {
			size_t len = strlen(INSERTS[i]);
			for (size_t pos = 0; pos + len <= n; pos++) {
				char copy[64];
				memcpy(copy, buf, n);
				memcpy(copy + pos, INSERTS[i], len);
				assert_both_written_as_jansson(copy, n);
				/* and a second one after it, at the end */
				if (pos + len < n) {
					copy[n - 1] = '"';
					assert_both_written_as_jansson(copy, n);
				}
			}
		}
		/* NUL, which ends no string here */
		for (size_t pos = 0; pos < n; pos++) {
			char copy[64];
			memcpy(copy, buf, n);
			copy[pos] = '\0';
			assert_both_written_as_jansson(copy, n);
		}
	}
}

/*
 * Input longer than the piece escaped at once (64 KiB): what falls on
 * either side of a piece's end, and a character across it.
 */
static void long_strings_across_pieces(void **state)
{
	const size_t piece = 65536;
	size_t n = piece + 100;
	char *s = g_malloc(n);
	static const char *const INSERTS[] = {"\"", "\n", "\xC3\xA9", "\xE2\x80\xA8", "\xFF"};
	for (size_t i = 0; i < G_N_ELEMENTS(INSERTS); i++) {
		size_t len = strlen(INSERTS[i]);
		for (size_t pos = piece - 20; pos < piece + 20; pos++) {
			memset(s, 'x', n);
			memcpy(s + pos, INSERTS[i], len);
			s[10] = '\t';
			assert_both_written_as_jansson(s, n);
		}
	}
	g_free(s);
}

static void invalid_utf8_becomes_replacement_character(void **state)
{
	GString *out = g_string_new(NULL);
	entx_json_write_string(out, "a\xFF" "b\xC3", 4);
	assert_string_equal(out->str, "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
	json_t *v = json_loads(out->str, JSON_DECODE_ANY, NULL);
	assert_non_null(v);
	json_decref(v);
	g_string_free(out, TRUE);
}

static void reals_formatted_like_jansson(void **state)
{
	static const double CASES[] = {0.0,  -0.0,    1.0,      0.85,  0.9,     0.5,    0.123456,
	                               1e-4, 0.0001234, 1e-5,   0.999999, 0.9999995, 3.14159265,
	                               1e21, -2.5,    1234.5678, 1e6,  123456.0, 0.1 + 0.2};
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++) {
		GString *out = g_string_new(NULL);
		entx_json_write_real(out, CASES[i]);
		char *want = jansson_dump(json_real(CASES[i]));
		assert_string_equal(out->str, want);
		free(want);
		g_string_free(out, TRUE);
	}
	/* Every confidence with three decimals, the common case. */
	for (int k = 0; k <= 1000; k++) {
		GString *out = g_string_new(NULL);
		entx_json_write_real(out, k / 1000.0);
		char *want = jansson_dump(json_real(k / 1000.0));
		assert_string_equal(out->str, want);
		free(want);
		g_string_free(out, TRUE);
	}
}

static char *written_value(const char *json)
{
	json_t *v = json_loads(json, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	assert_non_null(v);
	GString *out = g_string_new(NULL);
	entx_json_write_value(out, v);
	json_decref(v);
	return g_string_free(out, FALSE);
}

/* Values without reals come out as jansson dumps them. */
static void values_written_like_jansson(void **state)
{
	static const char *const CASES[] = {
	    "null", "true", "false", "0", "-9223372036854775808", "9007199254740993", "\"s\"",
	    "[]", "{}", "[1,[2,[3,[]]],{\"a\":{}}]", "{\"b\":1,\"a\":[\"x\\\"]\",null],\"\":{}}",
	    "{\"k\\u0001\\\"\":\"caf\u00e9 \\u0000 \\n\"}",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++) {
		char *got = written_value(CASES[i]);
		json_t *v = json_loads(CASES[i], JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
		assert_non_null(v);
		char *want = jansson_dump(v);
		assert_string_equal(got, want);
		free(want);
		g_free(got);
	}
}

/*
 * Reals keep the digits they were read with, where jansson's six would
 * lose them, written as jansson writes a real: always a '.' or an
 * exponent, no '+' and no leading zero in the exponent.
 */
static void reals_keep_their_digits(void **state)
{
	static const struct {
		const char *in, *out;
	} CASES[] = {
	    {"48.856613", "48.856613"}, {"123456789.25", "123456789.25"}, {"0.1", "0.1"},
	    {"4.1556", "4.1556"},       {"5.0", "5.0"},                   {"-0.0", "-0.0"},
	    {"1e300", "1e300"},         {"1E+300", "1e300"},              {"1e-7", "1e-7"},
	    {"2.5e-300", "2.5e-300"},   {"1e21", "1e21"},                 {"-1234567.891", "-1234567.891"},
	    {"0.30000000000000004", "0.30000000000000004"},
	    {"[1.5,{\"x\":2.25}]", "[1.5,{\"x\":2.25}]"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++) {
		char *got = written_value(CASES[i].in);
		assert_string_equal(got, CASES[i].out);
		g_free(got);
	}
	/* Any double reads back as itself. */
	GRand *rand = g_rand_new_with_seed(2026);
	for (int i = 0; i < 2000; i++) {
		double d = g_rand_double_range(rand, -1e6, 1e6) * pow(10.0, (i % 41) - 20);
		json_t *v = json_real(d);
		GString *out = g_string_new(NULL);
		entx_json_write_value(out, v);
		assert_true(g_ascii_strtod(out->str, NULL) == d);
		assert_non_null(strpbrk(out->str, ".e"));
		json_decref(v);
		g_string_free(out, TRUE);
	}
	g_rand_free(rand);
}

/* The indenter writes what jansson's JSON_INDENT(2) does, however its input is cut. */
static void indented_like_jansson(void **state)
{
	static const char *const CASES[] = {
	    "{}", "[]", "{\"a\":1}", "[1,2,[3,4],[],{}]",
	    "{\"@context\":{\"x\":\"y:z\",\"n\":{\"@id\":\"a,b\",\"@type\":\"@id\"}},"
	    "\"text\":\"{[\\\"quoted\\\", braces],}\\\\\",\"mentions\":[{\"e\":[]},{\"f\":{}}]}",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(CASES); i++) {
		json_t *v = json_loads(CASES[i], 0, NULL);
		assert_non_null(v);
		char *want = json_dumps(v, JSON_PRESERVE_ORDER | JSON_INDENT(2));
		json_decref(v);
		size_t n = strlen(CASES[i]);
		for (size_t piece = 1; piece <= n; piece = piece * 2 + 1) {
			GString *out = g_string_new(NULL);
			entx_json_indenter st = {0};
			for (size_t at = 0; at < n; at += piece)
				entx_json_indent(&st, out, CASES[i] + at, MIN(piece, n - at));
			assert_string_equal(out->str, want);
			g_string_free(out, TRUE);
		}
		free(want);
	}
}

/* entx_append_decimal() writes v as printf does. */
static void assert_decimal(GString *out, uint64_t v)
{
	g_string_truncate(out, 0);
	entx_append_decimal(out, (size_t)v);
	char *want = g_strdup_printf("%" G_GUINT64_FORMAT, v);
	assert_string_equal(out->str, want);
	g_free(want);
}

static void decimals(void **state)
{
	GString *out = g_string_new(NULL);
	entx_append_decimal(out, 0);
	g_string_append_c(out, ' ');
	entx_append_decimal(out, 1234567890);
	g_string_append_c(out, ' ');
	entx_append_decimal(out, SIZE_MAX);
	char *want = g_strdup_printf("0 1234567890 %zu", (size_t)SIZE_MAX);
	assert_string_equal(out->str, want);
	g_free(want);
	/* The digit count, from the bit length, at every power of ten and two. */
	for (uint64_t p = 1, i = 0; i < 20; i++, p *= 10) {
		uint64_t two = (uint64_t)1 << (i * 3);
		uint64_t around[] = {p - 1, p, p + 1, two, two - 1};
		for (size_t k = 0; k < G_N_ELEMENTS(around); k++)
			assert_decimal(out, around[k]);
	}
	/* Where the writer goes over from 64-bit to 32-bit division. */
	const uint64_t edges[] = {UINT32_MAX - 1, UINT32_MAX, (uint64_t)UINT32_MAX + 1,
	                          (uint64_t)UINT32_MAX + 100, (uint64_t)UINT32_MAX * 100 + 99};
	for (size_t k = 0; k < G_N_ELEMENTS(edges); k++)
		assert_decimal(out, edges[k]);
	g_string_free(out, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_escape_like_jansson),
		cmocka_unit_test(escapes_found_at_every_position),
		cmocka_unit_test(every_length_and_position),
		cmocka_unit_test(long_strings_across_pieces),
		cmocka_unit_test(invalid_utf8_becomes_replacement_character),
		cmocka_unit_test(reals_formatted_like_jansson),
		cmocka_unit_test(decimals),
		cmocka_unit_test(values_written_like_jansson),
		cmocka_unit_test(reals_keep_their_digits),
		cmocka_unit_test(indented_like_jansson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
