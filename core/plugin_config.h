/*
 * Private: the configuration handed to a plugin's create().
 */
#ifndef ENTX_CORE_PLUGIN_CONFIG_H
#define ENTX_CORE_PLUGIN_CONFIG_H

#include <entx/engine.h>
#include <entx/plugin.h>

struct entx_plugin_config {
	const char *plugin_name;
	GHashTable *options;           /* key -> value, owned by the engine; may be NULL */
	GHashTable *read_keys;         /* keys the plugin asked for */
	const char *const *rules_dirs; /* owned by the engine */
	entx_message_fn message;
	void *message_data;
	GHashTable *shared;            /* key -> entx_priv_shared*, owned by the engine */
};

/* One entry of the engine's shared data (entx_plugin_config_shared). */
typedef struct {
	void *data;
	GDestroyNotify destroy;
} entx_priv_shared;

/* Frees an entry: destroy(data), then the entry. */
void entx_priv_shared_free(gpointer entry);

/* Initializes cfg (no allocation beyond read_keys); clear with
 * entx_priv_plugin_config_clear. */
void entx_priv_plugin_config_init(entx_plugin_config *cfg, const char *plugin_name,
                                  GHashTable *options, const char *const *rules_dirs,
                                  entx_message_fn message, void *message_data,
                                  GHashTable *shared);
void entx_priv_plugin_config_clear(entx_plugin_config *cfg);

/* The first option key the plugin never asked for, or NULL. */
const char *entx_priv_plugin_config_unread(const entx_plugin_config *cfg);

#endif
