/*
 * Unit tests of the tokenizer, the sentence splitter and the fold hash.
 * Offsets were worked out by hand from the byte sequences in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tokenize.h"

struct result {
	const char *text;
	GArray *tokens;
	size_t n_sentences;
};

static struct result run_len(const char *text, size_t len)
{
	struct result r = {text, g_array_new(FALSE, FALSE, sizeof(entx_token)), 0};

	r.n_sentences = entx_priv_tokenize(text, len, r.tokens);
	return r;
}

static struct result run(const char *text)
{
	return run_len(text, strlen(text));
}

static void done(struct result *r)
{
	g_array_free(r->tokens, TRUE);
}

static const entx_token *tok(const struct result *r, size_t i)
{
	assert_true(i < r->tokens->len);
	return &g_array_index(r->tokens, entx_token, i);
}

/* The token texts joined with |, to compare a whole tokenization at once. */
static char *joined(const struct result *r)
{
	GString *s = g_string_new(NULL);

	for (size_t i = 0; i < r->tokens->len; i++) {
		const entx_token *t = tok(r, i);
		if (i > 0)
			g_string_append_c(s, '|');
		g_string_append_len(s, r->text + t->byte_begin, (gssize)(t->byte_end - t->byte_begin));
	}
	return g_string_free(s, FALSE);
}

static void assert_tokens(const char *text, const char *expected)
{
	struct result r = run(text);
	char *got = joined(&r);

	assert_string_equal(got, expected);
	g_free(got);
	done(&r);
}

/* Token i spans the given code points and has all of `on` and none of `off`. */
static void assert_tok(const struct result *r, size_t i, size_t cp_begin, size_t cp_end,
                       uint32_t on, uint32_t off)
{
	const entx_token *t = tok(r, i);

	assert_int_equal(t->cp_begin, cp_begin);
	assert_int_equal(t->cp_end, cp_end);
	assert_int_equal(t->flags & on, on);
	assert_int_equal(t->flags & off, 0);
}

static void assert_bytes(const struct result *r, size_t i, size_t begin, size_t end)
{
	assert_int_equal(tok(r, i)->byte_begin, begin);
	assert_int_equal(tok(r, i)->byte_end, end);
}

/* Index of the first token whose text is word, or fails. */
static size_t find(const struct result *r, const char *word)
{
	for (size_t i = 0; i < r->tokens->len; i++) {
		const entx_token *t = tok(r, i);
		if (t->byte_end - t->byte_begin == strlen(word) &&
		    memcmp(r->text + t->byte_begin, word, strlen(word)) == 0)
			return i;
	}
	fail_msg("no token %s", word);
	return 0;
}

static uint32_t flags_of(const struct result *r, const char *word)
{
	return tok(r, find(r, word))->flags;
}

static void test_empty(void **state)
{
	struct result r = run("");
	assert_int_equal(r.tokens->len, 0);
	assert_int_equal(r.n_sentences, 0);
	done(&r);

	r = run(" \t\n\r\n \xC2\xA0 ");
	assert_int_equal(r.tokens->len, 0);
	assert_int_equal(r.n_sentences, 0);
	done(&r);

	r = run_len("\0\0\0", 3);
	assert_int_equal(r.tokens->len, 0);
	done(&r);
}

static void test_multibyte_offsets(void **state)
{
	/*
	 * bytes: c a f C3A9 | 20 | E4B8AD E69687 | 20 | F09F9880 x | 20 | EFBFBD !
	 * café [0,5) cp [0,4); 中 [6,9) cp [5,6); 文 [9,12) cp [6,7);
	 * 😀 [13,17) cp [8,9); x [17,18) cp [9,10); U+FFFD [19,22) cp [11,12);
	 * ! [22,23) cp [12,13)
	 */
	struct result r = run("caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80x \xEF\xBF\xBD!");

	assert_int_equal(r.tokens->len, 7);
	assert_bytes(&r, 0, 0, 5);
	assert_tok(&r, 0, 0, 4, ENTX_TOK_WORD | ENTX_TOK_LOWER, ENTX_TOK_SPACE_BEFORE);
	assert_bytes(&r, 1, 6, 9);
	assert_tok(&r, 1, 5, 6, ENTX_TOK_WORD | ENTX_TOK_SPACE_BEFORE,
	           ENTX_TOK_LOWER | ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS);
	assert_bytes(&r, 2, 9, 12);
	assert_tok(&r, 2, 6, 7, ENTX_TOK_WORD, ENTX_TOK_SPACE_BEFORE);
	assert_bytes(&r, 3, 13, 17);
	assert_tok(&r, 3, 8, 9, ENTX_TOK_SYMBOL, ENTX_TOK_CURRENCY | ENTX_TOK_WORD);
	assert_bytes(&r, 4, 17, 18);
	assert_tok(&r, 4, 9, 10, ENTX_TOK_WORD, ENTX_TOK_SPACE_BEFORE);
	assert_bytes(&r, 5, 19, 22);
	assert_tok(&r, 5, 11, 12, ENTX_TOK_SYMBOL, 0);
	assert_bytes(&r, 6, 22, 23);
	assert_tok(&r, 6, 12, 13, ENTX_TOK_PUNCT, ENTX_TOK_SPACE_BEFORE);
	done(&r);
}

