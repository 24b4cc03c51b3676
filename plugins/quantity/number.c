/*
 * entx - reading numbers written in digits or words; see number.h.
 */
#include "number.h"
#include "decimal.h"
#include "tokens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The kinds of number words, from the kind= attribute. */
typedef enum { W_NONE, W_UNIT, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN, W_ABBREV, W_AND } word_kind;

/* The running sum while reading "two hundred and fifty thousand". */
typedef struct word_state {
	double total;
	double cur;
	double last_scale;
	word_kind last;
	gboolean article;
	int n_words;
} word_state;

static word_kind kind_of(const lex_entry *e)
{
	if (e == NULL || e->kind == NULL)
		return W_NONE;
	/* The first letter tells the kinds apart: one compare, not six. */
	switch (e->kind[0]) {
	case 'u':
		return strcmp(e->kind, "unit") == 0 ? W_UNIT : W_NONE;
	case 't':
		return strcmp(e->kind, "tens") == 0 ? W_TENS : W_NONE;
	case 'h':
		return strcmp(e->kind, "hundred") == 0 ? W_HUNDRED : W_NONE;
	case 's':
		return strcmp(e->kind, "scale") == 0 ? W_SCALE : W_NONE;
	case 'd':
		return strcmp(e->kind, "dozen") == 0 ? W_DOZEN : W_NONE;
	case 'a':
		return strcmp(e->kind, "abbrev") == 0 ? W_ABBREV : W_NONE;
	default:
		return W_NONE;
	}
}

static gboolean after_separator(word_kind k)
{
	return k == W_NONE || k == W_HUNDRED || k == W_SCALE || k == W_AND;
}

/* Adds one number word to the sum; FALSE when it cannot continue it. */
static gboolean word_step(word_state *st, word_kind k, double v)
{
	switch (k) {
	case W_UNIT:
		if (after_separator(st->last) && !(st->last == W_NONE && st->article))
			st->cur += v;
		else if (st->last == W_TENS && v < 10 && fmod(st->cur, 10) == 0)
			st->cur += v;
		else
			return FALSE;
		break;
	case W_TENS:
		if (!after_separator(st->last) || (st->last == W_NONE && st->article) ||
		    fmod(st->cur, 100) != 0)
			return FALSE;
		st->cur += v;
		break;
	case W_HUNDRED:
		if (st->last == W_NONE && st->article)
			st->cur = 100;
		else if ((st->last == W_UNIT || st->last == W_TENS) && st->cur > 0 && st->cur < 100)
			st->cur *= 100;
		else
			return FALSE;
		break;
	case W_SCALE:
		if (st->last_scale != 0 && v >= st->last_scale)
			return FALSE;
		if (st->last == W_NONE && st->article)
			st->cur = 1;
		else if (st->cur <= 0 || st->last == W_AND)
			return FALSE;
		st->total += st->cur * v;
		st->cur = 0;
		st->last_scale = v;
		break;
	case W_DOZEN:
		if (st->last == W_NONE && st->article)
			st->cur = 12;
		else if ((st->last == W_UNIT || st->last == W_TENS) && st->cur > 0)
			st->cur *= 12;
		else
			return FALSE;
		break;
	case W_AND:
		if (st->last != W_HUNDRED && st->last != W_SCALE)
			return FALSE;
		break;
	default:
		return FALSE;
	}
	st->last = k;
	st->n_words++;
	return TRUE;
}

/* The most digits and point num_digits() reads, and its NUL. */
#define NUM_DIGITS_MAX 64

/* Powers of ten exact in a double (up to 1e22); num_digits() needs 1e15. */
static const double exact_pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* g_ascii_isdigit() without the table. */
static inline gboolean is_digit(char c)
{
	return (unsigned)(c - '0') < 10u;
}

/*
 * What strtod() reads of the len bytes at s that num_digits() took: the
 * digits and the point, without the thousands commas.
 */
static double digits_strtod(const char *s, size_t len)
{
	char buf[NUM_DIGITS_MAX];
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ',')
			buf[n++] = s[i];
	buf[n] = '\0';
	return g_ascii_strtod(buf, NULL);
}

