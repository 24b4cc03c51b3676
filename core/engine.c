/*
 * The engine: plugin discovery, creation, processing and merging.
 */
#include <entx/engine.h>
#include <entx/plugin.h>
#include <stdio.h>
#include <string.h>

#include "doc_private.h"
#include "loader.h"
#include "merge.h"
#include "plugin_config.h"

struct entx_engine {
	GPtrArray *plugin_dirs; /* char*, NULL-terminated once loading starts */
	GPtrArray *rules_dirs;  /* char*, NULL-terminated */
	GHashTable *options;    /* plugin name -> (key -> value) */
	GPtrArray *plugins;     /* entx_loaded_plugin*, in run order */
	GHashTable *shared;     /* entx_plugin_config_shared: key -> entx_priv_shared* */
	GPtrArray *failed;      /* plugins whose create() failed, kept mapped until the end */
	entx_overlaps overlaps;
	entx_message_fn message;
	void *message_data;
	gboolean loaded;
};

static void default_message(const char *message, void *user_data)
{
	fprintf(stderr, "entx: %s\n", message);
}

static void message(const entx_engine *e, const char *format, ...) G_GNUC_PRINTF(2, 3);
static void message(const entx_engine *e, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	e->message(msg, e->message_data);
	g_free(msg);
}

entx_engine *entx_engine_new(void)
{
	entx_engine *e = g_new0(entx_engine, 1);
	e->plugin_dirs = g_ptr_array_new_with_free_func(g_free);
	e->rules_dirs = g_ptr_array_new_with_free_func(g_free);
	e->options = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                   (GDestroyNotify)g_hash_table_destroy);
	e->plugins = g_ptr_array_new_with_free_func((GDestroyNotify)entx_priv_plugin_close);
	e->shared = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, entx_priv_shared_free);
	e->failed = g_ptr_array_new_with_free_func((GDestroyNotify)entx_priv_plugin_close);
	e->message = default_message;
	return e;
}

void entx_engine_free(entx_engine *e)
{
	if (e == NULL)
		return;
	/*
	 * Shared data is freed by functions in plugin code, after the plugins
	 * that used it are destroyed and before any plugin is unmapped:
	 * states (in reverse creation order), shared data, then dlclose.
	 */
	for (size_t i = e->plugins->len; i-- > 0;)
		entx_priv_plugin_destroy_state(g_ptr_array_index(e->plugins, i));
	for (size_t i = 0; i < e->failed->len; i++)
		entx_priv_plugin_destroy_state(g_ptr_array_index(e->failed, i));
	g_hash_table_destroy(e->shared);
	g_ptr_array_free(e->plugins, TRUE);
	g_ptr_array_free(e->failed, TRUE);
	g_ptr_array_free(e->plugin_dirs, TRUE);
	g_ptr_array_free(e->rules_dirs, TRUE);
	g_hash_table_destroy(e->options);
	g_free(e);
}

void entx_engine_set_message_func(entx_engine *e, entx_message_fn fn, void *user_data)
{
	e->message = fn != NULL ? fn : default_message;
	e->message_data = fn != NULL ? user_data : NULL;
}

static int add_dir(GPtrArray *dirs, const char *dir)
{
	if (dir == NULL || *dir == '\0')
		return ENTX_ERR_INVALID;
	for (size_t i = 0; i < dirs->len; i++)
		if (strcmp(g_ptr_array_index(dirs, i), dir) == 0)
			return ENTX_OK;
	g_ptr_array_add(dirs, g_strdup(dir));
	return ENTX_OK;
}

int entx_engine_add_plugin_dir(entx_engine *e, const char *dir)
{
	return add_dir(e->plugin_dirs, dir);
}

int entx_engine_add_rules_dir(entx_engine *e, const char *dir)
{
	return add_dir(e->rules_dirs, dir);
}

gboolean entx_engine_set_option(entx_engine *e, const char *spec, GError **error)
{
	const char *dot = spec != NULL ? strchr(spec, '.') : NULL;
	const char *eq = dot != NULL ? strchr(dot, '=') : NULL;
	if (dot == NULL || eq == NULL || dot == spec || eq == dot + 1) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
		            "bad plugin option '%s': expected PLUGIN.KEY=VALUE",
		            spec != NULL ? spec : "");
		return FALSE;
	}
	char *plugin = g_strndup(spec, dot - spec);
	GHashTable *opts = g_hash_table_lookup(e->options, plugin);
	if (opts == NULL) {
		opts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		g_hash_table_insert(e->options, g_strdup(plugin), opts);
	}
	g_hash_table_insert(opts, g_strndup(dot + 1, eq - dot - 1), g_strdup(eq + 1));
	g_free(plugin);
	return TRUE;
}

