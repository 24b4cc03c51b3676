/*
 * Private to the entx program: appending JSON values to a GString.
 *
 * The JSON-LD writer streams its output with these instead of building
 * a jansson tree per document: a tree costs several allocations per
 * mention and a second pass to serialize it. What is written is what
 * jansson writes with ENTX_JSON_DUMP_FLAGS, except that numbers carried
 * through from JSONL input keep all their digits (jansson would write
 * six), and --pretty output is indented from the compact text, never
 * re-read into a tree.
 */
#ifndef ENTX_CORE_JSON_WRITE_H
#define ENTX_CORE_JSON_WRITE_H

#include <glib.h>
#include <jansson.h>
#include <string.h>

/* The flags of jansson's dump that entx's JSON output matches (see above). */
#define ENTX_JSON_DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))

/*
 * entx_json_special:
 * 1 for the bytes that cannot stand raw inside a JSON string ('"', '\\'
 * and C0 controls), 0 for the rest: the writer escapes them and the JSONL
 * reader stops its plain-copy runs at them. 0x7F and non-ASCII bytes are
 * written raw, as jansson does.
 */
extern const unsigned char entx_json_special[256];

/*
 * entx_put:
 * Appends n bytes to out, copying in place when they fit: the writers
 * append a few bytes at a time, and a library call per piece was a
 * tenth of the JSON-LD writer's time.
 */
static inline void entx_put(GString *out, const char *s, size_t n)
{
	if (G_LIKELY(out->len + n < out->allocated_len)) {
		memcpy(out->str + out->len, s, n);
		out->len += n;
		out->str[out->len] = '\0';
	} else
		g_string_append_len(out, s, (gssize)n);
}

static inline void entx_put_c(GString *out, char c)
{
	entx_put(out, &c, 1);
}

/*
 * entx_reserve:
 * Makes room for n more bytes (and the NUL) at out's end and returns
 * where they go, for a writer that stores through the pointer, past
 * out->len, and then ends with entx_commit(): one check for room for a
 * whole record instead of one per piece.
 */
static inline char *entx_reserve(GString *out, size_t n)
{
	if (G_UNLIKELY(out->len + n >= out->allocated_len)) {
		size_t len = out->len;
		g_string_set_size(out, len + n);
		g_string_truncate(out, len);
	}
	return out->str + out->len;
}

/* Takes the bytes written since entx_reserve() up to end into out. */
static inline void entx_commit(GString *out, char *end)
{
	out->len = (size_t)(end - out->str);
	*end = '\0';
}

/* Copies n bytes to d and returns their end: a constant n copies inline. */
static inline char *entx_store(char *d, const char *s, size_t n)
{
	memcpy(d, s, n);
	return d + n;
}

/*
 * entx_drain:
 * Where a writer hands on the output of a long document before its end,
 * so that a document of megabytes is not held whole in memory (its
 * JSON-LD runs to several times its text): fn writes out's bytes and
 * empties it. Without worker threads nothing waits to be written first;
 * with them, output is held for input order and there is no drain.
 */
typedef struct {
	void (*fn)(GString *out, void *data);
	void *data;
} entx_drain;

/* The output a writer collects before it drains. */
#define ENTX_DRAIN_BYTES (1u << 20)

/* Drains out through d (which may be NULL) once it holds ENTX_DRAIN_BYTES. */
static inline void entx_drain_maybe(const entx_drain *d, GString *out)
{
	if (d != NULL && out->len >= ENTX_DRAIN_BYTES)
		d->fn(out, d->data);
}

/*
 * The room escaping n bytes may take (six for a control byte) and a
 * word more: the escaper stores eight bytes at a time.
 */
#define ENTX_JSON_ROOM(n) (6 * (n) + 8)

/*
 * entx_json_write_string:
 * Appends the n bytes at s as a JSON string literal, quotes included.
 * '"', '\\' and control characters are escaped as jansson escapes them;
 * invalid UTF-8 (possible in a file name used as a document id) is
 * written as U+FFFD, so the output is always valid JSON.
 */
void entx_json_write_string(GString *out, const char *s, size_t n);

/*
 * entx_json_write_valid_string:
 * The same for text known to be valid UTF-8 (NUL allowed), such as a
 * document's analysed text and slices of it at character boundaries.
 */
void entx_json_write_valid_string(GString *out, const char *s, size_t n);

/*
 * entx_json_put_valid_string:
 * The same written at d, which has room for ENTX_JSON_ROOM(n) + 2
 * bytes (see entx_reserve()); returns the end of what it wrote.
 */
char *entx_json_put_valid_string(char *d, const char *s, size_t n);

/* Appends an unsigned integer in decimal: a JSON number, a TSV column. */
void entx_append_decimal(GString *out, size_t v);

/*
 * entx_json_write_real:
 * Appends v as jansson writes a real with JSON_REAL_PRECISION(6)
 * ("%.6g", always with a '.' or an exponent: 0.85, 1.0, 1e21).
 * v must be finite.
 */
void entx_json_write_real(GString *out, double v);

/*
 * entx_json_write_value:
 * Appends any jansson value, compact, as jansson dumps it except for
 * reals: those get the fewest significant digits (15 to 17) that read
 * back as the same double, not six, so a value carried through from
 * JSONL input keeps its digits (48.856613, not 48.8566).
 */
void entx_json_write_value(GString *out, const json_t *value);

/*
 * entx_json_indenter:
 * Turns compact JSON (no white space outside strings, as the writers
 * here make it) into the form jansson dumps with JSON_INDENT(2), fed in
 * pieces of any size; numbers and strings are copied as they are.
 * Start from a zeroed struct, one per JSON text.
 */
typedef struct {
	unsigned depth;
	gboolean in_string, escaped;
	char opened; /* '{' or '[' just written, its line not yet broken */
} entx_json_indenter;

void entx_json_indent(entx_json_indenter *st, GString *out, const char *s, size_t n);

#endif
