/*
 * entx - the plugin ABI.
 *
 * A plugin is a shared object that exports exactly one symbol,
 * entx_plugin_get_desc, a function returning a pointer to a static const
 * entx_plugin_desc. Write it with ENTX_PLUGIN_DEFINE, which fills in the
 * ABI and API versions this header was compiled with:
 *
 *     static const char *const classes[] = { "Quantity", NULL };
 *     ENTX_PLUGIN_DEFINE("quantity", "1.0", "numbers and what they count",
 *                        "GPL-3.0-or-later", classes, 0,
 *                        my_create, my_extract, my_destroy)
 *
 * Lifecycle. The core calls create() once after loading, with the
 * plugin's configuration (options given as --option=NAME.KEY=VALUE and
 * the rules directories). create() returns the plugin's state, or NULL
 * and sets the GError. extract() is then called once per document with
 * that state; it adds mentions with entx_doc_add_mention(). destroy()
 * frees the state when the core unloads the plugin.
 *
 * Threading. extract() may run concurrently on different documents with
 * the same state: treat the state as read-only after create() and keep
 * no mutable global variables. A document is only ever seen by one
 * thread at a time.
 *
 * Versioning policy (also in HACKING).
 *   - ENTX_PLUGIN_ABI_VERSION must match exactly. It is bumped when any
 *     field of entx_plugin_desc is changed, reordered or removed, when
 *     entx_token changes at all (plugins index the token array, so even
 *     an appended field moves every token), or when an exported function
 *     changes its meaning. The core
 *     refuses a plugin built for another ABI, naming the file and both
 *     versions.
 *   - ENTX_PLUGIN_API_VERSION only grows. It is bumped when a function or
 *     a field is appended. A plugin records the API version it was built
 *     with, and the core refuses a plugin that needs a newer API than it
 *     provides. New functions are marked "@since API n" below.
 *   - Structs are append-only: new fields go at the end, before the
 *     reserved padding, which shrinks to keep the size.
 */
#ifndef ENTX_PLUGIN_H
#define ENTX_PLUGIN_H

#include <entx/common.h>
#include <entx/doc.h>
#include <entx/mention.h>
#include <entx/rules.h>
#include <entx/gazetteer.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ENTX_PLUGIN_ABI_VERSION 1
#define ENTX_PLUGIN_API_VERSION 1

/* The name of the one symbol a plugin exports. */
#define ENTX_PLUGIN_ENTRY_SYMBOL "entx_plugin_get_desc"

/*
 * entx_plugin_config:
 * Opaque; what create() gets to configure itself. Valid only during
 * create(): copy what you keep.
 */
typedef struct entx_plugin_config entx_plugin_config;

/*
 * entx_plugin_config_get:
 * The value of option `key` given as --option=PLUGIN.KEY=VALUE for this
 * plugin, or NULL when it was not given. Owned by the core.
 */
ENTX_EXPORT const char *entx_plugin_config_get(const entx_plugin_config *cfg, const char *key);

/*
 * entx_plugin_config_rules_dirs:
 * The rules directories, most specific first (--rules-dir, then
 * ENTX_RULES_PATH, then $XDG_CONFIG_HOME/entx/rules, then the installed
 * rules directory), as a NULL-terminated array owned by the core.
 */
ENTX_EXPORT const char *const *entx_plugin_config_rules_dirs(const entx_plugin_config *cfg);

/*
 * entx_plugin_config_find_rules:
 * The path of the first file called `name` in the rules directories, in
 * the order above, or NULL when there is none. Returns a newly allocated
 * string: free it with g_free().
 */
ENTX_EXPORT char *entx_plugin_config_find_rules(const entx_plugin_config *cfg, const char *name);

/*
 * entx_plugin_config_plugin_name:
 * The name of the plugin being created (from its descriptor). Owned by
 * the core.
 */
ENTX_EXPORT const char *entx_plugin_config_plugin_name(const entx_plugin_config *cfg);

