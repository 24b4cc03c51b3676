/*
 * entx rules plugin: the state of reading one rule file, shared by
 * parse.c (sections, classes, phrases) and pattern.c ([pattern]
 * sections). Every message is "FILE:LINE:COLUMN: what is wrong", columns
 * counting bytes from 1.
 */
#ifndef ENTX_RULES_PARSE_H
#define ENTX_RULES_PARSE_H

#include "rules.h"

typedef enum { SEC_NONE, SEC_CLASS, SEC_PHRASES, SEC_PATTERN } section_kind;

/* A key = value line of the current section, kept for pattern sections
 * and for reporting duplicate keys. */
typedef struct {
	char *key;
	char *value;
	size_t line;
	size_t value_column;
} keyed_line;

typedef struct {
	rules_set *set;
	const char *path;
	section_kind kind;
	rules_class *cls;    /* the current section's class */
	size_t section_line; /* line of the current section's header */
	GArray *keys;        /* keyed_line of the current section */
} parser;

/*
 * parse_find_column:
 * The 1-based column of needle in line line_no of the file at path
 * (after the entry's first unescaped '|' when after_bar), or of the
 * line's first non-blank character when needle is NULL or not there.
 */
size_t parse_find_column(const char *path, size_t line_no, const char *needle, gboolean after_bar);

/* Sets *error to "FILE:LINE:COLUMN: MESSAGE" (column 0: none) and returns FALSE. */
gboolean parse_error_at(const parser *p, size_t line_no, size_t column, GError **error,
                        const char *format, ...) G_GNUC_PRINTF(5, 6);

/* "FILE:LINE", newly allocated. */
char *parse_where(const parser *p, size_t line_no);

/* The key = value line of the current section with that key, or NULL. */
const keyed_line *parse_find_key(const parser *p, const char *key);

/* Records a key = value line; FALSE with *error when the key was given before. */
gboolean parse_remember_key(parser *p, const entx_rules_line *line, GError **error);

/* A number from 0 to 1; FALSE when s is anything else. */
gboolean parse_confidence(const char *s, double *out);

/* The IRI inside "<...>", newly allocated, or NULL when v is not so written. */
char *parse_angle_iri(const char *v);

/* FALSE with *error when another entry or pattern would pass rules.max-entries. */
gboolean parse_check_entry_limit(const parser *p, size_t line_no, GError **error);

/* pattern.c: a key = value line of a [pattern] section, and its end. */
gboolean rules_pattern_key(parser *p, const entx_rules_line *line, GError **error);
gboolean rules_pattern_finish(parser *p, GError **error);

#endif
