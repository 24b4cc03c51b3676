/*
 * A plugin whose declared name is not its file name.
 */
#include <entx/plugin.h>

static void *badname_create(const entx_plugin_config *cfg, GError **error)
{
	return g_malloc(1);
}

static gboolean badname_extract(void *state, entx_doc *doc, GError **error)
{
	return TRUE;
}

ENTX_PLUGIN_DEFINE("somethingelse", "1.0", "test plugin with the wrong name", "GPL-3.0-or-later",
                   NULL, 0, badname_create, badname_extract, g_free)
