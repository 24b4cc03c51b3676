/*
 * Private to the entx program: reading a stream of documents.
 */
#ifndef ENTX_CORE_INPUT_H
#define ENTX_CORE_INPUT_H

#include <glib.h>
#include <jansson.h>
#include <stdio.h>

typedef enum {
	ENTX_SPLIT_NONE, /* the whole stream is one document */
	ENTX_SPLIT_LINE, /* every line is a document (empty lines too) */
	ENTX_SPLIT_BLANK, /* paragraphs separated by blank lines */
	ENTX_SPLIT_NUL   /* records separated by NUL bytes */
} entx_split;

/* TRUE when the n bytes at s are all ASCII white space (or n is 0):
 * a blank line between paragraphs, a blank JSONL line. */
gboolean entx_text_is_blank(const char *s, size_t n);

/* Parses "none", "line", "blank", "nul"; FALSE for anything else. */
gboolean entx_split_parse(const char *s, entx_split *out);

typedef struct entx_reader entx_reader;

/* One document read from a stream. */
typedef struct {
	char *text;      /* owned by the reader, valid until the next call */
	size_t len;      /* bytes in text */
	size_t size;     /* bytes the document had in the input (len, or more when oversized) */
	size_t line;     /* 1-based line where it starts (record number for NUL splits) */
	gboolean oversized; /* over the size limit: text is empty */
} entx_record;

/*
 * entx_reader_new:
 * Reads fp (not closed by the reader) split as given; documents larger
 * than max_size bytes (0: no limit) are returned with oversized set and
 * no text, their bytes skipped without being stored. Free with
 * entx_reader_free.
 */
entx_reader *entx_reader_new(FILE *fp, entx_split split, size_t max_size);
void entx_reader_free(entx_reader *r);

/*
 * entx_reader_ready:
 * TRUE when the next document can be read without waiting for input: the
 * stream is a regular file, or more bytes are already waiting in the
 * pipe or terminal. (A document only partly written by a stalled writer
 * may still make the next read wait; FALSE is never wrong.)
 */
gboolean entx_reader_ready(const entx_reader *r);

/*
 * entx_reader_next:
 * Returns 1 and fills rec with the next document, 0 at the end of the
 * stream, or -1 with *error set (ENTX_ERR_IO) when reading failed.
 */
int entx_reader_next(entx_reader *r, entx_record *rec, GError **error);

/*
 * entx_reader_take_text:
 * Hands over the text of rec, the record entx_reader_next() filled last
 * (not an oversized one): the caller owns it and frees it with g_free()
 * (GLib allocates with malloc(), as getline() does); the reader reads the
 * next record into new memory. A long document so needs no copy of its
 * own, and its bytes can go as soon as the entx_doc has made its own.
 */
char *entx_reader_take_text(entx_reader *r, const entx_record *rec);

/* One JSONL record, parsed. */
typedef struct {
	char *id;      /* "id" member (strings as they are, integers in decimal), or NULL */
	char *text;    /* "text" member (may contain NUL), or NULL on error */
	size_t len;    /* bytes in text */
	char *date;    /* "date" member, or NULL */
	json_t *extra; /* the other members (a new reference), or NULL on error */
	char *error;   /* what is wrong with the record, or NULL */
} entx_jsonl_record;

/*
 * entx_jsonl_parse:
 * Parses one JSONL line into rec (whose old contents are not freed).
 * Returns TRUE, or FALSE with rec->error set (and the members that could
 * be read filled in, so an error record can still carry the id and the
 * other fields). Free the contents with entx_jsonl_record_clear.
 */
gboolean entx_jsonl_parse(const char *line, size_t len, entx_jsonl_record *rec);
void entx_jsonl_record_clear(entx_jsonl_record *rec);

#endif
