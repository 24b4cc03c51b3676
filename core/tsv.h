/*
 * Private to the entx program: the TSV writer.
 */
#ifndef ENTX_CORE_TSV_H
#define ENTX_CORE_TSV_H

#include <entx/engine.h>

#include "json_write.h"

/*
 * entx_tsv_document:
 * Appends one line per mention to out: doc_id, start, end, category,
 * text, value, separated by tabs. Tab, newline, carriage return and
 * backslash inside fields are written as \t, \n, \r and \\, NUL as \0,
 * so every mention stays on one line. drain, if not NULL, takes the
 * output so far whenever it grows past ENTX_DRAIN_BYTES.
 */
void entx_tsv_document(const entx_doc *doc, GString *out, const entx_drain *drain);

#endif
