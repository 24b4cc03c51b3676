/*
 * The tokenizer and sentence splitter shared by every plugin.
 *
 * One left-to-right pass over the text. Each token is appended to the
 * caller's GArray as soon as it is complete, and the sentence and line
 * decisions are made on the fly from a little state kept in struct scan,
 * so nothing is allocated per token.
 *
 * Rules (the ones a plugin author needs to know):
 *
 *  - White space (every Unicode space, NUL and other control characters,
 *    U+200B, U+2060, U+FEFF) only separates tokens. Line breaks are LF,
 *    CR, CRLF, VT, FF, U+0085, U+2028; U+2029 counts as a blank line.
 *  - A word is a run of letters, digits and combining marks; it goes on
 *    across a hyphen (- U+2010 U+2011) or an underscore between two
 *    alphanumerics (US-Russian, four-day, 2017-12-17: one HYPHENATED
 *    token), across an apostrophe followed by a letter (O'Brien, don't,
 *    rock'n'roll) and across a period followed by a letter (U.S, e.g,
 *    example.com).
 *  - Possessives are split PTB-style: Putin's -> Putin 's, Putin's and
 *    Peskov’s alike; the clitic gets POSSESSIVE. A bare apostrophe right
 *    after a word ending in s (Jesus') is a POSSESSIVE punctuation token,
 *    unless a single quotation is open on the line. Contractions stay
 *    one token: don't, I'm, we're, and 's after it, he, she, that, what,
 *    where, who, there, here, how, let, when, why (it's, let's).
 *  - A period stays on a word that is an abbreviation: one of a built-in
 *    table (titles, months, weekdays, corporate suffixes, US states,
 *    etc, vs ...), a single uppercase letter (an initial), or the
 *    letter.letter pattern (U.S., a.m., Ph.D.: segments of at most three
 *    letters, one of them a single letter). The token gets ABBREV.
 *    No. and Nos. keep their period only before a number (No. 10, but
 *    "No." she said).
 *  - Numbers: digits with , or . separators followed by a digit are one
 *    NUMBER (1,000.5; 3.5; 192.168.0.1; also .5). A number directly
 *    followed by letters is split from them (5km -> 5 km, 3.5bn -> 3.5
 *    bn) so quantities see the number, except ordinal and decade
 *    suffixes (1st 2nd 3rd 4th 1990s stay one WORD with HAS_DIGIT) and
 *    mixed runs with digits after the letters (4x4). A number joined by
 *    a hyphen (2017-12-17, 10-year-old) is a HYPHENATED WORD.
 *  - Han and kana characters are one token each, since those scripts
 *    do not mark word boundaries; gazetteer phrases are tokenized the
 *    same way, so multi-character names still match.
 *  - Every other character is a token of its own (with its combining
 *    marks, and emoji ZWJ sequences and flag pairs kept whole), except
 *    that runs of periods (...) and of hyphens (--) are one token.
 *    Currency signs (category Sc) are SYMBOL|CURRENCY; % ‰ # & @ § and
 *    the S* categories are SYMBOL; quotation marks are PUNCT|QUOTE.
 *  - Shape: ALLCAPS needs an uppercase letter and LOWER a lowercase one,
 *    so uncased scripts (中文) get neither; CAPITALIZED looks at the
 *    first character only (so not 's, iPhone or 1990s).
 *
 * Sentences. A sentence ends after . ! ? … (and the closing quotes and
 * brackets right after them) when the next token can start one: it
 * begins with an uppercase or uncased letter, a digit, a symbol or an
 * opening quote or bracket. After an abbreviation that often ends a
 * sentence (U.S., Inc., Jr., months, initials, the generic pattern) the
 * next token must also be a common sentence-initial word (The, He, But,
 * In ...). Titles (Mr., Dr., Gen., Sen., vs. ...) never end one. A blank
 * line always ends a sentence. A single line break ends one when the
 * line before ends in a word, number, symbol or closing bracket (not in
 * a comma, colon, dash ...), is a headline (TITLECASE_LINE) or at most
 * six tokens long (a dateline, a byline), and the next token can start
 * a sentence. Hard-wrapped prose lines are longer, so they do not split.
 *
 * Headlines. TITLECASE_LINE is set on every token of a line that has at
 * least three words and either every word of four or more letters
 * capitalized (with at least one such word, or all words capitalized),
 * or an uppercase letter and no lowercase letter at all; not on a line
 * that ends in a comma or follows one that does (a list of names
 * wrapped over lines).
 */
#include <string.h>

#include "hash.h"
#include "tokenize.h"
#include "utf8.h"

/* Character classes, from the ASCII table or from g_unichar_type(). */
enum {
	CL_SPACE,
	CL_BREAK,
	CL_UPPER,
	CL_LOWER,
	CL_ALPHA, /* uncased letter */
	CL_IDEO,  /* Han or kana: a token of its own */
	CL_DIGIT,
	CL_MARK,  /* combining mark or format character: joins the token */
	CL_PUNCT,
	CL_OPEN,
	CL_CLOSE,
	CL_QUOTE, /* a quotation mark whose direction depends on context */
	CL_SYMBOL,
	CL_CURRENCY
};

#define S CL_SPACE
#define B CL_BREAK
#define U CL_UPPER
#define L CL_LOWER
#define D CL_DIGIT
#define P CL_PUNCT
#define O CL_OPEN
#define C CL_CLOSE
#define Q CL_QUOTE
#define Y CL_SYMBOL
#define M CL_CURRENCY
static const unsigned char ascii_class[128] = {
	S, S, S, S, S, S, S, S, S, S, B, B, B, B, S, S, /* 0x00 */
	S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, /* 0x10 */
	S, P, Q, Y, M, Y, Y, Q, O, C, P, Y, P, P, P, P, /*  !"#$%&'()*+,-./ */
	D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P, /* 0123456789:;<=>? */
	Y, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* @ABCDEFGHIJKLMNO */
	U, U, U, U, U, U, U, U, U, U, U, O, P, C, Y, P, /* PQRSTUVWXYZ[\]^_ */
	Q, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* `abcdefghijklmno */
	L, L, L, L, L, L, L, L, L, L, L, O, Y, C, Y, S  /* pqrstuvwxyz{|}~ DEL */
};
#undef S
#undef B
#undef U
#undef L
#undef D
#undef P
#undef O
#undef C
#undef Q
#undef Y
#undef M

/* Roles in the sentence splitter. */
enum { ROLE_NONE, ROLE_TERMINAL, ROLE_OPEN, ROLE_CLOSE };

/*
 * Abbreviation classes, and the sentence-starter words of the same table.
 * ABBR_NUMBER takes its period only before a number (No. 5, not "No.").
 */
enum { ABBR_NONE, ABBR_TITLE, ABBR_ENDER, ABBR_NUMBER, ABBR_STARTER };

/* What the splitter expects after the previous token. */
enum { PEND_NONE, PEND_STRONG, PEND_ABBR };

/*
 * What the current line holds, for line_is_headline(), which needs only
 * whether each of these occurs (and the number of words).
 */
enum {
	LINE_LOWER = 1 << 0,     /* a lowercase letter */
	LINE_UPPER = 1 << 1,     /* an uppercase letter */
	LINE_UNCAP = 1 << 2,     /* a word not capitalized */
	LINE_LONG = 1 << 3,      /* a word of four letters or more */
	LINE_LONG_UNCAP = 1 << 4, /* such a word, not capitalized */
	LINE_SETTLED_SEEN = 1 << 5 /* fast_run() found LINE_SETTLED: one bit to test */
};

/* With these two, no word to come can make the line a headline. */
#define LINE_SETTLED (LINE_LOWER | LINE_LONG_UNCAP)

struct tok {
	size_t begin;
	size_t end;
	uint32_t flags;
	unsigned n_letters;
	/* the shape needs no more than whether there is a letter of each case */
	gboolean has_upper;
	gboolean has_lower;
	int first_class;
	int role;
	int abbr;
	gboolean hashed; /* hash holds entx_hash_fold() of the token (plain_word) */
	uint64_t hash;
};

struct scan {
	const char *text;
	size_t len;
	GArray *tokens;     /* its length runs ahead of n, see append() */
	GArray *sentences;  /* NULL, or where each sentence's first token goes */
	size_t n_sentences; /* entries of sentences in use; its length runs ahead */
	size_t n;           /* tokens appended */
	size_t first;       /* index of this call's first token */
	size_t cp;          /* code points before byte cp_byte */
	size_t cp_byte;
	size_t last_end;    /* byte end of the previous token */
	size_t run_bound;   /* a non-letter is there, so a run of letters before it ends by it */
	/* the table of fast_run(), read through here: GCC put its constant address
	 * back in a register at every letter, a loaded one it keeps */
	const uint32_t *cased_letter;
	uint32_t last_flags;
	/* side by side: fast_run() clears both after a word with one store */
	int last_role;
	int pending;
	gboolean gap_space; /* the gap before the token being scanned */
	gboolean gap_newline;
	gboolean gap_para;
	gboolean possessive_next; /* a word stopped before its 's */
	gboolean open_single;     /* a single quotation is open */
	uint32_t sentence;
	/* the current line */
	size_t line_first;
	unsigned line_words;
	unsigned line_bits;      /* LINE_* */
	gboolean prev_line_ends; /* the line just ended may end a sentence */
	gboolean prev_line_comma; /* ... and ended in a comma */
};

/*
 * Decoding. The text is valid UTF-8, but decoding stays within len and
 * maps anything unexpected to U+FFFD one byte at a time, so a caller
 * breaking that promise gets odd tokens rather than a crash.
 */

static gunichar decode_multi(const unsigned char *p, size_t avail, size_t *n)
{
	unsigned b = p[0];

	gboolean c1 = avail >= 2 && entx_priv_utf8_is_cont(p[1]);
	gboolean c2 = c1 && avail >= 3 && entx_priv_utf8_is_cont(p[2]);
	gboolean c3 = c2 && avail >= 4 && entx_priv_utf8_is_cont(p[3]);

	if (b >= 0xC2 && b < 0xE0 && c1) {
		*n = 2;
		return ((b & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	}
	if (b >= 0xE0 && b < 0xF0 && c2) {
		*n = 3;
		return ((b & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	}
	if (b >= 0xF0 && b < 0xF5 && c3) {
		*n = 4;
		return ((b & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
		       (p[3] & 0x3Fu);
	}
	*n = 1;
	return 0xFFFD;
}

static inline gunichar decode(const struct scan *s, size_t pos, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s->text + pos;

	if (*p < 0x80) {
		*n = 1;
		return *p;
	}
	return decode_multi(p, s->len - pos, n);
}

static gboolean is_ideographic(gunichar c)
{
	return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3005 && c <= 0x3006) ||
	       (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) ||
	       (c >= 0x20000 && c <= 0x3134F);
}

static int classify_punct(gunichar c)
{
	switch (c) {
	case 0x066A: /* Arabic percent */
	case 0x2030: /* per mille */
	case 0x2031:
	case 0xFF05:
	case 0xFF03:
	case 0xFF06:
	case 0xFF20:
	case 0x00A7: /* section sign */
		return CL_SYMBOL;
	default:
		return CL_PUNCT;
	}
}

static int classify_multi(gunichar c)
{
	switch (c) {
	case 0x0085:
	case 0x2028:
	case 0x2029:
		return CL_BREAK;
	case 0x200B:
	case 0x2060:
	case 0xFEFF:
		return CL_SPACE;
	default:
		break;
	}
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONTROL:
	case G_UNICODE_SPACE_SEPARATOR:
		return CL_SPACE;
	case G_UNICODE_LINE_SEPARATOR:
	case G_UNICODE_PARAGRAPH_SEPARATOR:
		return CL_BREAK;
	case G_UNICODE_FORMAT:
	case G_UNICODE_SPACING_MARK:
	case G_UNICODE_ENCLOSING_MARK:
	case G_UNICODE_NON_SPACING_MARK:
		return CL_MARK;
	case G_UNICODE_UPPERCASE_LETTER:
	case G_UNICODE_TITLECASE_LETTER:
		return CL_UPPER;
	case G_UNICODE_LOWERCASE_LETTER:
		return CL_LOWER;
	case G_UNICODE_MODIFIER_LETTER:
	case G_UNICODE_OTHER_LETTER:
		return is_ideographic(c) ? CL_IDEO : CL_ALPHA;
	case G_UNICODE_DECIMAL_NUMBER:
	case G_UNICODE_LETTER_NUMBER:
	case G_UNICODE_OTHER_NUMBER:
		return CL_DIGIT;
	case G_UNICODE_OPEN_PUNCTUATION:
		return CL_OPEN;
	case G_UNICODE_CLOSE_PUNCTUATION:
		return CL_CLOSE;
	case G_UNICODE_INITIAL_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
		return CL_QUOTE;
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
		return classify_punct(c);
	case G_UNICODE_CURRENCY_SYMBOL:
		return CL_CURRENCY;
	default:
		return CL_SYMBOL;
	}
}

static inline int classify(gunichar c)
{
	return c < 0x80 ? ascii_class[c] : classify_multi(c);
}

static inline gboolean is_letter_class(int cl)
{
	return cl == CL_UPPER || cl == CL_LOWER || cl == CL_ALPHA;
}

static inline gboolean is_alnum_class(int cl)
{
	return is_letter_class(cl) || cl == CL_DIGIT;
}

static inline gboolean is_hyphen(gunichar c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static inline gboolean is_apostrophe(gunichar c)
{
	return c == '\'' || c == 0x2019;
}

static gboolean is_quote_char(gunichar c)
{
	switch (c) {
	case '"':
	case '\'':
	case '`':
	case 0x00AB:
	case 0x00BB:
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x2039:
	case 0x203A:
	case 0x300C:
	case 0x300D:
	case 0x300E:
	case 0x300F:
	case 0x301D:
	case 0x301E:
	case 0x301F:
	case 0xFF02:
	case 0xFF07:
		return TRUE;
	default:
		return FALSE;
	}
}

