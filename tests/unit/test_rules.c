/*
 * The rule-file reader: sections, entries with attributes and escapes,
 * key = value lines, and errors naming FILE:LINE:COLUMN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *write_file(const char *contents)
{
	char *path = NULL;
	int fd = g_file_open_tmp("entx-rules-XXXXXX.rules", &path, NULL);
	assert_true(fd >= 0);
	close(fd);
	assert_true(g_file_set_contents(path, contents, -1, NULL));
	return path;
}

/* Records every callback as one line of text. */
static gboolean record(const entx_rules_line *l, void *user_data, GError **error)
{
	GString *s = user_data;
	if (l->is_section) {
		g_string_append_printf(s, "%zu:[%s", l->line, l->section);
		for (const char *const *a = l->args; *a; a++)
			g_string_append_printf(s, " %s", *a);
		g_string_append(s, "]\n");
	} else if (l->is_entry) {
		g_string_append_printf(s, "%zu:<%s>", l->line, l->text);
		for (size_t i = 0; i < l->n_attrs; i++)
			g_string_append_printf(s, " %s=<%s>", l->attr_keys[i], l->attr_values[i]);
		g_string_append_c(s, '\n');
	} else
		g_string_append_printf(s, "%zu:%s=<%s>@%zu\n", l->line, l->key, l->value,
		                       l->value_column);
	return TRUE;
}

static void reads_sections_entries_and_keys(void **state)
{
	char *path = write_file("# a comment\n"
	                        "[class Weapon]\n"
	                        "iri = https://example.org/ns#Weapon   \n"
	                        "  priority=5\n"
	                        "\n"
	                        "[phrases Weapon]\n"
	                        "AK-47\n"
	                        "Kalashnikov rifle | sameAs=https://x.org/Q1 id=k\n"
	                        "   # indented comment\n"
	                        "a \\| b \\\\ c | note=\"two words\"\r\n"
	                        "C# compiler\n");
	GString *got = g_string_new(NULL);
	GError *error = NULL;
	assert_true(entx_rules_read(path, NULL, 0, record, got, &error));
	assert_null(error);
	assert_string_equal(got->str, "2:[class Weapon]\n"
	                              "3:iri=<https://example.org/ns#Weapon>@7\n"
	                              "4:priority=<5>@12\n"
	                              "6:[phrases Weapon]\n"
	                              "7:<AK-47>\n"
	                              "8:<Kalashnikov rifle> sameAs=<https://x.org/Q1> id=<k>\n"
	                              "10:<a | b \\ c> note=<two words>\n"
	                              "11:<C# compiler>\n");
	g_string_free(got, TRUE);
	g_unlink(path);
	g_free(path);
}

static void custom_list_kinds(void **state)
{
	char *path = write_file("[months]\nJanuary | n=1\n[phrases]\nx = y\n");
	GString *got = g_string_new(NULL);
	const char *const kinds[] = {"months", NULL};
	assert_true(entx_rules_read(path, kinds, 0, record, got, NULL));
	/* "phrases" is not a list kind here, so its line is key = value. */
	assert_string_equal(got->str, "1:[months]\n2:<January> n=<1>\n3:[phrases]\n4:x=<y>@5\n");
	g_string_free(got, TRUE);
	g_unlink(path);
	g_free(path);
}

static void expect_error(const char *contents, const char *message_suffix, int code)
{
	char *path = write_file(contents);
	GString *got = g_string_new(NULL);
	GError *error = NULL;
	assert_false(entx_rules_read(path, NULL, 0, record, got, &error));
	assert_non_null(error);
	assert_int_equal(error->code, code);
	char *want = g_strconcat(path, message_suffix, NULL);
	if (strcmp(error->message, want) != 0)
		fail_msg("got '%s', want '%s'", error->message, want);
	g_free(want);
	g_error_free(error);
	g_string_free(got, TRUE);
	g_unlink(path);
	g_free(path);
}