static void test_abbreviations(void **state)
{
	assert_tokens("Mr. and Mrs. Smith met Dr. Jones, Gen. Lee and Sen. Ray",
	              "Mr.|and|Mrs.|Smith|met|Dr.|Jones|,|Gen.|Lee|and|Sen.|Ray");
	assert_tokens("the U.S. and U.N. staff at St. Mark on Dec. 3 at 9 a.m. or 5 p.m. today",
	              "the|U.S.|and|U.N.|staff|at|St.|Mark|on|Dec.|3|at|9|a.m.|or|5|p.m.|today");
	assert_tokens("Acme Inc. and Foo Corp. hired Bob Jr. and George W. Bush",
	              "Acme|Inc.|and|Foo|Corp.|hired|Bob|Jr.|and|George|W.|Bush");
	/* not abbreviations: the period is a token of its own */
	assert_tokens("the end. see example.com. OK", "the|end|.|see|example.com|.|OK");
	/* No. only before a number */
	assert_tokens("No. 10 Downing Street. \"No.\" she said",
	              "No.|10|Downing|Street|.|\"|No|.|\"|she|said");
	/* a temperature's scale at the end of a sentence is no initial */
	assert_tokens("It was 20\u00b0C. Then 5\u00b0F.", "It|was|20|\u00b0|C|.|Then|5|\u00b0|F|.");

	struct result r = run("Mr. U.S. a.m. W. end.");
	assert_true(flags_of(&r, "Mr.") & ENTX_TOK_ABBREV);
	assert_true(flags_of(&r, "U.S.") & ENTX_TOK_ABBREV);
	assert_true(flags_of(&r, "U.S.") & ENTX_TOK_ALLCAPS);
	assert_true(flags_of(&r, "a.m.") & ENTX_TOK_ABBREV);
	assert_true(flags_of(&r, "a.m.") & ENTX_TOK_LOWER);
	assert_true(flags_of(&r, "W.") & ENTX_TOK_ABBREV);
	assert_false(flags_of(&r, "end") & ENTX_TOK_ABBREV);
	/* U.S. [4,8), W. [14,16) */
	assert_tok(&r, 1, 4, 8, ENTX_TOK_WORD | ENTX_TOK_CAPITALIZED, 0);
	assert_tok(&r, 3, 14, 16, ENTX_TOK_WORD, 0);
	done(&r);

	/* U.S.-led stays one hyphenated word */
	r = run("U.S.-led talks");
	assert_int_equal(r.tokens->len, 2);
	assert_tok(&r, 0, 0, 8, ENTX_TOK_WORD | ENTX_TOK_HYPHENATED, ENTX_TOK_ABBREV);
	done(&r);
}

static void test_is_abbreviation(void **state)
{
	static const char *const yes[] = {"Mr", "Mrs", "Dr", "St", "Dec", "Corp", "Inc", "Jr", "Gen",
	                                  "Sen", "U.S", "U.N", "a.m", "p.m", "Ph.D", "W", "MR",
	                                  "etc", "Etc", "vs", "Calif", "Sept"};
	static const char *const no[] = {"mr", "dog", "The", "w", "example.com", "May", "Putin",
	                                 "", "U.S.A.B.C.D.", "abc.def", "2017"};

	for (size_t i = 0; i < G_N_ELEMENTS(yes); i++)
		if (!entx_priv_is_abbreviation(yes[i], strlen(yes[i])))
			fail_msg("%s should be an abbreviation", yes[i]);
	for (size_t i = 0; i < G_N_ELEMENTS(no); i++)
		if (entx_priv_is_abbreviation(no[i], strlen(no[i])))
			fail_msg("%s should not be an abbreviation", no[i]);
	/* the length counts, not a terminating NUL */
	assert_true(entx_priv_is_abbreviation("Mrs", 2));
	assert_false(entx_priv_is_abbreviation("Mrx", 3));
}

static void test_possessives(void **state)
{
	assert_tokens("Putin's plan", "Putin|'s|plan");
	assert_tokens("Peskov\xE2\x80\x99s aide", "Peskov|\xE2\x80\x99s|aide");
	assert_tokens("Jesus' words", "Jesus|'|words");
	assert_tokens("the players\xE2\x80\x99 union", "the|players|\xE2\x80\x99|union");
	assert_tokens("PUTIN'S O'Brien's", "PUTIN|'S|O'Brien|'s");
	/* contractions stay whole */
	assert_tokens("don't it's I'm we're Let's", "don't|it's|I'm|we're|Let's");
	/* a quotation, not a possessive */
	assert_tokens("he said 'yes' loudly", "he|said|'|yes|'|loudly");

	/* Peskov’s: Peskov [0,6), ’s [6,8) bytes [6,10) */
	struct result r = run("Peskov\xE2\x80\x99s Jesus' 'bus'");
	assert_tok(&r, 0, 0, 6, ENTX_TOK_WORD | ENTX_TOK_CAPITALIZED, ENTX_TOK_POSSESSIVE);
	assert_tok(&r, 1, 6, 8, ENTX_TOK_WORD | ENTX_TOK_POSSESSIVE | ENTX_TOK_LOWER,
	           ENTX_TOK_SPACE_BEFORE | ENTX_TOK_CAPITALIZED);
	assert_bytes(&r, 1, 6, 10);
	assert_tok(&r, 3, 14, 15, ENTX_TOK_PUNCT | ENTX_TOK_POSSESSIVE, ENTX_TOK_QUOTE);
	/* 'bus': the closing quote after "bus" is a quote while one is open */
	assert_tok(&r, 4, 16, 17, ENTX_TOK_PUNCT | ENTX_TOK_QUOTE, ENTX_TOK_POSSESSIVE);
	assert_tok(&r, 6, 20, 21, ENTX_TOK_PUNCT | ENTX_TOK_QUOTE, ENTX_TOK_POSSESSIVE);
	done(&r);
}

