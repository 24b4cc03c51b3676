/*
 * The person plugin: people's names in news text. The analysis is shared
 * with the organization and place plugins (plugins/names); this plugin
 * emits the names it classifies as people.
 */
#include "names.h"
#include <entx/version.h>

/* The state is the engine's shared lexicon, which the engine frees. */
static void *person_create(const entx_plugin_config *cfg, GError **error)
{
	return names_lexicon_shared(cfg, error);
}

static gboolean person_extract(void *state, entx_doc *doc, GError **error)
{
	return names_extract(state, doc, NAMES_PERSON, error);
}

static const char *const person_classes[] = {"Person", NULL};

ENTX_PLUGIN_DEFINE("person", ENTX_VERSION_STRING, "names of people", "GPL-3.0-or-later",
                   person_classes, 30, person_create, person_extract, NULL)
