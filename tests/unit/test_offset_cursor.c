/*
 * The writers' offset cursor must give, for every code point offset in
 * any order, the byte offset entx_doc_byte_offset() gives: characters
 * of one to four bytes split across the eight-byte words it counts,
 * steps of every size up to past its scan limit, and steps back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <string.h>

#include "offset_cursor.h"

/* Characters of each width, in an order that puts every width at every
 * position of a word as the text repeats them. */
static const char *const PIECES[] = {"a", "\xC3\xA9", "b", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                     "cd", "\xE2\x80\x94", "e"};

/* A text of n pieces, each chosen by a simple generator from seed. */
static GString *mixed_text(size_t n, guint32 seed)
{
	GString *text = g_string_new(NULL);
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		g_string_append(text, PIECES[(seed >> 16) % G_N_ELEMENTS(PIECES)]);
	}
	return text;
}

static void skips_agree_with_the_lookup(void **state)
{
	(void)state;
	for (guint32 seed = 1; seed <= 8; seed++) {
		GString *text = mixed_text(300, seed);
		entx_doc *doc = entx_doc_new("t", text->str, text->len);
		size_t n_cp = entx_doc_length(doc);
		const char *t = entx_doc_text(doc, NULL);
		for (size_t from = 0; from <= n_cp; from++) {
			size_t b = entx_doc_byte_offset(doc, from);
			for (size_t k = 0; from + k <= n_cp && k <= 40; k++)
				assert_int_equal(entx_priv_utf8_skip(t, b, k),
				                 entx_doc_byte_offset(doc, from + k));
		}
		entx_doc_free(doc);
		g_string_free(text, TRUE);
	}
}

static void cursor_agrees_in_any_order(void **state)
{
	(void)state;
	GString *text = mixed_text(3000, 7);
	entx_doc *doc = entx_doc_new("t", text->str, text->len);
	size_t n_cp = entx_doc_length(doc);
	/* forward by steps of 1 to 700 (past ENTX_CURSOR_SCAN_MAX), then back */
	for (size_t step = 1; step <= 700; step += step < 20 ? 1 : 97) {
		entx_offset_cursor c;
		entx_priv_cursor_init(&c, doc);
		assert_false(c.ascii);
		for (size_t cp = 0; cp <= n_cp; cp += step)
			assert_int_equal(entx_priv_cursor_byte(&c, cp),
			                 entx_doc_byte_offset(doc, cp));
		for (size_t back = 0; back <= n_cp; back += step)
			assert_int_equal(entx_priv_cursor_byte(&c, n_cp - back),
			                 entx_doc_byte_offset(doc, n_cp - back));
	}
	entx_doc_free(doc);
	g_string_free(text, TRUE);
}

static void ascii_offsets_are_byte_offsets(void **state)
{
	(void)state;
	const char *text = "plain ASCII text, tabs\tand all";
	entx_doc *doc = entx_doc_new("t", text, strlen(text));
	entx_offset_cursor c;
	entx_priv_cursor_init(&c, doc);
	assert_true(c.ascii);
	for (size_t cp = 0; cp <= strlen(text); cp++)
		assert_int_equal(entx_priv_cursor_byte(&c, cp), cp);
	entx_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(skips_agree_with_the_lookup),
		cmocka_unit_test(cursor_agrees_in_any_order),
		cmocka_unit_test(ascii_offsets_are_byte_offsets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
