/*
 * Merging candidate mentions. Two passes, each a greedy selection in
 * order of strength with ordered sets for the conflict checks (balanced
 * trees for large documents, so that a document with a million
 * candidates merges in O(n log n)):
 *   1. per category, overlapping mentions: longer first;
 *   2. across categories, crossing or identical spans: more confident first.
 * Nesting across categories is never a conflict. A mention that loses in
 * pass 1 is not reconsidered if its winner loses in pass 2.
 */
#include "merge.h"

#include <stdlib.h>
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
	/* Interned per document: equal names are one pointer. */
	int c = x->category == y->category ? 0 : strcmp(x->category, y->category);
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

/*
 * A set of accepted mentions in one order (by_begin or by_end): a sorted
 * array for documents with few candidates, which is nearly all of them
 * and where a tree's allocations cost more than the whole merge should,
 * and a balanced tree above SMALL_MERGE candidates, where inserting into
 * an array would make a hostile document quadratic.
 */
#define SMALL_MERGE 512

/* A cluster this small (nearly all: two or three mentions) is merged in
 * arrays on the stack; allocating them cost more than the merge. */
#define STACK_CLUSTER 16

typedef struct {
	GCompareFunc cmp;
	GTree *tree;            /* large documents */
	entx_mention **items;   /* small documents: sorted by cmp, room for all candidates */
	size_t len;
	entx_mention **heap;    /* items when allocated here */
} mset;

/* A position in an mset; NULL node / i == len past the end. */
typedef struct {
	const mset *s;
	GTreeNode *node;
	size_t i;
} mset_pos;

/* stack: room for STACK_CLUSTER items, used when n_candidates fit there. */
static void mset_init(mset *s, GCompareFunc cmp, size_t n_candidates, entx_mention **stack)
{
	s->cmp = cmp;
	s->tree = n_candidates > SMALL_MERGE ? g_tree_new(cmp) : NULL;
	s->heap = NULL;
	s->len = 0;
	if (n_candidates <= STACK_CLUSTER)
		s->items = stack;
	else if (s->tree == NULL)
		s->items = s->heap = g_new(entx_mention *, n_candidates);
}

static void mset_clear(mset *s)
{
	if (s->tree != NULL)
		g_tree_destroy(s->tree);
	g_free(s->heap);
}

