/*
 * UTF-8 sanitizing. Written out by hand rather than with
 * g_utf8_make_valid() because we need the offset of the first invalid
 * sequence, the replacement count and the code-point count in one pass,
 * and because g_utf8_make_valid() stops at NUL bytes, which are text here.
 */
#include "utf8.h"

#include <string.h>

/* Length of the valid sequence starting at s (1-4), or 0 if s[0..] starts
 * an invalid one; *sub receives the length of its maximal invalid subpart. */
static size_t valid_sequence(const unsigned char *s, size_t avail, size_t *sub)
{
	unsigned char c = s[0];
	size_t need = 0;
	unsigned char lo = 0x80, hi = 0xBF;

	*sub = 1;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 1;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;

	for (size_t i = 1; i <= need; i++) {
		if (i >= avail || s[i] < lo || s[i] > hi) {
			*sub = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need + 1;
}

char *entx_priv_utf8_sanitize(const char *text, size_t len, size_t *out_len, size_t *n_cp,
                              size_t *n_invalid, size_t *first_invalid)
{
	char *out = NULL;
	size_t room = 0;
	*out_len = entx_priv_utf8_sanitize_into(text, len, &out, &room, n_cp, n_invalid,
	                                        first_invalid);
	return out;
}

size_t entx_priv_utf8_sanitize_into(const char *text, size_t len, char **buf, size_t *room,
                                    size_t *n_cp, size_t *n_invalid, size_t *first_invalid)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t invalid = 0, first = len, cps = 0;
	size_t i = 0;

	/* First pass: count, so the common all-valid case is one memcpy. */
	size_t extra = 0;
	while (i < len) {
		/* ASCII, most of most text, eight bytes at a time. */
		size_t ascii = entx_priv_ascii_prefix(text + i, len - i);
		i += ascii;
		cps += ascii;
		if (i >= len)
			break;
		size_t sub = 0;
		size_t n = valid_sequence(s + i, len - i, &sub);
		if (n == 0) {
			if (invalid++ == 0)
				first = i;
			extra += 3 - (sub < 3 ? sub : 3);
			i += sub;
		} else
			i += n;
		cps++;
	}

	size_t need = len + extra + 1;
	if (*room < need) {
		/* the old contents are not kept: free before allocating, and leave
		 * slack, as a reused buffer meets texts of every length */
		g_free(*buf);
		*room = *room > 0 ? MAX(need, *room * 2) : need;
		*buf = g_malloc(*room);
	}
	char *out = *buf;
	size_t o = 0;
	if (invalid == 0) {
		memcpy(out, text, len);
		o = len;
	} else {
		i = 0;
		while (i < len) {
			size_t sub = 0;
			size_t n = s[i] < 0x80 ? 1 : valid_sequence(s + i, len - i, &sub);
			if (n == 0) {
				memcpy(out + o, "\xEF\xBF\xBD", 3);
				o += 3;
				i += sub;
			} else {
				memcpy(out + o, s + i, n);
				o += n;
				i += n;
			}
		}
	}
	out[o] = '\0';
	*n_cp = cps;
	*n_invalid = invalid;
	*first_invalid = first;
	return o;
}
