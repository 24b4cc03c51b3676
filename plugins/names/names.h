/*
 * Private to the person, organization and place plugins: one analysis of
 * capitalized names shared by the three, so that they agree on spans and
 * differ only in which category each emits.
 *
 * Each plugin builds its own lexicon in create() (read-only afterwards,
 * so extract() may run concurrently) and calls names_extract() with the
 * category it owns.
 */
#ifndef ENTX_NAMES_H
#define ENTX_NAMES_H

#include <entx/plugin.h>

typedef enum {
	NAMES_PERSON = 0,
	NAMES_ORGANIZATION = 1,
	NAMES_PLACE = 2,
	NAMES_NONE = 3
} names_category;

typedef struct names_lexicon names_lexicon;

/*
 * names_lexicon_new:
 * Reads every rule file of the three plugins (person/, organization/,
 * place/ in the rules directories) into gazetteers. Returns NULL with
 * *error set when a file is missing or malformed.
 */
names_lexicon *names_lexicon_new(const entx_plugin_config *cfg, GError **error);
void names_lexicon_free(names_lexicon *lx);

/*
 * names_extract:
 * Analyses doc and adds the mentions of category `want`.
 */
gboolean names_extract(const names_lexicon *lx, entx_doc *doc, names_category want,
                       GError **error);

/* The category's name as the core knows it ("Person" ...). */
const char *names_category_name(names_category cat);

#endif