static gboolean is_terminal_char(gunichar c)
{
	switch (c) {
	case '.':
	case '!':
	case '?':
	case 0x037E: /* Greek question mark */
	case 0x0589: /* Armenian full stop */
	case 0x061F: /* Arabic question mark */
	case 0x06D4: /* Arabic full stop */
	case 0x0964: /* danda */
	case 0x0965:
	case 0x2026: /* ellipsis */
	case 0x203C:
	case 0x203D:
	case 0x2047:
	case 0x2048:
	case 0x2049:
	case 0x3002: /* ideographic full stop */
	case 0xFF01:
	case 0xFF0E:
	case 0xFF1F:
	case 0xFF61:
		return TRUE;
	default:
		return FALSE;
	}
}

/* The class of the character at pos, or CL_SPACE at the end of the text. */
static inline int class_at(const struct scan *s, size_t pos, gunichar *cp, size_t *n)
{
	size_t dummy_n = 0;
	gunichar c = 0;

	if (pos >= s->len) {
		if (cp != NULL)
			*cp = 0;
		if (n != NULL)
			*n = 0;
		return CL_SPACE;
	}
	c = decode(s, pos, n != NULL ? n : &dummy_n);
	if (cp != NULL)
		*cp = c;
	return classify(c);
}

/*
 * The abbreviation table. Titles never end a sentence; enders may, when
 * a sentence starter follows. Starters share the table so one probe
 * answers both questions. Entries are matched in their own case, in all
 * capitals, and (for lowercase entries) capitalized.
 */
struct word_entry {
	const char *word;
	unsigned char cls;
};

static const struct word_entry word_table[] = {
	/* titles and ranks */
	{"Mr", ABBR_TITLE}, {"Mrs", ABBR_TITLE}, {"Ms", ABBR_TITLE}, {"Mx", ABBR_TITLE},
	{"Messrs", ABBR_TITLE}, {"Mmes", ABBR_TITLE}, {"Mme", ABBR_TITLE}, {"Mlle", ABBR_TITLE},
	{"Dr", ABBR_TITLE}, {"Drs", ABBR_TITLE}, {"Prof", ABBR_TITLE}, {"Gen", ABBR_TITLE},
	{"Sen", ABBR_TITLE}, {"Sens", ABBR_TITLE}, {"Rep", ABBR_TITLE}, {"Reps", ABBR_TITLE},
	{"Gov", ABBR_TITLE}, {"Lt", ABBR_TITLE}, {"Col", ABBR_TITLE}, {"Capt", ABBR_TITLE},
	{"Cmdr", ABBR_TITLE}, {"Cdr", ABBR_TITLE}, {"Sgt", ABBR_TITLE}, {"Rev", ABBR_TITLE},
	{"Hon", ABBR_TITLE}, {"Pres", ABBR_TITLE}, {"Adm", ABBR_TITLE}, {"Maj", ABBR_TITLE},
	{"Cpl", ABBR_TITLE}, {"Pvt", ABBR_TITLE}, {"Spc", ABBR_TITLE}, {"Supt", ABBR_TITLE},
	{"Insp", ABBR_TITLE}, {"Det", ABBR_TITLE}, {"Amb", ABBR_TITLE}, {"Atty", ABBR_TITLE},
	{"Brig", ABBR_TITLE}, {"Gens", ABBR_TITLE}, {"Fr", ABBR_TITLE}, {"Rt", ABBR_TITLE},
	{"Mt", ABBR_TITLE}, {"Ft", ABBR_TITLE}, {"Ste", ABBR_TITLE}, {"Sta", ABBR_TITLE},
	{"vs", ABBR_TITLE}, {"v", ABBR_TITLE}, {"cf", ABBR_TITLE}, {"viz", ABBR_TITLE},
	{"Hr", ABBR_TITLE}, {"Hrn", ABBR_TITLE}, {"Nr", ABBR_TITLE},
	/* suffixes, places, dates and others that may end a sentence */
	{"Inc", ABBR_ENDER}, {"Corp", ABBR_ENDER}, {"Co", ABBR_ENDER}, {"Cos", ABBR_ENDER},
	{"Ltd", ABBR_ENDER}, {"Bros", ABBR_ENDER}, {"Plc", ABBR_ENDER}, {"Jr", ABBR_ENDER},
	{"Sr", ABBR_ENDER}, {"Esq", ABBR_ENDER}, {"St", ABBR_ENDER}, {"Ave", ABBR_ENDER},
	{"Blvd", ABBR_ENDER}, {"Rd", ABBR_ENDER}, {"Hwy", ABBR_ENDER}, {"Dept", ABBR_ENDER},
	{"Univ", ABBR_ENDER}, {"Assn", ABBR_ENDER}, {"Bldg", ABBR_ENDER}, {"Apt", ABBR_ENDER},
	{"Jan", ABBR_ENDER}, {"Feb", ABBR_ENDER}, {"Mar", ABBR_ENDER}, {"Apr", ABBR_ENDER},
	{"Jun", ABBR_ENDER}, {"Jul", ABBR_ENDER}, {"Aug", ABBR_ENDER}, {"Sep", ABBR_ENDER},
	{"Sept", ABBR_ENDER}, {"Oct", ABBR_ENDER}, {"Nov", ABBR_ENDER}, {"Dec", ABBR_ENDER},
	{"Mon", ABBR_ENDER}, {"Tue", ABBR_ENDER}, {"Tues", ABBR_ENDER}, {"Wed", ABBR_ENDER},
	{"Thu", ABBR_ENDER}, {"Thur", ABBR_ENDER}, {"Thurs", ABBR_ENDER}, {"Fri", ABBR_ENDER},
	{"Sat", ABBR_ENDER}, {"Sun", ABBR_ENDER},
	{"Ala", ABBR_ENDER}, {"Ariz", ABBR_ENDER}, {"Ark", ABBR_ENDER}, {"Calif", ABBR_ENDER},
	{"Colo", ABBR_ENDER}, {"Conn", ABBR_ENDER}, {"Del", ABBR_ENDER}, {"Fla", ABBR_ENDER},
	{"Ga", ABBR_ENDER}, {"Ill", ABBR_ENDER}, {"Ind", ABBR_ENDER}, {"Kan", ABBR_ENDER},
	{"Kans", ABBR_ENDER}, {"Ky", ABBR_ENDER}, {"La", ABBR_ENDER}, {"Md", ABBR_ENDER},
	{"Mass", ABBR_ENDER}, {"Mich", ABBR_ENDER}, {"Minn", ABBR_ENDER}, {"Miss", ABBR_ENDER},
	{"Mo", ABBR_ENDER}, {"Mont", ABBR_ENDER}, {"Neb", ABBR_ENDER}, {"Nev", ABBR_ENDER},
	{"Okla", ABBR_ENDER}, {"Ore", ABBR_ENDER}, {"Pa", ABBR_ENDER}, {"Penn", ABBR_ENDER},
	{"Tenn", ABBR_ENDER}, {"Tex", ABBR_ENDER}, {"Va", ABBR_ENDER}, {"Vt", ABBR_ENDER},
	{"Wash", ABBR_ENDER}, {"Wis", ABBR_ENDER}, {"Wyo", ABBR_ENDER},
	{"No", ABBR_NUMBER}, {"Nos", ABBR_NUMBER},
	{"etc", ABBR_ENDER}, {"al", ABBR_ENDER}, {"approx", ABBR_ENDER}, {"est", ABBR_ENDER},
	{"pp", ABBR_ENDER}, {"ed", ABBR_ENDER}, {"eds", ABBR_ENDER}, {"ca", ABBR_ENDER},
	{"vol", ABBR_ENDER}, {"fig", ABBR_ENDER}, {"Ref", ABBR_ENDER}, {"Intl", ABBR_ENDER},
	{"Govt", ABBR_ENDER}, {"Mfg", ABBR_ENDER}, {"Bhd", ABBR_ENDER}, {"Pty", ABBR_ENDER},
	/* words that typically begin a sentence after an abbreviation */
	{"The", ABBR_STARTER}, {"A", ABBR_STARTER}, {"An", ABBR_STARTER}, {"He", ABBR_STARTER},
	{"She", ABBR_STARTER}, {"It", ABBR_STARTER}, {"They", ABBR_STARTER}, {"We", ABBR_STARTER},
	{"I", ABBR_STARTER}, {"You", ABBR_STARTER}, {"But", ABBR_STARTER}, {"And", ABBR_STARTER},
	{"Or", ABBR_STARTER}, {"So", ABBR_STARTER}, {"Yet", ABBR_STARTER}, {"In", ABBR_STARTER},
	{"On", ABBR_STARTER}, {"At", ABBR_STARTER}, {"As", ABBR_STARTER}, {"If", ABBR_STARTER},
	{"This", ABBR_STARTER}, {"That", ABBR_STARTER}, {"These", ABBR_STARTER},
	{"Those", ABBR_STARTER}, {"There", ABBR_STARTER}, {"Here", ABBR_STARTER},
	{"Its", ABBR_STARTER}, {"His", ABBR_STARTER}, {"Her", ABBR_STARTER},
	{"Their", ABBR_STARTER}, {"Our", ABBR_STARTER}, {"My", ABBR_STARTER},
	{"When", ABBR_STARTER}, {"While", ABBR_STARTER}, {"After", ABBR_STARTER},
	{"Before", ABBR_STARTER}, {"However", ABBR_STARTER}, {"Meanwhile", ABBR_STARTER},
	{"Also", ABBR_STARTER}, {"Then", ABBR_STARTER}, {"Now", ABBR_STARTER},
	{"For", ABBR_STARTER}, {"To", ABBR_STARTER}, {"By", ABBR_STARTER}, {"With", ABBR_STARTER},
	{"From", ABBR_STARTER}, {"Of", ABBR_STARTER}, {"Some", ABBR_STARTER},
	{"Many", ABBR_STARTER}, {"Most", ABBR_STARTER}, {"All", ABBR_STARTER},
	{"Both", ABBR_STARTER}, {"Each", ABBR_STARTER}, {"What", ABBR_STARTER},
	{"Who", ABBR_STARTER}, {"Why", ABBR_STARTER}, {"How", ABBR_STARTER},
	{"Where", ABBR_STARTER}, {"Which", ABBR_STARTER}, {"Although", ABBR_STARTER},
	{"Though", ABBR_STARTER}, {"Since", ABBR_STARTER}, {"Because", ABBR_STARTER},
	{"Still", ABBR_STARTER}, {"Thus", ABBR_STARTER}, {"Yesterday", ABBR_STARTER},
	{"Today", ABBR_STARTER}, {"Last", ABBR_STARTER}, {"Earlier", ABBR_STARTER},
	{"Later", ABBR_STARTER}, {"According", ABBR_STARTER}, {"Under", ABBR_STARTER},
	{"Despite", ABBR_STARTER}, {"During", ABBR_STARTER}, {"Another", ABBR_STARTER},
	{"Such", ABBR_STARTER}, {"Officials", ABBR_STARTER},
};