/*
 * entx_plugin_config_warn:
 * Prints a warning to the user on behalf of the plugin being created
 * ("entx: plugin 'NAME': MESSAGE"). Use it for problems that do not make
 * create() fail, such as a skipped rule. printf-style.
 */
ENTX_EXPORT void entx_plugin_config_warn(const entx_plugin_config *cfg, const char *format, ...)
	G_GNUC_PRINTF(2, 3);

/*
 * entx_plugin_config_shared:
 * Data that several plugins of one engine share, such as the lexicon the
 * person, organization and place plugins all read: the first plugin to
 * ask for `key` has create(cfg, error) build it; later plugins get the
 * same pointer. The engine owns it and frees it with destroy (may be
 * NULL) after every plugin's destroy() has run. Treat it as read-only
 * once created: extract() calls share it across threads. Keys should
 * carry the sharing component's name ("names.lexicon"). Returns the data,
 * or NULL with *error set when create failed (a later call tries again).
 */
typedef void *(*entx_shared_create_fn)(const entx_plugin_config *cfg, GError **error);
ENTX_EXPORT void *entx_plugin_config_shared(const entx_plugin_config *cfg, const char *key,
                                            entx_shared_create_fn create, GDestroyNotify destroy,
                                            GError **error);

/* create(): must not be NULL. Returns state (may be any non-NULL
 * pointer) or NULL with *error set. */
typedef void *(*entx_plugin_create_fn)(const entx_plugin_config *cfg, GError **error);

/* extract(): must not be NULL. Adds mentions to doc. Returns TRUE, or
 * FALSE with *error set when the document could not be processed (the
 * core then reports the document as failed). */
typedef gboolean (*entx_plugin_extract_fn)(void *state, entx_doc *doc, GError **error);

/* destroy(): optional (may be NULL). Frees the state. */
typedef void (*entx_plugin_destroy_fn)(void *state);

#define ENTX_PLUGIN_PADDING 8

/*
 * entx_plugin_desc:
 * What a plugin tells the core about itself. Always static const, never
 * freed. Field order is part of the ABI.
 */
typedef struct entx_plugin_desc {
	uint32_t abi_version; /* ENTX_PLUGIN_ABI_VERSION at build time */
	uint32_t api_version; /* ENTX_PLUGIN_API_VERSION at build time */
	const char *name;     /* [a-z0-9_-]+, unique; used in --plugins and --option */
	const char *version;  /* the plugin's own version */
	const char *summary;  /* one line, no full stop */
	const char *license;  /* SPDX identifier */
	const char *const *classes; /* NULL-terminated categories it may emit */
	int priority;         /* merge tie-breaker: higher wins */
	entx_plugin_create_fn create;
	entx_plugin_extract_fn extract;
	entx_plugin_destroy_fn destroy;
	void *reserved[ENTX_PLUGIN_PADDING];
} entx_plugin_desc;

typedef const entx_plugin_desc *(*entx_plugin_get_desc_fn)(void);

/*
 * ENTX_PLUGIN_DEFINE:
 * Defines the plugin's one exported symbol. Use once per plugin, at file
 * scope; every other function of the plugin should be static.
 */
#define ENTX_PLUGIN_DEFINE(name_, version_, summary_, license_, classes_, priority_, create_,     \
                           extract_, destroy_)                                                    \
	ENTX_EXPORT const entx_plugin_desc *entx_plugin_get_desc(void);                           \
	ENTX_EXPORT const entx_plugin_desc *entx_plugin_get_desc(void)                            \
	{                                                                                         \
		static const entx_plugin_desc desc = {                                            \
			ENTX_PLUGIN_ABI_VERSION, ENTX_PLUGIN_API_VERSION, name_, version_, summary_,  \
			license_, classes_, priority_, create_, extract_, destroy_, {0}};            \
		return &desc;                                                                     \
	}

#ifdef __cplusplus
}
#endif

#endif /* ENTX_PLUGIN_H */
