/*
 * Gazetteers: phrase lists keyed by token fold hashes.
 *
 * Every prefix of every phrase is a node in one open-addressing table,
 * keyed by the combined hash of its tokens (entx_hash_fold_combine), so
 * a lookup is one probe per token and never builds strings. A node says
 * whether longer phrases go on from it and, when a phrase ends there,
 * which term holds its payloads.
 *
 * A term keeps the case-insensitive payloads in one list and, per exact
 * spelling added case-sensitively, a variant with that spelling's own
 * payloads and a merged list (its payloads plus the insensitive ones),
 * so a match can hand out one contiguous array whatever the case.
 * Lists live in one shared uint32 pool; a list that outgrows its slot
 * moves to the end of the pool, which wastes at most the space of lists
 * that grew, and a million single-payload phrases cost a few MB.
 *
 * Curly apostrophes (U+2019, U+02BC) count as straight ones here, so
 * "Côte d'Ivoire" in a list matches "Côte d’Ivoire" in a story.
 */
#include <stddef.h>
#include <string.h>

#include <entx/gazetteer.h>

#include "doc_private.h"
#include "hash.h"
#include "tokenize.h"
#include "utf8.h"

#define NODE_PREFIX 0x80000000u /* a longer phrase goes on from here */
#define NODE_FIRST 0x40000000u /* the first token of some phrase */
#define NODE_SINGLE 0x20000000u /* the term's one payload is slot.single */
#define NODE_NEXT 0x10000000u /* a second or later token of some phrase */
#define NODE_TERM_MASK 0x0FFFFFFFu /* term index + 1, 0 for none */
/*
 * Tables of at least this many slots (16 bytes each: 4 MB) outgrow the
 * processor's caches, and a lookup then waits on memory for nearly every
 * token. They get a filter of the first tokens' hashes, 4 bits per slot
 * (at the load limit of 0.7, at most a sixth of them set), which turns
 * away five in six tokens that start no phrase before they touch the
 * table. Smaller tables, the built-in lexicons, are cheaper without it:
 * most tokens of a text start one of their phrases.
 */
#define FILTER_MIN_SLOTS (1u << 18)
#define FILTER_BITS_PER_SLOT 4u
#define MIN_SLOTS 1024u
/*
 * A probe runs on past the last of the n_slots slots into this many more
 * instead of wrapping round, and the very last slot is never filled, so
 * a lookup's loop has one test less a step: has it reached the key, or
 * an empty slot. A run of keys that would fill it grows the table.
 */
#define PROBE_PAD 64u
/*
 * Every table gets a filter of the phrases' later tokens (NODE_NEXT keys),
 * two bits each in 16 bits per key: a lookup that goes on past a prefix
 * ("New" of "New York") is nearly always turned away there, in a few
 * kilobytes that stay in cache, instead of by a probe into the table.
 * It holds a key's value before the finalizer (entx_priv_hash_mix_in),
 * so the turned-away lookups, most of those that get past the first
 * token, never pay for the finalizer; a rebuild gets that value back
 * from the key by undoing the finalizer (unfinish).
 */
#define NEXT_BITS_PER_KEY 16u
#define NEXT_MIN_BITS 4096u

struct list {
	uint32_t off;
	uint32_t n;
	uint32_t cap;
};

struct term {
	struct list any;  /* case-insensitive payloads */
	uint32_t variant; /* first variant index + 1, 0 for none */
};

struct variant {
	uint64_t exact; /* hash of the exact spelling */
	struct list own; /* its case-sensitive payloads */
	struct list all; /* own plus the term's insensitive payloads */
	uint32_t next;  /* next variant index + 1, 0 for none */
};

/*
 * Key and value side by side: a probe touches one cache line. Most terms
 * have one payload and no case variants; that payload also sits in the
 * slot (NODE_SINGLE), so their match reads nothing else.
 */
struct slot {
	uint64_t key;
	uint32_t val; /* NODE_PREFIX | NODE_FIRST | NODE_SINGLE | term index + 1 */
	uint32_t single; /* the payload, with NODE_SINGLE */
};

