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

#include "utf8.h"

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

/* The byte offsets *b and *e of the code points [begin, end) of a mention,
 * met in text order (its end found from its start). */
static inline void entx_priv_cursor_span(entx_offset_cursor *c, size_t begin, size_t end,
                                         size_t *b, size_t *e)
{
	*b = entx_priv_cursor_byte(c, begin);
	*e = c->ascii ? end : entx_priv_utf8_skip(c->text, *b, end - begin);
}

#endif
