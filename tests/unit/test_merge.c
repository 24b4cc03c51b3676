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

/*
 * The order by begin, then longer first, then insertion order, whatever
 * runs the mentions arrive in: sizes around the sort's stack buffer
 * (128), mentions in ascending runs as plugins add them, and at random.
 */
static void sorted_whatever_the_runs(void **state)
{
	static const size_t sizes[] = {2, 3, 7, 64, 127, 128, 129, 300};
	GRand *rng = g_rand_new_with_seed(7);
	for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++)
		for (int shape = 0; shape < 3; shape++) {
			entx_doc *d = new_doc();
			size_t n = sizes[s], len = entx_doc_length(d);
			for (size_t i = 0; i < n; i++) {
				size_t r = (size_t)g_rand_int_range(rng, 0, (gint32)len - 2);
				/* runs going up, one long run going down, random */
				size_t b = shape == 0 ? (i * 7) % (len - 2)
				           : shape == 1 ? len - 2 - i % (len - 2)
				                        : r;
				size_t e = b + 1 + (size_t)g_rand_int_range(rng, 0, 2);
				add(d, b, e, "Quantity", 0.5, 0);
			}
			entx_priv_merge(d, ENTX_OVERLAPS_ALL);
			assert_int_equal(entx_doc_n_mentions(d), n);
			for (size_t i = 1; i < n; i++) {
				const entx_mention *x = entx_doc_mention(d, i - 1);
				const entx_mention *y = entx_doc_mention(d, i);
				gboolean ordered =
				    x->begin < y->begin ||
				    (x->begin == y->begin &&
				     (x->end > y->end || (x->end == y->end && x->seq < y->seq)));
				if (!ordered)
					fail_msg("n=%zu shape %d: %zu out of order", n, shape, i);
			}
			entx_doc_free(d);
		}
	g_rand_free(rng);
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

/* The policy as engine.h states it, by brute force: the oracle below. */
static int oracle_same_category(const entx_mention *x, const entx_mention *y)
{
	if (x->end - x->begin != y->end - y->begin)
		return x->end - x->begin > y->end - y->begin ? -1 : 1;
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return x->seq < y->seq ? -1 : 1;
}

static int oracle_any_category(const entx_mention *x, const entx_mention *y)
{
	if (x->confidence != y->confidence)
		return x->confidence > y->confidence ? -1 : 1;
	if (x->end - x->begin != y->end - y->begin)
		return x->end - x->begin > y->end - y->begin ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	return x->seq < y->seq ? -1 : 1;
}

static gboolean overlap(const entx_mention *x, const entx_mention *y)
{
	return x->begin < y->end && y->begin < x->end;
}

static gboolean crossing(const entx_mention *x, const entx_mention *y)
{
	gboolean nested = (x->begin <= y->begin && y->end <= x->end) ||
	                  (y->begin <= x->begin && x->end <= y->end);
	gboolean identical = x->begin == y->begin && x->end == y->end;
	return overlap(x, y) && (!nested || identical);
}

/* Selection sort by cmp, then greedy acceptance: quadratic, obviously so. */
static GPtrArray *oracle_pass(GPtrArray *in, int (*cmp)(const entx_mention *, const entx_mention *),
                              gboolean same_category)
{
	GPtrArray *order = g_ptr_array_new();
	for (size_t i = 0; i < in->len; i++)
		g_ptr_array_add(order, in->pdata[i]);
	for (size_t i = 0; i < order->len; i++)
		for (size_t j = i + 1; j < order->len; j++)
			if (cmp(order->pdata[j], order->pdata[i]) < 0) {
				gpointer t = order->pdata[i];
				order->pdata[i] = order->pdata[j];
				order->pdata[j] = t;
			}
	GPtrArray *out = g_ptr_array_new();
	for (size_t i = 0; i < order->len; i++) {
		const entx_mention *m = order->pdata[i];
		gboolean ok = TRUE;
		for (size_t k = 0; k < out->len && ok; k++) {
			const entx_mention *a = out->pdata[k];
			ok = same_category ? !(strcmp(a->category, m->category) == 0 && overlap(a, m))
			                   : !crossing(a, m);
		}
		if (ok)
			g_ptr_array_add(out, order->pdata[i]);
	}
	g_ptr_array_free(order, TRUE);
	return out;
}

/*
 * The merge, done cluster by cluster with arrays or trees, keeps exactly
 * the mentions the plain quadratic reading of the policy keeps, for
 * sparse documents (many small clusters) and dense ones (clusters of
 * more than a thousand candidates, which take the tree path).
 */
static void merge_matches_policy_oracle(void **state)
{
	GString *text = g_string_new(NULL);
	for (int i = 0; i < 2000; i++)
		g_string_append(text, "word ");
	const char *cats[] = {"Person", "Place", "Organization"};
	const size_t spans[] = {9000, 600};
	guint32 seed = 777;
	for (size_t s = 0; s < G_N_ELEMENTS(spans); s++) {
		entx_doc *d = entx_doc_new("oracle", text->str, text->len);
		for (int i = 0; i < 1500; i++) {
			seed = seed * 1103515245u + 12345u;
			size_t b = (seed >> 8) % spans[s];
			size_t len = 1 + (seed >> 3) % 25;
			add(d, b, b + len, cats[seed % 3], (seed % 5) / 5.0, (int)(seed % 3));
		}
		GPtrArray *added = g_ptr_array_new();
		for (size_t i = 0; i < entx_doc_n_mentions(d); i++)
			g_ptr_array_add(added, (gpointer)entx_doc_mention(d, i));
		GPtrArray *pass1 = oracle_pass(added, oracle_same_category, TRUE);
		g_ptr_array_free(added, TRUE);
		GPtrArray *want = oracle_pass(pass1, oracle_any_category, FALSE);
		GHashTable *expected = g_hash_table_new(NULL, NULL);
		for (size_t i = 0; i < want->len; i++)
			g_hash_table_add(expected, want->pdata[i]);
		entx_priv_merge(d, ENTX_OVERLAPS_MERGE);
		assert_int_equal(entx_doc_n_mentions(d), want->len);
		for (size_t i = 0; i < entx_doc_n_mentions(d); i++)
			assert_true(g_hash_table_contains(expected, entx_doc_mention(d, i)));
		g_hash_table_destroy(expected);
		g_ptr_array_free(pass1, TRUE);
		g_ptr_array_free(want, TRUE);
		entx_doc_free(d);
	}
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
		cmocka_unit_test(sorted_whatever_the_runs),
		cmocka_unit_test(disjoint_mentions_untouched),
		cmocka_unit_test(many_candidates_consistent),
		cmocka_unit_test(merge_matches_policy_oracle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
