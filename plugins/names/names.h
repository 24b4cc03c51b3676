/*
 * Private to the person, organization and place plugins: one analysis of
 * capitalized names shared by the three, so that they agree on spans and
 * differ only in which category each emits.
 *
 * The three share one lexicon per engine (names_lexicon_shared(), read-only
 * after create(), so extract() may run concurrently) and one analysis per
 * document: whichever of them runs first on a document decides every
 * category and attaches the result, and each emits only the category it
 * owns. The analysis therefore never depends on which of the three are
 * loaded or in what order they run.
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
 * names_lexicon_shared:
 * The engine's one lexicon (key "names.lexicon/VERSION"), loaded by the first of
 * the three plugins to start. The engine owns and frees it: a plugin
 * keeps the pointer as its state and has no destroy(); it must not
 * change what it points to.
 */
names_lexicon *names_lexicon_shared(const entx_plugin_config *cfg, GError **error);

/*
 * names_extract:
 * Adds the mentions of category `want` to doc, from the document's
 * analysis (key "names.analysis/VERSION"), which the first call on doc computes.
 */
gboolean names_extract(const names_lexicon *lx, entx_doc *doc, names_category want,
                       GError **error);

/* The category's name as the core knows it ("Person" ...). */
const char *names_category_name(names_category cat);

#endif
