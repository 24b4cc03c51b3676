/*
 * Mentions and their properties.
 */
#include "decimal.h"
#include "doc_private.h"

#include <math.h>
#include <string.h>

static const char *default_class(const char *category)
{
	static const struct {
		const char *category, *class_iri;
	} defaults[] = {
		{"Person", "schema:Person"},
		{"Organization", "schema:Organization"},
		{"Place", "schema:Place"},
		{"Date", "time:Instant"},
		{"Quantity", "schema:QuantitativeValue"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(defaults); i++)
		if (strcmp(defaults[i].category, category) == 0)
			return defaults[i].class_iri;
	return NULL;
}

static inline const char *intern(entx_doc *doc, const char *s)
{
	return entx_priv_intern(&doc->interner, s);
}

/* The document a mention belongs to is not stored in the mention, so
 * strings set after creation are interned through this back pointer. */
typedef struct {
	entx_mention m;
	entx_doc *doc;
} mention_with_doc;

/*
 * A document's mentions and the strings set on them (values, lexical
 * forms) share blocks: mentions from a block's start up, strings from
 * its end down, doc->block_left bytes free between. A reset frees the
 * blocks but the first and empties block_left, which is all a new start
 * needs.
 */
#define BLOCK_BYTES 8192

static void new_block(entx_doc *doc)
{
	void *block = doc->spare_block != NULL ? doc->spare_block : g_malloc(BLOCK_BYTES);
	doc->spare_block = NULL;
	if (doc->first_block == NULL)
		doc->first_block = block;
	doc->block_next = block;
	g_ptr_array_add(doc->mention_blocks, block);
	doc->block_left = BLOCK_BYTES;
}

void entx_priv_doc_reset_blocks(entx_doc *doc)
{
	GPtrArray *blocks = doc->mention_blocks;
	if (doc->first_block != NULL) {
		/* out of the array, which frees what it holds; a long string's
		 * block of its own may come before it */
		for (guint i = 0; i < blocks->len; i++)
			if (blocks->pdata[i] == doc->first_block)
				blocks->pdata[i] = NULL;
		doc->spare_block = doc->first_block;
		doc->first_block = NULL;
	}
	if (blocks->len > 0)
		g_ptr_array_set_size(blocks, 0);
	doc->block_left = 0;
	doc->block_next = NULL;
}

/* Room for size bytes (a multiple of 8) from the bottom of the document's
 * current block, where mentions go: aligned for them and their properties. */
static inline void *block_bottom(entx_doc *doc, size_t size)
{
	if (doc->block_left < size)
		new_block(doc);
	void *p = doc->block_next;
	doc->block_next = (char *)p + size;
	doc->block_left -= size;
	return p;
}

/* Room for a mention in the document's current block, for the caller to
 * set every field of. */
static mention_with_doc *new_mention(entx_doc *doc)
{
	G_STATIC_ASSERT(sizeof(mention_with_doc) % 8 == 0);
	return block_bottom(doc, sizeof(mention_with_doc));
}

/* A copy of the size bytes at s (its NUL the last of them) that lives as
 * long as the document's mentions. */
static inline __attribute__((always_inline)) const char *copy_bytes(entx_doc *doc, const char *s,
                                                                    size_t size)
{
	char *copy;
	if (size > BLOCK_BYTES / 4) {
		/* Long: a block of its own, the current one kept for the rest. */
		copy = g_malloc(size);
		g_ptr_array_add(doc->mention_blocks, copy);
	} else {
		if (doc->block_left < size)
			new_block(doc);
		doc->block_left -= size;
		copy = (char *)doc->block_next + doc->block_left;
	}
	memcpy(copy, s, size);
	return copy;
}

/* A copy of s that lives as long as the document's mentions. */
static const char *copy_string(entx_doc *doc, const char *s)
{
	return copy_bytes(doc, s, strlen(s) + 1);
}

entx_mention *entx_doc_add_mention(entx_doc *doc, size_t begin, size_t end, const char *category,
                                   const char *class_iri, double confidence)
{
	if (doc == NULL || begin >= end || end > doc->n_cp || category == NULL || *category == '\0')
		return NULL;
	if (class_iri == NULL || *class_iri == '\0')
		class_iri = default_class(category);
	if (class_iri == NULL)
		return NULL;
	if (!(confidence >= 0.0)) /* also catches NaN */
		confidence = 0.0;
	if (confidence > 1.0)
		confidence = 1.0;

	/* The annotator is the core's own string, the same all through an
	 * extract(): interned once, it needs no check per mention. */
	if (G_UNLIKELY(doc->current_annotator_interned == NULL))
		doc->current_annotator_interned =
		    intern(doc, doc->current_annotator != NULL ? doc->current_annotator : "");

	mention_with_doc *md = new_mention(doc);
	entx_mention *m = &md->m;
	md->doc = doc;
	m->begin = begin;
	m->end = end;
	m->category = intern(doc, category);
	m->class_iri = intern(doc, class_iri);
	m->annotator = doc->current_annotator_interned;
	m->value = NULL;
	m->priority = doc->current_priority;
	m->confidence = confidence;
	m->props = NULL;
	m->seq = (uint32_t)doc->n_mentions;
	m->n_props = 0;
	m->kept = FALSE;
	if (G_UNLIKELY(doc->n_mentions == doc->mentions_room)) {
		doc->mentions_room = MAX(2 * doc->mentions_room, 64);
		doc->mentions = g_renew(entx_mention *, doc->mentions, doc->mentions_room);
	}
	doc->mentions[doc->n_mentions++] = m;
	return m;
}

void entx_priv_doc_truncate_mentions(entx_doc *doc, size_t n)
{
	/* The mentions live in doc->mention_blocks; most have no properties,
	 * or keep them in the blocks. */
	for (size_t i = n; i < doc->n_mentions && doc->n_heap_props > 0; i++)
		if (doc->mentions[i]->n_props > ENTX_PROPS_IN_BLOCK) {
			g_free(doc->mentions[i]->props);
			doc->n_heap_props--;
		}
	doc->n_mentions = MIN(n, doc->n_mentions);
}

static entx_doc *doc_of(entx_mention *m)
{
	return ((mention_with_doc *)m)->doc;
}

int entx_mention_set_value(entx_mention *m, const char *value)
{
	if (m == NULL || value == NULL)
		return ENTX_ERR_INVALID;
	m->value = copy_string(doc_of(m), value);
	return ENTX_OK;
}

/*
 * The kinds other than ENTX_PROP_TYPED, each named by the address of its
 * byte here in a property's datatype_or_kind: no datatype IRI is there.
 */
static const char KIND_TAGS[4] = {0};

static inline entx_prop_kind kind_of(const entx_prop *p)
{
	/* As integers: a datatype IRI lies elsewhere, far from KIND_TAGS. */
	uintptr_t tag = (uintptr_t)p->datatype_or_kind - (uintptr_t)KIND_TAGS;
	return tag < G_N_ELEMENTS(KIND_TAGS) ? (entx_prop_kind)tag : ENTX_PROP_TYPED;
}

/* Room for the n-th property (n = m->n_props) of m, a mention of doc: the
 * first three in doc's blocks, then the heap. Inlined: it is asked once a property,
 * and the call cost more than its usual path. */
static inline __attribute__((always_inline)) entx_prop *new_prop(entx_doc *doc, entx_mention *m)
{
	/* The heap holds 2 * 3, then doubles: n_props alone tells the capacity. */
	const size_t here = ENTX_PROPS_IN_BLOCK;
	size_t n = m->n_props;
	if (n == 0) {
		G_STATIC_ASSERT(sizeof(entx_prop) % 8 == 0);
		m->props = block_bottom(doc, here * sizeof(entx_prop));
	} else if (n == here) { /* full: to the heap */
		entx_prop *in_block = m->props;
		m->props = g_new(entx_prop, 2 * n);
		memcpy(m->props, in_block, n * sizeof *m->props);
		doc->n_heap_props++;
	} else if (n > here && n % here == 0 && ((n / here) & (n / here - 1)) == 0) {
		m->props = g_renew(entx_prop, m->props, 2 * n);
	}
	return &m->props[m->n_props++];
}

/* set_prop() of a lexical form whose length, len, the caller knows. */
static inline __attribute__((always_inline)) int
set_prop_len(entx_mention *m, const char *property, entx_prop_kind kind, const char *lexical,
             size_t len, const char *datatype)
{
	if (m == NULL || property == NULL || *property == '\0' || lexical == NULL)
		return ENTX_ERR_INVALID;
	entx_doc *doc = doc_of(m);
	/* Interned, the name is found among the mention's by its pointer. */
	const char *name = intern(doc, property);
	entx_prop *p = NULL;
	for (size_t i = 0; i < m->n_props; i++)
		if (m->props[i].property == name)
			p = &m->props[i];
	if (p == NULL) {
		p = new_prop(doc, m);
		p->property = name;
	}
	p->lexical = copy_bytes(doc, lexical, len + 1);
	p->datatype_or_kind = kind == ENTX_PROP_TYPED ? intern(doc, datatype) : &KIND_TAGS[kind];
	return ENTX_OK;
}

static int set_prop(entx_mention *m, const char *property, entx_prop_kind kind,
                    const char *lexical, const char *datatype)
{
	if (lexical == NULL)
		return ENTX_ERR_INVALID;
	return set_prop_len(m, property, kind, lexical, strlen(lexical), datatype);
}

int entx_mention_set_string(entx_mention *m, const char *property, const char *value)
{
	return set_prop(m, property, ENTX_PROP_STRING, value, NULL);
}

int entx_mention_set_typed(entx_mention *m, const char *property, const char *lexical,
                           const char *datatype)
{
	if (datatype == NULL || *datatype == '\0')
		return ENTX_ERR_INVALID;
	return set_prop(m, property, ENTX_PROP_TYPED, lexical, datatype);
}

int entx_mention_set_number(entx_mention *m, const char *property, double value)
{
	if (!isfinite(value))
		return ENTX_ERR_INVALID;
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	/* Integral values print without a fraction or exponent, so JSON
	 * readers see 1500000, not 1.5e6. */
	G_STATIC_ASSERT(sizeof buf >= ENTX_DECIMAL_MAX);
	size_t len;
	/* Integral when the truncation changes nothing: floor() without the
	 * call, for |value| < 1e18 (which the conversion needs). */
	if (fabs(value) < 1e18 && (double)(int64_t)value == value)
		len = entx_priv_decimal(buf, (int64_t)value, 1);
	else if ((len = entx_priv_short_decimal(buf, value)) == 0)
		len = entx_priv_real(buf, value);
	return set_prop_len(m, property, ENTX_PROP_NUMBER, buf, len, NULL);
}

int entx_mention_set_iri(entx_mention *m, const char *property, const char *iri)
{
	if (iri == NULL || *iri == '\0')
		return ENTX_ERR_INVALID;
	return set_prop(m, property, ENTX_PROP_IRI, iri, NULL);
}

int entx_mention_set_priority(entx_mention *m, int priority)
{
	if (m == NULL)
		return ENTX_ERR_INVALID;
	m->priority = priority;
	return ENTX_OK;
}

size_t entx_mention_begin(const entx_mention *m)
{
	return m->begin;
}

size_t entx_mention_end(const entx_mention *m)
{
	return m->end;
}

const char *entx_mention_category(const entx_mention *m)
{
	return m->category;
}

const char *entx_mention_class(const entx_mention *m)
{
	return m->class_iri;
}

double entx_mention_confidence(const entx_mention *m)
{
	return m->confidence;
}

const char *entx_mention_annotator(const entx_mention *m)
{
	return m->annotator;
}

const char *entx_mention_value(const entx_mention *m)
{
	return m->value;
}

size_t entx_mention_n_properties(const entx_mention *m)
{
	return m->n_props;
}

int entx_mention_property(const entx_mention *m, size_t i, const char **property,
                          entx_prop_kind *kind, const char **lexical, const char **datatype)
{
	if (m == NULL || i >= m->n_props)
		return ENTX_ERR_INVALID;
	const entx_prop *p = &m->props[i];
	if (property != NULL)
		*property = p->property;
	if (kind != NULL)
		*kind = kind_of(p);
	if (lexical != NULL)
		*lexical = p->lexical;
	if (datatype != NULL)
		*datatype = kind_of(p) == ENTX_PROP_TYPED ? p->datatype_or_kind : NULL;
	return ENTX_OK;
}

size_t entx_doc_n_mentions(const entx_doc *doc)
{
	return doc->n_mentions;
}

const entx_mention *entx_doc_mention(const entx_doc *doc, size_t i)
{
	if (i >= doc->n_mentions)
		return NULL;
	return doc->mentions[i];
}

/* The order of entx_priv_doc_sort_mentions(): a total one (seq differs). */
static inline gboolean before(const entx_mention *x, const entx_mention *y)
{
	if (x->begin != y->begin)
		return x->begin < y->begin;
	if (x->end != y->end)
		return x->end > y->end;
	return x->seq < y->seq;
}

/* The end of the ascending run of a[0, n) that starts at i. */
static size_t run_end(entx_mention *const *a, size_t n, size_t i)
{
	while (i + 1 < n && before(a[i], a[i + 1]))
		i++;
	return i + 1;
}

/*
 * Each plugin adds its mentions in text order, so a document's mentions
 * come as a few ascending runs: merging neighbouring runs until one is
 * left costs n log(runs) comparisons, not n log n. The runs are found
 * once; each pass merges pairs of them into runs whose ends it records.
 */
void entx_priv_doc_sort_mentions(entx_doc *doc)
{
	size_t n = doc->n_mentions;
	entx_mention **a = doc->mentions;
	size_t first_end = n < 2 ? n : run_end(a, n, 0);
	if (first_end == n)
		return;
	entx_mention *stack_buf[128];
	entx_mention **tmp = n <= G_N_ELEMENTS(stack_buf) ? stack_buf : g_new(entx_mention *, n);
	size_t stack_ends[G_N_ELEMENTS(stack_buf)];
	size_t *ends = n <= G_N_ELEMENTS(stack_ends) ? stack_ends : g_new(size_t, n);
	size_t runs = 0;
	for (size_t i = first_end;; i = run_end(a, n, i)) {
		ends[runs++] = i;
		if (i == n)
			break;
	}
	entx_mention **src = a, **dst = tmp;
	while (runs > 1) {
		size_t merged = 0, start = 0;
		for (size_t r = 0; r < runs; r += 2) {
			size_t mid = ends[r], end = r + 1 < runs ? ends[r + 1] : mid;
			size_t l = start, rr = mid, w = start;
			while (l < mid && rr < end)
				dst[w++] = before(src[rr], src[l]) ? src[rr++] : src[l++];
			while (l < mid)
				dst[w++] = src[l++];
			while (rr < end)
				dst[w++] = src[rr++];
			ends[merged++] = end;
			start = end;
		}
		runs = merged;
		entx_mention **t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof *a);
	if (tmp != stack_buf)
		g_free(tmp);
	if (ends != stack_ends)
		g_free(ends);
}