struct keyfilter {
	uint64_t *words; /* NULL: not built, every key may be there */
	size_t mask;     /* bits - 1 */
};

struct entx_gazetteer {
	struct slot *slots; /* key 0: empty (combined hashes are never 0) */
	size_t n_slots; /* a power of two; slots holds PROBE_PAD more */
	size_t n_used;
	struct keyfilter first; /* NODE_FIRST keys, 1 bit; none below FILTER_MIN_SLOTS */
	struct keyfilter next;  /* NODE_NEXT keys, 2 bits; NEXT_MIN_BITS or more */
	size_t n_next;          /* NODE_NEXT keys */
	/* Terms and the pool grow by doubling, as a GArray would, without a
	 * library call for each of the entries a list adds. */
	struct term *terms;
	uint32_t n_terms, terms_cap;
	GArray *variants; /* struct variant */
	uint32_t *pool;
	uint32_t pool_len, pool_cap;
	size_t n_entries;
	GArray *scratch; /* entx_token, for tokenizing phrases */
};

/* The length of the curly apostrophe at p (n bytes left), 0 when there is none. */
static inline size_t curly_at(const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
		return 3;
	if (n >= 2 && p[0] == 0xCA && p[1] == 0xBC)
		return 2;
	return 0;
}

/* The key of one token. entx_hash_fold already makes curly apostrophes
 * straight, so the tokenizer's hash serves as it is. */
static inline uint64_t token_key(const char *text, const entx_token *tok)
{
	(void)text;
	return tok->fold_hash;
}

/*
 * The key of a phrase's first token: its fold hash, with the high half
 * folded into the low one, which indexes the table (FNV-1a's low bits
 * hang on the low bits of the text's bytes alone). A bijection, so two
 * tokens share a key only when they share a fold hash, as with a full
 * entx_priv_hash_combine(0, ...), at a fifth of its cost on the step
 * nearly every lookup ends at.
 */
static inline uint64_t first_key(uint64_t fold_hash)
{
	uint64_t key = fold_hash ^ (fold_hash >> 32);
	return key != 0 ? key : 1; /* 0 marks an empty slot */
}

/* The case-preserving counterpart of token_key, for case-sensitive entries. */
static uint64_t token_exact(const char *text, const entx_token *tok)
{
	const unsigned char *p = (const unsigned char *)text + tok->byte_begin;
	size_t n = tok->byte_end - tok->byte_begin;
	uint64_t h = ENTX_PRIV_FNV_OFFSET;

	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) { /* no curly apostrophe starts with an ASCII byte */
			h = entx_priv_fold_ascii(h, p[i++]);
			continue;
		}
		size_t c = curly_at(p + i, n - i);
		h = entx_priv_fold_ascii(h, c != 0 ? '\'' : p[i]);
		i += c != 0 ? c : 1;
	}
	return h;
}

/*
 * A bit filter of node keys, k bits a key (k is 1 or 2, fixed by each
 * caller): it never answers "no" for a key it holds, and answers "maybe"
 * for a few it does not. The table indexes by the low bits of a key; the
 * filters take the high bits, and for a second bit those of a remix.
 */
static inline size_t keyfilter_bit(const struct keyfilter *f, uint64_t key, unsigned j)
{
	uint64_t h = j == 0 ? key : key * UINT64_C(0x9E3779B97F4A7C15);
	return (size_t)(h >> 32) & f->mask;
}

/* TRUE when key may be in f; always TRUE for a filter not built. */
static inline gboolean keyfilter_may_have(const struct keyfilter *f, uint64_t key, unsigned k)
{
	if (f->words == NULL)
		return TRUE;
	for (unsigned j = 0; j < k; j++) {
		size_t bit = keyfilter_bit(f, key, j);
		if (!((f->words[bit / 64] >> (bit % 64)) & 1))
			return FALSE;
	}
	return TRUE;
}

