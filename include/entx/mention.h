/*
 * entx - mentions: what plugins find in a document.
 *
 * A mention is a span of the document (code-point offsets, end
 * exclusive) with a category, a class IRI, a confidence and optional
 * properties. Plugins add mentions to the document they are given in
 * extract(); the core then merges them (see entx_engine_process) and the
 * application reads the survivors.
 *
 * Category and class. The category is the short name used for merging
 * and for TSV output: "Person", "Organization", "Place", "Date",
 * "Quantity", or a custom class's short name. The class is an IRI, in
 * full or compact with one of the prefixes nif:, itsrdf:, schema:,
 * time:, xsd:, dcterms:, rdf: (schema:GovernmentOrganization,
 * time:Instant). For the five built-in categories the class may be NULL
 * and defaults to schema:Person, schema:Organization, schema:Place,
 * time:Instant and schema:QuantitativeValue.
 *
 * Properties. A mention may carry literal or IRI properties such as
 * schema:value or time:inXSDDate, named by compact or full IRI, at most
 * one value per property (setting again replaces). The normalized value
 * (entx_mention_set_value) is the string printed in the TSV value column
 * and written as rdf:value in JSON-LD.
 *
 * Ownership. Mentions belong to their document; every string passed in
 * is copied, every string returned belongs to the mention and lives until
 * entx_doc_free().
 */
#ifndef ENTX_MENTION_H
#define ENTX_MENTION_H

#include <entx/doc.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct entx_mention entx_mention;

/* The kind of a property value. */
typedef enum {
	ENTX_PROP_STRING = 0,  /* plain string literal */
	ENTX_PROP_TYPED = 1,   /* typed literal: lexical form plus datatype IRI */
	ENTX_PROP_NUMBER = 2,  /* a JSON number (integer when integral) */
	ENTX_PROP_IRI = 3      /* a node reference */
} entx_prop_kind;

/*
 * entx_doc_add_mention:
 * Adds a mention of [begin, end) code points to doc, on behalf of the
 * plugin whose extract() is running. category must not be NULL or empty;
 * class_iri may be NULL for the built-in categories; confidence is in
 * [0, 1] (clamped).
 *
 * Returns the new mention, owned by doc, or NULL when begin >= end,
 * end > entx_doc_length(doc), category is NULL or empty, or class_iri is
 * NULL for a custom category.
 */
ENTX_EXPORT entx_mention *entx_doc_add_mention(entx_doc *doc, size_t begin, size_t end,
                                               const char *category, const char *class_iri,
                                               double confidence);

/*
 * entx_mention_set_value:
 * Sets the normalized value ("2017-12-17", "39"). Returns 0, or
 * ENTX_ERR_INVALID when value is NULL.
 */
ENTX_EXPORT int entx_mention_set_value(entx_mention *m, const char *value);

/*
 * entx_mention_set_string / _set_typed / _set_number / _set_iri:
 * Set property `property` (compact or full IRI) to a plain string, a
 * typed literal (datatype as IRI, e.g. "xsd:date"), a number or an IRI.
 * Returns 0, or ENTX_ERR_INVALID when an argument is NULL or the number
 * is not finite.
 */
ENTX_EXPORT int entx_mention_set_string(entx_mention *m, const char *property, const char *value);
ENTX_EXPORT int entx_mention_set_typed(entx_mention *m, const char *property, const char *lexical,
                                       const char *datatype);
ENTX_EXPORT int entx_mention_set_number(entx_mention *m, const char *property, double value);
ENTX_EXPORT int entx_mention_set_iri(entx_mention *m, const char *property, const char *iri);

/*
 * entx_mention_set_priority:
 * Overrides the merge priority of m, which defaults to the priority in
 * the descriptor of the plugin that added it (a rules plugin gives each
 * user class its own). Returns 0, or ENTX_ERR_INVALID when m is NULL.
 */
ENTX_EXPORT int entx_mention_set_priority(entx_mention *m, int priority);

/* Accessors, for applications reading the merged result. */
ENTX_EXPORT size_t entx_mention_begin(const entx_mention *m);
ENTX_EXPORT size_t entx_mention_end(const entx_mention *m);
ENTX_EXPORT const char *entx_mention_category(const entx_mention *m);
ENTX_EXPORT const char *entx_mention_class(const entx_mention *m);
ENTX_EXPORT double entx_mention_confidence(const entx_mention *m);
/* The name of the plugin that added the mention. */
ENTX_EXPORT const char *entx_mention_annotator(const entx_mention *m);
/* The normalized value, or NULL when none was set. */
ENTX_EXPORT const char *entx_mention_value(const entx_mention *m);

/*
 * entx_mention_n_properties / entx_mention_property:
 * Enumerate the properties in the order they were first set. For
 * property i, *property receives its IRI as given, *kind its kind and
 * *lexical its value as text (numbers in shortest round-trip form);
 * *datatype the datatype IRI for ENTX_PROP_TYPED, otherwise NULL. Any
 * out pointer may be NULL. Returns 0, or ENTX_ERR_INVALID when i is out
 * of range.
 */
ENTX_EXPORT size_t entx_mention_n_properties(const entx_mention *m);
ENTX_EXPORT int entx_mention_property(const entx_mention *m, size_t i, const char **property,
                                      entx_prop_kind *kind, const char **lexical,
                                      const char **datatype);

/*
 * entx_doc_n_mentions / entx_doc_mention:
 * The mentions of doc, sorted by begin offset, then longer first. Before
 * entx_engine_process() returns these are all candidates; afterwards the
 * merged result. entx_doc_mention returns NULL when i is out of range.
 */
ENTX_EXPORT size_t entx_doc_n_mentions(const entx_doc *doc);
ENTX_EXPORT const entx_mention *entx_doc_mention(const entx_doc *doc, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_MENTION_H */