static void test_hyphens(void **state)
{
	assert_tokens("US-Russian four-day GPV-2027 2017-12-17 - well--known x -5",
	              "US-Russian|four-day|GPV-2027|2017-12-17|-|well|--|known|x|-|5");

	struct result r = run("US-Russian four-day GPV-2027 2017-12-17 -");
	assert_tok(&r, 0, 0, 10, ENTX_TOK_WORD | ENTX_TOK_HYPHENATED | ENTX_TOK_CAPITALIZED,
	           ENTX_TOK_ALLCAPS);
	assert_tok(&r, 1, 11, 19, ENTX_TOK_WORD | ENTX_TOK_HYPHENATED | ENTX_TOK_LOWER, 0);
	assert_tok(&r, 2, 20, 28,
	           ENTX_TOK_WORD | ENTX_TOK_HYPHENATED | ENTX_TOK_ALLCAPS | ENTX_TOK_HAS_DIGIT, 0);
	assert_tok(&r, 3, 29, 39, ENTX_TOK_WORD | ENTX_TOK_HYPHENATED | ENTX_TOK_HAS_DIGIT,
	           ENTX_TOK_NUMBER);
	assert_tok(&r, 4, 40, 41, ENTX_TOK_PUNCT, ENTX_TOK_HYPHENATED | ENTX_TOK_WORD);
	done(&r);
}

static void test_numbers(void **state)
{
	assert_tokens("1,000.5 3.5 1,000,000 $40 20% 1990s 5km 3.5bn 1st 4x4 .5 in 2017.",
	              "1,000.5|3.5|1,000,000|$|40|20|%|1990s|5|km|3.5|bn|1st|4x4|.5|in|2017|.");

	struct result r = run("1,000.5 $40 20% 1990s 5km");
	assert_tok(&r, 0, 0, 7, ENTX_TOK_NUMBER | ENTX_TOK_HAS_DIGIT, ENTX_TOK_WORD);
	assert_tok(&r, 1, 8, 9, ENTX_TOK_SYMBOL | ENTX_TOK_CURRENCY, ENTX_TOK_PUNCT);
	assert_tok(&r, 2, 9, 11, ENTX_TOK_NUMBER, ENTX_TOK_SPACE_BEFORE);
	assert_tok(&r, 3, 12, 14, ENTX_TOK_NUMBER, 0);
	assert_tok(&r, 4, 14, 15, ENTX_TOK_SYMBOL, ENTX_TOK_CURRENCY | ENTX_TOK_SPACE_BEFORE);
	assert_tok(&r, 5, 16, 21, ENTX_TOK_WORD | ENTX_TOK_HAS_DIGIT, ENTX_TOK_NUMBER);
	assert_tok(&r, 6, 22, 23, ENTX_TOK_NUMBER, 0);
	assert_tok(&r, 7, 23, 25, ENTX_TOK_WORD | ENTX_TOK_LOWER, ENTX_TOK_SPACE_BEFORE);
	done(&r);
}

static void test_currency(void **state)
{
	/* € E282AC, £ C2A3, ¥ C2A5, ₽ E282BD, ₹ E282B9: one code point each */
	struct result r = run("\xE2\x82\xAC" "5 \xC2\xA3" "3 \xC2\xA5" "7 \xE2\x82\xBD" "9 \xE2\x82\xB9" "2");

	assert_int_equal(r.tokens->len, 10);
	for (size_t i = 0; i < 10; i += 2) {
		assert_tok(&r, i, 3 * i / 2, 3 * i / 2 + 1, ENTX_TOK_SYMBOL | ENTX_TOK_CURRENCY,
		           ENTX_TOK_PUNCT | ENTX_TOK_WORD);
		assert_tok(&r, i + 1, 3 * i / 2 + 1, 3 * i / 2 + 2, ENTX_TOK_NUMBER,
		           ENTX_TOK_SPACE_BEFORE);
	}
	done(&r);
}

static void test_spaces(void **state)
{
	/*
	 * 10 C2A0 000 E280AF b E28087 c: bytes 10[0,2) 000[4,7) b[10,11) c[14,15),
	 * code points 10[0,2) 000[3,6) b[7,8) c[9,10)
	 */
	struct result r = run("10\xC2\xA0" "000\xE2\x80\xAF" "b\xE2\x80\x87" "c");

	assert_int_equal(r.tokens->len, 4);
	assert_tok(&r, 0, 0, 2, ENTX_TOK_NUMBER | ENTX_TOK_PARA_START, ENTX_TOK_SPACE_BEFORE);
	assert_tok(&r, 1, 3, 6, ENTX_TOK_NUMBER | ENTX_TOK_SPACE_BEFORE, ENTX_TOK_NEWLINE_BEFORE);
	assert_tok(&r, 2, 7, 8, ENTX_TOK_WORD | ENTX_TOK_SPACE_BEFORE, 0);
	assert_tok(&r, 3, 9, 10, ENTX_TOK_WORD | ENTX_TOK_SPACE_BEFORE, 0);
	assert_bytes(&r, 3, 14, 15);
	done(&r);

	/* CRLF is one line break; a blank line starts a paragraph */
	r = run("a\r\nb\r\n\r\nc \xE2\x80\xA8" "d");
	assert_int_equal(r.tokens->len, 4);
	assert_tok(&r, 0, 0, 1, ENTX_TOK_PARA_START | ENTX_TOK_SENT_START, ENTX_TOK_NEWLINE_BEFORE);
	assert_tok(&r, 1, 3, 4, ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_SPACE_BEFORE,
	           ENTX_TOK_PARA_START);
	assert_tok(&r, 2, 8, 9, ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_PARA_START, 0);
	assert_tok(&r, 3, 11, 12, ENTX_TOK_NEWLINE_BEFORE, ENTX_TOK_PARA_START);
	done(&r);
}

