/*
 * entx - the engine: loading plugins and processing documents.
 *
 * This is the API the entx program is built on, for applications that
 * embed entx. Typical use:
 *
 *     entx_engine *e = entx_engine_new();
 *     entx_engine_add_plugin_dir(e, "/usr/lib/x86_64-linux-gnu/entx/plugins");
 *     entx_engine_add_rules_dir(e, "/usr/share/entx/rules");
 *     if (!entx_engine_load(e, NULL, NULL, &error)) ...
 *     entx_doc *doc = entx_doc_new("story.txt", text, len);
 *     if (!entx_engine_process(e, doc, &error)) ...
 *     for (size_t i = 0; i < entx_doc_n_mentions(doc); i++) ...
 *     entx_doc_free(doc);
 *     entx_engine_free(e);
 *
 * Threading. Configure and load from one thread. After entx_engine_load()
 * returns, entx_engine_process() may be called from several threads at
 * once, each with its own document.
 */
#ifndef ENTX_ENGINE_H
#define ENTX_ENGINE_H

#include <entx/common.h>
#include <entx/doc.h>
#include <entx/mention.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct entx_engine entx_engine;

/* How overlapping candidates are resolved; see entx_engine_set_overlaps(). */
typedef enum {
	ENTX_OVERLAPS_MERGE = 0, /* the documented merge policy (default) */
	ENTX_OVERLAPS_ALL = 1    /* keep every candidate */
} entx_overlaps;

/* Receives warnings and non-fatal errors as one line of text, without
 * the "entx: " prefix or a newline. */
typedef void (*entx_message_fn)(const char *message, void *user_data);

/*
 * entx_engine_new / entx_engine_free:
 * Create an engine with no plugins (never returns NULL), and free it,
 * unloading its plugins. entx_engine_free(NULL) does nothing.
 */
ENTX_EXPORT entx_engine *entx_engine_new(void);
ENTX_EXPORT void entx_engine_free(entx_engine *e);

/*
 * entx_engine_set_message_func:
 * Where warnings go. The default prints "entx: MESSAGE" on stderr.
 * Messages may come from several threads at once during processing.
 */
ENTX_EXPORT void entx_engine_set_message_func(entx_engine *e, entx_message_fn fn, void *user_data);

/*
 * entx_engine_add_plugin_dir / entx_engine_add_rules_dir:
 * Append a directory to search for plugins (*.so) or rule files; earlier
 * directories win when two hold a plugin of the same name. The path is
 * copied. Returns 0, or ENTX_ERR_INVALID for NULL or an empty string.
 */
ENTX_EXPORT int entx_engine_add_plugin_dir(entx_engine *e, const char *dir);
ENTX_EXPORT int entx_engine_add_rules_dir(entx_engine *e, const char *dir);

/*
 * entx_engine_set_option:
 * Records a plugin option given as "PLUGIN.KEY=VALUE". Returns TRUE, or
 * FALSE with *error set (ENTX_ERR_CONFIG) when spec is malformed.
 * Options for plugins that are not loaded are reported by
 * entx_engine_load().
 */
ENTX_EXPORT gboolean entx_engine_set_option(entx_engine *e, const char *spec, GError **error);

/*
 * entx_engine_set_overlaps:
 * Chooses how entx_engine_process() resolves overlapping mentions.
 */
ENTX_EXPORT void entx_engine_set_overlaps(entx_engine *e, entx_overlaps mode);

/*
 * entx_engine_load:
 * Finds, loads, checks and creates plugins. With `only` (NULL-terminated
 * names) exactly those are loaded and any of them that cannot be loaded
 * is an error; otherwise every plugin found is loaded, and one that
 * cannot be (not a shared object, no entry symbol, another ABI, create()
 * failed) is reported through the message function and skipped. Names
 * in `disable` are skipped. Returns TRUE, or FALSE with *error set
 * (ENTX_ERR_LOAD, ENTX_ERR_ABI, ENTX_ERR_PLUGIN, ENTX_ERR_NOTFOUND or
 * ENTX_ERR_CONFIG) naming the file or plugin. Call it once.
 */
