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

/* Calls destroy() if the plugin was created, and forgets its state. */
void entx_priv_plugin_destroy_state(entx_loaded_plugin *p);

/* Destroys the state if there is one, dlcloses the plugin and frees p. */
void entx_priv_plugin_close(entx_loaded_plugin *p);

/*
 * entx_priv_dir_safe:
 * FALSE with *error set (ENTX_ERR_CONFIG) when dir is writable by every
 * user (as sudo refuses such directories), so nobody else can plant code
 * or rules that entx would load. what ("plugins", "rules") goes into the
 * message.
 */
gboolean entx_priv_dir_safe(const char *dir, const char *what, GError **error);

#endif