static void test_nul_bytes(void **state)
{
	/* foo NUL bar NUL NUL baz: [0,3) [4,7) [9,12) */
	struct result r = run_len("foo\0bar\0\0baz", 12);

	assert_int_equal(r.tokens->len, 3);
	assert_int_equal(r.n_sentences, 1);
	assert_tok(&r, 0, 0, 3, ENTX_TOK_WORD, ENTX_TOK_SPACE_BEFORE);
	assert_tok(&r, 1, 4, 7, ENTX_TOK_WORD | ENTX_TOK_SPACE_BEFORE, ENTX_TOK_NEWLINE_BEFORE);
	assert_tok(&r, 2, 9, 12, ENTX_TOK_WORD | ENTX_TOK_SPACE_BEFORE, 0);
	assert_bytes(&r, 2, 9, 12);
	done(&r);

	/* a trailing NUL is white space, not the end of the text */
	r = run_len("a\0", 2);
	assert_int_equal(r.tokens->len, 1);
	done(&r);
}

/* Asserts the sentence index of every token, given as a digit string. */
static void assert_sentences(const char *text, const char *expected, size_t n_sentences)
{
	struct result r = run(text);
	GString *got = g_string_new(NULL);

	for (size_t i = 0; i < r.tokens->len; i++) {
		const entx_token *t = tok(&r, i);
		gboolean starts = i == 0 || t->sentence != tok(&r, i - 1)->sentence;
		g_string_append_printf(got, "%u", t->sentence);
		/* SENT_START exactly where the index changes */
		assert_int_equal((t->flags & ENTX_TOK_SENT_START) != 0, starts);
	}
	assert_string_equal(got->str, expected);
	assert_int_equal(r.n_sentences, n_sentences);
	g_string_free(got, TRUE);
	done(&r);
}

static void test_sentences(void **state)
{
	/* Mr. Smith went to Washington . | He met Dr. Jones at 5 p.m. | The talks ended . */
	assert_sentences("Mr. Smith went to Washington. He met Dr. Jones at 5 p.m. The talks ended.",
	                 "000000" "1111111" "2222", 3);
	/* U.S. mid-sentence, then sentence-final before a starter */
	assert_sentences("The U.S. Army said so. It blamed the U.S. But nobody cared.",
	                 "000000" "1111" "2222", 3);
	assert_sentences("Acme Inc. The firm fell. Sales hit $5 in Dec. 2017 at St. Louis.",
	                 "00" "1111" "22222222222", 3);
	/* closing quotes stay with their sentence; lowercase does not start one */
	assert_sentences("\xE2\x80\x9CGo home!\xE2\x80\x9D he said. Then he left? Yes.",
	                 "00000000" "1111" "22", 3);
	assert_sentences("Wait... What? (Really.) Fine.", "00" "11" "2222" "33", 4);
	/* initials and titles before names */
	assert_sentences("George W. Bush met Mr. Putin. J. R. R. Tolkien wrote.",
	                 "0000000" "111111", 2);
	/* a blank line always ends a sentence */
	assert_sentences("no period here\n\nand lowercase after", "000" "111", 2);
	/* a wrapped line does not */
	assert_sentences("The Kremlin said on Sunday that the talks with\nWashington went well.",
	                 "0000000000000", 1);
	/* headline, dateline, byline: short unpunctuated lines end a sentence */
	assert_sentences("Putin Says Talks With Trump Went Well\nMOSCOW (Reuters)\nThe Kremlin "
	                 "said so.",
	                 "0000000" "1111" "22222", 3);
	assert_sentences("By John Smith\nUpdated 5 min ago\nThe story.", "000" "1111" "222", 3);
	/* a line ending in a comma or colon goes on */
	assert_sentences("Dear John,\nThe letter.", "000000", 1);
	assert_sentences("He said:\nThe end.", "000000", 1);
	/* CJK full stop */
	assert_sentences("\xE4\xB8\xAD\xE3\x80\x82\xE6\x96\x87\xE3\x80\x82", "0011", 2);
}

static void test_titlecase_lines(void **state)
{
	struct result r = run("Putin Says West Is Plotting a Coup\n"
	                      "The president said the plan was a coup.\n"
	                      "US SAYS NO\n"
	                      "Man Bites Dog\n"
	                      "The cat sat\n"
	                      "Breaking News\n"
	                      "Trump's Plan for the Wall");
	const size_t headline_tokens[] = {0, 1, 2, 3, 4, 5, 6};
	size_t line2 = find(&r, "president") - 1;

	for (size_t i = 0; i < G_N_ELEMENTS(headline_tokens); i++)
		assert_true(tok(&r, headline_tokens[i])->flags & ENTX_TOK_TITLECASE_LINE);
	for (size_t i = line2; i < line2 + 9; i++)
		assert_false(tok(&r, i)->flags & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "US") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "NO") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "Bites") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "cat") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "Breaking") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "Trump") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "for") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "'s") & ENTX_TOK_TITLECASE_LINE);
	done(&r);

	/* A list of names wrapped over lines: a line that ends in a comma,
	 * and the one after it, are no headlines; the line before is. */
	r = run("Team Named For Final\n"
	        "Romesh Kaluwitharana, Asanka Gurusinha, Aravinda Silva,\n"
	        "Hashan Tillekeratne, Roshan Mahanama.");
	assert_true(flags_of(&r, "Named") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "Romesh") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "Silva") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "Hashan") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "Mahanama") & ENTX_TOK_TITLECASE_LINE);
	done(&r);
}