static inline void keyfilter_set(struct keyfilter *f, uint64_t key, unsigned k)
{
	if (f->words == NULL)
		return;
	for (unsigned j = 0; j < k; j++) {
		size_t bit = keyfilter_bit(f, key, j);
		f->words[bit / 64] |= UINT64_C(1) << (bit % 64);
	}
}

/* Sizes f to `bits` (a power of two, 0 for none) and sets the bits of
 * the keys whose node has `flag`. */
static void keyfilter_rebuild(struct keyfilter *f, const entx_gazetteer *g, size_t bits,
                              unsigned k, uint32_t flag)
{
	g_free(f->words);
	f->words = NULL;
	if (bits == 0)
		return;
	f->words = g_new0(uint64_t, bits / 64);
	f->mask = bits - 1;
	for (size_t i = 0; i < g->n_slots + PROBE_PAD; i++)
		if (g->slots[i].key != 0 && (g->slots[i].val & flag))
			keyfilter_set(f, g->slots[i].key, k);
}

/* The first-token filter, sized to the table (none for small tables). */
static void first_rebuild(entx_gazetteer *g)
{
	size_t bits = g->n_slots < FILTER_MIN_SLOTS ? 0 : g->n_slots * FILTER_BITS_PER_SLOT;
	keyfilter_rebuild(&g->first, g, bits, 1, NODE_FIRST);
}

/*
 * The value entx_priv_hash_finish() made key from: its steps undone in
 * reverse, each xorshift by xoring the shifted result back in, each
 * multiplication by the multiplier's inverse modulo 2^64.
 */
static uint64_t unfinish(uint64_t key)
{
	uint64_t x = key;

	x ^= (x >> 31) ^ (x >> 62);
	x *= UINT64_C(0x319642b2d24d8ec3);
	x ^= (x >> 27) ^ (x >> 54);
	x *= UINT64_C(0x96de1b173f119089);
	x ^= (x >> 30) ^ (x >> 60);
	return x;
}

/* The later-token filter, sized to n_next keys. */
static void next_rebuild(entx_gazetteer *g)
{
	size_t bits = NEXT_MIN_BITS;
	while (bits < g->n_next * NEXT_BITS_PER_KEY)
		bits *= 2;
	keyfilter_rebuild(&g->next, g, bits, 2, 0); /* sized, empty */
	for (size_t i = 0; i < g->n_slots + PROBE_PAD; i++) {
		uint64_t key = g->slots[i].key;
		if (key == 0 || !(g->slots[i].val & NODE_NEXT))
			continue;
		keyfilter_set(&g->next, unfinish(key), 2);
		/* the finalizer maps 0 as well as unfinish(1) to 1 */
		if (key == 1)
			keyfilter_set(&g->next, 0, 2);
	}
}

entx_gazetteer *entx_gazetteer_new(void)
{
	entx_gazetteer *g = g_new0(entx_gazetteer, 1);

	g->n_slots = MIN_SLOTS;
	g->slots = g_new0(struct slot, g->n_slots + PROBE_PAD);
	next_rebuild(g);
	g->variants = g_array_new(FALSE, FALSE, sizeof(struct variant));
	g->scratch = g_array_new(FALSE, FALSE, sizeof(entx_token));
	return g;
}

void entx_gazetteer_free(entx_gazetteer *g)
{
	if (g == NULL)
		return;
	g_free(g->slots);
	g_free(g->first.words);
	g_free(g->next.words);
	g_free(g->terms);
	g_array_free(g->variants, TRUE);
	g_free(g->pool);
	g_array_free(g->scratch, TRUE);
	g_free(g);
}

size_t entx_gazetteer_size(const entx_gazetteer *g)
{
	return g != NULL ? g->n_entries : 0;
}

/* The slot holding key, or the empty slot where it would go. */
static inline size_t find_slot(const struct slot *slots, size_t n_slots, uint64_t key)
{
	size_t i = (size_t)key & (n_slots - 1);

	while (slots[i].key != 0 && slots[i].key != key)
		i++;
	return i;
}

