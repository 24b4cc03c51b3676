/*
 * Appending JSON values to a GString, byte for byte as jansson dumps
 * them (see json_write.h), without building a tree.
 */
#include "json_write.h"

#include "decimal.h"

#include <math.h>
#include <string.h>

const unsigned char entx_json_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

#define ONES UINT64_C(0x0101010101010101)

/* Sixteen bytes, compared all at once (SSE2 on x86-64, NEON on ARM). */
typedef unsigned char byte_vec __attribute__((vector_size(16)));
typedef uint64_t word_vec __attribute__((vector_size(16)));

/* What escape_run() does at a byte above ASCII. */
enum { KEEP_HIGH = 0, STOP_AT_HIGH = 1 };

/*
 * 0xFF in each byte of v that a plain copy stops at, 0 in the others:
 * '"', '\\' and control bytes, which are escaped, and with STOP_AT_HIGH
 * bytes above ASCII too. Exact, byte by byte.
 */
static inline word_vec stop_bytes(byte_vec v, int mode)
{
	byte_vec zero = {0};
	/* v ^ 2 is below 0x20 for exactly the controls, and 0x20 for '"'
	 * (0x22): one comparison for both. */
	byte_vec stop = (byte_vec)((v ^ (zero + 2)) <= zero + 0x20) | (byte_vec)(v == zero + '\\');
	if (mode == STOP_AT_HIGH)
		stop |= (byte_vec)(v >= zero + 0x80);
	return (word_vec)stop;
}

/* The index of the first byte (in memory order) set in a mask of whole bytes. */
static inline size_t first_set_byte(uint64_t mask)
{
	if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
		return (size_t)__builtin_ctzll(mask) / 8;
	return (size_t)__builtin_clzll(mask) / 8;
}

/*
 * The n < 8 bytes at s in the low bytes of a word, in memory order
 * (little-endian only), loaded in two overlapping pieces, never past
 * s + n; the bytes above them are zero.
 */
