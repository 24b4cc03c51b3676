/*
 * Fold hashes: the keys gazetteers and plugins use to compare tokens
 * without caring about case.
 */
#include <entx/doc.h>

#include "hash.h"

#define FNV_OFFSET ENTX_PRIV_FNV_OFFSET
#define FNV_PRIME ENTX_PRIV_FNV_PRIME

static inline uint64_t fnv_bytes(uint64_t h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * FNV_PRIME;
	return h;
}

/*
 * Hashes one non-ASCII character at p (at most avail bytes) and returns
 * its length. Bytes that are not valid UTF-8 are hashed as they are so
 * the function stays total for callers that pass arbitrary bytes.
 */
static size_t fold_multibyte(const unsigned char *p, size_t avail, uint64_t *h)
{
	gunichar c = g_utf8_get_char_validated((const char *)p, (gssize)avail);
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*h = fnv_bytes(*h, p, 1);
		return 1;
	}
	size_t n = (size_t)g_utf8_skip[*p];
	/* Curly apostrophes hash as straight ones: Peskov's = Peskov’s. */
	if (c == 0x2019 || c == 0x02BC) {
		*h = (*h ^ '\'') * FNV_PRIME;
		return n;
	}
	gunichar lower = g_unichar_tolower(c);
	if (lower == c) {
		*h = fnv_bytes(*h, p, n);
	} else {
		unsigned char buf[6];
		int m = g_unichar_to_utf8(lower, (char *)buf);
		*h = fnv_bytes(*h, buf, (size_t)m);
	}
	return n;
}

uint64_t entx_hash_fold(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	const unsigned char *end = p + len;
	uint64_t h = FNV_OFFSET;

	while (p < end) {
		unsigned c = *p;
		if (c < 0x80) {
			h = entx_priv_fold_ascii(h, entx_priv_ascii_lower(c));
			p++;
		} else {
			p += fold_multibyte(p, (size_t)(end - p), &h);
		}
	}
	return h;
}

uint64_t entx_hash_fold_combine(uint64_t seq_hash, uint64_t token_hash)
{
	return entx_priv_hash_combine(seq_hash, token_hash);
}
