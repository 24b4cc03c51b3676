/*
 * Private: opening one plugin file and checking its descriptor.
 */
#ifndef ENTX_CORE_LOADER_H
#define ENTX_CORE_LOADER_H

#include <entx/plugin.h>

typedef struct entx_loaded_plugin {
	void *handle;              /* from dlopen */
	const entx_plugin_desc *desc;
	char *file;                /* path it was loaded from */
	void *state;               /* from create(), NULL until created */
} entx_loaded_plugin;

/*
 * entx_priv_plugin_open:
 * dlopens path, finds the entry symbol and checks the descriptor: ABI
 * version, API version, name (must equal expected_name, the file's base
 * name), mandatory functions. Does not call create(). Returns a new
 * plugin (free with entx_priv_plugin_close), or NULL with *error set
 * (ENTX_ERR_LOAD or ENTX_ERR_ABI) naming the file.
 */
entx_loaded_plugin *entx_priv_plugin_open(const char *path, const char *expected_name,
                                          GError **error);

/* Calls destroy() if the plugin was created, dlcloses it and frees p. */
void entx_priv_plugin_close(entx_loaded_plugin *p);

/*
 * entx_priv_plugin_dir_safe:
 * FALSE with *error set (ENTX_ERR_CONFIG) when dir is writable by other
 * users (world-writable, as sudo refuses), so nobody else can plant code that
 * entx would load.
 */
gboolean entx_priv_plugin_dir_safe(const char *dir, GError **error);

#endif
