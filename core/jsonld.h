/*
 * Private to the entx program: the JSON-LD writer.
 */
#ifndef ENTX_CORE_JSONLD_H
#define ENTX_CORE_JSONLD_H

#include <entx/engine.h>
#include <jansson.h>

#include "json_write.h"

typedef struct {
	const char *context_url; /* reference this @context instead of inlining it */
	gboolean pretty;         /* indented, several lines per document */
	gboolean include_text;   /* write nif:isString */
} entx_jsonld_options;

/* The inline @context: a new reference (json_decref it). */
json_t *entx_jsonld_context(void);

/*
 * entx_jsonld_document:
 * Appends the JSON-LD object for a processed document to out, as one
 * line of text ending in a newline (several lines when pretty). extra,
 * if not NULL, is an object whose members are carried into the output
 * (members whose names entx uses are left out). drain, if not NULL,
 * takes the output so far whenever it grows past ENTX_DRAIN_BYTES.
 */
void entx_jsonld_document(GString *out, const entx_doc *doc, json_t *extra,
                          const entx_jsonld_options *opts, const entx_drain *drain);

/*
 * entx_jsonld_error:
 * Appends the record written in place of a document that failed: its
 * id, the error message and the carried fields, and a newline.
 */
void entx_jsonld_error(GString *out, const char *doc_id, const char *message, json_t *extra,
                       const entx_jsonld_options *opts);

/* The IRI a plugin is named by in itsrdf:taAnnotatorsRef. */
#define ENTX_ANNOTATOR_IRI_PREFIX "urn:entx:plugin:"
/* Documents are named urn:entx:doc:<percent-encoded id>#char=B,E (RFC 5147). */
#define ENTX_DOC_IRI_PREFIX "urn:entx:doc:"

#endif
