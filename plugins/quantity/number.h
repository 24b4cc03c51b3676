/*
 * entx - reading numbers written in digits or words from tokens.
 * Shared by the quantity and date plugins (both link libentxquantity.la).
 */
#ifndef ENTX_PLUGIN_NUMBER_H
#define ENTX_PLUGIN_NUMBER_H

#include "lexicon.h"

/* What a number is made of. */
enum {
	NUM_DIGITS = 1u << 0,       /* written with digits: 39, 1,000.5 */
	NUM_WORDS = 1u << 1,        /* written with words: seven, twenty-one */
	NUM_SCALED = 1u << 2,       /* has a scale word: 1.5 million, $15bn */
	NUM_PLAIN = 1u << 3,        /* digits only, no separator, integer: a possible year */
	NUM_ARTICLE = 1u << 4,      /* starts with a/an: a dozen, a million */
	NUM_ONE = 1u << 5,          /* the single word "one" */
	NUM_HYPHEN_UNIT = 1u << 6,  /* a unit follows in the same token: four-day, 27-year */
	NUM_GLUED_UNIT = 1u << 7,   /* a unit symbol glued to the digits: 5km */
	NUM_LEADING_ZERO = 1u << 8, /* 007, 0100: a code */
	/* Set by the quantity plugin, not by num_parse(): */
	NUM_COUPLE = 1u << 9,  /* "a couple of": two, about, of what follows */
	NUM_PERIOD = 1u << 10, /* "the past year": one unit of time named as a span */
	NUM_HALF = 1u << 11    /* "half a percent": a half of the unit after it */
};

typedef struct num_result {
	double value;
	unsigned flags; /* NUM_* */
	size_t first;   /* first token */
	size_t end;     /* one past the last token of the number (and glued unit) */
	int n_digits;   /* integer digits, for NUM_DIGITS */
	const lex_entry
	    *unit;           /* the unit inside the last token (NUM_HYPHEN_UNIT, NUM_GLUED_UNIT) */
	double range_max;    /* > 0 when the token held a range: 200-250 */
	int range_digits;    /* integer digits of that upper end */
	gboolean range_zero; /* the upper end starts with 0: 555-0100 */
	double scale;        /* the scale word's factor (1e6 for "1.5 million"), 1 when none */
} num_result;

typedef struct num_lexicon {
	const lex_table *numbers; /* [phrases number] of quantity/numbers.rules */
	const lex_table *units;   /* [phrases unit] of quantity/units.rules */
} num_lexicon;

/*
 * num_word_at:
 * TRUE when token tok, or its part before a hyphen ("twenty" of
 * "twenty-one"), is an entry of the numbers table: a number word may
 * start there; text is entx_doc_text() of doc. Compares fold hashes, so
 * exact for ASCII tokens. Inline: the quantity plugin asks it of every word.
 */
static inline gboolean num_word_at(const num_lexicon *lx, const char *text, const entx_doc *doc,
                                   const entx_token *tok)
{
	return lex_has_tok(lx->numbers, tok) ||
	       ((tok->flags & ENTX_TOK_HYPHENATED) &&
	        lex_has_hash(lx->numbers, lex_hyphen_head_at(text, doc, tok)));
}

/*
 * num_parse:
 * Reads the number starting at token i (no further than limit). With
 * allow_abbrev a separate "m" or "k" after digits is a scale (after a
 * currency sign: "$5 m"). Returns TRUE and fills *out, or FALSE.
 */
gboolean num_parse(const num_lexicon *lx, const entx_doc *doc, size_t i, size_t limit,
                   gboolean allow_abbrev, num_result *out);

/* The document as num_parse() reads it: its text and tokens fetched once. */
typedef struct num_src {
	const entx_doc *doc;
	const char *text; /* entx_doc_text() */
	const entx_token *toks;
	size_t n; /* number of tokens */
} num_src;

/* num_parse() for a caller that holds the document's text and tokens:
 * it asks for many numbers per document. */
gboolean num_parse_src(const num_lexicon *lx, const num_src *src, size_t i, size_t limit,
                       gboolean allow_abbrev, num_result *out);

/*
 * num_digits:
 * Reads len bytes of s as a decimal number with optional thousands
 * commas and decimal point ("1,000.5"). Returns the number of bytes
 * read (0 when s does not start with one); *value gets the value,
 * *n_int the number of integer digits, *plain whether it is a bare
 * integer without separators.
 */
size_t num_digits(const char *s, size_t len, double *value, int *n_int, gboolean *plain);

/* Formats v as a plain decimal (no exponent) into buf. */
void num_format(double v, char *buf, size_t n);

#endif