/* Texts are unescaped in the line's own buffer; the bar or blanks after them end it. */
static void unescapes_texts_in_place(void **state)
{
	char *path = write_file("[phrases X]\n"
	                        "back\\slash \\x  \\|  | k=v\n"
	                        "\\\\|a=b\n"
	                        "tail\\|\n"
	                        "Côte d’Ivoire\t|\tcode=CI\n");
	GString *got = g_string_new(NULL);
	assert_true(entx_rules_read(path, NULL, 0, record, got, NULL));
	assert_string_equal(got->str, "1:[phrases X]\n"
	                              "2:<back\\slash \\x  |> k=<v>\n"
	                              "3:<\\> a=<b>\n"
	                              "4:<tail|>\n"
	                              "5:<Côte d’Ivoire> code=<CI>\n");
	g_string_free(got, TRUE);
	g_unlink(path);
	g_free(path);
}

/* A bad byte late in a file stops it there, after the lines before it. */
static void late_bad_byte_stops_after_the_lines_before(void **state)
{
	char *path = write_file("[phrases X]\nfirst\nsecond \xC3\nthird\n");
	GString *got = g_string_new(NULL);
	GError *error = NULL;
	assert_false(entx_rules_read(path, NULL, 0, record, got, &error));
	assert_string_equal(got->str, "1:[phrases X]\n2:<first>\n");
	assert_true(g_str_has_suffix(error->message, ":3: not valid UTF-8"));
	g_error_free(error);
	g_string_free(got, TRUE);
	g_unlink(path);
	g_free(path);
}

static void syntax_errors_name_file_line_column(void **state)
{
	expect_error("[class X\n", ":1:9: section header lacks its closing ']'", ENTX_ERR_CONFIG);
	expect_error("iri = x\n", ":1:1: text before the first [section] header", ENTX_ERR_CONFIG);
	expect_error("[class X]\n  no equals sign\n",
	             ":2:3: expected 'key = value' in section [class]", ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nfoo | bar\n", ":2:7: expected key=value after '|'",
	             ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nfoo | a b=c\n", ":2:7: expected key=value after '|'",
	             ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nfoo | k=v a!=b\n", ":2:11: expected key=value after '|'",
	             ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nfoo | =b\n", ":2:7: expected key=value after '|'",
	             ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nfoo | a=\"open\n", ":2:9: unterminated quoted value",
	             ENTX_ERR_CONFIG);
	expect_error("[phrases X]\n | a=b\n", ":2:2: entry has no text before '|'", ENTX_ERR_CONFIG);
	expect_error("[]\n", ":1:2: empty section header", ENTX_ERR_CONFIG);
	expect_error("[phrases X]\nbad \xFF byte\n", ":2: not valid UTF-8", ENTX_ERR_CONFIG);
}

static gboolean reject_second(const entx_rules_line *l, void *user_data, GError **error)
{
	if (l->is_entry && strcmp(l->text, "second") == 0) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG, "unknown class 'Foo'");
		return FALSE;
	}
	return TRUE;
}

static void callback_errors_get_location(void **state)
{
	char *path = write_file("[phrases Foo]\nfirst\nsecond\nthird\n");
	GError *error = NULL;
	assert_false(entx_rules_read(path, NULL, 0, reject_second, NULL, &error));
	char *want = g_strconcat(path, ":3: unknown class 'Foo'", NULL);
	assert_string_equal(error->message, want);
	g_free(want);
	g_error_free(error);
	g_unlink(path);
	g_free(path);
}

static void limits_and_missing_files(void **state)
{
	char *path = write_file("[phrases X]\n0123456789\n");
	GError *error = NULL;
	assert_false(entx_rules_read(path, NULL, 10, record, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_LIMIT);
	g_clear_error(&error);
	g_unlink(path);
	assert_false(entx_rules_read(path, NULL, 0, record, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_IO);
	assert_non_null(strstr(error->message, path));
	g_clear_error(&error);
	g_free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_sections_entries_and_keys),
		cmocka_unit_test(custom_list_kinds),
		cmocka_unit_test(syntax_errors_name_file_line_column),
		cmocka_unit_test(unescapes_texts_in_place),
		cmocka_unit_test(late_bad_byte_stops_after_the_lines_before),
		cmocka_unit_test(callback_errors_get_location),
		cmocka_unit_test(limits_and_missing_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