size_t num_digits(const char *s, size_t len, double *value, int *n_int, gboolean *plain)
{
	size_t i = 0, n = 0, group = 0; /* n: digits and point read, at most NUM_DIGITS_MAX - 1 */
	gboolean commas = FALSE, dot = FALSE;
	int digits = 0;
	uint64_t mantissa = 0; /* the digits read, as an integer while they are 15 or fewer */
	/* The leading digits, as the loop below would read them, in a loop of
	 * their own: most numbers have nothing else. */
	const size_t lead_max = len < 15 ? len : 15;
	while (i < lead_max && is_digit(s[i]))
		mantissa = mantissa * 10 + (uint64_t)(s[i++] - '0');
	n = group = i;
	digits = (int)i;
	while (i < len && n + 1 < NUM_DIGITS_MAX) {
		char c = s[i];
		if (is_digit(c)) {
			n++;
			mantissa = mantissa * 10 + (uint64_t)(c - '0');
			group++;
			if (!dot)
				digits++;
		} else if (c == ',' && !dot && i + 3 < len && is_digit(s[i + 1]) &&
		           is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
		           (i + 4 >= len || !is_digit(s[i + 4])) &&
		           (commas ? group == 3 : group >= 1 && group <= 3)) {
			commas = TRUE;
			group = 0;
		} else if (c == '.' && !dot && i + 1 < len && is_digit(s[i + 1]) && digits > 0) {
			dot = TRUE;
			n++;
		} else {
			break;
		}
		i++;
	}
	if (digits == 0)
		return 0;
	size_t n_all = dot ? n - 1 : n; /* digits before and after the point */
	/*
	 * Exact in a double, and so is the power of ten: the one rounding of
	 * the division gives the double nearest the decimal, as strtod does,
	 * without the call. Most numbers in news are these.
	 */
	if (n_all <= 15)
		*value = (double)mantissa / exact_pow10[n_all - (size_t)digits];
	else
		*value = digits_strtod(s, i);
	*n_int = digits;
	*plain = !commas && !dot;
	return i;
}

/* Token j, or NULL past the end. */
static inline const entx_token *src_tok(const num_src *src, size_t j)
{
	return j < src->n ? &src->toks[j] : NULL;
}

static inline gboolean is_ascii(const entx_token *tok)
{
	return tok->cp_end - tok->cp_begin == tok->byte_end - tok->byte_begin;
}

/* The lowercased text of token j; 0 when it is too long to be a number. */
static size_t token_lower(const num_src *src, size_t j, char *buf, size_t n)
{
	const entx_token *tok = src_tok(src, j);
	return tok != NULL ? lex_token_lower_at(src->text, src->doc, tok, buf, n) : 0;
}

/*
 * Multiplies the number by a scale word's value. 16.6 is not exact in
 * binary, and 16.6 * 1e9 comes out as 16600000000.000002; the digits
 * written carry far fewer than 15 significant figures, so rounding the
 * product to 15 gives back the decimal the text means.
 */
static double scaled(double v, double factor)
{
	v *= factor;
	if (v == floor(v))
		return v;
	char buf[32];
	snprintf(buf, sizeof buf, "%.15g", v);
	return g_ascii_strtod(buf, NULL);
}

static void apply_scale(num_result *out, double factor)
{
	out->scale *= factor;
	out->flags |= NUM_SCALED;
	out->value = scaled(out->value, factor);
}

/* The longest token text, lowercased, read as a number (with its NUL). */
#define NUM_WORD_MAX 128

/*
 * Cuts text at every hyphen, in place, into parts (NULL-terminated, room
 * for strlen(text) + 2 pointers), as g_strsplit(text, "-", -1) would
 * (no part at all for ""), without allocating.
 */
static void split_hyphens(char *text, char **parts)
{
	size_t n = 0;
	if (*text == '\0') {
		parts[0] = NULL;
		return;
	}
	parts[n++] = text;
	for (char *p = text; *p != '\0'; p++) {
		if (*p == '-') {
			*p = '\0';
			parts[n++] = p + 1;
		}
	}
	parts[n] = NULL;
}

/* The value of a vulgar fraction sign news writes after a whole number:
 * ½ ¼ ¾, two bytes of UTF-8 each. */
static double fraction_sign(const char *s, size_t len)
{
	if (len != 2 || (unsigned char)s[0] != 0xc2)
		return 0;
	switch ((unsigned char)s[1]) {
	case 0xbd:
		return 0.5;
	case 0xbc:
		return 0.25;
	case 0xbe:
		return 0.75;
	default:
		return 0;
	}
}

/* Reads what follows the digits inside one token (lowercased, shorter than
 * NUM_WORD_MAX; cut up in place): 5km, 15bn, 27-year, 200-250. */
