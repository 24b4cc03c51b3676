/*
 * Private to the writers: the byte offsets of a document's mentions,
 * met in text order. entx_doc_byte_offset() searches its table afresh
 * for each (some 175 instructions in a story with one accented name);
 * mentions are sorted by their start, so counting the code points from
 * the last mention on finds the next one in a few words.
 */
#ifndef ENTX_CORE_OFFSET_CURSOR_H
#define ENTX_CORE_OFFSET_CURSOR_H

#include <entx/doc.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

/* A gap up to this many code points is counted; a longer one looked up. */
#define ENTX_CURSOR_SCAN_MAX 512u

typedef struct {
	const entx_doc *doc;
	const char *text;
	gboolean ascii;  /* offsets coincide: nothing to count */
	size_t cp, byte; /* a code point offset and its byte offset */
} entx_offset_cursor;

static inline void entx_priv_cursor_init(entx_offset_cursor *c, const entx_doc *doc)
{
	size_t n_bytes = 0;
	c->doc = doc;
	c->text = entx_doc_text(doc, &n_bytes);
	c->ascii = n_bytes == entx_doc_length(doc);
	c->cp = c->byte = 0;
}

/*
 * The byte offset n_cp code points after the one starting at byte b, in
 * the document's valid UTF-8 that has that many. Eight bytes are taken
 * at a time while at least eight code points remain (so all of them lie
 * before the target): a code point starts at each byte that is not a
 * continuation byte (10xxxxxx).
 */
static inline size_t entx_priv_utf8_skip(const char *text, size_t b, size_t n_cp)
{
	const uint64_t high = UINT64_C(0x8080808080808080);
	const char *p = text + b;
	size_t left = n_cp; /* code point starts still to step over */
	while (left >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t continuation = (w & ~(w << 1)) & high;
		/* one bit per continuation byte, summed into the top byte */
		size_t n_continuation =
		    (size_t)(((continuation >> 7) * UINT64_C(0x0101010101010101)) >> 56);
		left -= 8 - n_continuation;
		p += 8;
	}
	for (; left > 0; p++)
		left -= ((unsigned char)*p & 0xC0) != 0x80;
	/* the rest of the last code point stepped over (the text ends in a NUL) */
	while (((unsigned char)*p & 0xC0) == 0x80)
		p++;
	return (size_t)(p - text);
}

/* The byte offset of code point offset cp (at most entx_doc_length()). */
static inline size_t entx_priv_cursor_byte(entx_offset_cursor *c, size_t cp)
{
	if (c->ascii)
		return cp;
	if (cp < c->cp || cp - c->cp > ENTX_CURSOR_SCAN_MAX)
		c->byte = entx_doc_byte_offset(c->doc, cp);
	else
		c->byte = entx_priv_utf8_skip(c->text, c->byte, cp - c->cp);
	c->cp = cp;
	return c->byte;
}

#endif
