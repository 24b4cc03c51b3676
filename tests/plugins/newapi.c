/*
 * A plugin that needs a newer plugin API than this entx provides.
 */
#include <entx/plugin.h>

static void *newapi_create(const entx_plugin_config *cfg, GError **error)
{
	return g_malloc(1);
}

static gboolean newapi_extract(void *state, entx_doc *doc, GError **error)
{
	return TRUE;
}

ENTX_EXPORT const entx_plugin_desc *entx_plugin_get_desc(void);
const entx_plugin_desc *entx_plugin_get_desc(void)
{
	static const entx_plugin_desc d = {ENTX_PLUGIN_ABI_VERSION, ENTX_PLUGIN_API_VERSION + 1,
	                                   "newapi", "1.0", "needs a newer API", "GPL-3.0-or-later",
	                                   NULL, 0, newapi_create, newapi_extract, g_free, {0}};
	return &d;
}
