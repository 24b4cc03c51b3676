/*
 * entx - rule files: the one line-oriented format for lists and patterns.
 *
 * Built-in plugins keep their word lists and patterns in this format and
 * the rules plugin reads user files in it, so what a user reads under
 * rules/ is what they can write. entx-rules(5) is the full reference.
 *
 *     # A comment: from '#' at the start of a line (after blanks).
 *     [class Weapon]                  # a section: [KIND ARGUMENT...]
 *     iri = https://example.org/ns#Weapon
 *     priority = 5
 *
 *     [phrases Weapon]                # one entry per line
 *     AK-47
 *     Kalashnikov rifle | sameAs=https://www.wikidata.org/wiki/Q37116
 *
 *     [pattern Weapon]
 *     regex = \b(?<model>[A-Z]{1,3}-\d{1,3}) (?:rifle|missile)\b
 *
 * In a "phrases" section (KIND "phrases", or any KIND the reader calls a
 * list, see entx_rules_read) each line is an entry: its text, then
 * optionally " | " and space-separated key=value attributes. "\|" and
 * "\\" escape a literal bar and backslash in the text. In every other
 * section each line is "key = value"; the value is the rest of the line,
 * trimmed, taken literally (no escapes, '#' is not a comment there).
 * Lines may be up to 64 KiB long; files must be UTF-8.
 */
#ifndef ENTX_RULES_H
#define ENTX_RULES_H

#include <entx/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * entx_rules_line:
 * One meaningful line of a rule file, as handed to an entx_rules_fn. All
 * pointers are owned by the reader and valid only during the callback.
 */
typedef struct entx_rules_line {
	const char *file;         /* path as given to entx_rules_read */
	size_t line;              /* 1-based line number */
	const char *section;      /* KIND of the current section, NULL before any */
	const char *const *args;  /* the section's arguments, NULL-terminated */
	gboolean is_entry;        /* TRUE in a list section: text and attrs are set */
	const char *text;         /* entry text, unescaped (list sections) */
	size_t n_attrs;           /* entry attributes (list sections) */
	const char *const *attr_keys;
	const char *const *attr_values;
	const char *key;          /* "key = value" lines (other sections) */
	const char *value;
	size_t value_column;      /* 1-based column where value starts, for messages */
	gboolean is_section;      /* TRUE for the "[KIND ARGS]" line itself */
} entx_rules_line;

/*
 * entx_rules_fn:
 * Called for every section header and every meaningful line. Return
 * TRUE to go on, or FALSE with *error set to stop reading (the reader
 * returns FALSE and prefixes the message with "FILE:LINE: " unless it
 * already starts with the file name).
 */
typedef gboolean (*entx_rules_fn)(const entx_rules_line *line, void *user_data, GError **error);

/*
 * entx_rules_read:
 * Reads the rule file at path, calling fn for each line. list_kinds is
 * a NULL-terminated set of section kinds whose lines are entries (NULL
 * means just "phrases"). max_bytes limits the file size (0: no limit).
 * Returns TRUE, or FALSE with *error set (ENTX_ERR_IO when the file
 * cannot be read, ENTX_ERR_LIMIT when it is too large, ENTX_ERR_CONFIG
 * for a syntax error, naming FILE:LINE:COLUMN), or whatever fn set.
 */
ENTX_EXPORT gboolean entx_rules_read(const char *path, const char *const *list_kinds,
                                     size_t max_bytes, entx_rules_fn fn, void *user_data,
                                     GError **error);

/*
 * entx_rules_error:
 * Sets *error to an ENTX_ERR_CONFIG error "FILE:LINE:COLUMN: MESSAGE"
 * for line (column 0 leaves the column out) and returns FALSE, so a
 * callback can end with "return entx_rules_error(line, col, error, ...)".
 */
ENTX_EXPORT gboolean entx_rules_error(const entx_rules_line *line, size_t column, GError **error,
                                      const char *format, ...) G_GNUC_PRINTF(4, 5);

/*
 * entx_rules_attr:
 * The value of attribute key of an entry line, or NULL.
 */
ENTX_EXPORT const char *entx_rules_attr(const entx_rules_line *line, const char *key);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_RULES_H */
