/*
 * entx - the document: its text, tokens and sentences.
 *
 * An entx_doc is one document being analysed. It is opaque: plugins and
 * applications never allocate, size or copy it; they read it through the
 * accessors below. The core builds it (entx_doc_new), tokenizes it once,
 * hands it to every plugin's extract function and then merges the
 * mentions the plugins added (see mention.h).
 *
 * Text and offsets. The analysed text is the input with every invalid
 * UTF-8 sequence replaced by U+FFFD, so it is always valid UTF-8; it may
 * contain NUL characters, so always use its byte length. Every offset a
 * plugin or user sees in output is a code-point offset from the start of
 * the document, end exclusive. Tokens carry both byte offsets (for
 * slicing and regex matching on the text) and code-point offsets (for
 * emitting mentions).
 *
 * Ownership. Every pointer returned by an accessor is owned by the
 * document and valid until entx_doc_free(); never free it.
 *
 * Threading. A document is used by one thread at a time. Different
 * documents may be processed concurrently.
 */
#ifndef ENTX_DOC_H
#define ENTX_DOC_H

#include <entx/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct entx_doc entx_doc;

/*
 * Token shape flags, set by the core's tokenizer. A token is one of WORD,
 * NUMBER, PUNCT or SYMBOL; the other flags describe it further.
 */
enum {
	ENTX_TOK_WORD = 1u << 0,        /* letters, maybe digits, hyphens, inner periods */
	ENTX_TOK_NUMBER = 1u << 1,      /* digits with optional , . separators: 1,000.5 */
	ENTX_TOK_PUNCT = 1u << 2,       /* punctuation: . , ; " ( - ... */
	ENTX_TOK_SYMBOL = 1u << 3,      /* currency and other symbols: $ € % + */
	ENTX_TOK_CAPITALIZED = 1u << 4, /* first character is an uppercase letter */
	ENTX_TOK_ALLCAPS = 1u << 5,     /* has an uppercase letter and no lowercase (FSB, U.S.) */
	ENTX_TOK_LOWER = 1u << 6,       /* has letters and all are lowercase */
	ENTX_TOK_HAS_DIGIT = 1u << 7,   /* contains a digit (GPV-2027, 1990s, 5km) */
	ENTX_TOK_ABBREV = 1u << 8,      /* ends in a period that belongs to it: U.S. Dec. Mr. */
	ENTX_TOK_HYPHENATED = 1u << 9,  /* has an inner hyphen: US-Russian, four-day */
	ENTX_TOK_POSSESSIVE = 1u << 10, /* the clitic 's or ' after a name: Putin 's */
	ENTX_TOK_SPACE_BEFORE = 1u << 11,   /* white space precedes the token */
	ENTX_TOK_NEWLINE_BEFORE = 1u << 12, /* a line break precedes the token */
	ENTX_TOK_SENT_START = 1u << 13,     /* first token of a sentence */
	ENTX_TOK_PARA_START = 1u << 14,     /* first token after a blank line or of the doc */
	ENTX_TOK_CURRENCY = 1u << 15,       /* a currency sign ($ € £ ¥ ₽ …), also SYMBOL */
	ENTX_TOK_QUOTE = 1u << 16,          /* a quotation mark, also PUNCT */
	ENTX_TOK_TITLECASE_LINE = 1u << 17  /* in a headline: every long word capitalized */
};

/*
 * entx_token:
 * One token. Read-only for plugins; the core allocates every token.
 * Plugins index the array entx_doc_tokens() returns, so the size of this
 * struct is part of the plugin ABI: a field added in a later version
 * changes ENTX_PLUGIN_ABI_VERSION (see plugin.h), and the loader then refuses
 * plugins built against the old layout instead of misreading tokens.
 */
typedef struct entx_token {
	size_t byte_begin;  /* offset into entx_doc_text(), bytes */
	size_t byte_end;    /* exclusive */
	size_t cp_begin;    /* offset from the start of the document, code points */
	size_t cp_end;      /* exclusive */
	uint32_t flags;     /* ENTX_TOK_* */
	uint32_t sentence;  /* index of the sentence holding the token */
	uint64_t fold_hash; /* hash of the lowercased token text: entx_hash_fold() */
} entx_token;

/*
 * entx_doc_id:
 * The document's identifier (the file path, "-" for standard input, the
 * JSONL "id" field, or a generated "<source>#<n>" for split streams).
 */
ENTX_EXPORT const char *entx_doc_id(const entx_doc *doc);

/*
 * entx_doc_text:
 * The analysed text (valid UTF-8, may contain NUL). If n_bytes is not
 * NULL it receives the length in bytes. The buffer is also NUL-terminated
 * for convenience.
 */
