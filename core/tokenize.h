/*
 * Private: the tokenizer and sentence splitter shared by every plugin.
 */
#ifndef ENTX_CORE_TOKENIZE_H
#define ENTX_CORE_TOKENIZE_H

#include <entx/doc.h>

/*
 * entx_priv_tokenize:
 * Tokenizes len bytes of valid UTF-8 text (may contain NUL) and appends
 * the tokens (entx_token) to `tokens`, with byte and code-point offsets,
 * shape flags, fold hashes and sentence indices filled in. Returns the
 * number of sentences (0 for text with no tokens).
 */
size_t entx_priv_tokenize(const char *text, size_t len, GArray *tokens);

/*
 * entx_priv_tokenize_sentences:
 * entx_priv_tokenize() that also appends to `sentences` (size_t) the
 * index in `tokens` of each sentence's first token, as it finds them.
 */
size_t entx_priv_tokenize_sentences(const char *text, size_t len, GArray *tokens,
                                    GArray *sentences);

/*
 * entx_priv_is_abbreviation:
 * TRUE when the len bytes at word (a word without its final period) form
 * a known abbreviation that takes a period (Mr, Dec, St, Corp, U.S).
 */
gboolean entx_priv_is_abbreviation(const char *word, size_t len);

#endif