/* TRUE when a probe ended at the last slot, which must stay empty. */
static inline gboolean probe_overran(size_t i, size_t n_slots)
{
	return i == n_slots + PROBE_PAD - 1;
}

/* The old slots in a table of twice (or, should a run overrun, more) the size. */
static void grow_table(entx_gazetteer *g)
{
	size_t n_slots = g->n_slots;
	struct slot *slots = NULL;
	size_t i;

	do {
		g_free(slots);
		n_slots *= 2;
		slots = g_new0(struct slot, n_slots + PROBE_PAD);
		for (i = 0; i < g->n_slots + PROBE_PAD; i++) {
			if (g->slots[i].key == 0)
				continue;
			size_t at = find_slot(slots, n_slots, g->slots[i].key);
			if (probe_overran(at, n_slots))
				break;
			slots[at] = g->slots[i];
		}
	} while (i < g->n_slots + PROBE_PAD);
	g_free(g->slots);
	g->slots = slots;
	g->n_slots = n_slots;
	first_rebuild(g);
}

/* The node for key, created empty when absent. */
static uint32_t *node(entx_gazetteer *g, uint64_t key)
{
	/* keep the load under 0.7 so misses, the common lookup, stay short */
	if ((g->n_used + 1) * 10 > g->n_slots * 7)
		grow_table(g);
	size_t i = find_slot(g->slots, g->n_slots, key);
	while (probe_overran(i, g->n_slots)) {
		grow_table(g);
		i = find_slot(g->slots, g->n_slots, key);
	}
	if (g->slots[i].key == 0) {
		g->slots[i].key = key;
		g->slots[i].val = 0;
		g->n_used++;
	}
	return &g->slots[i].val;
}

static inline uint32_t *pool_at(const entx_gazetteer *g, uint32_t off)
{
	return &g->pool[off];
}

/* cap doubled (from 16) until it holds n elements. */
static uint32_t grown_cap(uint32_t cap, uint32_t n)
{
	if (cap == 0)
		cap = 16;
	while (cap < n)
		cap *= 2;
	return cap;
}

/* Makes the pool n long, its new elements unset. */
static void pool_set_len(entx_gazetteer *g, uint32_t n)
{
	if (n > g->pool_cap) {
		g->pool_cap = grown_cap(g->pool_cap, n);
		g->pool = g_renew(uint32_t, g->pool, g->pool_cap);
	}
	g->pool_len = n;
}

static gboolean list_has(const entx_gazetteer *g, const struct list *l, uint32_t value)
{
	if (l->n == 0)
		return FALSE;
	const uint32_t *p = pool_at(g, l->off);
	for (uint32_t i = 0; i < l->n; i++)
		if (p[i] == value)
			return TRUE;
	return FALSE;
}

static void list_append(entx_gazetteer *g, struct list *l, uint32_t value)
{
	if (l->n == l->cap) {
		uint32_t cap = l->cap != 0 ? l->cap * 2 : 1;
		uint32_t end = g->pool_len;
		if (l->cap != 0 && l->off + l->cap == end) {
			/* the last list in the pool grows in place */
			pool_set_len(g, l->off + cap);
		} else {
			pool_set_len(g, end + cap);
			if (l->n != 0)
				memcpy(pool_at(g, end), pool_at(g, l->off), l->n * sizeof(uint32_t));
			l->off = end;
		}
		l->cap = cap;
	}
	*pool_at(g, l->off + l->n++) = value;
}

static inline struct term *term_at(const entx_gazetteer *g, uint32_t index)
{
	return &g->terms[index];
}

static inline struct variant *variant_at(const entx_gazetteer *g, uint32_t index)
{
	return &g_array_index(g->variants, struct variant, index);
}

/* The term at a node, created when the phrase ends there for the first time. */
static uint32_t node_term(entx_gazetteer *g, uint32_t *val)
{
	if ((*val & NODE_TERM_MASK) == 0) {
		if (g->n_terms == g->terms_cap) {
			g->terms_cap = grown_cap(g->terms_cap, g->n_terms + 1);
			g->terms = g_renew(struct term, g->terms, g->terms_cap);
		}
		g->terms[g->n_terms++] = (struct term){{0, 0, 0}, 0};
		*val |= g->n_terms;
	}
	return (*val & NODE_TERM_MASK) - 1;
}