#define WORD_SLOTS 512u
#define WORD_MAX 12u
#define WORD_FILTER_BITS 8192u /* 2 to the 64 - 51, see word_filter_bit() */

/* PAIR(lower) for each ASCII letter: the tables below index both cases. */
#define EACH_ASCII_LETTER(PAIR)                                                              \
	PAIR('a'), PAIR('b'), PAIR('c'), PAIR('d'), PAIR('e'), PAIR('f'), PAIR('g'), PAIR('h'), \
	    PAIR('i'), PAIR('j'), PAIR('k'), PAIR('l'), PAIR('m'), PAIR('n'), PAIR('o'),       \
	    PAIR('p'), PAIR('q'), PAIR('r'), PAIR('s'), PAIR('t'), PAIR('u'), PAIR('v'),       \
	    PAIR('w'), PAIR('x'), PAIR('y'), PAIR('z')

/* For an ASCII letter, its lowercase form (what the fold hash takes); 0 for any other byte. */
#define LETTER_PAIR(lower) [(lower) - 'a' + 'A'] = (lower), [(lower)] = (lower)
static const unsigned char folded_letter[256] = {EACH_ASCII_LETTER(LETTER_PAIR)};
#undef LETTER_PAIR

#define FNV_OFFSET ENTX_PRIV_FNV_OFFSET
#define FNV_PRIME ENTX_PRIV_FNV_PRIME

/*
 * The table by the fold hash of its words (entx_hash_fold(), which for
 * letters is FNV-1a of their lowercase form): the tokenizer has that
 * hash of a word of letters already, so a probe reads no letter.
 */
struct word_index {
	uint16_t entry[WORD_SLOTS]; /* table index + 1 (0: empty) */
	uint8_t len[WORD_SLOTS];    /* the length of that entry */
	uint64_t hash[WORD_SLOTS];  /* the fold hash of that entry */
	/*
	 * A bit per value of the fold hash's top bits, set for those of the
	 * entries: most words probed (those before a period) are in no entry,
	 * and a clear bit says so without a probe.
	 */
	uint64_t maybe[WORD_FILTER_BITS / 64];
};

static inline unsigned word_filter_bit(uint64_t fold_hash)
{
	return (unsigned)(fold_hash >> 51);
}

static inline unsigned word_slot(uint64_t fold_hash)
{
	return (unsigned)(fold_hash ^ (fold_hash >> 29)) & (WORD_SLOTS - 1);
}

/* Built once; read-only afterwards. */
static const struct word_index *word_index(void)
{
	static struct word_index index;
	static gsize once = 0;

	if (g_once_init_enter(&once)) {
		for (size_t i = 0; i < G_N_ELEMENTS(word_table); i++) {
			uint64_t h = FNV_OFFSET;
			for (const char *c = word_table[i].word; *c != '\0'; c++)
				h = (h ^ folded_letter[(unsigned char)*c]) * FNV_PRIME;
			unsigned slot = word_slot(h);
			while (index.entry[slot] != 0)
				slot = (slot + 1) & (WORD_SLOTS - 1);
			index.entry[slot] = (uint16_t)(i + 1);
			index.len[slot] = (uint8_t)strlen(word_table[i].word);
			index.hash[slot] = h;
			unsigned bit = word_filter_bit(h);
			index.maybe[bit / 64] |= UINT64_C(1) << (bit % 64);
		}
		g_once_init_leave(&once, 1);
	}
	return &index;
}

/* Whether word (ASCII letters) may stand for entry: see word_table. */
static gboolean case_matches(const char *entry, const char *word, size_t len)
{
	gboolean all_upper = TRUE;
	gboolean capitalized = g_ascii_isupper(word[0]);

	if (memcmp(entry, word, len) == 0)
		return TRUE;
	for (size_t i = 0; i < len; i++) {
		if (!g_ascii_isupper(word[i]))
			all_upper = FALSE;
		if (i > 0 && !g_ascii_islower(word[i]))
			capitalized = FALSE;
	}
	if (all_upper && len > 1)
		return TRUE;
	return capitalized && g_ascii_islower(entry[0]);
}

/*
 * The class of word in word_table, ABBR_NONE when absent, for a word of
 * len ASCII letters whose fold hash is fold_hash.
 */
static int word_class(const char *word, size_t len, uint64_t fold_hash)
{
	const struct word_index *index = word_index();
	unsigned bit = word_filter_bit(fold_hash);

	if (!(index->maybe[bit / 64] & (UINT64_C(1) << (bit % 64))))
		return ABBR_NONE;
	for (unsigned slot = word_slot(fold_hash); index->entry[slot] != 0;
	     slot = (slot + 1) & (WORD_SLOTS - 1)) {
		if (index->hash[slot] != fold_hash || index->len[slot] != len)
			continue;
		const struct word_entry *e = &word_table[index->entry[slot] - 1];
		size_t i = 0;
		/* letters both: alike but for case when alike with bit 5 set */
		while (i < len && (e->word[i] | 0x20) == (word[i] | 0x20))
			i++;
		if (i == len)
			return case_matches(e->word, word, len) ? e->cls : ABBR_NONE;
	}
	return ABBR_NONE;
}

/* The class of word in word_table, ABBR_NONE when absent. */
static int word_lookup(const char *word, size_t len)
{
	uint64_t h = FNV_OFFSET;

	if (len == 0 || len > WORD_MAX)
		return ABBR_NONE;
	for (size_t i = 0; i < len; i++) {
		unsigned folded = folded_letter[(unsigned char)word[i]];
		if (folded == 0)
			return ABBR_NONE;
		h = (h ^ folded) * FNV_PRIME;
	}
	return word_class(word, len, h);
}

/* U.S, a.m, Ph.D: short letter segments, at least one a single letter. */
static gboolean is_letter_dot_letter(const char *word, size_t len)
{
	const struct scan s = {.text = word, .len = len};
	size_t seg = 0;
	gboolean single = FALSE;
	size_t pos = 0;

	while (pos < len) {
		size_t n = 0;
		gunichar c = decode(&s, pos, &n);
		if (c == '.') {
			if (seg == 0)
				return FALSE;
			single |= seg == 1;
			seg = 0;
		} else if (is_letter_class(classify(c))) {
			if (++seg > 3)
				return FALSE;
		} else if (classify(c) != CL_MARK) {
			return FALSE;
		}
		pos += n;
	}
	return seg > 0 && (single || seg == 1);
}

static int abbrev_class(const char *word, size_t len)
{
	if (len == 0)
		return ABBR_NONE;
	if (memchr(word, '.', len) != NULL)
		return is_letter_dot_letter(word, len) ? ABBR_ENDER : ABBR_NONE;
	int cls = word_lookup(word, len);
	if (cls == ABBR_TITLE || cls == ABBR_ENDER || cls == ABBR_NUMBER)
		return cls;
	/* an initial: W. or É. */
	const struct scan s = {.text = word, .len = len};
	size_t n = 0;
	gunichar c = decode(&s, 0, &n);
	if (n == len && classify(c) == CL_UPPER)
		return ABBR_ENDER;
	return ABBR_NONE;
}

gboolean entx_priv_is_abbreviation(const char *word, size_t len)
{
	return word != NULL && abbrev_class(word, len) != ABBR_NONE;
}

