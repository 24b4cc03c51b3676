/*
 * Private: the sequence-hash step, inline for the core's own hot loops
 * (the gazetteer combines a hash per token it walks).
 */
#ifndef ENTX_CORE_HASH_H
#define ENTX_CORE_HASH_H

#include <stdint.h>

/* FNV-1a, the fold hash of one token: entx_hash_fold() in core/hash.c. */
#define ENTX_PRIV_FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define ENTX_PRIV_FNV_PRIME UINT64_C(0x100000001b3)

/* An ASCII byte as the fold hash takes it: a capital lowercased, any
 * other byte unchanged. */
static inline unsigned entx_priv_ascii_lower(unsigned c)
{
	return c + ((unsigned)(c - 'A' < 26u) << 5);
}

/* One step of the fold hash: byte c, already folded to lowercase. */
static inline uint64_t entx_priv_fold_ascii(uint64_t h, unsigned c)
{
	return (h ^ c) * ENTX_PRIV_FNV_PRIME;
}

/*
 * Multiplying the sequence so far before adding the token makes the
 * result depend on order; the splitmix64 finalizer spreads it over all
 * bits so the low bits can index a hash table directly. 0 is kept free
 * as "no sequence" (and as the empty-slot key of the gazetteer).
 * The two halves apart serve the gazetteer's filter of later tokens,
 * which the first alone already spreads well enough.
 */
static inline uint64_t entx_priv_hash_mix_in(uint64_t seq_hash, uint64_t token_hash)
{
	return seq_hash * UINT64_C(0x9e3779b97f4a7c15) + token_hash + UINT64_C(0x632be59bd9b4e019);
}

/* The finalizer, a bijection but for mapping 0 to 1. */
static inline uint64_t entx_priv_hash_finish(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x != 0 ? x : 1;
}

static inline uint64_t entx_priv_hash_combine(uint64_t seq_hash, uint64_t token_hash)
{
	return entx_priv_hash_finish(entx_priv_hash_mix_in(seq_hash, token_hash));
}

#endif