void entx_engine_set_overlaps(entx_engine *e, entx_overlaps mode)
{
	e->overlaps = mode;
}

static gboolean in_list(const char *const *list, const char *name)
{
	for (; list != NULL && *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return TRUE;
	return FALSE;
}

static gboolean loaded_already(const entx_engine *e, const char *name)
{
	for (size_t i = 0; i < e->plugins->len; i++) {
		const entx_loaded_plugin *p = g_ptr_array_index(e->plugins, i);
		if (strcmp(p->desc->name, name) == 0)
			return TRUE;
	}
	return FALSE;
}

static gboolean create_plugin(entx_engine *e, entx_loaded_plugin *p, GError **error)
{
	entx_plugin_config cfg;
	entx_priv_plugin_config_init(&cfg, p->desc->name, g_hash_table_lookup(e->options, p->desc->name),
	                             (const char *const *)e->rules_dirs->pdata, e->message,
	                             e->message_data, e->shared);
	GError *local = NULL;
	p->state = p->desc->create(&cfg, &local);
	gboolean ok = p->state != NULL;
	if (!ok) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_PLUGIN, "plugin '%s' (%s) failed to start: %s",
		            p->desc->name, p->file,
		            local != NULL ? local->message : "create() returned NULL without an error");
	} else {
		const char *unread = entx_priv_plugin_config_unread(&cfg);
		if (unread != NULL) {
			g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG, "plugin '%s' has no option '%s'",
			            p->desc->name, unread);
			ok = FALSE;
		}
	}
	g_clear_error(&local);
	entx_priv_plugin_config_clear(&cfg);
	return ok;
}

/* Loads and creates the plugin at path. */
static gboolean load_one(entx_engine *e, const char *path, const char *name, GError **error)
{
	entx_loaded_plugin *p = entx_priv_plugin_open(path, name, error);
	if (p == NULL)
		return FALSE;
	if (!create_plugin(e, p, error)) {
		/* It may have created shared data before failing. */
		g_ptr_array_add(e->failed, p);
		return FALSE;
	}
	g_ptr_array_add(e->plugins, p);
	return TRUE;
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The *.so files in dir, sorted, so load order does not depend on the
 * file system. */
static GPtrArray *list_plugin_files(const char *dir)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(dir, 0, NULL);
	if (d == NULL)
		return files;
	const char *entry = NULL;
	while ((entry = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(entry, ".so") && strlen(entry) > 3)
			g_ptr_array_add(files, g_strdup(entry));
	g_dir_close(d);
	g_ptr_array_sort(files, compare_strings);
	return files;
}

/* Loads the plugins of one directory. Failures of plugins the user named
 * are errors; others are warnings. */
static gboolean load_dir(entx_engine *e, const char *dir, const char *const *only,
                         const char *const *disable, GError **error)
{
	GError *local = NULL;
	if (!entx_priv_dir_safe(dir, "plugins", &local)) {
		if (only != NULL) {
			g_propagate_error(error, local);
			return FALSE;
		}
		message(e, "%s", local->message);
		g_error_free(local);
		return TRUE;
	}
	GPtrArray *files = list_plugin_files(dir);
	gboolean ok = TRUE;
	for (size_t i = 0; ok && i < files->len; i++) {
		const char *file = g_ptr_array_index(files, i);
		char *name = g_strndup(file, strlen(file) - 3);
		gboolean wanted = (only == NULL || in_list(only, name)) && !in_list(disable, name) &&
		                  !loaded_already(e, name);
		if (wanted) {
			char *path = g_build_filename(dir, file, NULL);
			if (!load_one(e, path, name, &local)) {
				if (only != NULL) {
					g_propagate_error(error, local);
					local = NULL;
					ok = FALSE;
				} else {
					message(e, "%s; skipping it", local->message);
					g_clear_error(&local);
				}
			}
			g_free(path);
		}
		g_free(name);
	}
	g_ptr_array_free(files, TRUE);
	return ok;
}

static gint compare_plugins(gconstpointer a, gconstpointer b)
{
	const entx_loaded_plugin *x = *(entx_loaded_plugin *const *)a;
	const entx_loaded_plugin *y = *(entx_loaded_plugin *const *)b;
	return strcmp(x->desc->name, y->desc->name);
}

static gboolean check_named(const entx_engine *e, const char *const *only,
                            const char *const *disable, GError **error)
{
	for (const char *const *n = only; n != NULL && *n != NULL; n++)
		if (!in_list(disable, *n) && !loaded_already(e, *n)) {
			g_set_error(error, ENTX_ERROR, ENTX_ERR_NOTFOUND,
			            "no plugin named '%s' in the plugin path", *n);
			return FALSE;
		}
	GHashTableIter it;
	gpointer name = NULL;
	g_hash_table_iter_init(&it, e->options);
	while (g_hash_table_iter_next(&it, &name, NULL))
		if (!loaded_already(e, name)) {
			g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
			            "option given for plugin '%s', which is not loaded", (char *)name);
			return FALSE;
		}
	return TRUE;
}