ENTX_EXPORT const char *entx_doc_text(const entx_doc *doc, size_t *n_bytes);

/*
 * entx_doc_length:
 * The length of the document in code points.
 */
ENTX_EXPORT size_t entx_doc_length(const entx_doc *doc);

/*
 * entx_doc_reference_date:
 * The reference date against which relative expressions ("yesterday",
 * "Sunday") are resolved, as "YYYY-MM-DD", or NULL when none is known.
 */
ENTX_EXPORT const char *entx_doc_reference_date(const entx_doc *doc);

/*
 * entx_doc_n_tokens / entx_doc_token:
 * The number of tokens, and token i (0 <= i < n). entx_doc_token returns
 * NULL when i is out of range.
 */
ENTX_EXPORT size_t entx_doc_n_tokens(const entx_doc *doc);
ENTX_EXPORT const entx_token *entx_doc_token(const entx_doc *doc, size_t i);

/*
 * entx_doc_tokens:
 * All tokens at once: an array of entx_doc_n_tokens() entries (stored
 * in *n_tokens when it is not NULL), owned by the document. Loops that
 * visit every token index it directly; a call per token shows up in
 * profiles. Never NULL, even for a document without tokens.
 */
ENTX_EXPORT const entx_token *entx_doc_tokens(const entx_doc *doc, size_t *n_tokens);

/*
 * entx_doc_n_sentences / entx_doc_sentence:
 * The number of sentences, and the token range [*first, *end) of
 * sentence i. Returns 0, or ENTX_ERR_INVALID when i is out of range.
 */
ENTX_EXPORT size_t entx_doc_n_sentences(const entx_doc *doc);
ENTX_EXPORT int entx_doc_sentence(const entx_doc *doc, size_t i, size_t *first, size_t *end);

/*
 * entx_doc_cp_offset:
 * Converts a byte offset into entx_doc_text() to a code-point offset.
 * A byte offset inside a multi-byte character maps to that character's
 * start; one past the end maps to entx_doc_length(). O(log n).
 */
ENTX_EXPORT size_t entx_doc_cp_offset(const entx_doc *doc, size_t byte_offset);

/*
 * entx_doc_byte_offset:
 * The inverse: the byte offset at which code point cp_offset starts
 * (the byte length for cp_offset >= entx_doc_length()). O(log n).
 */
ENTX_EXPORT size_t entx_doc_byte_offset(const entx_doc *doc, size_t cp_offset);

/*
 * entx_doc_warn:
 * Reports a problem with this document that does not make extract()
 * fail (a pattern that hit its match limit, say), through the engine's
 * message function: "plugin 'NAME': document 'ID': MESSAGE". printf-style.
 */
ENTX_EXPORT void entx_doc_warn(const entx_doc *doc, const char *format, ...) G_GNUC_PRINTF(2, 3);

/*
 * entx_doc_set_data / entx_doc_get_data:
 * Attach data to a document under a key, so plugins that share an
 * analysis (the person, organization and place plugins share one of
 * capitalized sequences) compute it once per document: the first plugin
 * to need it attaches it, the others find it. key is copied; data is
 * owned by the document from then on and freed with destroy (may be
 * NULL) when the document is freed or the key is set again. Keys should
 * carry the attaching component's name ("names.analysis"). get returns
 * NULL for an unknown key. Like everything about a document, not for
 * use from two threads at once.
 */
ENTX_EXPORT void entx_doc_set_data(entx_doc *doc, const char *key, void *data,
                                   GDestroyNotify destroy);
ENTX_EXPORT void *entx_doc_get_data(const entx_doc *doc, const char *key);

/*
 * entx_hash_fold:
 * The hash stored in entx_token.fold_hash, for len bytes of UTF-8 text:
 * 64-bit FNV-1a over the text with every character lowercased
 * (g_unichar_tolower) and curly apostrophes (U+2019, U+02BC) taken as
 * straight ones, so "Peskov’s" and "peskov's" hash alike. Plugins use it
 * to key gazetteers by token.
 */
ENTX_EXPORT uint64_t entx_hash_fold(const char *text, size_t len);

/*
 * entx_hash_fold_combine:
 * Combines the fold hashes of consecutive tokens into the hash of the
 * token sequence, so multi-token gazetteer entries can be keyed the same
 * way: h = entx_hash_fold_combine(h, tok->fold_hash), starting from 0.
 */
ENTX_EXPORT uint64_t entx_hash_fold_combine(uint64_t seq_hash, uint64_t token_hash);

#ifdef __cplusplus
}
#endif

#endif /* ENTX_DOC_H */
