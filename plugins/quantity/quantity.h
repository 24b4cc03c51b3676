/*
 * entx - the quantity plugin's private declarations.
 */
#ifndef ENTX_PLUGIN_QUANTITY_H
#define ENTX_PLUGIN_QUANTITY_H

#include "number.h"
#include "tokens.h"

/* Read-only after create(): shared by concurrent extract() calls. */
typedef struct quantity_state {
	const lex_set *lex; /* lex_set_quantity(): the engine's, not ours */
	num_lexicon nl;
	const lex_table *qualifiers;
	const lex_table *ranges;
	const lex_table *plurals;
	const lex_table *stops;
	const lex_table *codes;
	const lex_table *calendar;
	const lex_table *clock;
	const lex_table *prefixes; /* currency signs before the number */
	const lex_table *suffixes; /* currency names after it */
	/*
	 * Fold hashes a plain word that starts a number may have (number
	 * words, "a", "an"), one bit each, chosen by the hash's top 8 and low
	 * 6 bits: quantity_extract() turns away most tokens with one test of
	 * it, and that test needs no multiply (FNV-1a's top bits are well
	 * mixed, its low ones follow the last byte). Bits may be set for
	 * other words too.
	 */
	uint64_t starters[256];
	/* Fold hashes of "additional", "extra", "further": asked of the word
	 * after many a number and article, one compare each. */
	uint64_t added_words[3];
	/* Fold hashes of "couple", "half" and of the words of "the past year" (see
	 * period_word()), told apart by one compare each in candidate(). */
	uint64_t couple;
	uint64_t half;
	uint64_t period_words[4];
	/*
	 * Fold hashes the last token of an entry of prefixes or qualifiers
	 * may have (of every suffix of its text that a token may start:
	 * none between two ASCII letters), each to the QTY_END_* bits
	 * of the tables: an ASCII token that has none ends no entry, and the
	 * lookups back from it are skipped.
	 */
	hashmap entry_ends;
} quantity_state;

enum { QTY_END_PREFIX = 1u << 0, QTY_END_QUALIFIER = 1u << 1 };

/* One quantity being assembled at a candidate number. */
typedef struct qty {
	size_t first; /* first token of the mention */
	size_t end;   /* one past its last token */
	gboolean is_range;
	gboolean range_word;   /* first is "between" or "from" */
	const char *qualifier; /* entx:qualifier, or NULL */
	const char *currency;  /* ISO 4217 code, or NULL */
	const lex_entry *unit; /* unit of measure or time, or NULL */
	size_t unit_first;     /* tokens of the unit or counted noun text */
	size_t unit_end;
	gboolean unit_glued; /* the unit is inside the number's token */
	gboolean negative;   /* a sign or "minus" came first: -20 degrees */
	double confidence;
	/* Last: the numbers are filled by their readers, not zeroed first. */
	num_result num;
	num_result num2; /* the upper end of a range, read only when is_range */
} qty;

/*
 * The numbers a document uses as a model's, after a name ("Boeing 777"),
 * gathered the first time a quantity asks (context.c): "the long-range
 * 777" in the headline names that model too.
 */
enum { MODEL_NUMBERS_MAX = 16 };
typedef struct model_numbers {
	gboolean gathered;
	size_t n;
	uint64_t fold_hashes[MODEL_NUMBERS_MAX];
} model_numbers;

/* Per extract() call: the document and its extent. */
typedef struct qctx {
	const quantity_state *st;
	entx_doc *doc;
	const char *text;
	const entx_token *toks;
	size_t n;     /* number of tokens */
	size_t floor; /* first token not yet used by a mention */
	num_src src;  /* the same document, for num_parse_src() */
	model_numbers *models; /* in extract()'s frame: filled in by a const qctx */
} qctx;

static inline const entx_token *qctx_tok(const qctx *c, size_t i)
{
	return i < c->n ? &c->toks[i] : NULL;
}

/* Token i, which the caller knows is there (i < c->n): no bounds check,
 * for the hot callers that read the token right away. */
static inline const entx_token *qctx_at(const qctx *c, size_t i)
{
	return &c->toks[i];
}

/*
 * lex_match() on the document, turning away inline what cannot start; the
 * text and tokens held here spare the lookup fetching them again.
 */
static inline const lex_entry *qctx_lex(const qctx *c, const lex_table *t, size_t i,
                                        size_t limit, size_t *n_tokens)
{
	if (!lex_may_start(t, qctx_tok(c, i))) {
		*n_tokens = 0;
		return NULL;
	}
	return lex_match_folded_src(t, c->text, c->toks, c->n, i, limit, n_tokens);
}

/* TRUE when token i, lowercased, is exactly `lower`. */
static inline gboolean qctx_is(const qctx *c, size_t i, const char *lower)
{
	return token_is(c->text, qctx_tok(c, i), lower);
}

/* TRUE when token i follows the previous one with no space between. */
static inline gboolean qctx_adjacent(const qctx *c, size_t i)
{
	return i > 0 && token_attached(qctx_tok(c, i));
}

/*
 * A month or weekday name at token i. They count only capitalized: "may",
 * "march" are verbs. Inline: asked of most tokens around a number.
 */
static inline gboolean qty_is_calendar(const qctx *c, size_t i)
{
	const entx_token *t = qctx_tok(c, i);
	return t != NULL && (t->flags & ENTX_TOK_CAPITALIZED) && lex_has_tok(c->st->calendar, t);
}

/*
 * What the flags of token t say of a word in a counted noun: a word
 * without digits after a space, not the first of a sentence. Inline, so
 * that a number before punctuation costs no qty_counted_noun() call.
 */
static inline gboolean qty_noun_shaped(const entx_token *t)
{
	return t != NULL && (t->flags & ENTX_TOK_WORD) && !(t->flags & ENTX_TOK_HAS_DIGIT) &&
	       (t->flags & (ENTX_TOK_SPACE_BEFORE | ENTX_TOK_NEWLINE_BEFORE)) &&
	       !(t->flags & (ENTX_TOK_SENT_START | ENTX_TOK_PARA_START));
}

/* context.c */
gboolean qty_rejected(const qctx *c, const qty *q);
gboolean qty_counted_noun(const qctx *c, qty *q, size_t j, gboolean singular);

#endif