static void test_shapes_and_quotes(void **state)
{
	struct result r = run("FSB iPhone Apple apple 42 \"Hi\" \xC2\xAB" "Oui\xC2\xBB \xE2\x80\x9EJa\xE2\x80\x9C");

	assert_true(flags_of(&r, "FSB") & ENTX_TOK_ALLCAPS);
	assert_true(flags_of(&r, "FSB") & ENTX_TOK_CAPITALIZED);
	assert_int_equal(flags_of(&r, "iPhone") &
	                 (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER), 0);
	assert_int_equal(flags_of(&r, "Apple") &
	                 (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER),
	                 ENTX_TOK_CAPITALIZED);
	assert_int_equal(flags_of(&r, "apple") &
	                 (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER),
	                 ENTX_TOK_LOWER);
	assert_int_equal(flags_of(&r, "42") & (ENTX_TOK_CAPITALIZED | ENTX_TOK_LOWER | ENTX_TOK_WORD),
	                 0);
	assert_true(flags_of(&r, "\"") & ENTX_TOK_QUOTE);
	assert_true(flags_of(&r, "\xC2\xAB") & ENTX_TOK_QUOTE);
	assert_true(flags_of(&r, "\xC2\xBB") & ENTX_TOK_QUOTE);
	assert_true(flags_of(&r, "\xE2\x80\x9E") & ENTX_TOK_QUOTE);
	assert_true(flags_of(&r, "\xE2\x80\x9C") & (ENTX_TOK_QUOTE | ENTX_TOK_PUNCT));
	done(&r);
}

