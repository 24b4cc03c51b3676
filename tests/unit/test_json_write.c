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
 * Plain text is skipped eight bytes at a time: every byte that must be
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
	g_string_free(out, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_escape_like_jansson),
		cmocka_unit_test(escapes_found_at_every_position),
		cmocka_unit_test(invalid_utf8_becomes_replacement_character),
		cmocka_unit_test(reals_formatted_like_jansson),
		cmocka_unit_test(decimals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
