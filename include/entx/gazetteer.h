/*
 * entx - gazetteers: phrase lists looked up per token.
 *
 * A gazetteer maps phrases (sequences of tokens, tokenized by the same
 * tokenizer as documents) to caller-chosen 32-bit payloads, typically
 * indices into the plugin's own table of entry data. Lookup walks
 * tokens from a starting token and finds the longest phrase there, in
 * time proportional to the phrase length, independent of the number of
 * entries. White space between tokens does not matter ("Korean
 * Peninsula" matches across a line break); punctuation tokens do.
 *
 * Case. Entries are keyed by lowercased token text. An entry added with
 * ENTX_GAZ_CASE_SENSITIVE matches only text with exactly its case; one
 * added with ENTX_GAZ_CASE_INSENSITIVE matches any case. Plugins wanting
 * "capitalized or all caps" check the token flags of the match.
 *
 * Threading. Build from one thread; once built, lookups may run from any
 * number of threads at once.
 */
#ifndef ENTX_GAZETTEER_H
#define ENTX_GAZETTEER_H

#include <entx/common.h>
#include <entx/doc.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct entx_gazetteer entx_gazetteer;

typedef enum {
	ENTX_GAZ_CASE_INSENSITIVE = 0,
	ENTX_GAZ_CASE_SENSITIVE = 1
} entx_gaz_case;

/* entx_gazetteer_new / _free: never NULL; free(NULL) does nothing. */
ENTX_EXPORT entx_gazetteer *entx_gazetteer_new(void);
ENTX_EXPORT void entx_gazetteer_free(entx_gazetteer *g);

/*
 * entx_gazetteer_add:
 * Adds phrase (len bytes of UTF-8, or -1 for NUL-terminated) with
 * payload. The same phrase may be added with several payloads; all are
 * returned by a match. Returns 0, or ENTX_ERR_INVALID when the phrase
 * has no tokens or is not valid UTF-8.
 */
ENTX_EXPORT int entx_gazetteer_add(entx_gazetteer *g, const char *phrase, gssize len,
                                   uint32_t payload, entx_gaz_case case_mode);

/* The number of distinct entries added (phrase, payload, case). */
ENTX_EXPORT size_t entx_gazetteer_size(const entx_gazetteer *g);

/*
 * entx_gazetteer_match:
 * Looks for the longest entry starting at token `first` of doc that ends
 * no later than token `limit` (exclusive; pass entx_doc_n_tokens(doc)
 * for no limit). Returns the number of tokens matched (0 for none) and
 * points *payloads at the entry's n_payloads payloads, owned by the
 * gazetteer and valid until the next entx_gazetteer_add() or
 * entx_gazetteer_free(). Out pointers may be NULL.
 */
ENTX_EXPORT size_t entx_gazetteer_match(const entx_gazetteer *g, const entx_doc *doc, size_t first,
                                        size_t limit, const uint32_t **payloads,
                                        size_t *n_payloads);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_GAZETTEER_H */