static gboolean parse_glued(const num_lexicon *lx, char *rest, num_result *out)
{
	if (rest[0] == '\0')
		return TRUE;
	/* "3½ days" */
	double sign = fraction_sign(rest, strlen(rest));
	if (sign > 0) {
		out->value += sign;
		out->flags &= ~(unsigned)NUM_PLAIN;
		return TRUE;
	}
	if (rest[0] == '-' && g_ascii_isdigit(rest[1])) {
		double v = 0;
		int n = 0;
		gboolean plain = FALSE;
		size_t used = num_digits(rest + 1, strlen(rest + 1), &v, &n, &plain);
		if (used == 0 || rest[1 + used] != '\0')
			return FALSE;
		out->range_max = v;
		out->range_digits = n;
		out->range_zero = rest[1] == '0';
		return TRUE;
	}
	if (rest[0] == '-') {
		char *parts[NUM_WORD_MAX + 1];
		split_hyphens(rest + 1, parts);
		const lex_entry *u = parts[0] != NULL ? lex_lookup(lx->units, parts[0]) : NULL;
		gboolean ok = u != NULL && (parts[1] == NULL || parts[2] == NULL);
		if (ok && parts[1] != NULL)
			ok = strcmp(parts[1], "old") == 0 || strcmp(parts[1], "long") == 0;
		if (!ok)
			return FALSE;
		out->unit = u;
		out->flags |= NUM_HYPHEN_UNIT;
		return TRUE;
	}
	const lex_entry *scale = lex_lookup(lx->numbers, rest);
	if (scale != NULL && (kind_of(scale) == W_ABBREV || kind_of(scale) == W_SCALE)) {
		apply_scale(out, scale->value);
		return TRUE;
	}
	const lex_entry *u = lex_lookup(lx->units, rest);
	if (u == NULL)
		return FALSE;
	out->unit = u;
	out->flags |= NUM_GLUED_UNIT;
	return TRUE;
}

/* Scale words after digits: "1.5 million", "$7.2 bn". */
static void parse_scale(const num_lexicon *lx, const num_src *src, size_t limit,
                        gboolean allow_abbrev, num_result *out)
{
	char buf[64];
	while (out->end < limit) {
		/* Most numbers have no scale word: an ASCII token that is no
		 * entry of the numbers table ends the number at once. */
		const entx_token *next = src_tok(src, out->end);
		if (next != NULL && is_ascii(next) && !lex_has_tok(lx->numbers, next))
			break;
		size_t len = token_lower(src, out->end, buf, sizeof buf);
		const lex_entry *e = len ? lex_lookup(lx->numbers, buf) : NULL;
		word_kind k = kind_of(e);
		if (k == W_ABBREV && !allow_abbrev &&
		    (strcmp(buf, "m") == 0 || strcmp(buf, "k") == 0))
			break;
		if (k != W_SCALE && k != W_ABBREV && k != W_HUNDRED)
			break;
		apply_scale(out, e->value);
		out->end++;
		if (k == W_ABBREV)
			break;
	}
}

static gboolean parse_digits(const num_lexicon *lx, const num_src *src, size_t i, size_t limit,
                             gboolean allow_abbrev, num_result *out)
{
	char buf[NUM_WORD_MAX];
	const entx_token *tok = &src->toks[i];
	/* Lowercasing changes no digit, comma or point: an ASCII token is read
	 * where it stands, and only what follows its digits is lowered. */
	const char *s = buf;
	size_t len = tok->byte_end - tok->byte_begin;
	if (!is_ascii(tok))
		len = token_lower(src, i, buf, sizeof buf);
	else if (len + 1 <= sizeof buf)
		s = src->text + tok->byte_begin;
	else
		len = 0;
	gboolean plain = FALSE;
	size_t used = len ? num_digits(s, len, &out->value, &out->n_digits, &plain) : 0;
	if (used == 0)
		return FALSE;
	out->flags |= NUM_DIGITS | (plain ? NUM_PLAIN : 0);
	if (s[0] == '0' && used > 1 && g_ascii_isdigit(s[1]))
		out->flags |= NUM_LEADING_ZERO;
	out->end = i + 1;
	char *rest = buf + used;
	if (s != buf) {
		for (size_t k = used; k < len; k++)
			buf[k - used] = token_ascii_lower_(s[k]);
		buf[len - used] = '\0';
		rest = buf;
	}
	if (!parse_glued(lx, rest, out))
		return FALSE;
	/* A scale word after a range in one token scales both ends:
	 * "2.3-4.6 million". */
	gboolean range = out->range_digits > 0;
	if (used == len || range) {
		double before = out->scale;
		parse_scale(lx, src, limit, allow_abbrev, out);
		if (range && out->scale != before)
			out->range_max = scaled(out->range_max, out->scale / before);
	}
	return TRUE;
}