static gboolean add_insensitive(entx_gazetteer *g, uint32_t ti, uint32_t payload)
{
	if (list_has(g, &term_at(g, ti)->any, payload))
		return FALSE;
	list_append(g, &term_at(g, ti)->any, payload);
	for (uint32_t v = term_at(g, ti)->variant; v != 0; v = variant_at(g, v - 1)->next)
		if (!list_has(g, &variant_at(g, v - 1)->all, payload))
			list_append(g, &variant_at(g, v - 1)->all, payload);
	return TRUE;
}

/* The variant of term ti spelled `exact`, created with the insensitive payloads. */
static uint32_t term_variant(entx_gazetteer *g, uint32_t ti, uint64_t exact)
{
	for (uint32_t v = term_at(g, ti)->variant; v != 0; v = variant_at(g, v - 1)->next)
		if (variant_at(g, v - 1)->exact == exact)
			return v - 1;

	struct variant nv = {exact, {0, 0, 0}, {0, 0, 0}, term_at(g, ti)->variant};
	g_array_append_val(g->variants, nv);
	uint32_t vi = g->variants->len - 1;
	term_at(g, ti)->variant = vi + 1;
	struct list any = term_at(g, ti)->any;
	for (uint32_t i = 0; i < any.n; i++)
		list_append(g, &variant_at(g, vi)->all, *pool_at(g, any.off + i));
	return vi;
}

static gboolean add_sensitive(entx_gazetteer *g, uint32_t ti, uint64_t exact, uint32_t payload)
{
	uint32_t vi = term_variant(g, ti, exact);

	if (list_has(g, &variant_at(g, vi)->own, payload))
		return FALSE;
	list_append(g, &variant_at(g, vi)->own, payload);
	if (!list_has(g, &variant_at(g, vi)->all, payload))
		list_append(g, &variant_at(g, vi)->all, payload);
	return TRUE;
}

/* Phrases of at most this many words take the tokenizer's place. */
#define PLAIN_MAX_WORDS 16

/*
 * Cuts a phrase of ASCII letter words between single spaces ("New York")
 * into tokens as the tokenizer does, one a word, with their fold hashes;
 * returns their number, 0 for any other phrase (the tokenizer's to cut).
 * Most entries of a name list are of this shape.
 */
static size_t plain_words(const char *s, size_t n, entx_token *toks)
{
	size_t n_tok = 0;
	size_t begin = 0;
	uint64_t h = ENTX_PRIV_FNV_OFFSET;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c - 'a' < 26u) {
			h = entx_priv_fold_ascii(h, c);
		} else if (c - 'A' < 26u) {
			h = entx_priv_fold_ascii(h, entx_priv_ascii_lower(c));
		} else if (c == ' ' && i > begin && i + 1 < n && n_tok + 1 < PLAIN_MAX_WORDS) {
			toks[n_tok++] =
			    (entx_token){.byte_begin = begin, .byte_end = i, .fold_hash = h};
			begin = i + 1;
			h = ENTX_PRIV_FNV_OFFSET;
		} else {
			return 0;
		}
	}
	if (n == begin)
		return 0;
	toks[n_tok++] = (entx_token){.byte_begin = begin, .byte_end = n, .fold_hash = h};
	return n_tok;
}