ENTX_EXPORT gboolean entx_engine_load(entx_engine *e, const char *const *only,
                                      const char *const *disable, GError **error);

/*
 * entx_engine_n_plugins / entx_engine_plugin_*:
 * The loaded plugins in the order they run, and their descriptor fields
 * and the file each was loaded from. Strings are owned by the engine;
 * NULL when i is out of range. classes is NULL-terminated.
 */
ENTX_EXPORT size_t entx_engine_n_plugins(const entx_engine *e);
ENTX_EXPORT const char *entx_engine_plugin_name(const entx_engine *e, size_t i);
ENTX_EXPORT const char *entx_engine_plugin_version(const entx_engine *e, size_t i);
ENTX_EXPORT const char *entx_engine_plugin_summary(const entx_engine *e, size_t i);
ENTX_EXPORT const char *entx_engine_plugin_license(const entx_engine *e, size_t i);
ENTX_EXPORT const char *entx_engine_plugin_file(const entx_engine *e, size_t i);
ENTX_EXPORT const char *const *entx_engine_plugin_classes(const entx_engine *e, size_t i);

/*
 * entx_engine_process:
 * Runs every loaded plugin over doc, then merges the candidates, so that
 * entx_doc_mention() yields the result. Returns TRUE, or FALSE with
 * *error set (ENTX_ERR_PLUGIN, naming the plugin) when a plugin failed;
 * the document's mentions are then unspecified.
 *
 * Merge policy (ENTX_OVERLAPS_MERGE):
 *   1. Mentions of the same category that overlap: the longer wins
 *      (equal length: higher confidence, then earlier start, then higher
 *      plugin priority).
 *   2. Mentions of different categories that cross (overlap, neither
 *      inside the other): higher confidence wins, then the longer, then
 *      the higher plugin priority, then the earlier start.
 *   3. A mention lying wholly inside a mention of another category is
 *      kept, as is its container (Organization "Islamic State" inside
 *      Quantity "seven Islamic State suspects"). An identical span with
 *      two categories is a crossing: rule 2 decides.
 */
ENTX_EXPORT gboolean entx_engine_process(const entx_engine *e, entx_doc *doc, GError **error);

/*
 * entx_doc_new:
 * Creates a document from len bytes of text (which need not be valid
 * UTF-8 nor NUL-terminated, and may contain NUL), copies it, replaces
 * invalid UTF-8 sequences with U+FFFD and tokenizes it. id is copied
 * (NULL means "-"). Never returns NULL. Free with entx_doc_free().
 */
ENTX_EXPORT entx_doc *entx_doc_new(const char *id, const char *text, size_t len);
ENTX_EXPORT void entx_doc_free(entx_doc *doc);

/*
 * entx_doc_reset:
 * Makes doc the document entx_doc_new(id, text, len) would make, reusing
 * the memory it holds: for streams of short documents, whose cost is
 * otherwise much in allocating each one. The previous text, its tokens,
 * mentions, attached data (destroyed) and reference date are gone, and
 * pointers into them are invalid.
 */
ENTX_EXPORT void entx_doc_reset(entx_doc *doc, const char *id, const char *text, size_t len);

/*
 * entx_doc_n_invalid_utf8 / entx_doc_first_invalid_utf8:
 * How many invalid UTF-8 sequences were replaced, and the byte offset in
 * the original input of the first one (meaningless when there were none).
 */
ENTX_EXPORT size_t entx_doc_n_invalid_utf8(const entx_doc *doc);
ENTX_EXPORT size_t entx_doc_first_invalid_utf8(const entx_doc *doc);

/*
 * entx_doc_set_reference_date:
 * Sets the reference date, "YYYY-MM-DD" (a longer ISO 8601 date-time is
 * accepted and cut to its date). Returns 0, or ENTX_ERR_INVALID when it
 * is not a valid calendar date (the reference date is then unchanged).
 */
ENTX_EXPORT int entx_doc_set_reference_date(entx_doc *doc, const char *date);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_ENGINE_H */
