/*
 * Private: integers in decimal without printf. printf's number paths
 * showed in profiles wherever a number is written per mention, so the
 * core, the entx program and the built-in plugins (which include this
 * header-only helper from here) share this one.
 */
#ifndef ENTX_CORE_DECIMAL_H
#define ENTX_CORE_DECIMAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Room for any uint64_t, a sign and the NUL. */
#define ENTX_DECIMAL_MAX 22

/*
 * Writes v in decimal to buf (at least ENTX_DECIMAL_MAX bytes), zero-
 * padded to at least min_digits digits (at most 20), and a NUL. Returns
 * the length.
 */
static inline size_t entx_priv_udecimal(char *buf, uint64_t v, size_t min_digits)
{
	char digits[20];
	size_t n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n < min_digits && n < sizeof digits)
		digits[n++] = '0';
	size_t len = 0;
	while (n > 0)
		buf[len++] = digits[--n];
	buf[len] = '\0';
	return len;
}

/* The same for a signed v: a '-' first when negative (before the padding). */
static inline size_t entx_priv_decimal(char *buf, int64_t v, size_t min_digits)
{
	if (v >= 0)
		return entx_priv_udecimal(buf, (uint64_t)v, min_digits);
	buf[0] = '-';
	return 1 + entx_priv_udecimal(buf + 1, (uint64_t)0 - (uint64_t)v, min_digits);
}

#endif