static inline uint64_t load_short(const unsigned char *s, size_t n)
{
	if (n >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	if (n >= 2) {
		uint16_t lo, hi;
		memcpy(&lo, s, 2);
		memcpy(&hi, s + n - 2, 2);
		return lo | (uint64_t)hi << (8 * (n - 2));
	}
	return n == 1 ? s[0] : 0;
}

/* Writes the escape of c (a byte entx_json_special marks) at d; returns its end. */
static char *put_escape(char *d, unsigned char c)
{
	static const char HEX[] = "0123456789ABCDEF";
	static const char SHORT[32] = {['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
	                               ['\t'] = 't'};
	d[0] = '\\';
	if (c == '"' || c == '\\') {
		d[1] = (char)c;
		return d + 2;
	}
	if (SHORT[c] != 0) {
		d[1] = SHORT[c];
		return d + 2;
	}
	memcpy(d + 1, "u00", 3);
	d[4] = HEX[c >> 4];
	d[5] = HEX[c & 15];
	return d + 6;
}

/*
 * Writes the n bytes at s at *dp, escaping what must be escaped, sixteen
 * bytes at a time: each block is stored whole (the room is there) and
 * the output advanced past its plain bytes only. With STOP_AT_HIGH it
 * stops at the first byte above ASCII. Returns the bytes consumed; *dp
 * needs room for ENTX_JSON_ROOM(n) bytes. Inlined for each mode.
 */
static inline __attribute__((always_inline)) size_t escape_run(char **dp, const unsigned char *s,
                                                               size_t n, int mode)
{
	char *d = *dp;
	size_t i = 0;
	while (n - i >= 16) {
		byte_vec v;
		memcpy(&v, s + i, 16);
		memcpy(d, &v, 16);
		word_vec stop = stop_bytes(v, mode);
		size_t k;
		if (mode == KEEP_HIGH && n - i >= 32) {
			/* A document's text, mostly plain between its line breaks
			 * and quotes: 32 bytes take one test. */
			byte_vec w;
			memcpy(&w, s + i + 16, 16);
			memcpy(d + 16, &w, 16);
			word_vec stop_w = stop_bytes(w, mode);
			word_vec either = stop | stop_w;
			if (G_LIKELY((either[0] | either[1]) == 0)) {
				i += 32;
				d += 32;
				continue;
			}
			if ((stop[0] | stop[1]) == 0)
				k = 16 + (stop_w[0] != 0 ? first_set_byte(stop_w[0])
				                         : 8 + first_set_byte(stop_w[1]));
			else
				k = stop[0] != 0 ? first_set_byte(stop[0]) : 8 + first_set_byte(stop[1]);
		} else {
			if (G_LIKELY((stop[0] | stop[1]) == 0)) {
				i += 16;
				d += 16;
				continue;
			}
			k = stop[0] != 0 ? first_set_byte(stop[0]) : 8 + first_set_byte(stop[1]);
		}
		unsigned char c = s[i + k];
		d += k;
		i += k;
		if (mode == STOP_AT_HIGH && c >= 0x80) {
			*dp = d;
			return i;
		}
		d = put_escape(d, c);
		i++;
	}
	/* The last 1 to 15 bytes, most strings whole: checked together, in
	 * overlapping words, and stored as words when none stops the copy. */
	size_t r = n - i;
	if (r > 0 && G_BYTE_ORDER == G_LITTLE_ENDIAN) {
		uint64_t lo, hi;
		if (r >= 8) {
			memcpy(&lo, s + i, 8);
			memcpy(&hi, s + n - 8, 8);
		} else {
			lo = load_short(s + i, r) | (ONES * ' ') << (8 * r);
			hi = ONES * ' ';
		}
		word_vec stop = stop_bytes((byte_vec)(word_vec){lo, hi}, mode);
		if (G_LIKELY((stop[0] | stop[1]) == 0)) {
			memcpy(d, &lo, 8);
			if (r > 8)
				memcpy(d + r - 8, &hi, 8);
			*dp = d + r;
			return n;
		}
	}
	for (; i < n; i++) {
		unsigned char c = s[i];
		if (entx_json_special[c]) {
			d = put_escape(d, c);
		} else if (mode == STOP_AT_HIGH && c >= 0x80) {
			break;
		} else {
			*d++ = (char)c;
		}
	}
	*dp = d;
	return i;
}

/*
 * The n < 16 bytes at s written at d as a string literal when none of
 * them needs escaping (or, with STOP_AT_HIGH, checking), as most class
 * names, values, keys and anchors: stored as two words, with no loop.
 * Returns the end, or NULL (writing nothing that counts) when the bytes
 * need the general path. d has room for 10 bytes, and n + 2 past 8.
 */
static inline __attribute__((always_inline)) char *put_short_plain(char *d,
                                                                   const unsigned char *s,
                                                                   size_t n, int mode)
{
	if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
		return NULL;
	uint64_t lo, hi;
	if (n >= 8) {
		memcpy(&lo, s, 8);
		memcpy(&hi, s + n - 8, 8);
	} else {
		lo = load_short(s, n) | (ONES * ' ') << (8 * n);
		hi = ONES * ' ';
	}
	word_vec stop = stop_bytes((byte_vec)(word_vec){lo, hi}, mode);
	if ((stop[0] | stop[1]) != 0)
		return NULL;
	d[0] = '"';
	memcpy(d + 1, &lo, 8);
	if (n > 8)
		memcpy(d + 1 + n - 8, &hi, 8);
	d[1 + n] = '"';
	return d + 2 + n;
}

/*
 * Longer input is escaped a piece at a time, so that the room reserved
 * for the worst case (six bytes for one) stays small for a long text.
 */
#define PIECE_BYTES 65536

/* Appends valid UTF-8 (NUL allowed), escaping what must be escaped. */
static void write_valid(GString *out, const unsigned char *s, size_t n)
{
	while (n > 0) {
		size_t piece = MIN(n, PIECE_BYTES);
		char *d = entx_reserve(out, ENTX_JSON_ROOM(piece));
		escape_run(&d, s, piece, KEEP_HIGH);
		entx_commit(out, d);
		s += piece;
		n -= piece;
	}
}

void entx_json_write_valid_string(GString *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n > PIECE_BYTES) {
		entx_put_c(out, '"');
		write_valid(out, p, n);
		entx_put_c(out, '"');
		return;
	}
	char *d = entx_reserve(out, ENTX_JSON_ROOM(n) + 2);
	*d++ = '"';
	escape_run(&d, p, n, KEEP_HIGH);
	*d++ = '"';
	entx_commit(out, d);
}

static __attribute__((noinline)) char *put_valid_general(char *d, const char *s, size_t n);

char *entx_json_put_valid_string(char *d, const char *s, size_t n)
{
	if (n < 16) {
		char *end = put_short_plain(d, (const unsigned char *)s, n, KEEP_HIGH);
		if (G_LIKELY(end != NULL))
			return end;
	}
	return put_valid_general(d, s, n);
}

static char *put_valid_general(char *d, const char *s, size_t n)
{
	*d++ = '"';
	escape_run(&d, (const unsigned char *)s, n, KEEP_HIGH);
	*d++ = '"';
	return d;
}

/* The rest of a string from its first byte above ASCII: repaired, then escaped. */
static void write_repaired(GString *out, const unsigned char *p, size_t n)
{
	while (n > 0) {
		/* g_utf8_validate_len stops at NUL, which JSON allows as \u0000. */
		const char *end = NULL;
		g_utf8_validate_len((const char *)p, n, &end);
		size_t good = (size_t)((const unsigned char *)end - p);
		write_valid(out, p, good);
		if (good == n)
			break;
		if (p[good] == '\0')
			entx_put(out, "\\u0000", 6);
		else
			entx_put(out, "\xEF\xBF\xBD", 3); /* U+FFFD for the bad byte */
		p += good + 1;
		n -= good + 1;
	}
}

/* Kept out of line, so that the short path saves no registers. */
static __attribute__((noinline)) void write_string_general(GString *out,
                                                           const unsigned char *p, size_t n);

void entx_json_write_string(GString *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n < 16 && out->len + 18 < out->allocated_len) {
		char *end = put_short_plain(out->str + out->len, p, n, STOP_AT_HIGH);
		if (G_LIKELY(end != NULL)) {
			entx_commit(out, end);
			return;
		}
	}
	write_string_general(out, p, n);
}

