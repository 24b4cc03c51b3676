/*
 * A plugin whose extract() fails on documents containing "poison".
 */
#include <entx/plugin.h>
#include <string.h>

static void *extractfails_create(const entx_plugin_config *cfg, GError **error)
{
	return g_malloc(1);
}

static gboolean extractfails_extract(void *state, entx_doc *doc, GError **error)
{
	size_t n = 0;
	const char *text = entx_doc_text(doc, &n);
	if (g_strstr_len(text, n, "poison") != NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_PLUGIN, "poisoned document");
		return FALSE;
	}
	return TRUE;
}

static const char *const classes[] = {"Test", NULL};
ENTX_PLUGIN_DEFINE("extractfails", "1.0", "test plugin whose extract fails", "GPL-3.0-or-later",
                   classes, 0, extractfails_create, extractfails_extract, g_free)