/* The index of the first element not less than probe. */
static size_t array_lower_bound(const mset *s, const entx_mention *probe)
{
	size_t lo = 0, hi = s->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->cmp(s->items[mid], probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void mset_insert(mset *s, entx_mention *m)
{
	if (s->tree != NULL) {
		g_tree_insert(s->tree, m, m);
		return;
	}
	size_t i = array_lower_bound(s, m);
	memmove(s->items + i + 1, s->items + i, (s->len - i) * sizeof *s->items);
	s->items[i] = m;
	s->len++;
}

/* The first element not less than probe. */
static mset_pos mset_lower_bound(const mset *s, const entx_mention *probe)
{
	mset_pos p = {.s = s};
	if (s->tree != NULL)
		p.node = g_tree_lower_bound(s->tree, probe);
	else
		p.i = array_lower_bound(s, probe);
	return p;
}

/* The element at p, or NULL past the end. */
static const entx_mention *mset_at(const mset_pos *p)
{
	if (p->s->tree != NULL)
		return p->node != NULL ? g_tree_node_key(p->node) : NULL;
	return p->i < p->s->len ? p->s->items[p->i] : NULL;
}

static void mset_next(mset_pos *p)
{
	if (p->s->tree != NULL)
		p->node = g_tree_node_next(p->node);
	else
		p->i++;
}

/* The element before p (the last one when p is past the end), or NULL. */
static const entx_mention *mset_before(const mset_pos *p)
{
	if (p->s->tree != NULL) {
		GTreeNode *n = p->node != NULL ? g_tree_node_previous(p->node)
		                               : g_tree_node_last(p->s->tree);
		return n != NULL ? g_tree_node_key(n) : NULL;
	}
	return p->i > 0 ? p->s->items[p->i - 1] : NULL;
}

/* Accepted mentions of one category never overlap, so only the one with
 * the greatest begin before m->end can overlap m. */
static gboolean overlaps_accepted(const mset *accepted, const entx_mention *m)
{
	entx_mention probe = {.begin = m->end, .end = 0, .seq = 0};
	mset_pos p = mset_lower_bound(accepted, &probe);
	const entx_mention *y = mset_before(&p);
	return y != NULL && y->end > m->begin;
}

/* Accepted mentions form a laminar family (any two nested or disjoint),
 * so a crossing one must start or end strictly inside m. */
static gboolean crosses_accepted(const mset *by_b, const mset *by_e, const entx_mention *m)
{
	entx_mention probe = {.begin = m->begin, .end = 0, .seq = 0};
	const entx_mention *y;
	for (mset_pos p = mset_lower_bound(by_b, &probe); (y = mset_at(&p)) != NULL; mset_next(&p)) {
		if (y->begin >= m->end)
			break;
		if (y->begin == m->begin && y->end == m->end)
			return TRUE; /* same span, other category */
		if (y->begin > m->begin && y->end > m->end)
			return TRUE; /* starts inside, ends outside */
	}
	entx_mention probe_e = {.begin = 0, .end = m->begin + 1, .seq = 0};
	for (mset_pos p = mset_lower_bound(by_e, &probe_e); (y = mset_at(&p)) != NULL; mset_next(&p)) {
		if (y->end >= m->end)
			break;
		if (y->begin < m->begin)
			return TRUE; /* starts outside, ends inside */
	}
	return FALSE;
}

/* Sorts the n mentions at a by cmp, a total order (seq differs), so that
 * any algorithm gives the one result: insertion for the usual few. */
static void sort_mentions(entx_mention **a, size_t n, GCompareFunc cmp)
{
	if (n > STACK_CLUSTER) {
		qsort(a, n, sizeof *a, cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		entx_mention *m = a[i];
		size_t j = i;
		for (; j > 0 && cmp(&a[j - 1], &m) > 0; j--)
			a[j] = a[j - 1];
		a[j] = m;
	}
}

/* Pass 1 over cands[0, n): sorts them and writes the survivors to out;
 * returns their count. */
static size_t select_same_category(entx_mention **cands, size_t n, entx_mention **out)
{
	sort_mentions(cands, n, stronger_same_category);
	entx_mention *stack[STACK_CLUSTER];
	mset accepted = {0};
	const char *category = NULL;
	size_t n_out = 0;
	for (size_t i = 0; i < n; i++) {
		entx_mention *m = cands[i];
		/* Interned categories: one pointer per name. */
		if (category != m->category) {
			if (category != NULL)
				mset_clear(&accepted);
			mset_init(&accepted, by_begin, n, stack);
			category = m->category;
		}
		if (overlaps_accepted(&accepted, m))
			continue;
		mset_insert(&accepted, m);
		out[n_out++] = m;
	}
	if (category != NULL)
		mset_clear(&accepted);
	return n_out;
}

/* Pass 2 over cands[0, n), marking the survivors kept. */
static void select_across_categories(entx_mention **cands, size_t n)
{
	sort_mentions(cands, n, stronger_any_category);
	entx_mention *stack_b[STACK_CLUSTER], *stack_e[STACK_CLUSTER];
	mset by_b, by_e;
	mset_init(&by_b, by_begin, n, stack_b);
	mset_init(&by_e, by_end, n, stack_e);
	for (size_t i = 0; i < n; i++) {
		entx_mention *m = cands[i];
		if (crosses_accepted(&by_b, &by_e, m))
			continue;
		mset_insert(&by_b, m);
		mset_insert(&by_e, m);
		m->kept = TRUE;
	}
	mset_clear(&by_b);
	mset_clear(&by_e);
}

/* Merges one cluster of transitively overlapping candidates, marking the
 * survivors kept. */
static void merge_cluster(entx_mention *const *ms, size_t n)
{
	entx_mention *stack[2 * STACK_CLUSTER];
	entx_mention **all = n <= STACK_CLUSTER ? stack : g_new(entx_mention *, 2 * n);
	entx_mention **pass1 = all + n;
	memcpy(all, ms, n * sizeof *ms);
	select_across_categories(pass1, select_same_category(all, n, pass1));
	if (all != stack)
		g_free(all);
}

/*
 * Both passes only ever weigh mentions that overlap, so each cluster of
 * transitively overlapping candidates is merged on its own, with the
 * same result as merging the whole document at once. In news text
 * nearly every mention is a cluster of one, kept without further work.
 */
void entx_priv_merge(entx_doc *doc, entx_overlaps mode)
{
	entx_priv_doc_sort_mentions(doc);
	if (mode != ENTX_OVERLAPS_MERGE || doc->n_mentions < 2)
		return;
	entx_mention **ms = doc->mentions;
	size_t n = doc->n_mentions;
	/* The survivors are moved to the front in order as each cluster is
	 * done, in the one pass over the mentions, the dropped ones swapped
	 * behind them for the truncation to free. */
	size_t w = 0;
	for (size_t i = 0, j; i < n; i = j) {
		size_t end = ms[i]->end;
		for (j = i + 1; j < n && ms[j]->begin < end; j++)
			end = MAX(end, ms[j]->end);
		if (j - i == 1) {
			entx_mention *m = ms[i];
			m->kept = TRUE;
			ms[i] = ms[w];
			ms[w++] = m;
			continue;
		}
		for (size_t k = i; k < j; k++)
			ms[k]->kept = FALSE;
		merge_cluster(ms + i, j - i);
		for (size_t k = i; k < j; k++) {
			if (!ms[k]->kept)
				continue;
			entx_mention *m = ms[k];
			ms[k] = ms[w];
			ms[w++] = m;
		}
	}
	entx_priv_doc_truncate_mentions(doc, w);
}
