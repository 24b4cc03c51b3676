/*
 * The merge policy (include/entx/engine.h, entx_engine_process).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/engine.h>
#include <string.h>

#include "doc_private.h"
#include "merge.h"

/* A document long enough for every span below. */
static entx_doc *new_doc(void)
{
	static const char text[] = "The FSB detained seven Islamic State suspects in Moscow today.";
	return entx_doc_new("t", text, strlen(text));
}

static entx_mention *add(entx_doc *d, size_t b, size_t e, const char *cat, double conf, int prio)
{
	d->current_priority = prio;
	d->current_annotator = "test";
	entx_mention *m = entx_doc_add_mention(d, b, e, cat, cat[0] == 'T' ? "urn:x:T" : NULL, conf);
	assert_non_null(m);
	return m;
}

static gboolean survives(const entx_doc *d, size_t b, size_t e, const char *cat)
{
	for (size_t i = 0; i < entx_doc_n_mentions(d); i++) {
		const entx_mention *m = entx_doc_mention(d, i);
		if (entx_mention_begin(m) == b && entx_mention_end(m) == e &&
		    strcmp(entx_mention_category(m), cat) == 0)
			return TRUE;
	}
	return FALSE;
}

static void same_category_longer_wins(void **state)
{
	entx_doc *d = new_doc();
	add(d, 23, 30, "Organization", 0.9, 5);  /* Islamic */
	add(d, 23, 36, "Organization", 0.4, 0);  /* Islamic State */
	add(d, 31, 45, "Organization", 0.9, 9);  /* State suspects */
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	/* 14 code points beat 13 whatever the confidence; "Islamic" does not
	 * overlap the winner, so it stays once its longer rival is gone. */
	assert_int_equal(entx_doc_n_mentions(d), 2);
	assert_true(survives(d, 31, 45, "Organization"));
	assert_true(survives(d, 23, 30, "Organization"));
	assert_false(survives(d, 23, 36, "Organization"));
	entx_doc_free(d);
}

static void same_category_equal_length_confidence(void **state)
{
	entx_doc *d = new_doc();
	add(d, 4, 7, "Organization", 0.3, 9);
	add(d, 5, 8, "Organization", 0.8, 0);
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 5, 8, "Organization"));
	entx_doc_free(d);
}

static void nested_other_category_kept(void **state)
{
	entx_doc *d = new_doc();
	add(d, 17, 45, "Quantity", 0.6, 10);      /* seven Islamic State suspects */
	add(d, 23, 36, "Organization", 0.9, 30);  /* Islamic State */
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 2);
	assert_true(survives(d, 17, 45, "Quantity"));
	assert_true(survives(d, 23, 36, "Organization"));
	/* Sorted by begin, the container first. */
	assert_int_equal(entx_mention_begin(entx_doc_mention(d, 0)), 17);
	entx_doc_free(d);
}

static void crossing_confidence_then_length_then_priority(void **state)
{
	entx_doc *d = new_doc();
	add(d, 17, 30, "Quantity", 0.5, 10);     /* seven Islamic */
	add(d, 23, 36, "Organization", 0.7, 0);  /* Islamic State: more confident */
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 23, 36, "Organization"));
	entx_doc_free(d);

	d = new_doc();
	add(d, 17, 30, "Quantity", 0.7, 0);      /* 13 code points */
	add(d, 23, 45, "Organization", 0.7, 0);  /* 22: longer wins at equal confidence */
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 23, 45, "Organization"));
	entx_doc_free(d);

	d = new_doc();
	add(d, 17, 30, "Quantity", 0.7, 5);
	add(d, 23, 36, "Organization", 0.7, 6);  /* same length and confidence: priority */
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 23, 36, "Organization"));
	entx_doc_free(d);
}

static void mention_priority_overrides_plugin_priority(void **state)
{
	entx_doc *d = new_doc();
	entx_mention *q = add(d, 17, 30, "Quantity", 0.7, 5);
	add(d, 23, 36, "Organization", 0.7, 6);
	assert_int_equal(entx_mention_set_priority(q, 7), 0);
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 17, 30, "Quantity"));
	assert_int_equal(entx_mention_set_priority(NULL, 1), ENTX_ERR_INVALID);
	entx_doc_free(d);
}