/* Hosts whose 's is "is" or "us", not a possessive: kept as one token. */
static gboolean is_contraction_host(const char *word, size_t len)
{
	static const char *const hosts[] = {"it", "he", "she", "that", "what", "where", "who",
	                                    "there", "here", "how", "let", "when", "why"};

	/* no host is longer: most words are, and need no comparison */
	if (len > 5 || len == 0)
		return FALSE;
	/* nor begins otherwise, in either case: most of the rest (Putin's) */
	switch (word[0] | 0x20) {
	case 'h':
	case 'i':
	case 'l':
	case 's':
	case 't':
	case 'w':
		break;
	default:
		return FALSE;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(hosts); i++)
		if (strlen(hosts[i]) == len && g_ascii_strncasecmp(hosts[i], word, len) == 0)
			return TRUE;
	return FALSE;
}

/* Suffixes that stay on a number: 1st 22nd 3rd 4th 1990s. */
static gboolean is_number_suffix(const char *word, size_t len)
{
	static const char *const suffixes[] = {"s", "st", "nd", "rd", "th"};

	for (size_t i = 0; i < G_N_ELEMENTS(suffixes); i++)
		if (strlen(suffixes[i]) == len && g_ascii_strncasecmp(suffixes[i], word, len) == 0)
			return TRUE;
	return FALSE;
}

static inline void count_letter(struct tok *t, int cl)
{
	t->n_letters++;
	if (cl == CL_UPPER)
		t->has_upper = TRUE;
	else if (cl == CL_LOWER)
		t->has_lower = TRUE;
}

/* The end of the run of letters and marks at pos. */
static size_t letter_run_end(const struct scan *s, size_t pos)
{
	while (pos < s->len) {
		size_t n = 0;
		int cl = class_at(s, pos, NULL, &n);
		if (!is_letter_class(cl) && cl != CL_MARK)
			break;
		pos += n;
	}
	return pos;
}

/*
 * At the first letter after the digits of a number at t->begin: TRUE
 * when the letters are a unit to split off (5km), FALSE when they stay
 * (1990s, 4x4).
 */
static gboolean splits_unit(const struct scan *s, size_t pos)
{
	size_t end = letter_run_end(s, pos);

	if (class_at(s, end, NULL, NULL) == CL_DIGIT)
		return FALSE;
	return !is_number_suffix(s->text + pos, end - pos);
}

/* State of scan_word, kept together so the joiner helpers stay short. */
struct word_state {
	size_t pos;
	gboolean number;   /* digits and separators only so far */
	gboolean seg_digits; /* the current hyphen segment is digits only */
	gboolean done;
};

/* White space in ASCII at pos: the usual end of a word, checked cheaply. */
static inline gboolean ascii_space_at(const struct scan *s, size_t pos)
{
	unsigned char b = (unsigned char)s->text[pos];

	return b < 0x80 && ascii_class[b] <= CL_BREAK;
}

/* The ASCII letters at pos, the bulk of most text, counted into t. */
static size_t ascii_letters(const struct scan *s, struct tok *t, size_t pos)
{
	const unsigned char *text = (const unsigned char *)s->text;
	size_t start = pos;
	unsigned upper = 0;

	/* branch-free counting: only the end of the run is a branch */
	while (pos < s->len && folded_letter[text[pos]] != 0) {
		upper += text[pos] < 'a';
		pos++;
	}
	unsigned n = (unsigned)(pos - start);
	t->n_letters += n;
	t->has_upper |= upper > 0;
	t->has_lower |= upper < n;
	return pos;
}

/* Scans one run of letters, digits and marks (and number separators). */
static void scan_alnum_run(const struct scan *s, struct tok *t, struct word_state *w)
{
	while (w->pos < s->len) {
		if (!w->number) {
			size_t end = ascii_letters(s, t, w->pos);
			if (end > w->pos)
				w->seg_digits = FALSE;
			w->pos = end;
			if (end >= s->len || ascii_space_at(s, end))
				return;
		}
		size_t n = 0;
		gunichar c = 0;
		int cl = class_at(s, w->pos, &c, &n);
		if (cl == CL_DIGIT) {
			t->flags |= ENTX_TOK_HAS_DIGIT;
		} else if (is_letter_class(cl)) {
			if (w->number && w->pos > t->begin && splits_unit(s, w->pos)) {
				w->done = TRUE;
				return;
			}
			count_letter(t, cl);
			w->number = FALSE;
			w->seg_digits = FALSE;
		} else if (cl == CL_MARK) {
			/* stays with the character before it */
		} else if ((c == ',' || c == '.') && w->seg_digits && w->pos > t->begin &&
		           class_at(s, w->pos + 1, NULL, NULL) == CL_DIGIT) {
			n = 1;
		} else if (c == '_' && w->pos > t->begin &&
		           is_alnum_class(class_at(s, w->pos + 1, NULL, NULL))) {
			w->number = w->seg_digits = FALSE;
		} else {
			return;
		}
		w->pos += n;
	}
}

/* An apostrophe inside a word: joins (don't) or ends the host (Putin's). */
static void join_apostrophe(struct scan *s, struct tok *t, struct word_state *w, size_t n)
{
	size_t after = w->pos + n;
	gunichar next = 0;
	size_t n2 = 0;

	if (!is_letter_class(class_at(s, after, &next, &n2))) {
		w->done = TRUE;
		return;
	}
	if ((next == 's' || next == 'S') && !is_alnum_class(class_at(s, after + 1, NULL, NULL)) &&
	    class_at(s, after + 1, NULL, NULL) != CL_MARK) {
		if (is_contraction_host(s->text + t->begin, w->pos - t->begin)) {
			count_letter(t, classify(next));
			w->pos = after + 1;
		} else {
			s->possessive_next = TRUE;
			w->done = TRUE;
		}
		return;
	}
	if (w->number) {
		w->done = TRUE;
		return;
	}
	w->pos = after;
}

/* Whether a digit follows pos after at most some spaces. */
static gboolean number_follows(const struct scan *s, size_t pos)
{
	while (pos < s->len && s->text[pos] == ' ')
		pos++;
	return class_at(s, pos, NULL, NULL) == CL_DIGIT;
}

/* A period after a word: inner (U.S), an abbreviation's, or not ours. */
static void join_period(const struct scan *s, struct tok *t, struct word_state *w)
{
	gunichar c = 0;
	size_t n = 0;
	int next = class_at(s, w->pos + 1, NULL, NULL);

	if (w->number) {
		w->done = TRUE;
		return;
	}
	if (is_letter_class(next)) {
		w->pos += 1;
		w->seg_digits = FALSE;
		return;
	}
	/* "It was 20°C.": a temperature's scale ends the sentence, no initial. */
	if (t->begin >= 2 && (unsigned char)s->text[t->begin - 2] == 0xC2 &&
	    (unsigned char)s->text[t->begin - 1] == 0xB0) {
		w->done = TRUE;
		return;
	}
	t->abbr = abbrev_class(s->text + t->begin, w->pos - t->begin);
	if (t->abbr == ABBR_NUMBER)
		t->abbr = number_follows(s, w->pos + 1) ? ABBR_ENDER : ABBR_NONE;
	if (t->abbr == ABBR_NONE) {
		w->done = TRUE;
		return;
	}
	w->pos += 1;
	class_at(s, w->pos, &c, &n);
	/* U.S.-led goes on as one hyphenated word */
	if (is_hyphen(c) && is_alnum_class(class_at(s, w->pos + n, NULL, NULL))) {
		t->abbr = ABBR_NONE;
		return;
	}
	t->flags |= ENTX_TOK_ABBREV;
	w->done = TRUE;
}

static void scan_word(struct scan *s, struct tok *t)
{
	gboolean digit = t->first_class == CL_DIGIT;
	struct word_state w = {.pos = t->begin, .number = digit, .seg_digits = digit};

	while (!w.done) {
		scan_alnum_run(s, t, &w);
		if (w.done || w.pos >= s->len || ascii_space_at(s, w.pos))
			break;
		size_t n = 0;
		gunichar c = 0;
		class_at(s, w.pos, &c, &n);
		if (is_hyphen(c) && is_alnum_class(class_at(s, w.pos + n, NULL, NULL))) {
			t->flags |= ENTX_TOK_HYPHENATED;
			w.number = FALSE;
			w.seg_digits = TRUE;
			w.pos += n;
		} else if (is_apostrophe(c)) {
			join_apostrophe(s, t, &w, n);
		} else if (c == '.') {
			join_period(s, t, &w);
		} else {
			break;
		}
	}
	t->end = w.pos;
	t->flags |= w.number ? ENTX_TOK_NUMBER : ENTX_TOK_WORD;
}

static void scan_possessive(const struct scan *s, struct tok *t, size_t n)
{
	size_t n2 = 0;
	gunichar c = 0;
	int cl = class_at(s, t->begin + n, &c, &n2);

	count_letter(t, cl);
	t->end = t->begin + n + n2;
	t->flags |= ENTX_TOK_WORD | ENTX_TOK_POSSESSIVE;
}

/* Opening or closing, for quotation marks whose shape does not say. */
static int quote_role(const struct scan *s, const struct tok *t, gunichar c, size_t n)
{
	gboolean after_gap = s->gap_space || s->n == s->first || s->last_role == ROLE_OPEN;
	int next = class_at(s, t->begin + n, NULL, NULL);
	gboolean before_text = next != CL_SPACE && next != CL_BREAK && next != CL_PUNCT &&
	                       next != CL_CLOSE;

	if (g_unichar_type(c) == G_UNICODE_INITIAL_PUNCTUATION)
		return after_gap ? ROLE_OPEN : ROLE_CLOSE;
	return after_gap && before_text ? ROLE_OPEN : ROLE_CLOSE;
}

/* A bare apostrophe after a word in s is its possessive: Jesus' */
static gboolean is_bare_possessive(const struct scan *s, const struct tok *t, size_t n)
{
	if (s->open_single || s->last_end != t->begin || !(s->last_flags & ENTX_TOK_WORD))
		return FALSE;
	char last = s->text[s->last_end - 1];
	return (last == 's' || last == 'S') && !is_alnum_class(class_at(s, t->begin + n, NULL, NULL));
}