/*
 * FALSE when token tok cannot start a number word, which saves splitting
 * and lowercasing the many words that are not numbers. Only ASCII tokens
 * are turned away: word_token() lowercases others in ways the fold hash
 * need not match.
 */
static gboolean may_be_number_word(const num_lexicon *lx, const num_src *src,
                                   const entx_token *tok)
{
	if (tok->cp_end - tok->cp_begin != tok->byte_end - tok->byte_begin)
		return TRUE;
	return num_word_at(lx, src->text, src->doc, tok);
}

/* Feeds the hyphen-separated parts of one word token (lowercased, shorter
 * than NUM_WORD_MAX) to the sum. */
static gboolean word_token(const num_lexicon *lx, word_state *st, char *text, num_result *out)
{
	char *parts[NUM_WORD_MAX + 1];
	split_hyphens(text, parts);
	gboolean ok = TRUE;
	size_t k = 0;
	for (; parts[k] != NULL; k++) {
		const lex_entry *e = lex_lookup(lx->numbers, parts[k]);
		word_kind wk = kind_of(e);
		if (wk == W_NONE || wk == W_ABBREV || !word_step(st, wk, e->value))
			break;
	}
	if (k == 0 || parts[k] == NULL) {
		ok = k > 0;
	} else {
		/* "four-day", "ten-year-old": a unit ends the token. */
		const lex_entry *u = lex_lookup(lx->units, parts[k]);
		ok = u != NULL && (parts[k + 1] == NULL ||
		                   (parts[k + 2] == NULL && (strcmp(parts[k + 1], "old") == 0 ||
		                                             strcmp(parts[k + 1], "long") == 0)));
		if (ok) {
			out->unit = u;
			out->flags |= NUM_HYPHEN_UNIT;
		}
	}
	return ok;
}

static gboolean parse_words(const num_lexicon *lx, const num_src *src, size_t i, size_t limit,
                            num_result *out)
{
	char buf[NUM_WORD_MAX];
	word_state st = {0};
	size_t j = i;
	size_t len = 0;
	/* Compared where it stands, not lowered: no token but an ASCII one
	 * lowers to "a" or "an", and one too long to lower (which ended
	 * the reading here) the loop turns away all the same. */
	if (token_is(src->text, &src->toks[i], "a") || token_is(src->text, &src->toks[i], "an")) {
		st.article = TRUE;
		j++;
	}
	size_t last_good = i;
	for (; j < limit; j++) {
		const entx_token *tok = &src->toks[j];
		if (!(tok->flags & ENTX_TOK_WORD) || (tok->flags & ENTX_TOK_HAS_DIGIT))
			break;
		if (!may_be_number_word(lx, src, tok) && !token_is(src->text, tok, "and"))
			break;
		len = token_lower(src, j, buf, sizeof buf);
		if (len == 0)
			break;
		if (strcmp(buf, "and") == 0) {
			if (!word_step(&st, W_AND, 0))
				break;
			continue;
		}
		word_state saved = st;
		if (!word_token(lx, &st, buf, out)) {
			st = saved;
			break;
		}
		last_good = j + 1;
		if (out->unit != NULL)
			break;
	}
	if (last_good == i || st.last == W_AND)
		return FALSE;
	out->value = st.total + st.cur;
	out->end = last_good;
	out->flags |= NUM_WORDS | (st.article ? NUM_ARTICLE : 0);
	if (st.last_scale != 0) {
		out->flags |= NUM_SCALED;
		out->scale = st.last_scale;
	}
	if (st.n_words == 1 && st.cur == 1 && !st.article && out->unit == NULL)
		out->flags |= NUM_ONE;
	return TRUE;
}

/* "two and a half": adds the half to a whole number without scale. */
static void read_half(const num_src *src, size_t limit, num_result *out)
{
	static const char *const words[] = {"and", "a", "half"};
	if (out->unit != NULL || out->scale != 1 || out->end + 3 > limit)
		return;
	for (size_t k = 0; k < 3; k++)
		if (!token_is(src->text, src_tok(src, out->end + k), words[k]))
			return;
	out->value += 0.5;
	out->end += 3;
	out->flags &= ~(unsigned)(NUM_PLAIN | NUM_ONE);
}

