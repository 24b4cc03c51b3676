/*
 * Private: integers in decimal without printf. printf's number paths
 * showed in profiles wherever a number is written per mention, so the
 * core, the entx program and the built-in plugins (which include this
 * header-only helper from here) share this one.
 */
#ifndef ENTX_CORE_DECIMAL_H
#define ENTX_CORE_DECIMAL_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Room for any uint64_t, a sign and the NUL. */
#define ENTX_DECIMAL_MAX 22

/* "00" to "99": two digits per division, as a division per digit was
 * most of a number's cost. */
static inline const char *entx_priv_digit_pairs(void)
{
	static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930"
	                               "31323334353637383940414243444546474849505152535455565758596061"
	                               "62636465666768697071727374757677787980818283848586878889909192"
	                               "93949596979899";
	return pairs;
}

/* Writes x in decimal so that it ends right before end; returns its start. */
static inline char *entx_priv_digits_before(char *end, uint32_t x)
{
	const char *pairs = entx_priv_digit_pairs();
	while (x >= 100) {
		end -= 2;
		memcpy(end, pairs + 2 * (x % 100), 2);
		x /= 100;
	}
	if (x >= 10) {
		end -= 2;
		memcpy(end, pairs + 2 * x, 2);
	} else {
		*--end = (char)('0' + x);
	}
	return end;
}

/*
 * Writes v in decimal to buf (at least ENTX_DECIMAL_MAX bytes), zero-
 * padded to at least min_digits digits (at most 20), and a NUL. Returns
 * the length.
 */
static inline size_t entx_priv_udecimal(char *buf, uint64_t v, size_t min_digits)
{
	static const uint64_t powers[20] = {
		UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000),
		UINT64_C(100000), UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000),
		UINT64_C(1000000000), UINT64_C(10000000000), UINT64_C(100000000000),
		UINT64_C(1000000000000), UINT64_C(10000000000000), UINT64_C(100000000000000),
		UINT64_C(1000000000000000), UINT64_C(10000000000000000),
		UINT64_C(100000000000000000), UINT64_C(1000000000000000000),
		UINT64_C(10000000000000000000)};
	/* The digits from the bit length: 1233 / 4096 is just above log10(2),
	 * so t is the digit count or one more, and one comparison tells. */
	size_t t = (size_t)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
	size_t n = v == 0 ? 1 : t + 1 - (v < powers[t]);
	size_t len = n > min_digits ? n : min_digits > 20 ? 20 : min_digits;
	char *p = buf + len;
	*p = '\0';
	while (v > UINT32_MAX) {
		p -= 2;
		memcpy(p, entx_priv_digit_pairs() + 2 * (v % 100), 2);
		v /= 100;
	}
	p = entx_priv_digits_before(p, (uint32_t)v);
	while (p > buf)
		*--p = '0';
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

/*
 * Writes v in its shortest decimal form when it has at most three
 * decimals (3.5, -0.25, 1500000) and |v| < 1e12, the numbers news
 * quantities have, and returns the length; returns 0 (writing nothing)
 * for any other v, which callers then format with printf. The check is
 * exact: the decimal k/1000 written here reads back as v.
 */
static inline size_t entx_priv_short_decimal(char *buf, double v)
{
	if (!(v > -1e12 && v < 1e12))
		return 0;
	double scaled = v * 1000.0;
	int64_t k = (int64_t)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	if ((double)k / 1000.0 != v || (k == 0 && v != 0.0))
		return 0;
	uint64_t mag = k < 0 ? (uint64_t)0 - (uint64_t)k : (uint64_t)k;
	size_t len = 0;
	if (k < 0)
		buf[len++] = '-';
	len += entx_priv_udecimal(buf + len, mag / 1000, 1);
	unsigned frac = (unsigned)(mag % 1000);
	if (frac != 0) {
		char d[3] = {(char)('0' + frac / 100), (char)('0' + frac / 10 % 10), (char)('0' + frac % 10)};
		size_t nd = d[2] != '0' ? 3 : d[1] != '0' ? 2 : 1;
		buf[len++] = '.';
		memcpy(buf + len, d, nd);
		len += nd;
		buf[len] = '\0';
	}
	return len;
}

/*
 * Writes v (finite) to buf (G_ASCII_DTOSTR_BUF_SIZE bytes) with the
 * fewest significant digits, 15 to 17, that read back as v, whatever the
 * locale: 4.1556, where g_ascii_dtostr() writes 4.1555999999999997.
 * Returns the length.
 */
static inline size_t entx_priv_real(char *buf, double v)
{
	static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], v);
		if (g_ascii_strtod(buf, NULL) == v)
			break;
	}
	return strlen(buf);
}

#endif
