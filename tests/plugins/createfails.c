/*
 * A plugin whose create() fails, as one missing its data would.
 */
#include <entx/plugin.h>

static void *createfails_create(const entx_plugin_config *cfg, GError **error)
{
	g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG, "cannot find rule file 'createfails/data.rules'");
	return NULL;
}

static gboolean createfails_extract(void *state, entx_doc *doc, GError **error)
{
	return TRUE;
}

static const char *const classes[] = {"Test", NULL};
ENTX_PLUGIN_DEFINE("createfails", "1.0", "test plugin whose create fails", "GPL-3.0-or-later",
                   classes, 0, createfails_create, createfails_extract, NULL)