static inline gboolean is_regional_indicator(gunichar c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Marks, emoji modifiers, ZWJ sequences and flag pairs stay with a symbol. */
static size_t extend_symbol(const struct scan *s, gunichar first, size_t pos)
{
	gboolean half_flag = is_regional_indicator(first);
	gunichar prev = first;

	while (pos < s->len) {
		size_t n = 0;
		gunichar c = 0;
		int cl = class_at(s, pos, &c, &n);
		if (half_flag && is_regional_indicator(c))
			half_flag = FALSE;
		else if (cl != CL_MARK && !(c >= 0x1F3FB && c <= 0x1F3FF) &&
		         !(prev == 0x200D && cl == CL_SYMBOL))
			break;
		prev = c;
		pos += n;
	}
	return pos;
}

static size_t same_run_end(const struct scan *s, size_t pos, char c)
{
	while (pos < s->len && s->text[pos] == c)
		pos++;
	return pos;
}

static void scan_period(struct scan *s, struct tok *t)
{
	size_t run = same_run_end(s, t->begin, '.');
	gboolean after_word = s->last_end == t->begin &&
	                      (s->last_flags & (ENTX_TOK_WORD | ENTX_TOK_NUMBER));

	if (run == t->begin + 1 && !after_word &&
	    class_at(s, t->begin + 1, NULL, NULL) == CL_DIGIT) {
		/* .5 */
		struct tok num = {.begin = t->begin + 1, .first_class = CL_DIGIT};
		scan_word(s, &num);
		*t = num;
		t->begin--;
		return;
	}
	t->end = run;
	t->flags |= ENTX_TOK_PUNCT;
	t->role = ROLE_TERMINAL;
}

static void scan_other(struct scan *s, struct tok *t, gunichar c, int cl, size_t n)
{
	t->end = extend_symbol(s, c, t->begin + n);
	if (c == '-')
		t->end = same_run_end(s, t->begin, '-');
	if (cl == CL_CURRENCY) {
		t->flags |= ENTX_TOK_SYMBOL | ENTX_TOK_CURRENCY;
		return;
	}
	if (cl == CL_SYMBOL && !is_quote_char(c)) {
		t->flags |= ENTX_TOK_SYMBOL;
		return;
	}
	t->flags |= ENTX_TOK_PUNCT;
	if (is_quote_char(c))
		t->flags |= ENTX_TOK_QUOTE;
	if (is_terminal_char(c))
		t->role = ROLE_TERMINAL;
	else if (cl == CL_OPEN || c == 0x00BF || c == 0x00A1)
		t->role = ROLE_OPEN;
	else if (cl == CL_CLOSE)
		t->role = ROLE_CLOSE;
	else if (cl == CL_QUOTE)
		t->role = quote_role(s, t, c, n);
	if (c == '\'' || c == 0x2018 || c == 0x2019)
		s->open_single = t->role == ROLE_OPEN;
}

/* Scans the token at t->begin (not white space). */
static void scan_token(struct scan *s, struct tok *t)
{
	size_t n = 0;
	gunichar c = 0;
	int cl = class_at(s, t->begin, &c, &n);

	gboolean possessive = s->possessive_next && s->last_end == t->begin;

	s->possessive_next = FALSE;
	t->first_class = cl;
	if (is_alnum_class(cl) || cl == CL_MARK) {
		scan_word(s, t);
	} else if (cl == CL_IDEO) {
		count_letter(t, cl);
		t->end = extend_symbol(s, 0, t->begin + n);
		t->flags |= ENTX_TOK_WORD;
	} else if (is_apostrophe(c) && possessive) {
		scan_possessive(s, t, n);
	} else if (is_apostrophe(c) && is_bare_possessive(s, t, n)) {
		t->end = t->begin + n;
		t->flags |= ENTX_TOK_PUNCT | ENTX_TOK_POSSESSIVE;
	} else if (c == '.') {
		scan_period(s, t);
	} else {
		scan_other(s, t, c, cl, n);
	}
}

static uint32_t shape_flags(const struct tok *t)
{
	uint32_t flags = 0;

	if (t->n_letters == 0)
		return 0;
	if (t->first_class == CL_UPPER)
		flags |= ENTX_TOK_CAPITALIZED;
	if (t->has_upper && !t->has_lower)
		flags |= ENTX_TOK_ALLCAPS;
	if (t->has_lower && !t->has_upper)
		flags |= ENTX_TOK_LOWER;
	return flags;
}

/* Skips white space before pos's token, noting line breaks. */
static size_t skip_gap(struct scan *s, size_t pos)
{
	size_t start = pos;
	unsigned breaks = 0;

	while (pos < s->len) {
		if (s->text[pos] == ' ') {
			pos++;
			continue;
		}
		size_t n = 0;
		gunichar c = 0;
		int cl = class_at(s, pos, &c, &n);
		if (cl == CL_BREAK) {
			if (c == '\r' && pos + 1 < s->len && s->text[pos + 1] == '\n')
				n++;
			breaks += c == 0x2029 ? 2 : 1;
		} else if (cl != CL_SPACE) {
			break;
		}
		pos += n;
	}
	s->gap_space = pos > start;
	s->gap_newline = breaks > 0;
	s->gap_para = breaks > 1;
	return pos;
}

static inline entx_token *token_at(const struct scan *s, size_t i)
{
	return &g_array_index(s->tokens, entx_token, i);
}

static gboolean line_is_headline(const struct scan *s)
{
	if (s->line_words < 3)
		return FALSE;
	if ((s->line_bits & (LINE_UPPER | LINE_LOWER)) == LINE_UPPER)
		return TRUE;
	return !(s->line_bits & LINE_LONG_UNCAP) &&
	       ((s->line_bits & LINE_LONG) || !(s->line_bits & LINE_UNCAP));
}

/* The line's last token, before index `end`, is a comma: the line goes on
 * in the next, as a list of names wrapped over lines does. */
static gboolean line_ends_in_comma(const struct scan *s, size_t end)
{
	if (end <= s->line_first)
		return FALSE;
	const entx_token *t = token_at(s, end - 1);
	return t->byte_end - t->byte_begin == 1 && s->text[t->byte_begin] == ',';
}

/*
 * Closes the current line before token index `end`, its last token the
 * one pushed last (what the line ends in is read from s->last_*).
 */
static void end_line(struct scan *s, size_t end)
{
	gboolean comma_end = line_ends_in_comma(s, end);
	gboolean headline = line_is_headline(s) && !comma_end && !s->prev_line_comma;
	s->prev_line_comma = comma_end;
	gboolean open_end = !(s->last_flags & ENTX_TOK_PUNCT) || s->last_role == ROLE_CLOSE;

	if (headline)
		for (size_t i = s->line_first; i < end; i++)
			token_at(s, i)->flags |= ENTX_TOK_TITLECASE_LINE;
	s->prev_line_ends = open_end && !(s->last_flags & ENTX_TOK_ABBREV) &&
	                    (headline || end - s->line_first <= 6);
	s->line_first = end;
	s->line_words = s->line_bits = 0;
}

static inline void count_line(struct scan *s, const struct tok *t)
{
	s->line_bits |= (t->has_lower ? LINE_LOWER : 0) | (t->has_upper ? LINE_UPPER : 0);
	if (!(t->flags & ENTX_TOK_WORD) || t->n_letters == 0 || (t->flags & ENTX_TOK_POSSESSIVE))
		return;
	gboolean capitalized = t->first_class == CL_UPPER;
	s->line_words++;
	if (!capitalized)
		s->line_bits |= LINE_UNCAP;
	if (t->n_letters >= 4)
		s->line_bits |= LINE_LONG | (capitalized ? 0 : LINE_LONG_UNCAP);
}

/* Can t begin a sentence after sentence-final punctuation? */
static inline gboolean can_start(const struct tok *t)
{
	switch (t->first_class) {
	case CL_UPPER:
	case CL_ALPHA:
	case CL_IDEO:
	case CL_DIGIT:
	case CL_SYMBOL:
	case CL_CURRENCY:
		return !(t->flags & ENTX_TOK_POSSESSIVE);
	default:
		return t->role == ROLE_OPEN;
	}
}

/* Is t a word that typically begins a sentence (after U.S., Inc. ...)? */
static gboolean is_starter_word(const struct scan *s, const struct tok *t)
{
	return t->first_class == CL_UPPER && (t->flags & ENTX_TOK_WORD) && !(t->flags & ENTX_TOK_ABBREV) &&
	       word_lookup(s->text + t->begin, t->end - t->begin) == ABBR_STARTER;
}

static inline gboolean starts_sentence(const struct scan *s, const struct tok *t)
{
	if (s->pending == PEND_STRONG && can_start(t))
		return TRUE;
	if (s->pending == PEND_ABBR && is_starter_word(s, t))
		return TRUE;
	return s->gap_newline && s->pending == PEND_NONE && s->prev_line_ends && can_start(t);
}

static int next_pending(const struct scan *s, const struct tok *t, gboolean started)
{
	if (t->role == ROLE_TERMINAL)
		return PEND_STRONG;
	if ((t->flags & ENTX_TOK_ABBREV) && t->abbr == ABBR_ENDER)
		return PEND_ABBR;
	if (t->role == ROLE_CLOSE && !started)
		return s->pending;
	return PEND_NONE;
}

/*
 * entx_hash_fold() and the code-point length of a token in one pass for
 * ASCII tokens, by far the most common; must agree with hash.c.
 */
static inline uint64_t token_hash(const char *p, size_t n, size_t *cps)
{
	uint64_t h = FNV_OFFSET;

	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)p[i];
		if (c >= 0x80) {
			*cps = entx_priv_utf8_count_cp(p, n);
			return entx_hash_fold(p, n);
		}
		h = entx_priv_fold_ascii(h, entx_priv_ascii_lower(c));
	}
	*cps = n;
	return h;
}

/*
 * Appends a token. The array is grown in large steps and trimmed at the
 * end, which saves a library call and a copy per token.
 */
static void grow_tokens(struct scan *s)
{
	g_array_set_size(s->tokens, s->n + MAX(s->n - s->first, (size_t)256));
}

static inline entx_token *append(struct scan *s)
{
	if (s->n == s->tokens->len)
		grow_tokens(s);
	return token_at(s, s->n++);
}

/* Appends t (its flags final) as the next token, and moves the scan past it. */
static inline void push(struct scan *s, const struct tok *t, size_t cp_begin, size_t cps,
                        uint64_t hash)
{
	/* written in place: a copy from the stack was a tenth of the tokenizer */
	entx_token *tok = append(s);
	tok->byte_begin = t->begin;
	tok->byte_end = t->end;
	tok->cp_begin = cp_begin;
	tok->cp_end = cp_begin + cps;
	tok->flags = t->flags;
	tok->sentence = s->sentence;
	tok->fold_hash = hash;
	s->cp = cp_begin + cps;
	s->cp_byte = t->end;
	s->last_end = t->end;
	s->last_flags = t->flags;
	s->last_role = t->role;
}

/* Token idx starts a sentence. The array grows like the tokens' (see append()). */
static inline void note_sentence(struct scan *s, size_t idx)
{
	if (s->sentences == NULL)
		return;
	if (s->n_sentences == s->sentences->len)
		g_array_set_size(s->sentences, s->n_sentences + MAX(s->n_sentences, (size_t)64));
	g_array_index(s->sentences, size_t, s->n_sentences++) = idx;
}