int entx_gazetteer_add(entx_gazetteer *g, const char *phrase, gssize len, uint32_t payload,
                       entx_gaz_case case_mode)
{
	if (g == NULL || phrase == NULL ||
	    (case_mode != ENTX_GAZ_CASE_INSENSITIVE && case_mode != ENTX_GAZ_CASE_SENSITIVE))
		return ENTX_ERR_INVALID;
	size_t n = len < 0 ? strlen(phrase) : (size_t)len;
	if (n == 0)
		return ENTX_ERR_INVALID;
	entx_token plain[PLAIN_MAX_WORDS];
	/* ASCII letters and spaces are valid UTF-8: only others need checking. */
	size_t n_tok = plain_words(phrase, n, plain);
	const entx_token *toks = plain;
	if (n_tok == 0) {
		if (!entx_priv_utf8_valid(phrase, n))
			return ENTX_ERR_INVALID;
		g_array_set_size(g->scratch, 0);
		entx_priv_tokenize(phrase, n, g->scratch);
		n_tok = g->scratch->len;
		toks = (const entx_token *)(const void *)g->scratch->data;
	}
	if (n_tok == 0 || g->n_terms >= NODE_TERM_MASK)
		return ENTX_ERR_INVALID;

	uint64_t key = 0;
	uint64_t exact = 0;
	uint32_t *val = NULL;
	for (size_t i = 0; i < n_tok; i++) {
		const entx_token *tok = &toks[i];
		uint64_t mixed = entx_priv_hash_mix_in(key, token_key(phrase, tok));
		key = i == 0 ? first_key(token_key(phrase, tok)) : entx_priv_hash_finish(mixed);
		if (case_mode == ENTX_GAZ_CASE_SENSITIVE)
			exact = entx_priv_hash_combine(exact, token_exact(phrase, tok));
		val = node(g, key);
		if (i == 0) {
			*val |= NODE_FIRST;
			keyfilter_set(&g->first, key, 1);
		} else if (!(*val & NODE_NEXT)) {
			*val |= NODE_NEXT;
			if (++g->n_next * NEXT_BITS_PER_KEY > g->next.mask + 1)
				next_rebuild(g);
			else
				keyfilter_set(&g->next, mixed, 2);
		}
		if (i + 1 < n_tok)
			*val |= NODE_PREFIX;
	}
	/* node() may move the table, but not after the last call */
	uint32_t ti = node_term(g, val);
	gboolean added = case_mode == ENTX_GAZ_CASE_SENSITIVE ? add_sensitive(g, ti, exact, payload)
	                                                      : add_insensitive(g, ti, payload);
	g->n_entries += added;
	struct slot *slot = (struct slot *)(void *)((char *)val - offsetof(struct slot, val));
	const struct term *t = term_at(g, ti);
	*val &= ~NODE_SINGLE;
	if (t->variant == 0 && t->any.n == 1) {
		*val |= NODE_SINGLE;
		slot->single = *pool_at(g, t->any.off);
	}
	return ENTX_OK;
}

/*
 * The payloads of term t's case variant spelled as tokens first..end-1
 * of the doc, or NULL when no variant is spelled so. Out of line: few
 * terms have case variants.
 */
static __attribute__((noinline)) const struct list *
variant_payloads(const entx_gazetteer *g, const struct term *t, const entx_doc *doc, size_t first,
                 size_t end)
{
	uint64_t exact = 0;
	for (size_t i = first; i < end; i++)
		exact = entx_priv_hash_combine(
		    exact, token_exact(doc->text, &g_array_index(doc->tokens, entx_token, i)));
	for (uint32_t v = t->variant; v != 0; v = variant_at(g, v - 1)->next)
		if (variant_at(g, v - 1)->exact == exact)
			return &variant_at(g, v - 1)->all;
	return NULL;
}

/* The slot holding key, NULL when there is none. */
static inline const struct slot *lookup(const entx_gazetteer *g, uint64_t key)
{
	const struct slot *slot = &g->slots[(size_t)key & (g->n_slots - 1)];

	for (; slot->key != key; slot++)
		if (slot->key == 0)
			return NULL;
	return slot;
}

/*
 * Hands out the payloads of the phrase of tokens first..end-1 when one
 * ends at slot (for the doc's spelling); FALSE, and nothing set, when
 * none does. The caller's outputs hold the longest match so far, so a
 * longer one simply overwrites them.
 */
