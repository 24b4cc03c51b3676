/*
 * TSV output for grep, awk and cut.
 */
#include "tsv.h"

#include <string.h>

#include "decimal.h"
#include "json_write.h"
#include "offset_cursor.h"

/* Bytes written as a backslash escape; everything else is copied. */
static const char ESCAPE[256] = {['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\', ['\0'] = '0'};

/* Bit 7 of each byte of w set where the byte is one that ESCAPE rewrites. */
static inline uint64_t escaped_bytes(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
	/* a byte below 0x10 (NUL, tab, LF, CR among them), or a backslash */
	uint64_t backslash = w ^ (ones * '\\');
	return (((w - ones * 0x10) & ~w) | ((backslash - ones) & ~backslash)) & high;
}

/* put_escaped() byte by byte, for the rare text that has a byte to escape. */
static G_GNUC_NO_INLINE char *put_escaped_slowly(char *w, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char e = ESCAPE[(unsigned char)s[i]];
		if (G_LIKELY(e == 0)) {
			*w++ = s[i];
		} else {
			*w++ = '\\';
			*w++ = e;
		}
	}
	return w;
}

/* put_escaped() of fewer than 8 bytes: read and written as two overlapping
 * words (4 to 7 bytes) or as their first, middle and last byte (1 to 3),
 * each word checked whole, all of its bytes being the string's. */
static inline char *put_escaped_short(char *w, const char *s, size_t n)
{
	if (n >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		if (escaped_bytes(lo | (uint64_t)hi << 32) == 0) {
			memcpy(w, &lo, 4);
			memcpy(w + n - 4, &hi, 4);
			return w + n;
		}
	} else if (n > 0) {
		char a = s[0], b = s[n / 2], c = s[n - 1];
		uint64_t word = (unsigned char)a | (uint64_t)(unsigned char)b << 8 |
		                (uint64_t)(unsigned char)c << 16;
		word = word * UINT64_C(0x0000000001000001) | (uint64_t)(unsigned char)a << 48 |
		       (uint64_t)(unsigned char)a << 56;
		if (escaped_bytes(word) == 0) {
			w[0] = a;
			w[n / 2] = b;
			w[n - 1] = c;
			return w + n;
		}
	} else {
		return w;
	}
	return put_escaped_slowly(w, s, n);
}

/*
 * Copies the n bytes at s to w with the bytes of ESCAPE escaped; w has
 * room for 2n bytes. Returns the end of what it wrote. Eight bytes are
 * checked and copied at a time while none needs an escape, as in nearly
 * every mention and value; the last few too, as one word overlapping the
 * ones before, since a byte loop over them cost as much as all the rest.
 */
static inline __attribute__((always_inline)) char *put_escaped(char *w, const char *s, size_t n)
{
	if (n < 8)
		return put_escaped_short(w, s, n);
	size_t i = 0;
	for (; i + 8 <= n; i += 8, w += 8) {
		uint64_t chunk;
		memcpy(&chunk, s + i, 8);
		if (escaped_bytes(chunk) != 0)
			return put_escaped_slowly(w, s + i, n - i);
		memcpy(w, &chunk, 8);
	}
	size_t left = n - i;
	if (left == 0)
		return w;
	/* the last eight bytes, of which the first 8 - left are written already */
	uint64_t chunk;
	memcpy(&chunk, s + n - 8, 8);
	if (escaped_bytes(chunk) != 0)
		return put_escaped_slowly(w, s + i, left);
	memcpy(w + left - 8, &chunk, 8);
	return w + left;
}

/* The escaped id and its tab, once per document: in buf when it fits. */
static const char *id_column(const entx_doc *doc, char **heap, char *buf, size_t size,
                             size_t *len)
{
	const char *id = entx_doc_id(doc);
	size_t n = strlen(id);
	char *w = buf;
	if (2 * n + 1 > size)
		w = *heap = g_malloc(2 * n + 1);
	char *end = put_escaped(w, id, n);
	*end++ = '\t';
	*len = (size_t)(end - w);
	return w;
}

/* A field of at most this many bytes is copied from a buffer that long as
 * one fixed-size copy, a few moves instead of a call to memcpy; the bytes
 * past its end are overwritten by the next field. */
#define FIELD_PAD 32

/*
 * Writes offset in decimal at w, with FIELD_PAD bytes of room, and
 * returns the end. An offset below 2^32, as every one short of a text of
 * gigabytes, is written backwards into a buffer and copied as one fixed
 * 16 bytes: its length comes from where its digits start, with no count
 * of them first, which was half of a number's cost.
 */
static inline char *put_offset(char *w, size_t offset)
{
	if (G_LIKELY(offset < 10000)) {
		/* As most offsets in a text of stories: both pairs of digits at
		 * once, copied from past the leading zeros, no loop. */
		const char *pairs = entx_priv_digit_pairs();
		uint32_t x = (uint32_t)offset, high = x / 100, low = x % 100;
		char four[8];
		memcpy(four, pairs + 2 * high, 2);
		memcpy(four + 2, pairs + 2 * low, 2);
		size_t n = x >= 100 ? (x >= 1000 ? 4 : 3) : (x >= 10 ? 2 : 1);
		memcpy(w, four + 4 - n, 4);
		return w + n;
	}
	if (G_UNLIKELY(offset > UINT32_MAX))
		return w + entx_priv_udecimal(w, offset, 1);
	char digits[32];
	char *end = digits + 16, *start = entx_priv_digits_before(end, (uint32_t)offset);
	G_STATIC_ASSERT(FIELD_PAD >= 16);
	memcpy(w, start, 16);
	return w + (end - start);
}

/*
 * Each line is written straight into out after one check for room, not
 * a field at a time: the checks and the copies of a few bytes each were
 * half of the writer's work.
 */
void entx_tsv_document(const entx_doc *doc, GString *out, const entx_drain *drain)
{
	entx_offset_cursor offsets;
	entx_priv_cursor_init(&offsets, doc);
	const char *text = offsets.text;
	char id_buf[256] = {0};
	G_STATIC_ASSERT(sizeof id_buf >= 2 * FIELD_PAD + 1); /* an id of FIELD_PAD bytes is there */
	char *id_heap = NULL;
	size_t id_len = 0;
	const char *id = id_column(doc, &id_heap, id_buf, sizeof id_buf, &id_len);
	size_t n_mentions = entx_doc_n_mentions(doc);
	/* Categories are interned: a few pointers per document, whose lengths
	 * need not be counted again. */
	struct {
		const char *category;
		size_t len;
		char padded[FIELD_PAD];
	} seen[8] = {{0}};
	size_t n_seen = 0;
	for (size_t i = 0; i < n_mentions; i++) {
		const entx_mention *m = entx_doc_mention(doc, i);
		size_t begin = entx_mention_begin(m), end = entx_mention_end(m);
		size_t b, e;
		entx_priv_cursor_span(&offsets, begin, end, &b, &e);
		const char *category = entx_mention_category(m);
		uint64_t hash = (uint64_t)(uintptr_t)category * UINT64_C(0x9E3779B97F4A7C15);
		size_t slot = (size_t)(hash >> 61);
		/* Linear probing while there is a free slot: two of a document's
		 * five categories sharing one made a third of the lookups misses. */
		while (seen[slot].category != category && seen[slot].category != NULL &&
		       n_seen < G_N_ELEMENTS(seen))
			slot = (slot + 1) % G_N_ELEMENTS(seen);
		if (seen[slot].category != category) {
			n_seen += seen[slot].category == NULL;
			seen[slot].category = category;
			seen[slot].len = strlen(category);
			if (seen[slot].len <= FIELD_PAD)
				memcpy(seen[slot].padded, category, seen[slot].len);
		}
		size_t category_len = seen[slot].len;
		const char *value = entx_mention_value(m);
		size_t value_len = value != NULL ? strlen(value) : 0;
		/* id, two numbers, category, text and value escaped, 4 tabs and a newline */
		size_t room = id_len + 2 * ENTX_DECIMAL_MAX + category_len + 2 * (e - b) +
		              2 * value_len + 5 + 2 * FIELD_PAD;
		size_t start = out->len;
		if (out->allocated_len - start <= room)
			g_string_set_size(out, start + room);
		char *w = out->str + start;
		if (id_len <= FIELD_PAD)
			memcpy(w, id, FIELD_PAD);
		else
			memcpy(w, id, id_len);
		w += id_len;
		w = put_offset(w, begin);
		*w++ = '\t';
		w = put_offset(w, end);
		*w++ = '\t';
		if (category_len <= FIELD_PAD)
			memcpy(w, seen[slot].padded, FIELD_PAD);
		else
			memcpy(w, category, category_len);
		w += category_len;
		*w++ = '\t';
		w = put_escaped(w, text + b, e - b);
		*w++ = '\t';
		w = put_escaped(w, value, value_len);
		*w++ = '\n';
		*w = '\0';
		out->len = (size_t)(w - out->str);
		entx_drain_maybe(drain, out);
	}
	g_free(id_heap);
}