static void emit(struct scan *s, struct tok *t)
{
	size_t idx = s->n;
	gboolean first = idx == s->first;
	gboolean started = first || s->gap_para;
	uint32_t flags = t->flags | shape_flags(t);

	if (!first && s->gap_newline)
		end_line(s, idx);
	if (!started && t->role != ROLE_CLOSE)
		started = starts_sentence(s, t);
	if (s->gap_space)
		flags |= ENTX_TOK_SPACE_BEFORE;
	if (s->gap_newline)
		flags |= ENTX_TOK_NEWLINE_BEFORE;
	if (first || s->gap_para)
		flags |= ENTX_TOK_PARA_START;
	if (started) {
		flags |= ENTX_TOK_SENT_START;
		if (!first)
			s->sentence++;
		note_sentence(s, idx);
	}
	if (s->gap_para)
		s->open_single = FALSE;
	s->pending = next_pending(s, t, started);
	t->flags = flags;
	count_line(s, t);

	size_t cp_begin = s->cp + entx_priv_utf8_count_cp(s->text + s->cp_byte, t->begin - s->cp_byte);
	size_t cps = t->end - t->begin;
	uint64_t hash = t->hashed ? t->hash : token_hash(s->text + t->begin, t->end - t->begin, &cps);
	push(s, t, cp_begin, cps, hash);
}

/*
 * 1 for the ASCII bytes that end a word of letters and join nothing to
 * it: white space, control bytes and punctuation other than the joiners
 * of scan_word (- ' . _). Letters, digits and bytes above ASCII are 0.
 */
#define ENDS_PLAIN_WORD_BYTES(v)                                                          \
	[0x00] = (v), [0x01] = (v), [0x02] = (v), [0x03] = (v), [0x04] = (v), [0x05] = (v),     \
	[0x06] = (v), [0x07] = (v), [0x08] = (v), [0x09] = (v), [0x0A] = (v), [0x0B] = (v),     \
	[0x0C] = (v), [0x0D] = (v), [0x0E] = (v), [0x0F] = (v), [0x10] = (v), [0x11] = (v),     \
	[0x12] = (v), [0x13] = (v), [0x14] = (v), [0x15] = (v), [0x16] = (v), [0x17] = (v),     \
	[0x18] = (v), [0x19] = (v), [0x1A] = (v), [0x1B] = (v), [0x1C] = (v), [0x1D] = (v),     \
	[0x1E] = (v), [0x1F] = (v), [' '] = (v), ['!'] = (v), ['"'] = (v), ['#'] = (v),         \
	['$'] = (v), ['%'] = (v), ['&'] = (v), ['('] = (v), [')'] = (v), ['*'] = (v),           \
	['+'] = (v), [','] = (v), ['/'] = (v), [':'] = (v), [';'] = (v), ['<'] = (v),           \
	['='] = (v), ['>'] = (v), ['?'] = (v), ['@'] = (v), ['['] = (v), ['\\'] = (v),          \
	[']'] = (v), ['^'] = (v), ['`'] = (v), ['{'] = (v), ['|'] = (v), ['}'] = (v),           \
	['~'] = (v), [0x7F] = (v)
static const unsigned char ends_plain_word[256] = {ENDS_PLAIN_WORD_BYTES(1)};

/* A run of ASCII letters as plain_word() and fast_run() read it. */
struct letters {
	size_t end;
	uint64_t hash;     /* entx_hash_fold() of the run */
	gboolean has_upper;
	gboolean has_lower;
};

/* Reads the ASCII letters at pos (at least one) with their hash. */
static inline void read_letters(const struct scan *s, size_t pos, struct letters *w)
{
	const unsigned char *p = (const unsigned char *)s->text;
	unsigned folded = folded_letter[p[pos]];
	uint64_t h = FNV_OFFSET;
	/* bit 5 (0x20) is set in lowercase letters, clear in uppercase ones */
	unsigned any_bits = 0, all_bits = 0xFF;
	if (pos < s->run_bound) {
		/* the run stops at a non-letter before the end: no length check */
		do {
			any_bits |= p[pos];
			all_bits &= p[pos];
			h = (h ^ folded) * FNV_PRIME;
			folded = folded_letter[p[++pos]];
		} while (folded != 0);
	} else {
		do {
			any_bits |= p[pos];
			all_bits &= p[pos];
			h = (h ^ folded) * FNV_PRIME;
			pos++;
		} while (pos < s->len && (folded = folded_letter[p[pos]]) != 0);
	}
	w->end = pos;
	w->hash = h;
	w->has_upper = !(all_bits & 0x20);
	w->has_lower = (any_bits & 0x20) != 0;
}

/*
 * The period after the letters at [begin, end) is not theirs and they
 * are a whole token, as join_period() would find: no letter follows it,
 * and they are no abbreviation or initial (after a degree sign they are
 * a temperature's scale, no initial). FALSE also when scan_word must
 * look further (a character beyond ASCII follows).
 */
static gboolean period_not_theirs(const struct scan *s, size_t begin, size_t end,
                                  uint64_t fold_hash)
{
	const unsigned char *p = (const unsigned char *)s->text;

	if (end + 1 < s->len && (p[end + 1] >= 0x80 || folded_letter[p[end + 1]] != 0))
		return FALSE;
	if (begin >= 2 && p[begin - 2] == 0xC2 && p[begin - 1] == 0xB0)
		return TRUE;
	if (end - begin == 1 && p[begin] < 'a')
		return FALSE;
	int cls = word_class(s->text + begin, end - begin, fold_hash);
	return cls == ABBR_NONE || cls == ABBR_STARTER;
}

/*
 * Whether the letters read into w from begin make a whole token, the
 * commonest one: ended by a byte of ends_plain_word, by the end of the
 * text, or by a period that is not theirs.
 */
static inline gboolean letters_make_token(const struct scan *s, size_t begin,
                                          const struct letters *w)
{
	unsigned char next = w->end < s->len ? (unsigned char)s->text[w->end] : ' ';

	if (ends_plain_word[next])
		return TRUE;
	return next == '.' && period_not_theirs(s, begin, w->end, w->hash);
}

/*
 * A plain word (see letters_make_token()) at t->begin, read into t with
 * its hash: exactly what scan_token and emit's token_hash would give.
 * FALSE, with t untouched, for any other token.
 */
static inline gboolean plain_word(const struct scan *s, struct tok *t)
{
	const unsigned char *p = (const unsigned char *)s->text;
	struct letters w;
	if (folded_letter[p[t->begin]] == 0)
		return FALSE;
	read_letters(s, t->begin, &w);
	if (!letters_make_token(s, t->begin, &w))
		return FALSE;
	t->end = w.end;
	t->flags = ENTX_TOK_WORD;
	t->n_letters = (unsigned)(w.end - t->begin);
	t->has_upper = w.has_upper;
	t->has_lower = w.has_lower;
	t->first_class = p[t->begin] < 'a' ? CL_UPPER : CL_LOWER;
	t->hashed = TRUE;
	t->hash = w.hash;
	return TRUE;
}

/* ENTX_TOK_* bits that fast_run() computes from bit 5 of letters (set in lowercase ones). */
G_STATIC_ASSERT(ENTX_TOK_ALLCAPS == 0x20 && ENTX_TOK_LOWER == 0x20 << 1);

/*
 * For fast_run(): for a letter, CASED_LETTER, the case it is not and
 * folded_letter[] in the low 7 bits, so that a single AND per letter
 * gathers the cases of a word (shifted down 3 bits, the ENTX_TOK_* shape
 * bits the word keeps; their complements shifted down 8, LINE_* bits).
 * For the other bytes, what they do to the word before them, so that the
 * loop leaves no byte to keep: in bits of their own, which letters have
 * all set, so that fast_run() ANDs the byte after a word with its letters
 * and tests it there, and the loop leaves no letter to keep either. The
 * AND also ends the loop: CASED_LETTER is the sign bit, so the AND's own
 * sign is the test (with OR, the letter needed a test of its own).
 * Bytes that stop a word and are none of those are 0: fast_run() gives
 * such a word back, so the shape bits they clear do not matter.
 */
#define CASED_LINE_SHIFT 8
#define CASED_SHAPE_SHIFT 3
enum {
	CASED_ENDS = 1 << 12,   /* ends_plain_word[] */
	CASED_PERIOD = 2 << 12, /* a period, which may be the word's */
	CASED_JOINER = 4 << 12, /* - or ', which may join letters or end a possessive's host */
	CASED_NOT_LOWER = LINE_LOWER << CASED_LINE_SHIFT,
	CASED_NOT_UPPER = LINE_UPPER << CASED_LINE_SHIFT,
	/* the sign bit of an entry: see above */
	CASED_LETTER = 0x80000000u,
	/* not in the table: a word joined over - or ' with fewer than four letters */
	CASED_SHORT_JOINED = 8 << CASED_LINE_SHIFT,
	/* in every entry but a lowercase first letter's (see fast_run()): above the
	 * ASCII of the letters, the bit of CAPITALIZED */
	CASED_FIRST_UPPER = 0x80,
	/* set in the bytes that stop a word, so that they keep its letters' bits */
	CASED_ALL_LETTERS = CASED_FIRST_UPPER | CASED_NOT_LOWER | CASED_NOT_UPPER,
	/* set in the letters, so that they keep the bits of the byte that stops them */
	CASED_ALL_STOPS = CASED_ENDS | CASED_PERIOD | CASED_JOINER
};
G_STATIC_ASSERT(CASED_NOT_LOWER >> CASED_SHAPE_SHIFT == ENTX_TOK_ALLCAPS &&
                CASED_NOT_UPPER >> CASED_SHAPE_SHIFT == ENTX_TOK_LOWER &&
                CASED_FIRST_UPPER >> CASED_SHAPE_SHIFT == ENTX_TOK_CAPITALIZED);
/* CASED_FIRST_UPPER from a first letter: bit 5 (0x20) is set in lowercase ones */
#define FIRST_LOWER_SHIFT 2
G_STATIC_ASSERT(0x20 << FIRST_LOWER_SHIFT == CASED_FIRST_UPPER);
/* the folded letter of an entry, the byte the hash takes */
#define CASED_FOLDED 0x7f
#define CASED_PAIR(lower)                                                                    \
	[(lower) - 'a' + 'A'] = (lower) | CASED_FIRST_UPPER | CASED_NOT_LOWER | CASED_ALL_STOPS | \
	                        CASED_LETTER,                                                   \
	[(lower)] = (lower) | CASED_FIRST_UPPER | CASED_NOT_UPPER | CASED_ALL_STOPS | CASED_LETTER
static const uint32_t cased_letter[256] = {
	ENDS_PLAIN_WORD_BYTES(CASED_ENDS | CASED_ALL_LETTERS),
	['.'] = CASED_PERIOD | CASED_ALL_LETTERS, ['-'] = CASED_JOINER | CASED_ALL_LETTERS,
	['\''] = CASED_JOINER | CASED_ALL_LETTERS, EACH_ASCII_LETTER(CASED_PAIR),
};
#undef CASED_PAIR