static inline gboolean take(const entx_gazetteer *g, const struct slot *slot, const entx_doc *doc,
                            size_t first, size_t end, const uint32_t **payloads,
                            size_t *n_payloads)
{
	uint32_t val = slot->val;
	const uint32_t *list;
	size_t n;

	if (val & NODE_SINGLE) {
		list = &slot->single;
		n = 1;
	} else if ((val & NODE_TERM_MASK) != 0) {
		const struct term *t = term_at(g, (val & NODE_TERM_MASK) - 1);
		const struct list *l =
		    t->variant != 0 ? variant_payloads(g, t, doc, first, end) : NULL;
		if (l == NULL) {
			if (t->any.n == 0)
				return FALSE;
			l = &t->any;
		}
		list = pool_at(g, l->off);
		n = l->n;
	} else {
		return FALSE;
	}
	if (payloads != NULL)
		*payloads = list;
	if (n_payloads != NULL)
		*n_payloads = n;
	return TRUE;
}

/*
 * The whole lookup, any case: the payloads of the longest phrase from
 * token `first` on, which the caller has set to none.
 */
static __attribute__((noinline)) size_t match_any(const entx_gazetteer *g, const entx_doc *doc,
                                                  size_t first, size_t limit,
                                                  const uint32_t **payloads, size_t *n_payloads)
{
	const entx_token *toks = (const entx_token *)(const void *)doc->tokens->data;
	uint64_t key = first_key(token_key(doc->text, &toks[first]));
	size_t best_len = 0;

	for (size_t i = first;;) {
		const struct slot *slot = lookup(g, key);
		if (slot == NULL)
			break;
		if (take(g, slot, doc, first, i + 1, payloads, n_payloads))
			best_len = i + 1 - first;
		if (!(slot->val & NODE_PREFIX) || ++i >= limit)
			break;
		uint64_t mixed = entx_priv_hash_mix_in(key, token_key(doc->text, &toks[i]));
		if (!keyfilter_may_have(&g->next, mixed, 2))
			break;
		key = entx_priv_hash_finish(mixed);
	}
	return best_len;
}

/*
 * Nearly every lookup misses, or ends at the first token or at the
 * second, which the later-token filter turns away, with no case variant
 * to tell apart: those stay in this short function, which calls nothing
 * and so keeps all in scratch registers. Any other hands over to
 * match_any(), which starts again from the first token.
 */
size_t entx_gazetteer_match(const entx_gazetteer *g, const entx_doc *doc, size_t first,
                            size_t limit, const uint32_t **payloads, size_t *n_payloads)
{
	if (payloads != NULL)
		*payloads = NULL;
	if (n_payloads != NULL)
		*n_payloads = 0;
	if (g == NULL || doc == NULL || g->n_entries == 0)
		return 0;
	if (limit > doc->tokens->len)
		limit = doc->tokens->len;
	if (first >= limit)
		return 0;
	const entx_token *toks = (const entx_token *)(const void *)doc->tokens->data;
	uint64_t key = first_key(token_key(doc->text, &toks[first]));
	if (!keyfilter_may_have(&g->first, key, 1))
		return 0;
	const struct slot *slot = lookup(g, key);
	if (slot == NULL)
		return 0;
	uint32_t val = slot->val;
	const uint32_t *list = NULL;
	size_t n = 0;
	if (val & NODE_SINGLE) {
		list = &slot->single;
		n = 1;
	} else if ((val & NODE_TERM_MASK) != 0) {
		const struct term *t = term_at(g, (val & NODE_TERM_MASK) - 1);
		if (t->variant != 0)
			return match_any(g, doc, first, limit, payloads, n_payloads);
		list = pool_at(g, t->any.off);
		n = t->any.n;
	}
	if (val & NODE_PREFIX && first + 1 < limit) {
		uint64_t mixed = entx_priv_hash_mix_in(key, token_key(doc->text, &toks[first + 1]));
		if (keyfilter_may_have(&g->next, mixed, 2))
			return match_any(g, doc, first, limit, payloads, n_payloads);
	}
	if (n == 0)
		return 0;
	if (payloads != NULL)
		*payloads = list;
	if (n_payloads != NULL)
		*n_payloads = n;
	return 1;
}
