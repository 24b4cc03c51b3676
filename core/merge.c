/*
 * Merging candidate mentions. Two passes, each a greedy selection in
 * order of strength with balanced trees for the conflict checks, so that
 * a document with a million candidates merges in O(n log n):
 *   1. per category, overlapping mentions: longer first;
 *   2. across categories, crossing or identical spans: more confident first.
 * Nesting across categories is never a conflict. A mention that loses in
 * pass 1 is not reconsidered if its winner loses in pass 2.
 */
#include "merge.h"

#include <string.h>

#include "doc_private.h"

static gint by_begin(gconstpointer a, gconstpointer b)
{
	const entx_mention *x = a, *y = b;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static gint by_end(gconstpointer a, gconstpointer b)
{
	const entx_mention *x = a, *y = b;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_num(double a, double b)
{
	return a < b ? -1 : a > b;
}

/* Pass 1 order: longer, more confident, earlier, higher priority. */
static gint stronger_same_category(gconstpointer a, gconstpointer b)
{
	const entx_mention *x = *(const entx_mention *const *)a;
	const entx_mention *y = *(const entx_mention *const *)b;
	int c = strcmp(x->category, y->category);
	if (c != 0)
		return c;
	if (x->end - x->begin != y->end - y->begin)
		return x->end - x->begin > y->end - y->begin ? -1 : 1;
	if ((c = cmp_num(y->confidence, x->confidence)) != 0)
		return c;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Pass 2 order: more confident, longer, higher priority, earlier. */
static gint stronger_any_category(gconstpointer a, gconstpointer b)
{
	const entx_mention *x = *(const entx_mention *const *)a;
	const entx_mention *y = *(const entx_mention *const *)b;
	int c = cmp_num(y->confidence, x->confidence);
	if (c != 0)
		return c;
	if (x->end - x->begin != y->end - y->begin)
		return x->end - x->begin > y->end - y->begin ? -1 : 1;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Accepted mentions of one category never overlap, so only the one with
 * the greatest begin before m->end can overlap m. */
static gboolean overlaps_accepted(GTree *accepted, const entx_mention *m)
{
	entx_mention probe = {.begin = m->end, .end = 0, .seq = 0};
	GTreeNode *n = g_tree_lower_bound(accepted, &probe);
	n = n != NULL ? g_tree_node_previous(n) : g_tree_node_last(accepted);
	if (n == NULL)
		return FALSE;
	const entx_mention *y = g_tree_node_key(n);
	return y->end > m->begin;
}

/* Accepted mentions form a laminar family (any two nested or disjoint),
 * so a crossing one must start or end strictly inside m. */
static gboolean crosses_accepted(GTree *by_b, GTree *by_e, const entx_mention *m)
{
	entx_mention probe = {.begin = m->begin, .end = 0, .seq = 0};
	for (GTreeNode *n = g_tree_lower_bound(by_b, &probe); n != NULL; n = g_tree_node_next(n)) {
		const entx_mention *y = g_tree_node_key(n);
		if (y->begin >= m->end)
			break;
		if (y->begin == m->begin && y->end == m->end)
			return TRUE; /* same span, other category */
		if (y->begin > m->begin && y->end > m->end)
			return TRUE; /* starts inside, ends outside */
	}
	entx_mention probe_e = {.begin = 0, .end = m->begin + 1, .seq = 0};
	for (GTreeNode *n = g_tree_lower_bound(by_e, &probe_e); n != NULL; n = g_tree_node_next(n)) {
		const entx_mention *y = g_tree_node_key(n);
		if (y->end >= m->end)
			break;
		if (y->begin < m->begin)
			return TRUE; /* starts outside, ends inside */
	}
	return FALSE;
}

static void select_same_category(GPtrArray *cands, GPtrArray *out)
{
	g_ptr_array_sort(cands, stronger_same_category);
	GTree *accepted = NULL;
	const char *category = NULL;
	for (size_t i = 0; i < cands->len; i++) {
		entx_mention *m = g_ptr_array_index(cands, i);
		if (category == NULL || strcmp(category, m->category) != 0) {
			if (accepted != NULL)
				g_tree_destroy(accepted);
			accepted = g_tree_new(by_begin);
			category = m->category;
		}
		if (overlaps_accepted(accepted, m))
			continue;
		g_tree_insert(accepted, m, m);
		g_ptr_array_add(out, m);
	}
	if (accepted != NULL)
		g_tree_destroy(accepted);
}

static void select_across_categories(GPtrArray *cands, GPtrArray *out)
{
	g_ptr_array_sort(cands, stronger_any_category);
	GTree *by_b = g_tree_new(by_begin);
	GTree *by_e = g_tree_new(by_end);
	for (size_t i = 0; i < cands->len; i++) {
		entx_mention *m = g_ptr_array_index(cands, i);
		if (crosses_accepted(by_b, by_e, m))
			continue;
		g_tree_insert(by_b, m, m);
		g_tree_insert(by_e, m, m);
		g_ptr_array_add(out, m);
	}
	g_tree_destroy(by_b);
	g_tree_destroy(by_e);
}

void entx_priv_merge(entx_doc *doc, entx_overlaps mode)
{
	if (mode == ENTX_OVERLAPS_MERGE && doc->mentions->len > 1) {
		/* Borrow the pointers; doc->mentions still owns every mention. */
		GPtrArray *all = g_ptr_array_new();
		for (size_t i = 0; i < doc->mentions->len; i++)
			g_ptr_array_add(all, g_ptr_array_index(doc->mentions, i));
		GPtrArray *pass1 = g_ptr_array_new();
		select_same_category(all, pass1);
		GPtrArray *kept = g_ptr_array_new();
		select_across_categories(pass1, kept);

		GHashTable *keep = g_hash_table_new(NULL, NULL);
		for (size_t i = 0; i < kept->len; i++)
			g_hash_table_add(keep, g_ptr_array_index(kept, i));
		/* Drop the losers from the owning array (which frees them). */
		for (size_t i = doc->mentions->len; i-- > 0;)
			if (!g_hash_table_contains(keep, g_ptr_array_index(doc->mentions, i)))
				g_ptr_array_remove_index_fast(doc->mentions, i);
		g_hash_table_destroy(keep);
		g_ptr_array_free(all, TRUE);
		g_ptr_array_free(pass1, TRUE);
		g_ptr_array_free(kept, TRUE);
	}
	entx_priv_doc_sort_mentions(doc);
}
