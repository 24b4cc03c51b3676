/*
 * Reading document streams: split modes, size limits.
 */
/* fmemopen() is POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <stdio.h>
#include <string.h>

#include "input.h"

/* Reads every record of data and returns them as "line:text|" items
 * ("line:!size|" for oversized ones). */
static char *read_all(const char *data, size_t len, entx_split split, size_t max)
{
	/* fmemopen may refuse a zero size. */
	FILE *fp = len > 0 ? fmemopen((void *)data, len, "rb") : fopen("/dev/null", "rb");
	assert_non_null(fp);
	entx_reader *r = entx_reader_new(fp, split, max);
	GString *out = g_string_new(NULL);
	entx_record rec;
	int rc = 0;
	while ((rc = entx_reader_next(r, &rec, NULL)) > 0) {
		if (rec.oversized)
			g_string_append_printf(out, "%zu:!%zu|", rec.line, rec.size);
		else {
			g_string_append_printf(out, "%zu:", rec.line);
			g_string_append_len(out, rec.text, rec.len);
			g_string_append_c(out, '|');
		}
	}
	assert_int_equal(rc, 0);
	entx_reader_free(r);
	fclose(fp);
	return g_string_free(out, FALSE);
}

static void check(const char *data, size_t len, entx_split split, size_t max, const char *want)
{
	char *got = read_all(data, len, split, max);
	if (strcmp(got, want) != 0)
		fail_msg("got '%s', want '%s'", got, want);
	g_free(got);
}

static void split_modes(void **state)
{
	const char text[] = "one\ntwo\r\n\nfour\n";
	check(text, strlen(text), ENTX_SPLIT_NONE, 0, "1:one\ntwo\r\n\nfour\n|");
	/* Every line is a document, empty ones too; no phantom after the last. */
	check(text, strlen(text), ENTX_SPLIT_LINE, 0, "1:one|2:two|3:|4:four|");
	check("no newline", 10, ENTX_SPLIT_LINE, 0, "1:no newline|");
	const char paras[] = "\n\nA a\nA b\n  \t\nB\n\n\nC\n";
	check(paras, strlen(paras), ENTX_SPLIT_BLANK, 0, "3:A a\nA b|6:B|9:C|");
	const char nul[] = "x\0y y\0\0z";
	check(nul, sizeof nul - 1, ENTX_SPLIT_NUL, 0, "1:x|2:y y|3:|4:z|");
	check("", 0, ENTX_SPLIT_LINE, 0, "");
	check("", 0, ENTX_SPLIT_NONE, 0, "1:|"); /* empty input is one empty document */
}

static void size_limit_skips_but_counts(void **state)
{
	const char text[] = "short\nthis line is too long\nok\n";
	check(text, strlen(text), ENTX_SPLIT_LINE, 8, "1:short|2:!21|3:ok|");
	GString *big = g_string_new(NULL);
	for (int i = 0; i < 10000; i++)
		g_string_append(big, "0123456789");
	check(big->str, big->len, ENTX_SPLIT_NONE, 1000, "1:!100000|");
	g_string_free(big, TRUE);
}

static void split_names(void **state)
{
	entx_split s = ENTX_SPLIT_NONE;
	assert_true(entx_split_parse("blank", &s));
	assert_int_equal(s, ENTX_SPLIT_BLANK);
	assert_true(entx_split_parse("nul", &s));
	assert_int_equal(s, ENTX_SPLIT_NUL);
	assert_false(entx_split_parse("lines", &s));
}

static void jsonl_records(void **state)
{
	entx_jsonl_record r;
	const char *ok = "{\"id\": \"a1\", \"text\": \"caf\\u00e9\\u0000x\", \"date\": \"2017-12-18\", \"n\": [1]}";
	assert_true(entx_jsonl_parse(ok, strlen(ok), &r));
	assert_string_equal(r.id, "a1");
	assert_int_equal(r.len, 7); /* "café" is 5 bytes, then NUL and "x" */
	assert_memory_equal(r.text, "caf\xC3\xA9\0x", 7);
	assert_string_equal(r.date, "2017-12-18");
	assert_int_equal(json_object_size(r.extra), 1);
	assert_non_null(json_object_get(r.extra, "n"));
	assert_null(r.error);
	entx_jsonl_record_clear(&r);

	const char *num = "{\"id\": 42, \"text\": \"\"}";
	assert_true(entx_jsonl_parse(num, strlen(num), &r));
	assert_string_equal(r.id, "42");
	assert_int_equal(r.len, 0);
	entx_jsonl_record_clear(&r);

	const char *bad[][2] = {
		{"{\"text\": 5}", "JSONL object has no string member \"text\""},
		{"[1, 2]", "JSONL line is not a JSON object"},
		{"{\"text\": \"x\", \"date\": 20171218}", "JSONL member \"date\" is not a string"},
		{"{\"text\": ", "invalid JSON at column 9: '[' or '{' expected near end of file"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		assert_false(entx_jsonl_parse(bad[i][0], strlen(bad[i][0]), &r));
		assert_non_null(r.error);
		if (i < 3)
			assert_string_equal(r.error, bad[i][1]);
		else
			assert_true(g_str_has_prefix(r.error, "invalid JSON at column"));
		entx_jsonl_record_clear(&r);
	}
	/* Escapes, surrogate pairs, raw UTF-8 and members of every kind. */
	const char *rich = " { \"src\" : {\"a\": [1, 2.5, true, null, \"}\"]}, \"text\":"
	                   "\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\ud83d\\ude00 \xC3\xA9\","
	                   "\"n\":-1e3, \"id\":\"i\", \"src\": \"again\" } ";
	assert_true(entx_jsonl_parse(rich, strlen(rich), &r));
	const char want[] = "\"q\" \\ / \b\f\n\r\t \xF0\x9F\x98\x80 \xC3\xA9";
	assert_int_equal(r.len, sizeof want - 1);
	assert_memory_equal(r.text, want, sizeof want - 1);
	assert_string_equal(r.id, "i");
	char *extra = json_dumps(r.extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(extra, "{\"src\":\"again\",\"n\":-1000.0}"); /* last "src" wins, in place */
	free(extra);
	entx_jsonl_record_clear(&r);

	/* Lines jansson refuses stay refused: a lone surrogate, a raw tab,
	 * trailing garbage, invalid UTF-8. */
	const char *refused[] = {"{\"text\": \"\\ud800\"}", "{\"text\": \"a\tb\"}",
	                         "{\"text\": \"a\"} x", "{\"text\": \"\xFF\"}"};
	for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
		assert_false(entx_jsonl_parse(refused[i], strlen(refused[i]), &r));
		assert_true(g_str_has_prefix(r.error, "invalid JSON at column"));
		entx_jsonl_record_clear(&r);
	}

	/* An error record still carries the id and the other members. */
	const char *partial = "{\"id\": \"x7\", \"src\": \"wire\"}";
	assert_false(entx_jsonl_parse(partial, strlen(partial), &r));
	assert_string_equal(r.id, "x7");
	assert_non_null(json_object_get(r.extra, "src"));
	entx_jsonl_record_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_modes),
		cmocka_unit_test(size_limit_skips_but_counts),
		cmocka_unit_test(split_names),
		cmocka_unit_test(jsonl_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
