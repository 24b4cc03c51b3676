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
};

/* Initializes cfg (no allocation beyond read_keys); clear with
 * entx_priv_plugin_config_clear. */
void entx_priv_plugin_config_init(entx_plugin_config *cfg, const char *plugin_name,
                                  GHashTable *options, const char *const *rules_dirs,
                                  entx_message_fn message, void *message_data);
void entx_priv_plugin_config_clear(entx_plugin_config *cfg);

/* The first option key the plugin never asked for, or NULL. */
const char *entx_priv_plugin_config_unread(const entx_plugin_config *cfg);

#endif
