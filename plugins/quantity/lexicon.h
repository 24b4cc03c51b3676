/*
 * entx - phrase tables read from rule files, shared by the quantity and
 * date plugins (both link libentxquantity.la).
 *
 * A lex_table maps a phrase to its entry. Phrases are compared by their
 * lowercased text with the white space between tokens reduced to one
 * space, so "Per  Cent" in a document matches the entry "per cent" and
 * "US$" matches "us$" however the tokenizer splits it.
 */
#ifndef ENTX_PLUGIN_LEXICON_H
#define ENTX_PLUGIN_LEXICON_H

#include <entx/plugin.h>

#include "hash.h"
#include "hashmap.h"

typedef struct lex_entry {
	char *text;      /* the normalized phrase */
	double value;    /* attribute value=, 0 when absent */
	char *code;      /* attribute code=, or NULL */
	char *kind;      /* attribute kind=, or NULL; other attributes are ignored */
	char *qualifier; /* attribute qualifier=, or NULL */
	gboolean scaled; /* attribute scaled=1 */
	/* attribute duration=, one unit as an ISO 8601 duration ("P1D",
	 * "PT1H"): its amount (0 when absent), its designator, and whether
	 * the designator is of the time part (after "T") */
	double duration_amount;
	char duration_designator;
	gboolean duration_in_time;
} lex_entry;

/*
 * Lookups hash the phrase text as they read the tokens, FNV-1a over the
 * normalized bytes (text_hash()), so a match builds no string and stops
 * at the first token after which no entry goes on. Entries are told
 * apart by their 64-bit hash alone, as the core's gazetteers are.
 */
struct lex_table {
	GPtrArray *entries;  /* lex_entry, owned, in the order read */
	hashmap by_key;      /* text_hash() of each text -> index in entries */
	hashmap prefixes;    /* text_hash() of every proper prefix of a text */
	hashmap by_hash;     /* fold hashes of the texts, for one-token tests */
	hashmap first;       /* fold hashes a first token may have: a cheap filter */
	size_t max_bytes;    /* the longest normalized text */
};

typedef struct lex_table lex_table;

/* A set of tables, one per section argument of a rule file. */
typedef struct lex_set lex_set;

lex_set *lex_set_new(void);
void lex_set_free(lex_set *set);

/*
 * lex_set_load:
 * Reads the rule file `name` (found in the plugin's rules directories)
 * and adds each [phrases NAME] entry to the table NAME. Returns FALSE
 * with *error set when the file is missing or malformed.
 */
gboolean lex_set_load(lex_set *set, const entx_plugin_config *cfg, const char *name,
                      GError **error);

/*
 * lex_set_quantity:
 * The tables of the quantity rule files (numbers, units, currencies,
 * words), loaded once per engine (key "quantity.lexicon/VERSION") by the first of
 * the quantity and date plugins to start. The engine owns and frees it;
 * it is read-only. Returns NULL with *error set when a file is missing or
 * malformed.
 */
const lex_set *lex_set_quantity(const entx_plugin_config *cfg, GError **error);

/* The table called name, or an empty table (never NULL). */
const lex_table *lex_set_table(const lex_set *set, const char *name);

/*
 * lex_match:
 * The longest entry of t spelled by the tokens starting at token i of
 * doc (no further than token limit, exclusive); *n_tokens receives its
 * length in tokens. NULL when there is none.
 */
const lex_entry *lex_match(const lex_table *t, const entx_doc *doc, size_t i, size_t limit,
                           size_t *n_tokens);

/*
 * lex_match_folded:
 * lex_match() that takes an ASCII first token's key from its fold_hash,
 * without reading its text again.
 */
const lex_entry *lex_match_folded(const lex_table *t, const entx_doc *doc, size_t i,
                                  size_t limit, size_t *n_tokens);

/*
 * lex_match_folded() for a caller that holds the document's text
 * (entx_doc_text()) and its n tokens: it asks at many tokens.
 */
const lex_entry *lex_match_folded_src(const lex_table *t, const char *text,
                                      const entx_token *toks, size_t n, size_t i, size_t limit,
                                      size_t *n_tokens);

/* TRUE when the single token tok (NULL: none) is an entry of t. */
static inline gboolean lex_has_tok(const lex_table *t, const entx_token *tok)
{
	return tok != NULL && hashmap_contains(&t->by_hash, tok->fold_hash);
}

/*
 * Whether an entry of t may start at tok (NULL: none): the test
 * lex_match() makes first, for callers to make before the call.
 */
static inline gboolean lex_may_start(const lex_table *t, const entx_token *tok)
{
	return tok != NULL && hashmap_contains(&t->first, tok->fold_hash);
}

/* TRUE when t has a one-token entry whose fold hash is h. */
static inline gboolean lex_has_hash(const lex_table *t, guint64 h)
{
	return hashmap_contains(&t->by_hash, h);
}

/*
 * lex_hyphen_head:
 * The fold hash of the part of token tok before its first hyphen
 * ("twenty" of "twenty-one"), or 0 when it has no hyphen.
 */
guint64 lex_hyphen_head(const entx_doc *doc, const entx_token *tok);

/*
 * lex_hyphen_head() for a caller that holds text, entx_doc_text() of doc:
 * an ASCII token is hashed inline as it is scanned, without the calls.
 */
static inline guint64 lex_hyphen_head_at(const char *text, const entx_doc *doc,
                                         const entx_token *tok)
{
	size_t len = tok->byte_end - tok->byte_begin;
	if (tok->cp_end - tok->cp_begin != len)
		return lex_hyphen_head(doc, tok);
	const char *s = text + tok->byte_begin;
	uint64_t h = ENTX_PRIV_FNV_OFFSET;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];
		if (c == '-')
			return i > 0 ? h : 0;
		h = entx_priv_fold_ascii(h, entx_priv_ascii_lower(c));
	}
	return 0;
}

/* The entry for a string (already lowercased and normalized), or NULL. */
const lex_entry *lex_lookup(const lex_table *t, const char *text);

/* lex_lookup() of the n bytes at s (no NUL among them) with ASCII
 * letters lowercased, as g_ascii_tolower() does: without a copy. */
const lex_entry *lex_lookup_ascii_lower(const lex_table *t, const char *s, size_t n);

/* Calls fn(text, entry, user_data) for every entry of t, in the order read. */
void lex_table_foreach(const lex_table *t, GHFunc fn, gpointer user_data);

/*
 * lex_token_lower:
 * Writes the lowercased text of token tok into buf (size n, always
 * NUL-terminated) and returns its length, or 0 when it does not fit.
 */
size_t lex_token_lower(const entx_doc *doc, const entx_token *tok, char *buf, size_t n);

/*
 * lex_token_lower_at:
 * lex_token_lower() for a caller that holds text, entx_doc_text() of doc:
 * an ASCII token, nearly every one, is lowered inline without the calls
 * (tokens hold no NUL).
 */
static inline size_t lex_token_lower_at(const char *text, const entx_doc *doc,
                                        const entx_token *tok, char *buf, size_t n)
{
	size_t len = tok->byte_end - tok->byte_begin;
	if (tok->cp_end - tok->cp_begin != len)
		return lex_token_lower(doc, tok, buf, n);
	if (len + 1 > n) {
		buf[0] = '\0';
		return 0;
	}
	const char *s = text + tok->byte_begin;
	for (size_t i = 0; i < len; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + ('a' - 'A')) : s[i];
	buf[len] = '\0';
	return len;
}

#endif