/*
 * For fast_run(): the gaps it reads, one space or line feed, as the
 * flags they give the token after them and their length. Both from one
 * entry, each ready to use: deriving one from the other took three
 * steps more per token.
 */
struct fast_gap {
	uint32_t flags;
	uint32_t len;
};
static const struct fast_gap fast_gap[256] = {
	[' '] = {ENTX_TOK_SPACE_BEFORE, 1},
	['\n'] = {ENTX_TOK_SPACE_BEFORE | ENTX_TOK_NEWLINE_BEFORE, 1},
};

/*
 * For fast_run(): the ASCII characters it reads as a token of their own
 * (see scan_other()), by what they do to the sentence splitter.
 */
enum {
	SINGLE_NONE,
	SINGLE_PLAIN,    /* , ; : * / and a lone - : punctuation with no role */
	SINGLE_PERIOD,   /* a lone period: terminal */
	SINGLE_TERMINAL, /* ! ? */
	SINGLE_CLOSE,       /* ) ] } */
	SINGLE_CLOSE_QUOTE, /* " ` ' that quote_role() finds closing */
	SINGLE_OPEN,        /* ( [ { : can start a sentence, like the next three */
	SINGLE_OPEN_QUOTE,  /* " ` ' that quote_role() finds opening */
	SINGLE_SYMBOL,      /* # % & + < = > @ ^ | ~ */
	SINGLE_CURRENCY,    /* $ */
	SINGLE_QUOTE,       /* " ` ' : one of the two quote kinds, see fast_quote() */
	SINGLE_POSSESSIVE   /* the ' of a possessive 's, see fast_joiner() */
};

static const unsigned char fast_single[256] = {
	[','] = SINGLE_PLAIN, [';'] = SINGLE_PLAIN, [':'] = SINGLE_PLAIN, ['*'] = SINGLE_PLAIN,
	['/'] = SINGLE_PLAIN, ['\\'] = SINGLE_PLAIN, ['-'] = SINGLE_PLAIN,
	['.'] = SINGLE_PERIOD, ['!'] = SINGLE_TERMINAL, ['?'] = SINGLE_TERMINAL,
	[')'] = SINGLE_CLOSE, [']'] = SINGLE_CLOSE, ['}'] = SINGLE_CLOSE,
	['('] = SINGLE_OPEN, ['['] = SINGLE_OPEN, ['{'] = SINGLE_OPEN,
	['#'] = SINGLE_SYMBOL, ['%'] = SINGLE_SYMBOL, ['&'] = SINGLE_SYMBOL, ['+'] = SINGLE_SYMBOL,
	['<'] = SINGLE_SYMBOL, ['='] = SINGLE_SYMBOL, ['>'] = SINGLE_SYMBOL, ['@'] = SINGLE_SYMBOL,
	['^'] = SINGLE_SYMBOL, ['|'] = SINGLE_SYMBOL, ['~'] = SINGLE_SYMBOL,
	['$'] = SINGLE_CURRENCY,
	['"'] = SINGLE_QUOTE, ['`'] = SINGLE_QUOTE, ['\''] = SINGLE_QUOTE,
};

static inline gboolean is_ascii_digit(unsigned byte)
{
	return byte - '0' < 10u;
}

/*
 * The digits at [begin, end) with byte after them: a whole NUMBER token
 * as scan_word would read it (no letter, hyphen, apostrophe, joining
 * separator or character beyond ASCII follows)? at is the text.
 */
static inline gboolean digits_make_token(const unsigned char *at, size_t end)
{
	unsigned byte = at[end];

	if (byte == ',' || byte == '.')
		return at[end + 1] < 0x80 && !is_ascii_digit(at[end + 1]);
	return ends_plain_word[byte];
}

/*
 * The kind of the quotation mark at begin for fast_run(), after a space
 * or not (spaced) and before the ASCII byte next: what quote_role() and
 * scan_other() find, which a single one remembers in s->open_single.
 * An apostrophe right after a word that this fast_run() read (not at
 * s->last_end, where it began) begins its possessive 's: fast_joiner()
 * ended the word there for it.
 * SINGLE_NONE for one right after another word, which may be its
 * possessive (Jesus'): is_bare_possessive() decides that.
 */
G_GNUC_NO_INLINE static unsigned fast_quote(struct scan *s, const entx_token *tok,
                                            size_t begin, gboolean spaced, unsigned next)
{
	gboolean apostrophe = s->text[begin] == '\'';

	if (apostrophe && !spaced && (tok[-1].flags & ENTX_TOK_WORD)) {
		if (begin != s->last_end) {
			/* count_line() of the 's, here: fewer values in fast_run() */
			s->line_bits |= next == 's' ? LINE_LOWER : LINE_UPPER;
			return SINGLE_POSSESSIVE;
		}
		if (!s->open_single)
			return SINGLE_NONE;
	}
	gboolean after_gap = spaced || s->last_role == ROLE_OPEN;
	int cl = ascii_class[next];
	gboolean before_text = cl != CL_SPACE && cl != CL_BREAK && cl != CL_PUNCT && cl != CL_CLOSE;
	gboolean opening = after_gap && before_text;
	if (apostrophe)
		s->open_single = opening;
	return opening ? SINGLE_OPEN_QUOTE : SINGLE_CLOSE_QUOTE;
}

/* What fast_run() does at a joiner after letters, see fast_joiner(). */
enum { JOIN_GOES_ON, JOIN_ENDS_HOST, JOIN_SLOW };

/*
 * At the joiner at q (- or ') after the letters of a word that began at
 * begin, what scan_word() would do, for fast_run(): go on over it and
 * the letters after it (US-Russian, don't, it's), end the word before
 * its possessive 's (Putin's), or anything else (a digit, a character
 * beyond ASCII, no letter after it): JOIN_SLOW. Reads up to q[2].
 */
static unsigned fast_joiner(const unsigned char *p, size_t begin, const unsigned char *q)
{
	if (!(cased_letter[q[1]] & CASED_LETTER))
		return JOIN_SLOW;
	if (*q == '-' || (q[1] | 0x20) != 's' || (cased_letter[q[2]] & CASED_LETTER))
		return JOIN_GOES_ON;
	if (q[2] >= 0x80 || is_ascii_digit(q[2]))
		return JOIN_SLOW;
	/* join_apostrophe(): the 's of it's is "is", kept on the word */
	size_t host_len = (size_t)(q - p) - begin;
	if (is_contraction_host((const char *)p + begin, host_len))
		return JOIN_GOES_ON;
	return JOIN_ENDS_HOST;
}

/*
 * A word of ASCII letters and joiners as fast_joined_word() reads it;
 * end, hash and cases of its first letters as fast_run() read them.
 */
struct joined_word {
	size_t end;
	uint64_t hash;
	unsigned cases; /* cased_letter[] of its letters ANDed, with CASED_SHORT_JOINED
	                 * and CASED_FIRST_UPPER (and more, see fast_run()) */
	unsigned stop;  /* cased_letter[] of the byte at end */
	uint32_t flags; /* ENTX_TOK_HYPHENATED or none */
};

/*
 * The word of ASCII letters at begin, which fast_run() read into w up to
 * a joiner (- or '), read on over its joiners (see fast_joiner()) to its
 * end or to its possessive's apostrophe. FALSE when scan_word() must
 * read it, or its joiner is at last or beyond. Out of line: the rare
 * case's values would crowd fast_run()'s registers.
 */
G_GNUC_NO_INLINE static gboolean fast_joined_word(const unsigned char *p, size_t begin,
                                                  size_t last, struct joined_word *w)
{
	const unsigned char *q = p + w->end;
	unsigned letter = cased_letter[*q];
	uint64_t hash = w->hash;
	unsigned cases = w->cases;
	size_t letters = w->end - begin;

	w->flags = 0;
	/* at a joiner */
	for (;;) {
		/* before last: the 's after it has room, the letters after it an end */
		unsigned join = (size_t)(q - p) < last ? fast_joiner(p, begin, q) : JOIN_SLOW;
		if (join == JOIN_SLOW)
			return FALSE;
		if (join == JOIN_ENDS_HOST)
			break;
		if (*q == '-')
			w->flags = ENTX_TOK_HYPHENATED;
		hash = (hash ^ *q) * FNV_PRIME;
		/* a letter: fast_joiner() saw it */
		letter = cased_letter[*++q];
		do {
			cases &= letter;
			hash = (hash ^ (letter & CASED_FOLDED)) * FNV_PRIME;
			letters++;
			letter = cased_letter[*++q];
		} while (letter & CASED_LETTER);
		if (!(letter & CASED_JOINER))
			break;
	}
	w->end = (size_t)(q - p);
	w->hash = hash;
	w->cases = cases | (letters < 4 ? CASED_SHORT_JOINED : 0);
	w->stop = letter;
	return TRUE;
}

/*
 * Ends the line before token idx (the tokens before it in the array)
 * for fast_run(), which keeps the last token's flags there, not in s.
 */
static void fast_end_line(struct scan *s, size_t idx)
{
	s->last_flags = token_at(s, idx - 1)->flags;
	end_line(s, idx);
}

/*
 * The commonest tokens, read and emitted from pos (the end of the
 * previous token) as scan_token and emit would, with their answers for
 * such tokens filled in: a plain word or a number alone after no gap,
 * one space or one line feed (a word also joined over - or ', or before
 * its possessive 's: see fast_joined_word()), and the ASCII characters
 * of fast_single after no gap or one space. Only a capitalized word, a number, a symbol
 * or an opening bracket or quote can start a sentence. The scan stops
 * short of the text's last run of letters and of the room in the token
 * array, so that it needs no length check; the sentence and the
 * code-point offset come from the token before, so that few values stay
 * live. Returns where the first other gap or token begins.
 */
