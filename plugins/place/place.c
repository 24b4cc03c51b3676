/*
 * The place plugin: places in news text. The analysis is shared
 * with the person and organization plugins (plugins/names); this plugin
 * emits the names it classifies as places.
 */
#include "names.h"

static void *place_create(const entx_plugin_config *cfg, GError **error)
{
	return names_lexicon_new(cfg, error);
}

static gboolean place_extract(void *state, entx_doc *doc, GError **error)
{
	return names_extract(state, doc, NAMES_PLACE, error);
}

static void place_destroy(void *state)
{
	names_lexicon_free(state);
}

static const char *const place_classes[] = {"Place", NULL};

ENTX_PLUGIN_DEFINE("place", "0.1", "countries, cities, regions and landmarks", "GPL-3.0-or-later",
                   place_classes, 30, place_create, place_extract, place_destroy)