static void write_string_general(GString *out, const unsigned char *p, size_t n)
{
	/* Mostly ASCII (class names, values, keys): escaped as it is read,
	 * up to the first byte above ASCII, from which UTF-8 is checked. */
	size_t head = MIN(n, PIECE_BYTES);
	char *d = entx_reserve(out, ENTX_JSON_ROOM(head) + 2);
	*d++ = '"';
	size_t done = escape_run(&d, p, head, STOP_AT_HIGH);
	if (G_LIKELY(done == n)) {
		*d++ = '"';
		entx_commit(out, d);
		return;
	}
	entx_commit(out, d);
	write_repaired(out, p + done, n - done);
	entx_put_c(out, '"');
}

void entx_append_decimal(GString *out, size_t v)
{
	char buf[ENTX_DECIMAL_MAX];
	entx_put(out, buf, entx_priv_udecimal(buf, v, 1));
}

/*
 * Appends a real that "%g" formatted into buf (with room for two more
 * bytes) as jansson finishes one: with a '.' or an exponent, or it would
 * read back as an integer; no '+' and no leading zeros in the exponent
 * (1e+07 is 1e7).
 */
static void put_real(GString *out, char *buf)
{
	size_t len = strlen(buf);
	if (strpbrk(buf, ".e") == NULL) {
		memcpy(buf + len, ".0", 3);
		len += 2;
	}
	char *e = strchr(buf, 'e');
	if (e != NULL) {
		char *from = e + 1, *to = e + 1;
		if (*from == '-')
			from = ++to;
		else if (*from == '+')
			from++;
		while (*from == '0' && from[1] != '\0')
			from++;
		memmove(to, from, strlen(from) + 1);
		len = strlen(buf);
	}
	entx_put(out, buf, len);
}