G_GNUC_NO_INLINE static size_t fast_run(struct scan *s, size_t pos)
{
	const unsigned char *p = (const unsigned char *)s->text;
	/* there is a token before: pos is the end of one */
	entx_token *tok = token_at(s, s->n);
	/* every byte read here is ASCII: code points and bytes advance together */
	const size_t cp_shift = tok[-1].cp_end - pos;
	/* the last place a token may begin in this stretch: its limit less one byte */
	size_t last;
	/* from s, not the table's name: see struct scan */
	const uint32_t *letters = s->cased_letter;

next_stretch:
	if (pos + 1 >= s->run_bound)
		goto done;
	s->n = (size_t)(tok - token_at(s, 0));
	if (s->tokens->len - s->n < 64)
		grow_tokens(s);
	tok = token_at(s, s->n);
	/* each token takes a byte at least, so the room lasts up to here; last >= pos */
	last = MIN(s->run_bound, pos + (s->tokens->len - s->n)) - 1;
	while (pos < last) {
		const struct fast_gap *gap = &fast_gap[p[pos]];
		/* the token being read, and its flags */
		size_t begin = pos + gap->len;
		uint32_t flags = gap->flags;
		size_t end = begin;
		uint64_t hash = FNV_OFFSET;
		unsigned letter = letters[p[begin]];
		if (letter & CASED_LETTER) {
			/* read_letters(), with p[run_bound] a non-letter to stop it; the
			 * first letter's case joins the others' for one step after them,
			 * clearing CASED_FIRST_UPPER when it is lowercase */
			unsigned cases = ((p[begin] & 0x20) << FIRST_LOWER_SHIFT) ^ letter;
			flags |= ENTX_TOK_WORD;
			const unsigned char *q = p + begin;
			do {
				/* a pointer, two steps: else GCC copied registers per letter */
				hash ^= letter & CASED_FOLDED;
				hash *= FNV_PRIME;
				letter = letters[*++q];
				cases &= letter;
			} while (cases & CASED_LETTER);
			end = (size_t)(q - p);
			/* most words end by a byte of ends_plain_word: one test for them */
			if (!(cases & CASED_ENDS)) {
				/* what stopped the word, in cases: letters leave its bits set */
				unsigned stop = cases;
				if (stop & CASED_JOINER) {
					struct joined_word joined = {
					        .end = end, .hash = hash, .cases = cases};
					if (!fast_joined_word(p, begin, last, &joined))
						goto give_back;
					end = joined.end;
					hash = joined.hash;
					cases = joined.cases;
					stop = joined.stop;
					flags |= joined.flags;
				}
				if (!(stop & (CASED_ENDS | CASED_JOINER)) &&
				    (!(stop & CASED_PERIOD) ||
				     !period_not_theirs(s, begin, end, hash)))
					goto give_back;
			}
			/* shape_flags(): ALLCAPS without a lowercase letter, LOWER without an
			 * uppercase one, CAPITALIZED without a lowercase first letter */
			flags |= (cases >> CASED_SHAPE_SHIFT) &
			         (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER);
			gboolean capitalized = (flags & ENTX_TOK_CAPITALIZED) != 0;
			if (flags & ENTX_TOK_NEWLINE_BEFORE)
				fast_end_line(s, (size_t)(tok - token_at(s, 0)));
			/* count_line(), needless once nothing can make the line a headline */
			if (!(s->line_bits & LINE_SETTLED_SEEN)) {
				gboolean is_long =
				        end - begin >= 4 && !(cases & CASED_SHORT_JOINED);
				unsigned cased = ~cases & (CASED_NOT_LOWER | CASED_NOT_UPPER);
				unsigned bits = s->line_bits | (cased >> CASED_LINE_SHIFT) |
				                (capitalized ? 0 : LINE_UNCAP) |
				                (is_long ? LINE_LONG : 0) |
				                (is_long && !capitalized ? LINE_LONG_UNCAP : 0);
				s->line_words++;
				if ((bits & LINE_SETTLED) == LINE_SETTLED)
					bits |= LINE_SETTLED_SEEN;
				s->line_bits = bits;
			}
		} else if (is_ascii_digit(p[begin])) {
			/* the runs of digits, stopped short of the end of the text */
			for (;;) {
				do
					hash = (hash ^ p[end++]) * FNV_PRIME;
				while (is_ascii_digit(p[end]) && end < last);
				/* 1,000.5: a separator between digits joins them */
				if (end + 1 >= last || (p[end] != ',' && p[end] != '.') ||
				    !is_ascii_digit(p[end + 1]))
					break;
				hash = (hash ^ p[end++]) * FNV_PRIME;
			}
			/* digits_make_token() may read the byte after the next one */
			if (end > last || !digits_make_token(p, end))
				goto give_back;
			flags |= ENTX_TOK_NUMBER | ENTX_TOK_HAS_DIGIT;
			if (flags & ENTX_TOK_NEWLINE_BEFORE)
				fast_end_line(s, (size_t)(tok - token_at(s, 0)));
		} else {
			unsigned first = p[begin];
			unsigned kind = fast_single[first];
			unsigned next = p[begin + 1];
			/*
			 * a combining mark would join it; a period may start a run or
			 * a number, a hyphen a run
			 */
			if (kind == SINGLE_NONE || (flags & ENTX_TOK_NEWLINE_BEFORE) ||
			    next >= 0x80 ||
			    (kind == SINGLE_PERIOD && (next == '.' || ascii_class[next] == CL_DIGIT)) ||
			    (first == '-' && next == '-'))
				goto give_back;
			gboolean spaced = (flags & ENTX_TOK_SPACE_BEFORE) != 0;
			if (kind == SINGLE_QUOTE &&
			    (kind = fast_quote(s, tok, begin, spaced, next)) == SINGLE_NONE)
				goto give_back;
			if (kind == SINGLE_POSSESSIVE) {
				/* scan_possessive(): one letter, no capital, starts nothing */
				end = begin + 2;
				hash = (((FNV_OFFSET ^ '\'') * FNV_PRIME) ^ 's') * FNV_PRIME;
				/* bit 5 of the letter: LOWER for s, ALLCAPS for S */
				flags |= ENTX_TOK_WORD | ENTX_TOK_POSSESSIVE;
				flags |= ((next & 0x20) << 1) | (~next & 0x20);
				/* the word before left nothing pending and no role */
				tok->sentence = tok[-1].sentence;
				goto push;
			}
			end = begin + 1;
			hash = (FNV_OFFSET ^ first) * FNV_PRIME;
			if (kind < SINGLE_OPEN) {
				/* no sentence starts at it; a closing one keeps what is pending */
				flags |= ENTX_TOK_PUNCT |
				         (kind == SINGLE_CLOSE_QUOTE ? ENTX_TOK_QUOTE : 0);
				if (kind == SINGLE_PERIOD || kind == SINGLE_TERMINAL) {
					s->pending = PEND_STRONG;
					s->last_role = ROLE_TERMINAL;
				} else if (kind == SINGLE_CLOSE || kind == SINGLE_CLOSE_QUOTE) {
					s->last_role = ROLE_CLOSE;
				} else {
					s->pending = PEND_NONE;
					s->last_role = ROLE_NONE;
				}
				tok->sentence = tok[-1].sentence;
				goto push;
			}
			flags |= kind == SINGLE_OPEN         ? ENTX_TOK_PUNCT
			         : kind == SINGLE_OPEN_QUOTE ? ENTX_TOK_PUNCT | ENTX_TOK_QUOTE
			         : kind == SINGLE_SYMBOL     ? ENTX_TOK_SYMBOL
			                                     : ENTX_TOK_SYMBOL | ENTX_TOK_CURRENCY;
			/* starts_sentence() for a symbol or an opening bracket or quote, which
			 * can start one: none came after a line feed, none is a starter word */
			tok->sentence = tok[-1].sentence;
			if (s->pending == PEND_STRONG) {
				flags |= ENTX_TOK_SENT_START;
				tok->sentence++;
				note_sentence(s, (size_t)(tok - token_at(s, 0)));
			}
			s->pending = PEND_NONE;
			s->last_role = kind == SINGLE_OPEN || kind == SINGLE_OPEN_QUOTE ? ROLE_OPEN
			                                                                : ROLE_NONE;
			goto push;
		}
		/* emit() for a word or number: starts_sentence() and on */
		/* the sentence goes on in the array, not in a register: they are few */
		tok->sentence = tok[-1].sentence;
		/* can_start(): a capitalized word or a number; read from the flags
		 * where it is needed, so that it takes no register */
		gboolean can_start = (flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_NUMBER)) != 0;
		if (can_start && s->pending != PEND_NONE) {
			gboolean started = s->pending == PEND_STRONG ||
			                   (s->pending == PEND_ABBR && (flags & ENTX_TOK_WORD) &&
			                    word_class(s->text + begin, end - begin, hash) == ABBR_STARTER);
			if (started) {
				flags |= ENTX_TOK_SENT_START;
				tok->sentence++;
				note_sentence(s, (size_t)(tok - token_at(s, 0)));
			}
		} else if (can_start && (flags & ENTX_TOK_NEWLINE_BEFORE) && s->prev_line_ends) {
			flags |= ENTX_TOK_SENT_START;
			tok->sentence++;
			note_sentence(s, (size_t)(tok - token_at(s, 0)));
		}
		s->pending = PEND_NONE;
		s->last_role = ROLE_NONE;
	push:
		/* the rest of push(); the gap is one ASCII byte or none (no
		 * declaration right after the label: C11 has none there) */
		tok->byte_begin = begin;
		tok->byte_end = end;
		tok->cp_begin = begin + cp_shift;
		tok->cp_end = end + cp_shift;
		tok->flags = flags;
		tok->fold_hash = hash;
		tok++;
		pos = end;
	}
	goto next_stretch;
give_back:
	/* this token and its gap are the general scan's: they start where the token
	 * before ends, read back so that no value need stay live for here */
	pos = tok[-1].byte_end;
done:
	/* s->last_end, where the run began, moves only here: fewer values to keep */
	if (pos != s->last_end) {
		s->n = (size_t)(tok - token_at(s, 0));
		s->cp = tok[-1].cp_end;
		s->cp_byte = s->last_end = pos;
		s->sentence = tok[-1].sentence;
		s->last_flags = tok[-1].flags;
	}
	return pos;
}

size_t entx_priv_tokenize(const char *text, size_t len, GArray *tokens)
{
	return entx_priv_tokenize_sentences(text, len, tokens, NULL);
}

size_t entx_priv_tokenize_sentences(const char *text, size_t len, GArray *tokens,
                                    GArray *sentences)
{
	struct scan s = {.text = text, .len = len, .tokens = tokens, .sentences = sentences,
	                 .n_sentences = sentences != NULL ? sentences->len : 0,
	                 .n = tokens->len, .first = tokens->len, .line_first = tokens->len,
	                 .last_end = (size_t)-1, .cased_letter = cased_letter};
	size_t pos = 0;

	if (text == NULL)
		return 0;
	size_t last_non_letter = len;
	while (last_non_letter > 0 && folded_letter[(unsigned char)text[last_non_letter - 1]] != 0)
		last_non_letter--;
	s.run_bound = last_non_letter > 0 ? last_non_letter - 1 : 0;
	for (;;) {
		/* pos == last_end: not the first token (last_end starts at -1) */
		if (pos == s.last_end && !s.possessive_next)
			pos = fast_run(&s, pos);
		pos = skip_gap(&s, pos);
		if (pos >= len)
			break;
		struct tok t = {.begin = pos};
		/* A possessive's 's is scan_token's to read. */
		if (s.possessive_next || !plain_word(&s, &t))
			scan_token(&s, &t);
		emit(&s, &t);
		pos = t.end;
	}
	g_array_set_size(tokens, s.n);
	if (sentences != NULL)
		g_array_set_size(sentences, s.n_sentences);
	if (s.n == s.first)
		return 0;
	end_line(&s, s.n);
	return (size_t)s.sentence + 1;
}
