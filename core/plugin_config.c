/*
 * What a plugin sees of its configuration during create().
 */
#include "plugin_config.h"

#include <stdarg.h>

void entx_priv_plugin_config_init(entx_plugin_config *cfg, const char *plugin_name,
                                  GHashTable *options, const char *const *rules_dirs,
                                  entx_message_fn message, void *message_data,
                                  GHashTable *shared)
{
	cfg->shared = shared;
	cfg->plugin_name = plugin_name;
	cfg->options = options;
	cfg->read_keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	cfg->rules_dirs = rules_dirs;
	cfg->message = message;
	cfg->message_data = message_data;
}

void entx_priv_plugin_config_clear(entx_plugin_config *cfg)
{
	g_hash_table_destroy(cfg->read_keys);
	cfg->read_keys = NULL;
}

const char *entx_plugin_config_get(const entx_plugin_config *cfg, const char *key)
{
	if (cfg == NULL || key == NULL)
		return NULL;
	g_hash_table_add(cfg->read_keys, g_strdup(key));
	return cfg->options != NULL ? g_hash_table_lookup(cfg->options, key) : NULL;
}

const char *const *entx_plugin_config_rules_dirs(const entx_plugin_config *cfg)
{
	return cfg->rules_dirs;
}

const char *entx_plugin_config_plugin_name(const entx_plugin_config *cfg)
{
	return cfg->plugin_name;
}

char *entx_plugin_config_find_rules(const entx_plugin_config *cfg, const char *name)
{
	if (cfg == NULL || name == NULL || *name == '\0' || g_path_is_absolute(name))
		return NULL;
	for (const char *const *d = cfg->rules_dirs; d != NULL && *d != NULL; d++) {
		char *path = g_build_filename(*d, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
			return path;
		g_free(path);
	}
	return NULL;
}

void entx_plugin_config_warn(const entx_plugin_config *cfg, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	char *line = g_strdup_printf("plugin '%s': %s", cfg->plugin_name, msg);
	cfg->message(line, cfg->message_data);
	g_free(line);
	g_free(msg);
}

const char *entx_priv_plugin_config_unread(const entx_plugin_config *cfg)
{
	if (cfg->options == NULL)
		return NULL;
	GHashTableIter it;
	gpointer key = NULL;
	g_hash_table_iter_init(&it, cfg->options);
	while (g_hash_table_iter_next(&it, &key, NULL))
		if (!g_hash_table_contains(cfg->read_keys, key))
			return key;
	return NULL;
}

void entx_priv_shared_free(gpointer entry)
{
	entx_priv_shared *s = entry;
	if (s->destroy != NULL)
		s->destroy(s->data);
	g_free(s);
}

void *entx_plugin_config_shared(const entx_plugin_config *cfg, const char *key,
                                entx_shared_create_fn create, GDestroyNotify destroy,
                                GError **error)
{
	if (cfg == NULL || key == NULL || create == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_INVALID,
		            "entx_plugin_config_shared: NULL argument");
		return NULL;
	}
	entx_priv_shared *s = g_hash_table_lookup(cfg->shared, key);
	if (s != NULL)
		return s->data;
	void *data = create(cfg, error);
	if (data == NULL)
		return NULL;
	s = g_new0(entx_priv_shared, 1);
	s->data = data;
	s->destroy = destroy;
	g_hash_table_insert(cfg->shared, g_strdup(key), s);
	return data;
}
