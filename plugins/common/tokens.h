/*
 * Private to the built-in plugins: questions about one token that the
 * date and quantity parsers ask at nearly every step. t may be NULL
 * (past the end of the document); the answer is then FALSE.
 */
#ifndef ENTX_PLUGINS_TOKENS_H
#define ENTX_PLUGINS_TOKENS_H

#include <entx/doc.h>
#include <string.h>

static inline char token_ascii_lower_(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/*
 * TRUE when token t of text is the ASCII word `lower`, in any case. Inline
 * and without a library call: the parsers ask it of most tokens.
 */
static inline gboolean token_is(const char *text, const entx_token *t, const char *lower)
{
	size_t len = strlen(lower);
	if (t == NULL || t->byte_end - t->byte_begin != len)
		return FALSE;
	const char *s = text + t->byte_begin;
	for (size_t i = 0; i < len; i++)
		if (token_ascii_lower_(s[i]) != token_ascii_lower_(lower[i]))
			return FALSE;
	return TRUE;
}

/* TRUE when token t follows the previous token with no space between. */
static inline gboolean token_attached(const entx_token *t)
{
	return t != NULL && !(t->flags & (ENTX_TOK_SPACE_BEFORE | ENTX_TOK_NEWLINE_BEFORE));
}

#endif
