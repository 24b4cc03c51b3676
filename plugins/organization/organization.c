/*
 * The organization plugin: organizations, agencies and news media in news
 * text. The analysis is shared with the person and place plugins
 * (plugins/names); this plugin emits the names it classifies as
 * organizations.
 */
#include "names.h"
#include <entx/version.h>

/* The state is the engine's shared lexicon, which the engine frees. */
static void *organization_create(const entx_plugin_config *cfg, GError **error)
{
	return names_lexicon_shared(cfg, error);
}

static gboolean organization_extract(void *state, entx_doc *doc, GError **error)
{
	return names_extract(state, doc, NAMES_ORGANIZATION, error);
}

static const char *const organization_classes[] = {"Organization", NULL};

ENTX_PLUGIN_DEFINE("organization", ENTX_VERSION_STRING, "organizations, agencies and news media",
                   "GPL-3.0-or-later", organization_classes, 30, organization_create,
                   organization_extract, NULL)