/* Token j is digits alone, 1 or 2 of them (the parts of a fraction); their value. */
static gboolean small_digits_at(const num_src *src, size_t j, double *value)
{
	const entx_token *t = src_tok(src, j);
	size_t len = t != NULL ? t->byte_end - t->byte_begin : 0;
	if (len == 0 || len > 2)
		return FALSE;
	*value = 0;
	for (size_t k = 0; k < len; k++) {
		char ch = src->text[t->byte_begin + k];
		if (!is_digit(ch))
			return FALSE;
		*value = *value * 10 + (ch - '0');
	}
	return TRUE;
}

/*
 * "2 1/2 years", "5 ½ hours": a fraction below one after a whole number in
 * digits adds to it. The fraction is apart from the number and whole on its
 * own ("2 1/2/2019" is a date, not a fraction).
 */
static void read_fraction(const num_src *src, size_t limit, num_result *out)
{
	if (!(out->flags & NUM_PLAIN) || out->unit != NULL || out->scale != 1 ||
	    out->range_max > 0 || out->end >= limit)
		return;
	const entx_token *first = src_tok(src, out->end);
	unsigned char lead = (unsigned char)src->text[first->byte_begin];
	if ((lead != 0xc2 && !is_digit((char)lead)) || token_attached(first))
		return;
	double sign =
	    fraction_sign(src->text + first->byte_begin, first->byte_end - first->byte_begin);
	if (sign > 0) {
		out->value += sign;
		out->end++;
		out->flags &= ~(unsigned)NUM_PLAIN;
		return;
	}
	double numerator = 0, denominator = 0;
	size_t after = out->end + 3;
	if (after > limit || !small_digits_at(src, out->end, &numerator) ||
	    !token_is(src->text, src_tok(src, out->end + 1), "/") ||
	    !token_attached(src_tok(src, out->end + 1)) ||
	    !small_digits_at(src, out->end + 2, &denominator) ||
	    !token_attached(src_tok(src, out->end + 2)) ||
	    (after < src->n && token_attached(src_tok(src, after)) &&
	     !(src_tok(src, after)->flags & ENTX_TOK_WORD)) ||
	    numerator < 1 || numerator >= denominator)
		return;
	out->value += numerator / denominator;
	out->end = after;
	out->flags &= ~(unsigned)NUM_PLAIN;
}

gboolean num_parse_src(const num_lexicon *lx, const num_src *src, size_t i, size_t limit,
                       gboolean allow_abbrev, num_result *out)
{
	memset(out, 0, sizeof *out);
	out->first = i;
	out->scale = 1;
	/* Nothing past the last token can be read anyway. */
	if (limit > src->n)
		limit = src->n;
	if (i >= limit)
		return FALSE;
	const entx_token *tok = &src->toks[i];
	gboolean ok = FALSE;
	if (g_ascii_isdigit(src->text[tok->byte_begin]))
		ok = parse_digits(lx, src, i, limit, allow_abbrev, out);
	else if (tok->flags & ENTX_TOK_WORD)
		ok = parse_words(lx, src, i, limit, out);
	if (ok) {
		read_half(src, limit, out);
		if (out->flags & NUM_DIGITS)
			read_fraction(src, limit, out);
	}
	return ok;
}

gboolean num_parse(const num_lexicon *lx, const entx_doc *doc, size_t i, size_t limit,
                   gboolean allow_abbrev, num_result *out)
{
	num_src src = {.doc = doc, .text = entx_doc_text(doc, NULL)};
	src.toks = entx_doc_tokens(doc, &src.n);
	return num_parse_src(lx, &src, i, limit, allow_abbrev, out);
}

void num_format(double v, char *buf, size_t n)
{
	if (n >= ENTX_DECIMAL_MAX) {
		/* Integral when the truncation changes nothing: floor() without the call. */
		if (fabs(v) < 1e15 && (double)(int64_t)v == v) {
			entx_priv_decimal(buf, (int64_t)v, 1);
			return;
		}
		if (entx_priv_short_decimal(buf, v) > 0)
			return;
	}
	/* Ten decimals hold any measure news writes without an exponent. */
	snprintf(buf, n, "%.10f", v);
	char *dot = strchr(buf, '.');
	if (dot == NULL)
		return;
	char *end = buf + strlen(buf) - 1;
	while (end > dot && *end == '0')
		*end-- = '\0';
	if (end == dot)
		*end = '\0';
}
