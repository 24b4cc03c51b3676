/*
 * Loading plugin files: dlopen, one symbol, version checks. Every failure
 * is an error naming the file, never a crash.
 */
#include "loader.h"

#include <dlfcn.h>
#include <string.h>
#include <sys/stat.h>

static gboolean valid_name(const char *name)
{
	if (name == NULL || *name == '\0' || strlen(name) > 64)
		return FALSE;
	for (const char *c = name; *c; c++)
		if (!(g_ascii_islower(*c) || g_ascii_isdigit(*c) || *c == '_' || *c == '-'))
			return FALSE;
	return TRUE;
}

static gboolean check_desc(const entx_plugin_desc *d, const char *path, const char *expected_name,
                           GError **error)
{
	if (d == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LOAD,
		            "plugin '%s': %s() returned no descriptor", path, ENTX_PLUGIN_ENTRY_SYMBOL);
		return FALSE;
	}
	/* The ABI version is the first field in every ABI, so it is safe to
	 * read before we know the rest of the layout matches. */
	if (d->abi_version != ENTX_PLUGIN_ABI_VERSION) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_ABI,
		            "plugin '%s' was built for plugin ABI version %u, but this entx uses "
		            "ABI version %u: rebuild the plugin against this entx",
		            path, d->abi_version, ENTX_PLUGIN_ABI_VERSION);
		return FALSE;
	}
	if (d->api_version > ENTX_PLUGIN_API_VERSION) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_ABI,
		            "plugin '%s' needs plugin API version %u, but this entx provides "
		            "version %u: upgrade entx",
		            path, d->api_version, ENTX_PLUGIN_API_VERSION);
		return FALSE;
	}
	if (!valid_name(d->name) || strcmp(d->name, expected_name) != 0) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LOAD,
		            "plugin '%s' declares the name '%s', but a plugin's name must be its "
		            "file name ('%s') and consist of a-z, 0-9, '_' and '-'",
		            path, d->name != NULL ? d->name : "(null)", expected_name);
		return FALSE;
	}
	if (d->create == NULL || d->extract == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LOAD,
		            "plugin '%s' has no %s function", path,
		            d->create == NULL ? "create" : "extract");
		return FALSE;
	}
	return TRUE;
}

entx_loaded_plugin *entx_priv_plugin_open(const char *path, const char *expected_name,
                                          GError **error)
{
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		const char *why = dlerror();
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LOAD,
		            "cannot load plugin '%s': %s (use ldd(1) to check its dependencies)",
		            path, why != NULL ? why : "unknown error");
		return NULL;
	}
	dlerror();
	void *sym = dlsym(handle, ENTX_PLUGIN_ENTRY_SYMBOL);
	if (sym == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LOAD,
		            "plugin '%s' has no entry symbol %s(): is it an entx plugin?", path,
		            ENTX_PLUGIN_ENTRY_SYMBOL);
		dlclose(handle);
		return NULL;
	}
	/* ISO C cannot convert object pointers to function pointers; POSIX
	 * guarantees dlsym results can be, through this copy. */
	entx_plugin_get_desc_fn get_desc = NULL;
	memcpy(&get_desc, &sym, sizeof get_desc);
	const entx_plugin_desc *desc = get_desc();
	if (!check_desc(desc, path, expected_name, error)) {
		dlclose(handle);
		return NULL;
	}
	entx_loaded_plugin *p = g_new0(entx_loaded_plugin, 1);
	p->handle = handle;
	p->desc = desc;
	p->file = g_strdup(path);
	return p;
}

void entx_priv_plugin_destroy_state(entx_loaded_plugin *p)
{
	if (p->state != NULL && p->desc->destroy != NULL)
		p->desc->destroy(p->state);
	p->state = NULL;
}

void entx_priv_plugin_close(entx_loaded_plugin *p)
{
	if (p == NULL)
		return;
	entx_priv_plugin_destroy_state(p);
	/* Sanitizer and fuzzing builds keep plugins mapped: leak reports can
	 * then name plugin functions, and libFuzzer's coverage counters in a
	 * plugin stay valid. */
#ifndef ENTX_KEEP_PLUGINS_MAPPED
	dlclose(p->handle);
#endif
	g_free(p->file);
	g_free(p);
}

gboolean entx_priv_dir_safe(const char *dir, const char *what, GError **error)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return TRUE; /* a missing directory holds nothing to load */
	if (st.st_mode & S_IWOTH) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
		            "refusing to load %s from '%s': it is writable by every user "
		            "(chmod o-w it)", what, dir);
		return FALSE;
	}
	return TRUE;
}