void entx_json_write_real(GString *out, double v)
{
	/* Confidences (0.85, 0.9, 1) are nearly all the reals written; with
	 * at most six decimals in [0.0001, 1], "%.6g" prints exactly those
	 * decimals, so they are formatted here without printf. */
	if (v == 0.0 && !signbit(v)) {
		g_string_append_len(out, "0.0", 3);
		return;
	}
	if (v == 1.0) {
		g_string_append_len(out, "1.0", 3);
		return;
	}
	double scaled = v * 1e6;
	double k = nearbyint(scaled);
	if (v >= 1e-4 && v < 1.0 && fabs(scaled - k) < 1e-6) {
		const char *pairs = entx_priv_digit_pairs();
		uint32_t digits = (uint32_t)k;
		uint32_t high = digits / 10000, middle = digits / 100 % 100, low = digits % 100;
		char buf[8] = {'0', '.'};
		memcpy(buf + 2, pairs + 2 * high, 2);
		memcpy(buf + 4, pairs + 2 * middle, 2);
		memcpy(buf + 6, pairs + 2 * low, 2);
		size_t len = low != 0 ? 8 : middle != 0 ? 6 : 4;
		while (buf[len - 1] == '0')
			len--;
		entx_put(out, buf, len);
		return;
	}
	char buf[G_ASCII_DTOSTR_BUF_SIZE + 2];
	g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.6g", v);
	put_real(out, buf);
}

void entx_json_write_value(GString *out, const json_t *value)
{
	switch (json_typeof(value)) {
	case JSON_OBJECT: {
		const char *key = NULL;
		json_t *member = NULL;
		gboolean first = TRUE;
		entx_put_c(out, '{');
		json_object_foreach((json_t *)value, key, member) {
			if (!first)
				entx_put_c(out, ',');
			first = FALSE;
			/* jansson refuses NUL in keys: strlen is the whole key. */
			entx_json_write_string(out, key, strlen(key));
			entx_put_c(out, ':');
			entx_json_write_value(out, member);
		}
		entx_put_c(out, '}');
		break;
	}
	case JSON_ARRAY:
		entx_put_c(out, '[');
		for (size_t i = 0; i < json_array_size(value); i++) {
			if (i > 0)
				entx_put_c(out, ',');
			entx_json_write_value(out, json_array_get(value, i));
		}
		entx_put_c(out, ']');
		break;
	case JSON_STRING:
		entx_json_write_string(out, json_string_value(value), json_string_length(value));
		break;
	case JSON_INTEGER:
		g_string_append_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
		break;
	case JSON_REAL: {
		/* As many digits as it takes to read back as the same double. */
		char buf[G_ASCII_DTOSTR_BUF_SIZE + 2];
		entx_priv_real(buf, json_real_value(value));
		put_real(out, buf);
		break;
	}
	case JSON_TRUE:
		entx_put(out, "true", 4);
		break;
	case JSON_FALSE:
		entx_put(out, "false", 5);
		break;
	case JSON_NULL:
		entx_put(out, "null", 4);
		break;
	}
}

/* A line break and the indent of depth. */
static void indent_line(GString *out, unsigned depth)
{
	entx_put_c(out, '\n');
	for (unsigned i = 0; i < depth; i++)
		entx_put(out, "  ", 2);
}

void entx_json_indent(entx_json_indenter *st, GString *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (st->opened != 0) {
			gboolean empty = (st->opened == '{' && c == '}') || (st->opened == '[' && c == ']');
			st->opened = 0;
			if (empty) {
				st->depth--;
				entx_put_c(out, c);
				continue;
			}
			indent_line(out, st->depth);
		}
		if (st->in_string) {
			entx_put_c(out, c);
			if (st->escaped)
				st->escaped = FALSE;
			else if (c == '\\')
				st->escaped = TRUE;
			else if (c == '"')
				st->in_string = FALSE;
			continue;
		}
		switch (c) {
		case '{':
		case '[':
			entx_put_c(out, c);
			st->depth++;
			st->opened = c;
			break;
		case '}':
		case ']':
			/* Only ever fed balanced JSON; never wrap around on other input. */
			if (st->depth > 0)
				st->depth--;
			indent_line(out, st->depth);
			entx_put_c(out, c);
			break;
		case ',':
			entx_put_c(out, ',');
			indent_line(out, st->depth);
			break;
		case ':':
			entx_put(out, ": ", 2);
			break;
		case '"':
			st->in_string = TRUE;
			entx_put_c(out, c);
			break;
		default:
			entx_put_c(out, c);
		}
	}
}