gboolean entx_engine_load(entx_engine *e, const char *const *only, const char *const *disable,
                          GError **error)
{
	if (e->loaded) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_INVALID, "entx_engine_load called twice");
		return FALSE;
	}
	e->loaded = TRUE;
	for (size_t i = e->rules_dirs->len; i-- > 0;) {
		GError *local = NULL;
		if (!entx_priv_dir_safe(g_ptr_array_index(e->rules_dirs, i), "rules", &local)) {
			message(e, "%s; ignoring it", local->message);
			g_error_free(local);
			g_ptr_array_remove_index(e->rules_dirs, i);
		}
	}
	g_ptr_array_add(e->rules_dirs, NULL);
	for (size_t i = 0; i < e->plugin_dirs->len; i++)
		if (!load_dir(e, g_ptr_array_index(e->plugin_dirs, i), only, disable, error))
			return FALSE;
	g_ptr_array_sort(e->plugins, compare_plugins);
	return check_named(e, only, disable, error);
}

size_t entx_engine_n_plugins(const entx_engine *e)
{
	return e->plugins->len;
}

static const entx_loaded_plugin *plugin_at(const entx_engine *e, size_t i)
{
	return i < e->plugins->len ? g_ptr_array_index(e->plugins, i) : NULL;
}

#define PLUGIN_FIELD(fn, expr)                                                                   \
	const char *fn(const entx_engine *e, size_t i)                                           \
	{                                                                                        \
		const entx_loaded_plugin *p = plugin_at(e, i);                                   \
		return p != NULL ? (expr) : NULL;                                                \
	}
PLUGIN_FIELD(entx_engine_plugin_name, p->desc->name)
PLUGIN_FIELD(entx_engine_plugin_version, p->desc->version)
PLUGIN_FIELD(entx_engine_plugin_summary, p->desc->summary)
PLUGIN_FIELD(entx_engine_plugin_license, p->desc->license)
PLUGIN_FIELD(entx_engine_plugin_file, p->file)

const char *const *entx_engine_plugin_classes(const entx_engine *e, size_t i)
{
	static const char *const none[] = {NULL};
	const entx_loaded_plugin *p = plugin_at(e, i);
	if (p == NULL)
		return NULL;
	return p->desc->classes != NULL ? p->desc->classes : none;
}

gboolean entx_engine_process(const entx_engine *e, entx_doc *doc, GError **error)
{
	doc->message = e->message;
	doc->message_data = e->message_data;
	for (size_t i = 0; i < e->plugins->len; i++) {
		const entx_loaded_plugin *p = g_ptr_array_index(e->plugins, i);
		doc->current_annotator = p->desc->name;
		doc->current_annotator_interned = NULL;
		doc->current_priority = p->desc->priority;
		GError *local = NULL;
		gboolean ok = p->desc->extract(p->state, doc, &local);
		doc->current_annotator = NULL;
		doc->current_annotator_interned = NULL;
		if (!ok) {
			g_set_error(error, ENTX_ERROR, ENTX_ERR_PLUGIN,
			            "plugin '%s' failed on document '%s': %s", p->desc->name, doc->id,
			            local != NULL ? local->message : "extract() returned FALSE without an error");
			g_clear_error(&local);
			return FALSE;
		}
	}
	entx_priv_merge(doc, e->overlaps);
	return TRUE;
}