static void identical_span_is_a_crossing(void **state)
{
	entx_doc *d = new_doc();
	add(d, 49, 55, "Place", 0.9, 30);         /* Moscow */
	add(d, 49, 55, "Organization", 0.6, 30);
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	assert_true(survives(d, 49, 55, "Place"));
	entx_doc_free(d);
}

static void duplicates_from_two_plugins_collapse(void **state)
{
	entx_doc *d = new_doc();
	add(d, 49, 55, "Place", 0.9, 30);
	add(d, 49, 55, "Place", 0.9, 31);
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 1);
	entx_doc_free(d);
}

static void overlaps_all_keeps_everything_sorted(void **state)
{
	entx_doc *d = new_doc();
	add(d, 23, 36, "Organization", 0.9, 0);
	add(d, 17, 30, "Quantity", 0.5, 0);
	add(d, 23, 30, "Organization", 0.9, 0);
	entx_priv_merge(d, ENTX_OVERLAPS_ALL);
	assert_int_equal(entx_doc_n_mentions(d), 3);
	assert_int_equal(entx_mention_begin(entx_doc_mention(d, 0)), 17);
	assert_int_equal(entx_mention_end(entx_doc_mention(d, 1)), 36); /* longer first */
	assert_int_equal(entx_mention_end(entx_doc_mention(d, 2)), 30);
	entx_doc_free(d);
}

static void disjoint_mentions_untouched(void **state)
{
	entx_doc *d = new_doc();
	add(d, 49, 55, "Place", 0.9, 0);
	add(d, 4, 7, "Organization", 0.9, 0);
	add(d, 17, 22, "Quantity", 0.2, 0);
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	assert_int_equal(entx_doc_n_mentions(d), 3);
	assert_int_equal(entx_mention_begin(entx_doc_mention(d, 0)), 4);
	assert_int_equal(entx_mention_begin(entx_doc_mention(d, 2)), 49);
	entx_doc_free(d);
}

/* Many candidates: the merge must stay fast and keep a consistent result
 * (no two kept mentions of one category overlap, no two cross). */
static void many_candidates_consistent(void **state)
{
	GString *text = g_string_new(NULL);
	for (int i = 0; i < 20000; i++)
		g_string_append(text, "word ");
	entx_doc *d = entx_doc_new("big", text->str, text->len);
	const char *cats[] = {"Person", "Place", "Organization"};
	guint32 seed = 12345;
	for (int i = 0; i < 60000; i++) {
		seed = seed * 1103515245u + 12345u;
		size_t b = (seed >> 8) % (text->len - 40);
		size_t len = 1 + (seed >> 3) % 30;
		add(d, b, b + len, cats[seed % 3], (seed % 10) / 10.0, (int)(seed % 4));
	}
	entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
	size_t n = entx_doc_n_mentions(d);
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++) {
		const entx_mention *x = entx_doc_mention(d, i);
		for (size_t j = i + 1; j < n; j++) {
			const entx_mention *y = entx_doc_mention(d, j);
			if (entx_mention_begin(y) >= entx_mention_end(x))
				break;
			gboolean same = strcmp(entx_mention_category(x), entx_mention_category(y)) == 0;
			assert_false(same); /* same category never overlaps */
			gboolean nested = entx_mention_end(y) <= entx_mention_end(x);
			gboolean identical = entx_mention_begin(x) == entx_mention_begin(y) &&
			                     entx_mention_end(x) == entx_mention_end(y);
			assert_true(nested && !identical);
		}
	}
	entx_doc_free(d);
	g_string_free(text, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_category_longer_wins),
		cmocka_unit_test(same_category_equal_length_confidence),
		cmocka_unit_test(nested_other_category_kept),
		cmocka_unit_test(crossing_confidence_then_length_then_priority),
		cmocka_unit_test(mention_priority_overrides_plugin_priority),
		cmocka_unit_test(identical_span_is_a_crossing),
		cmocka_unit_test(duplicates_from_two_plugins_collapse),
		cmocka_unit_test(overlaps_all_keeps_everything_sorted),
		cmocka_unit_test(disjoint_mentions_untouched),
		cmocka_unit_test(many_candidates_consistent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
