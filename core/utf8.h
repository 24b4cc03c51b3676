/*
 * Private: making arbitrary bytes into valid UTF-8 for analysis.
 */
#ifndef ENTX_CORE_UTF8_H
#define ENTX_CORE_UTF8_H

#include <glib.h>
#include <stdint.h>
#include <string.h>

/*
 * entx_priv_utf8_sanitize:
 * Returns a newly allocated (g_free), NUL-terminated copy of len bytes
 * of text in which each maximal invalid subpart (Unicode's "substitution
 * of maximal subparts", as WHATWG and Python do it) is replaced by U+FFFD.
 * *out_len receives the byte length, *n_cp the code-point count,
 * *n_invalid the number of replacements and *first_invalid the input byte
 * offset of the first one (len when there is none).
 */
char *entx_priv_utf8_sanitize(const char *text, size_t len, size_t *out_len, size_t *n_cp,
                              size_t *n_invalid, size_t *first_invalid);

/*
 * entx_priv_utf8_sanitize_into:
 * entx_priv_utf8_sanitize() into *buf, *room bytes (g_free'd, NULL and
 * 0 for none), which it replaces by a larger one when the copy does not
 * fit; returns the copy's byte length.
 */
size_t entx_priv_utf8_sanitize_into(const char *text, size_t len, char **buf, size_t *room,
                                    size_t *n_cp, size_t *n_invalid, size_t *first_invalid);

/* The eight bytes at s, unaligned. */
static inline uint64_t entx_priv_word_at(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

/* The length of the ASCII bytes s starts with, 64, 16 then 8 bytes at a time. */
static inline size_t entx_priv_ascii_prefix(const char *s, size_t n)
{
	const uint64_t highs = UINT64_C(0x8080808080808080);
	size_t i = 0;
	/* eight words, one test: most text has long runs of ASCII, and the
	 * loop's own steps took half the instructions of one of two words */
	for (; i + 64 <= n; i += 64) {
		/* words, not an array, which GCC copied to the stack, nor a loop,
		 * which it did not unroll */
		uint64_t a = entx_priv_word_at(s + i), b = entx_priv_word_at(s + i + 8),
		         c = entx_priv_word_at(s + i + 16), d = entx_priv_word_at(s + i + 24),
		         e = entx_priv_word_at(s + i + 32), f = entx_priv_word_at(s + i + 40),
		         g = entx_priv_word_at(s + i + 48), h = entx_priv_word_at(s + i + 56);
		if (((a | b) | (c | d) | (e | f) | (g | h)) & highs)
			break;
	}
	for (; i + 16 <= n; i += 16)
		if ((entx_priv_word_at(s + i) | entx_priv_word_at(s + i + 8)) & highs)
			break;
	for (; i + 8 <= n; i += 8)
		if (entx_priv_word_at(s + i) & highs)
			break;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* A UTF-8 continuation byte (10xxxxxx): no character starts there. */
static inline gboolean entx_priv_utf8_is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* The characters starting in the eight bytes of w: those that are no
 * continuation byte. */
static inline size_t entx_priv_utf8_starts_in_word(uint64_t w)
{
	/* bit 7 set and bit 6 clear: bit 6 shifted up one must be 0 */
	uint64_t cont = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
	/* one per byte: the multiply sums the bytes into the top one */
	return 8 - (size_t)((cont * UINT64_C(0x0101010101010101)) >> 56);
}

/*
 * entx_priv_utf8_count_cp:
 * The characters starting in n bytes of UTF-8 (NUL included): the bytes
 * that are no continuation, counted eight at a time.
 */
static inline size_t entx_priv_utf8_count_cp(const char *p, size_t n)
{
	size_t cps = 0, i = 0;
	for (; i + 8 <= n; i += 8)
		cps += entx_priv_utf8_starts_in_word(entx_priv_word_at(p + i));
	for (; i < n; i++)
		cps += !entx_priv_utf8_is_cont((unsigned char)p[i]);
	return cps;
}

/*
 * entx_priv_utf8_skip:
 * The byte offset n_cp code points after the one starting at byte b, in
 * valid, NUL-terminated UTF-8 that has that many. Eight bytes are taken
 * at a time while at least eight code points remain (so all of them lie
 * before the target).
 */
static inline size_t entx_priv_utf8_skip(const char *text, size_t b, size_t n_cp)
{
	const char *p = text + b;
	size_t left = n_cp; /* code point starts still to step over */
	for (; left >= 8; p += 8)
		left -= entx_priv_utf8_starts_in_word(entx_priv_word_at(p));
	for (; left > 0; p++)
		left -= !entx_priv_utf8_is_cont((unsigned char)*p);
	/* the rest of the last code point stepped over (the text ends in a NUL) */
	while (entx_priv_utf8_is_cont((unsigned char)*p))
		p++;
	return (size_t)(p - text);
}

/*
 * entx_priv_utf8_valid:
 * g_utf8_validate_len(s, n, NULL), NUL bytes refused as it refuses them,
 * with plain ASCII (nearly all of a rule file) passed eight bytes at a
 * time before glib sees the rest.
 */
static inline gboolean entx_priv_utf8_valid(const char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w = entx_priv_word_at(s + i);
		/* a byte above ASCII, or a zero byte: glib decides from here */
		if ((w | ((w - ones) & ~w)) & highs)
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80 && s[i] != '\0')
		i++;
	return i == n || g_utf8_validate_len(s + i, n - i, NULL);
}

#endif
