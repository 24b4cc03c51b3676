/*
 * Appending JSON values to a GString, byte for byte as jansson dumps
 * them (see json_write.h), without building a tree.
 */
#include "json_write.h"

#include "decimal.h"
#include "utf8.h"

#include <math.h>
#include <string.h>

const unsigned char entx_json_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

static void write_escape(GString *out, unsigned char c)
{
	static const char HEX[] = "0123456789ABCDEF";
	switch (c) {
	case '"':
		g_string_append_len(out, "\\\"", 2);
		break;
	case '\\':
		g_string_append_len(out, "\\\\", 2);
		break;
	case '\b':
		g_string_append_len(out, "\\b", 2);
		break;
	case '\f':
		g_string_append_len(out, "\\f", 2);
		break;
	case '\n':
		g_string_append_len(out, "\\n", 2);
		break;
	case '\r':
		g_string_append_len(out, "\\r", 2);
		break;
	case '\t':
		g_string_append_len(out, "\\t", 2);
		break;
	default: {
		char u[6] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]};
		g_string_append_len(out, u, 6);
	}
	}
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/*
 * The high bit of each of the 8 bytes of w that may need escaping: a
 * control byte, '"' or '\\'. Bit tricks on the whole word: the lowest
 * bit set is exact (the first such byte); above it a borrow may set
 * more, which only sends those bytes to the exact test.
 */
static inline uint64_t escape_bits(uint64_t w)
{
	uint64_t quote = w ^ (ONES * '"');
	uint64_t backslash = w ^ (ONES * '\\');
	uint64_t t = ((w - ONES * 0x20) & ~w) | ((quote - ONES) & ~quote) |
	             ((backslash - ONES) & ~backslash);
	return t & HIGHS;
}

/* Appends valid UTF-8 (NUL allowed), escaping what must be escaped. */
static void write_valid(GString *out, const unsigned char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* Text is mostly plain: skip it a word at a time, then straight
		 * to the word's first byte to escape (little-endian: the
		 * lowest bit is the first byte). */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			uint64_t bits = escape_bits(w);
			if (bits != 0) {
				if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
					i += (size_t)__builtin_ctzll(bits) / 8;
				break;
			}
			i += 8;
		}
		if (i >= n)
			break;
		if (G_LIKELY(!entx_json_special[s[i]]))
			continue;
		entx_put(out, (const char *)s + run, i - run);
		write_escape(out, s[i]);
		run = i + 1;
	}
	entx_put(out, (const char *)s + run, n - run);
}

/*
 * Most strings written are short and plain (anchors, classes, values):
 * copied in one pass straight into out when they fit, quotes included.
 * FALSE, with out unchanged, when s has a byte to escape or one above
 * ASCII, or out has no room.
 */
static gboolean write_plain_short(GString *out, const unsigned char *s, size_t n)
{
	if (n > 64 || out->len + n + 3 > out->allocated_len)
		return FALSE;
	char *d = out->str + out->len;
	*d++ = '"';
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if ((w & HIGHS) | escape_bits(w))
			break; /* the bytes below say which */
		memcpy(d + i, &w, 8);
	}
	for (; i < n; i++) {
		unsigned char c = s[i];
		if (c >= 0x80 || entx_json_special[c])
			return FALSE;
		d[i] = (char)c;
	}
	d += n;
	*d++ = '"';
	*d = '\0';
	out->len = (size_t)(d - out->str);
	return TRUE;
}

static void write_quoted_valid(GString *out, const unsigned char *s, size_t n)
{
	entx_put_c(out, '"');
	write_valid(out, s, n);
	entx_put_c(out, '"');
}

void entx_json_write_valid_string(GString *out, const char *s, size_t n)
{
	if (!write_plain_short(out, (const unsigned char *)s, n))
		write_quoted_valid(out, (const unsigned char *)s, n);
}

void entx_json_write_string(GString *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (write_plain_short(out, p, n))
		return;
	/* ASCII needs no check (NUL is escaped either way): class names, values. */
	if (entx_priv_ascii_prefix(s, n) == n) {
		write_quoted_valid(out, p, n);
		return;
	}
	entx_put_c(out, '"');
	while (n > 0) {
		/* g_utf8_validate_len stops at NUL, which JSON allows as \u0000. */
		const char *end = NULL;
		g_utf8_validate_len((const char *)p, n, &end);
		size_t good = (size_t)((const unsigned char *)end - p);
		write_valid(out, p, good);
		if (good == n)
			break;
		if (p[good] == '\0')
			write_escape(out, '\0');
		else
			entx_put(out, "\xEF\xBF\xBD", 3); /* U+FFFD for the bad byte */
		p += good + 1;
		n -= good + 1;
	}
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
		char buf[8] = {'0', '.'};
		unsigned long digits = (unsigned long)k;
		for (int i = 7; i >= 2; i--) {
			buf[i] = (char)('0' + digits % 10);
			digits /= 10;
		}
		size_t len = 8;
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
