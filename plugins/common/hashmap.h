/*
 * Private to the built-in plugins: a map from 64-bit token hashes
 * (entx_token.fold_hash, entx_hash_fold) to 32-bit values.
 *
 * Plugins ask "is this token one of these words?" for nearly every token
 * of every document, so the question must cost a few nanoseconds: one
 * multiply, a bit test for the common "no", one probe into a flat array
 * for the rest, no call through a function
 * pointer and no boxed key as a GHashTable<gint64> needs. Open
 * addressing with linear probing, at most half full; built once when a
 * plugin loads, then read from any number of threads.
 */
#ifndef ENTX_PLUGINS_HASHMAP_H
#define ENTX_PLUGINS_HASHMAP_H

#include <glib.h>
#include <stdint.h>
#include <string.h>

/*
 * One bit per 4096th of the hash space, set for every hash added: it
 * never says "no" for a hash added, and says "maybe" for a few others.
 * Most questions are about absent words, and a clear bit answers them
 * with one load and a branch the processor predicts. Every hashmap has
 * one; plugins also keep them alone, for a set of words that needs no
 * values (a plugin's starters, the first words of a kind).
 */
typedef struct {
	uint64_t bits[64];
} word_filter;

/* A hash's bit: high product bits, not the ones hashmap_slot_ takes. */
static inline unsigned word_filter_bit_(uint64_t h)
{
	return (unsigned)((h * UINT64_C(0x9E3779B97F4A7C15)) >> 52);
}

static inline void word_filter_add(word_filter *f, uint64_t h)
{
	unsigned bit = word_filter_bit_(h);
	f->bits[bit / 64] |= UINT64_C(1) << (bit % 64);
}

static inline gboolean word_filter_may_have(const word_filter *f, uint64_t h)
{
	unsigned bit = word_filter_bit_(h);
	return (f->bits[bit / 64] >> (bit % 64)) & 1;
}

typedef struct {
	uint64_t *keys; /* 0 marks an empty slot; key 0 is stored as 1 */
	uint32_t *vals; /* in the block of keys, after them: one allocation */
	size_t mask;    /* slots - 1, slots a power of two; 0 before the first put */
	size_t n;
	gboolean borrowed;  /* the keys are in the caller's storage: not freed */
	word_filter filter; /* of the keys put, hashmap_key_ applied */
} hashmap;

/* The size, in uint64_t, of storage for a map of `slots` slots. */
#define HASHMAP_STORAGE_WORDS(slots) ((slots) + ((slots) + 1) / 2)

/*
 * An empty map in storage of the caller's (a local array of
 * HASHMAP_STORAGE_WORDS(slots), slots a power of two), left for the heap
 * only if it outgrows it: a map made and dropped per document then
 * usually costs no allocation.
 */
static inline void hashmap_init_in(hashmap *m, uint64_t *storage, size_t slots)
{
	memset(m, 0, sizeof *m);
	memset(storage, 0, slots * sizeof *storage);
	m->keys = storage;
	m->vals = (uint32_t *)(void *)(storage + slots);
	m->mask = slots - 1;
	m->borrowed = TRUE;
}

static inline uint64_t hashmap_key_(uint64_t key)
{
	return key != 0 ? key : 1;
}

static inline size_t hashmap_slot_(uint64_t key, size_t mask)
{
	/* Fibonacci hashing spreads FNV hashes whose low bits cluster. */
	return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & mask;
}

static inline void hashmap_free(hashmap *m)
{
	if (!m->borrowed)
		g_free(m->keys);
	m->keys = NULL;
	m->vals = NULL;
	m->mask = m->n = 0;
	m->borrowed = FALSE;
	memset(&m->filter, 0, sizeof m->filter);
}

/* The value stored for key, or NULL. */
static inline const uint32_t *hashmap_get(const hashmap *m, uint64_t key)
{
	key = hashmap_key_(key);
	/* Clear in an empty map too, which has no slots to probe. */
	if (!word_filter_may_have(&m->filter, key))
		return NULL;
	for (size_t i = hashmap_slot_(key, m->mask);; i = (i + 1) & m->mask) {
		if (m->keys[i] == key)
			return &m->vals[i];
		if (m->keys[i] == 0)
			return NULL;
	}
}

static inline gboolean hashmap_contains(const hashmap *m, uint64_t key)
{
	return hashmap_get(m, key) != NULL;
}

static inline void hashmap_grow_(hashmap *m)
{
	size_t old_slots = m->mask != 0 ? m->mask + 1 : 0;
	uint64_t *old_keys = m->keys;
	uint32_t *old_vals = m->vals;
	size_t slots = old_slots != 0 ? old_slots * 2 : 64;
	/* Per-document maps are made and dropped by the thousand: one
	 * allocation for both arrays halves the calls into malloc. */
	m->keys = g_malloc0(slots * (sizeof(uint64_t) + sizeof(uint32_t)));
	m->vals = (uint32_t *)(void *)(m->keys + slots);
	m->mask = slots - 1;
	for (size_t s = 0; s < old_slots; s++) {
		if (old_keys[s] == 0)
			continue;
		size_t i = hashmap_slot_(old_keys[s], m->mask);
		while (m->keys[i] != 0)
			i = (i + 1) & m->mask;
		m->keys[i] = old_keys[s];
		m->vals[i] = old_vals[s];
	}
	if (!m->borrowed)
		g_free(old_keys);
	m->borrowed = FALSE;
}

/* Sets key to val, replacing an earlier value. */
static inline void hashmap_put(hashmap *m, uint64_t key, uint32_t val)
{
	if (2 * (m->n + 1) > (m->mask != 0 ? m->mask + 1 : 0))
		hashmap_grow_(m);
	key = hashmap_key_(key);
	word_filter_add(&m->filter, key);
	size_t i = hashmap_slot_(key, m->mask);
	while (m->keys[i] != 0 && m->keys[i] != key)
		i = (i + 1) & m->mask;
	if (m->keys[i] == 0) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

/* Sets key to val unless the map has key already: the first value stays. */
static inline void hashmap_put_new(hashmap *m, uint64_t key, uint32_t val)
{
	if (2 * (m->n + 1) > (m->mask != 0 ? m->mask + 1 : 0))
		hashmap_grow_(m);
	key = hashmap_key_(key);
	size_t i = hashmap_slot_(key, m->mask);
	for (; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == key)
			return;
	word_filter_add(&m->filter, key);
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

#endif
