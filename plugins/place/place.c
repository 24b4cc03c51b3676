/*
 * The place plugin: places in news text. The analysis is shared
 * with the person and organization plugins (plugins/names); this plugin
 * emits the names it classifies as places.
 */
#include "names.h"
#include <entx/version.h>

/* The state is the engine's shared lexicon, which the engine frees. */
static void *place_create(const entx_plugin_config *cfg, GError **error)
{
	return names_lexicon_shared(cfg, error);
}

static gboolean place_extract(void *state, entx_doc *doc, GError **error)
{
	return names_extract(state, doc, NAMES_PLACE, error);
}

static const char *const place_classes[] = {"Place", NULL};

ENTX_PLUGIN_DEFINE("place", ENTX_VERSION_STRING, "countries, cities, regions and landmarks",
                   "GPL-3.0-or-later",
                   place_classes, 30, place_create, place_extract, NULL)
