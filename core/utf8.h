/*
 * Private: making arbitrary bytes into valid UTF-8 for analysis.
 */
#ifndef ENTX_CORE_UTF8_H
#define ENTX_CORE_UTF8_H

#include <glib.h>

/*
 * entx_priv_utf8_sanitize:
 * Returns a newly allocated (g_free), NUL-terminated copy of len bytes
 * of text in which each maximal invalid subpart (Unicode's "substitution
 * of maximal subparts", as WHATWG and Python do it) is replaced by U+FFFD.
 * *out_len receives the byte length, *n_cp the code-point count,
 * *n_invalid the number of replacements and *first_invalid the input byte
 * offset of the first one (len when there is none).
 */
char *entx_priv_utf8_sanitize(const char *text, size_t len, size_t *out_len, size_t *n_cp,
                              size_t *n_invalid, size_t *first_invalid);

#endif