static void test_fold_hash(void **state)
{
	/* 64-bit FNV-1a reference values */
	assert_true(entx_hash_fold("", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(entx_hash_fold("a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(entx_hash_fold("A", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(entx_hash_fold("FSB", 3) == entx_hash_fold("fsb", 3));
	assert_true(entx_hash_fold("FSB", 3) != entx_hash_fold("FSA", 3));
	/* Curly apostrophes (U+2019, U+02BC) hash as straight ones. */
	assert_true(entx_hash_fold("Peskov\xE2\x80\x99s", 10) == entx_hash_fold("peskov's", 8));
	assert_true(entx_hash_fold("d\xCA\xBC", 3) == entx_hash_fold("D'", 2));
	assert_true(entx_hash_fold("Peskov\xE2\x80\x99s", 10) != entx_hash_fold("peskovs", 7));
	assert_true(entx_hash_fold("\xC3\x89" "COLE", 6) == entx_hash_fold("\xC3\xA9" "cole", 6));
	assert_true(entx_hash_fold("\xC3\xA9" "cole", 6) != entx_hash_fold("ecole", 5));
	/* Cyrillic: ФСБ / фсб */
	assert_true(entx_hash_fold("\xD0\xA4\xD0\xA1\xD0\x91", 6) ==
	            entx_hash_fold("\xD1\x84\xD1\x81\xD0\xB1", 6));
	/* the length counts, and NUL is an ordinary byte */
	assert_true(entx_hash_fold("ab", 1) == entx_hash_fold("a", 1));
	assert_true(entx_hash_fold("a\0b", 3) != entx_hash_fold("ab", 2));

	uint64_t a = entx_hash_fold("a", 1);
	uint64_t b = entx_hash_fold("b", 1);
	uint64_t ab = entx_hash_fold_combine(entx_hash_fold_combine(0, a), b);
	uint64_t ba = entx_hash_fold_combine(entx_hash_fold_combine(0, b), a);
	assert_true(ab != ba);
	assert_true(ab != 0 && entx_hash_fold_combine(0, a) != 0);
	assert_true(entx_hash_fold_combine(0, a) != a);
}

static void test_token_hashes(void **state)
{
	const char *text = "FSB fsb \xC3\x89" "COLE \xC3\xA9" "cole Putin's";
	struct result r = run(text);

	assert_int_equal(r.tokens->len, 6);
	assert_true(tok(&r, 0)->fold_hash == tok(&r, 1)->fold_hash);
	assert_true(tok(&r, 2)->fold_hash == tok(&r, 3)->fold_hash);
	assert_true(tok(&r, 0)->fold_hash != tok(&r, 2)->fold_hash);
	for (size_t i = 0; i < r.tokens->len; i++) {
		const entx_token *t = tok(&r, i);
		assert_true(t->fold_hash == entx_hash_fold(text + t->byte_begin,
		                                           t->byte_end - t->byte_begin));
	}
	assert_true(tok(&r, 5)->fold_hash == entx_hash_fold("'S", 2));
	done(&r);
}

/*
 * A word of letters ends at every ASCII byte except the ones the rules
 * say join (letters, digits, and - ' . _ before a letter), whatever the
 * byte, and its hash and offsets are those of its own text.
 */
static void test_word_ends(void **state)
{
	for (int b = 1; b < 0x80; b++) {
		char text[16];
		g_snprintf(text, sizeof text, "Word%cnext", b);
		struct result r = run(text);
		const entx_token *t = tok(&r, 0);
		gboolean joins = g_ascii_isalnum(b) || b == '-' || b == '\'' || b == '.' || b == '_';
		assert_int_equal(t->byte_end, joins ? 9 : 4);
		assert_int_equal(t->cp_end, t->byte_end);
		assert_true(t->fold_hash == entx_hash_fold(text, t->byte_end));
		assert_true(t->flags & ENTX_TOK_WORD);
		assert_true(t->flags & ENTX_TOK_CAPITALIZED);
		done(&r);
	}
	/* At the end of the text, and in capitals. */
	struct result r = run("see NATO");
	assert_int_equal(r.tokens->len, 2);
	assert_true(tok(&r, 1)->flags & ENTX_TOK_ALLCAPS);
	assert_true(tok(&r, 1)->fold_hash == entx_hash_fold("nato", 4));
	assert_int_equal(tok(&r, 1)->cp_begin, 4);
	assert_int_equal(tok(&r, 1)->cp_end, 8);
	done(&r);
}

/*
 * ENTX_TOK_HAS_DIGIT is set on every token with an ASCII digit, wherever
 * the digit is and whatever follows: plugins test the flag before they
 * look at a token's text.
 */
static void test_digit_flag(void **state)
{
	static const char *const pieces[] = {"7",  "1990s", "5km", "GPV-2027", "$40", "3,000.5",
	                                     "x1", "9/11",  "'90s", "2.5%",    "No.5", "4th",
	                                     "1-0", "(12)", "a_1", "\xC3\xA9" "1"};
	for (size_t a = 0; a < G_N_ELEMENTS(pieces); a++)
		for (size_t b = 0; b < G_N_ELEMENTS(pieces); b++) {
			char text[64];
			g_snprintf(text, sizeof text, "%s %s%s.", pieces[a], pieces[b], pieces[a]);
			struct result r = run(text);
			for (guint i = 0; i < r.tokens->len; i++) {
				const entx_token *t = tok(&r, i);
				gboolean digit = FALSE;
				for (size_t k = t->byte_begin; k < t->byte_end; k++)
					digit = digit || g_ascii_isdigit(text[k]);
				int len = (int)(t->byte_end - t->byte_begin);
				const char *at = text + t->byte_begin;
				if (digit != ((t->flags & ENTX_TOK_HAS_DIGIT) != 0))
					fail_msg("'%.*s' in '%s': flag %d", len, at, text, !digit);
			}
			done(&r);
		}
}

static void test_appends(void **state)
{
	GArray *tokens = g_array_new(FALSE, FALSE, sizeof(entx_token));

	assert_int_equal(entx_priv_tokenize("One. Two.", 9, tokens), 2);
	assert_int_equal(entx_priv_tokenize("Three four", 10, tokens), 1);
	assert_int_equal(tokens->len, 6);
	const entx_token *t = &g_array_index(tokens, entx_token, 4);
	assert_int_equal(t->byte_begin, 0);
	assert_int_equal(t->sentence, 0);
	assert_true(t->flags & (ENTX_TOK_SENT_START | ENTX_TOK_PARA_START));
	t = &g_array_index(tokens, entx_token, 5);
	assert_int_equal(t->cp_begin, 6);
	assert_false(t->flags & ENTX_TOK_TITLECASE_LINE);
	g_array_free(tokens, TRUE);
}

static void test_symbols(void **state)
{
	/* 👍🏽 (F09F918D F09F8FBD) and the flag 🇺🇸 are one token each */
	assert_tokens("ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 a&b c@d #1",
	              "ok|\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD|\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8|a|&|b|c|@|d|#|1");
	/* combining acute (CC81) stays on its letter: e + U+0301 */
	struct result r = run("Jose\xCC\x81 x");
	assert_int_equal(r.tokens->len, 2);
	assert_tok(&r, 0, 0, 5, ENTX_TOK_WORD | ENTX_TOK_CAPITALIZED, 0);
	done(&r);
}

/*
 * The fast paths for a word or a , ; : . after one space: a word that
 * runs into the end of a buffer (the byte past len is a letter here), a
 * lone mark with and without a space, and the periods they leave to the
 * general scan (runs, .5, a mark a combining character joins).
 */
static void test_spaced_fast_paths(void **state)
{
	const char text[] = "Ab cd , ef ; GH: ij . Kl .. mn .5 op ,\xCC\x81 qrsX";
	struct result r = run_len(text, sizeof text - 2);
	char *got = joined(&r);
	assert_string_equal(got, "Ab|cd|,|ef|;|GH|:|ij|.|Kl|..|mn|.5|op|,\xCC\x81|qrs");
	g_free(got);
	assert_tok(&r, 2, 6, 7, ENTX_TOK_PUNCT | ENTX_TOK_SPACE_BEFORE, ENTX_TOK_WORD);
	assert_int_equal(tok(&r, 2)->fold_hash, entx_hash_fold(",", 1));
	assert_tok(&r, 5, 13, 15, ENTX_TOK_WORD | ENTX_TOK_ALLCAPS | ENTX_TOK_CAPITALIZED,
	           ENTX_TOK_LOWER);
	assert_tok(&r, 6, 15, 16, ENTX_TOK_PUNCT, ENTX_TOK_SPACE_BEFORE);
	/* a period ends the sentence: Kl starts the next one */
	assert_int_equal(tok(&r, 9)->sentence, tok(&r, 8)->sentence + 1);
	assert_true(tok(&r, 9)->flags & ENTX_TOK_SENT_START);
	assert_true(tok(&r, 12)->flags & ENTX_TOK_NUMBER);
	assert_int_equal(tok(&r, 15)->fold_hash, entx_hash_fold("qrs", 3));
	assert_tok(&r, 15, 40, 43, ENTX_TOK_WORD | ENTX_TOK_LOWER, 0);
	done(&r);
}

/*
 * The fast loop: a word before a period that is not its own (but Mr.,
 * an initial, No. before a number, U.S and 20°C. stay the general
 * scan's), words and numbers after a line feed, numbers with
 * separators, symbols and brackets, and what each does to sentences.
 */
static void test_fast_loop(void **state)
{
	assert_tokens("It ended. Mr. Li met J. Doe, No. 5 and no. 20\xC2\xB0"
	              "C. The U.S. team won.",
	              "It|ended|.|Mr.|Li|met|J.|Doe|,|No.|5|and|no|.|20|\xC2\xB0|C|.|The|U.S.|team|"
	              "won|.");
	assert_tokens("Pay 1,000.5 or 3.5, not 7. Then 12:30 (a) [b] {c} $5 5% x+y a-b - c! d?",
	              "Pay|1,000.5|or|3.5|,|not|7|.|Then|12|:|30|(|a|)|[|b|]|{|c|}|$|5|5|%|x|+|y|"
	              "a-b|-|c|!|d|?");

	struct result r = run("Short line\nNext one starts here. $5 came. (It did.) Then 10 "
	                      "left.\nsmall words here\n7 more");
	/* a short line ends the sentence before a capital */
	assert_true(flags_of(&r, "Next") & ENTX_TOK_SENT_START);
	assert_true(flags_of(&r, "Next") & ENTX_TOK_NEWLINE_BEFORE);
	assert_true(flags_of(&r, "$") & ENTX_TOK_SENT_START);
	assert_true(flags_of(&r, "$") & ENTX_TOK_CURRENCY);
	assert_true(flags_of(&r, "(") & ENTX_TOK_SENT_START);
	/* a closing bracket keeps the sentence end before it pending */
	assert_true(flags_of(&r, "Then") & ENTX_TOK_SENT_START);
	assert_false(flags_of(&r, "small") & ENTX_TOK_SENT_START);
	assert_true(flags_of(&r, "7") & ENTX_TOK_SENT_START);
	assert_true(flags_of(&r, "7") & ENTX_TOK_NUMBER);
	assert_int_equal(r.n_sentences, 6);
	done(&r);

	/* a quote right after an opening one opens too: Jesus' then closes it */
	r = run("He read ('Jesus' book) and Jesus' book.");
	assert_tokens(r.text, "He|read|(|'|Jesus|'|book|)|and|Jesus|'|book|.");
	assert_tok(&r, 5, 15, 16, ENTX_TOK_PUNCT | ENTX_TOK_QUOTE, ENTX_TOK_POSSESSIVE);
	assert_tok(&r, 10, 32, 33, ENTX_TOK_PUNCT | ENTX_TOK_POSSESSIVE, ENTX_TOK_QUOTE);
	done(&r);

	/* a headline: every long word capitalized */
	r = run("Boeing Wins the Big Contract\nIt was won by a mile today.");
	assert_true(flags_of(&r, "the") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "mile") & ENTX_TOK_TITLECASE_LINE);
	done(&r);
}

/*
 * Words joined by - or ' and possessives in the middle of a text, where
 * the fast loop reads them: the same tokens, flags, offsets and hashes
 * as the general scan gives them at the start of a text.
 */
static void test_fast_loop_joiners(void **state)
{
	(void)state;
	const char *text = "So Putin's aide, the players' union, don't it's O'Brien's US-Russian "
	                   "a-b mother-in-law's PUTIN'S Putin's5 it's-a plan.";
	assert_tokens(text, "So|Putin|'s|aide|,|the|players|'|union|,|don't|it's|O'Brien|'s|"
	                    "US-Russian|a-b|mother-in-law|'s|PUTIN|'S|Putin's5|it's-a|plan|.");

	struct result r = run(text);
	for (size_t i = 0; i < r.tokens->len; i++) {
		const entx_token *t = tok(&r, i);
		assert_true(t->fold_hash == entx_hash_fold(text + t->byte_begin,
		                                           t->byte_end - t->byte_begin));
		assert_int_equal(t->cp_begin, t->byte_begin);
		assert_int_equal(t->cp_end, t->byte_end);
		assert_int_equal(t->sentence, 0);
	}
	assert_tok(&r, 1, 3, 8, ENTX_TOK_WORD | ENTX_TOK_CAPITALIZED | ENTX_TOK_SPACE_BEFORE,
	           ENTX_TOK_POSSESSIVE | ENTX_TOK_HYPHENATED);
	assert_tok(&r, 2, 8, 10, ENTX_TOK_WORD | ENTX_TOK_POSSESSIVE | ENTX_TOK_LOWER,
	           ENTX_TOK_SPACE_BEFORE | ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS |
	           ENTX_TOK_SENT_START);
	assert_tok(&r, 7, 28, 29, ENTX_TOK_PUNCT | ENTX_TOK_POSSESSIVE, ENTX_TOK_WORD);
	assert_true(flags_of(&r, "don't") & ENTX_TOK_LOWER);
	assert_false(flags_of(&r, "don't") & (ENTX_TOK_HYPHENATED | ENTX_TOK_POSSESSIVE));
	assert_true(flags_of(&r, "US-Russian") & ENTX_TOK_HYPHENATED);
	assert_true(flags_of(&r, "US-Russian") & ENTX_TOK_CAPITALIZED);
	assert_false(flags_of(&r, "US-Russian") & (ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER));
	assert_true(flags_of(&r, "mother-in-law") & ENTX_TOK_HYPHENATED);
	assert_true(flags_of(&r, "'S") & ENTX_TOK_ALLCAPS);
	assert_true(flags_of(&r, "'S") & ENTX_TOK_POSSESSIVE);
	assert_true(flags_of(&r, "it's-a") & ENTX_TOK_HYPHENATED);
	done(&r);

	/* a possessive before a quotation is open: its 's all the same */
	assert_tokens("He said 'Putin's aide' left.", "He|said|'|Putin|'s|aide|'|left|.");
	/* a possessive starts no sentence, its host may */
	r = run("It ended. Putin's aide left.");
	assert_true(flags_of(&r, "Putin") & ENTX_TOK_SENT_START);
	assert_false(flags_of(&r, "'s") & ENTX_TOK_SENT_START);
	assert_int_equal(r.n_sentences, 2);
	done(&r);

	/* headlines count a joined word's letters, not its joiners */
	r = run("Intro line here.\nBoeing Wins a-bc Deal\nBoeing Wins don't Deal\n"
	        "Boeing Wins it's Deal\nBoeing's Wins Deal\n"
	        "the end of it all is near");
	assert_true(flags_of(&r, "a-bc") & ENTX_TOK_TITLECASE_LINE);
	assert_false(flags_of(&r, "don't") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "it's") & ENTX_TOK_TITLECASE_LINE);
	assert_true(flags_of(&r, "'s") & ENTX_TOK_TITLECASE_LINE);
	done(&r);
}

/*
 * Tokens in order, their offsets ASCII ones, the sentence numbers those
 * the SENT_START flags give, the sentence index pointing at them.
 */
static void assert_whole(const char *text, size_t len)
{
	GArray *tokens = g_array_new(FALSE, FALSE, sizeof(entx_token));
	GArray *sentences = g_array_new(FALSE, FALSE, sizeof(size_t));
	size_t n = entx_priv_tokenize_sentences(text, len, tokens, sentences);
	uint32_t sentence = 0;

	assert_int_equal(sentences->len, n);
	for (size_t i = 0; i < tokens->len; i++) {
		const entx_token *t = &g_array_index(tokens, entx_token, i);
		assert_int_equal(t->cp_begin, t->byte_begin);
		assert_int_equal(t->cp_end, t->byte_end);
		if (t->flags & ENTX_TOK_SENT_START) {
			assert_int_equal(g_array_index(sentences, size_t, t->sentence), i);
			sentence = t->sentence;
		}
		assert_int_equal(t->sentence, sentence);
	}
	assert_int_equal(sentence + 1, n);
	g_array_free(sentences, TRUE);
	g_array_free(tokens, TRUE);
}

/*
 * Long text grows the token array while the fast loop runs; offsets,
 * sentences and the sentence index stay whole across it, also where
 * the general scan takes over (o'k) just as the room runs out.
 */
static void test_fast_loop_long_text(void **state)
{
	GString *text = g_string_new(NULL);

	for (int i = 0; i < 3000; i++)
		g_string_append(text, i % 7 == 6 ? "12. " : i % 7 == 0 ? "Word, " : "word ");
	g_string_append(text, "end");
	assert_whole(text->str, text->len);
	for (int shift = 0; shift < 600; shift++) {
		g_string_assign(text, "Go. Now");
		for (int i = 0; i < shift; i++)
			g_string_append(text, " a");
		g_string_append(text, " o'k. Then more.");
		assert_whole(text->str, text->len);
		/* and where a possessive's host or a joined word meets it */
		g_string_truncate(text, text->len - strlen(" o'k. Then more."));
		g_string_append(text, " Putin's so-so. Then more.");
		assert_whole(text->str, text->len);
	}
	g_string_free(text, TRUE);
}

/*
 * Texts that end right after a number and a separator, each in a heap
 * block of exactly its length (no NUL after it), so that a read past
 * the end shows under ASan or valgrind. Callers such as the gazetteer
 * hand the tokenizer phrases that are not NUL-terminated.
 */
static void test_text_ends_after_number(void **state)
{
	(void)state;
	static const char *const texts[] = {"on page 5.", "on page 5,", "page 5.5", "5.",
	                                    "a 1,", "x 12.", "x 1,0", "9", "a b's", "a b-c",
	                                    "a b'c", "a bc's.", "a b-c.", "a b-"};
	for (size_t t = 0; t < G_N_ELEMENTS(texts); t++) {
		size_t len = strlen(texts[t]);
		char *exact = g_malloc(len);
		memcpy(exact, texts[t], len);
		struct result r = run_len(exact, len);
		assert_true(r.tokens->len > 0);
		const entx_token *last = tok(&r, r.tokens->len - 1);
		assert_int_equal(last->byte_end, len);
		done(&r);
		g_free(exact);
	}
}

/*
 * Texts whose last run of letters begins at their first or second byte,
 * so that the fast loop has no room at all: each in a heap block of its
 * exact length, as above.
 */
static void test_text_all_letters(void **state)
{
	(void)state;
	static const char *const texts[] = {"Hello", " abc", "-abc", ".x", "a b", "(ab"};
	static const size_t n_tokens[] = {1, 1, 2, 2, 2, 2};
	for (size_t t = 0; t < G_N_ELEMENTS(texts); t++) {
		size_t len = strlen(texts[t]);
		char *exact = g_malloc(len);
		memcpy(exact, texts[t], len);
		struct result r = run_len(exact, len);
		assert_int_equal(r.tokens->len, n_tokens[t]);
		assert_int_equal(tok(&r, r.tokens->len - 1)->byte_end, len);
		done(&r);
		g_free(exact);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_multibyte_offsets),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_is_abbreviation),
		cmocka_unit_test(test_possessives),
		cmocka_unit_test(test_hyphens),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_currency),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_titlecase_lines),
		cmocka_unit_test(test_shapes_and_quotes),
		cmocka_unit_test(test_fold_hash),
		cmocka_unit_test(test_token_hashes),
		cmocka_unit_test(test_word_ends),
		cmocka_unit_test(test_digit_flag),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_symbols),
		cmocka_unit_test(test_spaced_fast_paths),
		cmocka_unit_test(test_fast_loop),
		cmocka_unit_test(test_fast_loop_joiners),
		cmocka_unit_test(test_fast_loop_long_text),
		cmocka_unit_test(test_text_ends_after_number),
		cmocka_unit_test(test_text_all_letters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
