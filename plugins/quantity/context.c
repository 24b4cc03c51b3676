/*
 * entx - quantity plugin: what the words around a number say about it.
 * A number is not a quantity when it is part of a date, a time, a code
 * or a name; these tests decide that from the neighbouring tokens.
 */
#include "quantity.h"

#include <string.h>

static inline gboolean is_punct_char(const qctx *c, size_t i, const char *chars)
{
	const entx_token *t = qctx_tok(c, i);
	if (t == NULL || t->byte_end - t->byte_begin != 1)
		return FALSE;
	/* A loop the compiler unrolls over the literal, not a call to strchr(). */
	char ch = c->text[t->byte_begin];
	for (const char *p = chars; *p != '\0'; p++)
		if (*p == ch)
			return TRUE;
	return FALSE;
}

static gboolean starts_with_digit(const qctx *c, size_t i)
{
	const entx_token *t = qctx_tok(c, i);
	return t != NULL && g_ascii_isdigit(c->text[t->byte_begin]);
}

/* Glued on the left: GPV-2027, 9/11, A4, 2+2 (the right-hand 2). */
static gboolean glued_left(const qctx *c, const qty *q)
{
	size_t i = q->first;
	if (!qctx_adjacent(c, i))
		return FALSE;
	return !is_punct_char(c, i - 1, "([{\"'`~<");
}

/* Glued on the right: 9/11, 2+2, 16x9, 5:42, 555-1234. */
static gboolean glued_right(const qctx *c, const qty *q)
{
	size_t j = q->end;
	if (!qctx_adjacent(c, j))
		return FALSE;
	if (is_punct_char(c, j, "/+:x") || qctx_is(c, j, "×"))
		return TRUE;
	if (is_punct_char(c, j, "-") && qctx_adjacent(c, j + 1))
		return TRUE;
	const entx_token *t = qctx_tok(c, j);
	return (t->flags & (ENTX_TOK_WORD | ENTX_TOK_NUMBER)) != 0;
}

/* A time: "5 p.m.", "about 2 a.m.", whatever comes before the number. */
static gboolean before_clock(const qctx *c, const qty *q)
{
	size_t n_clock = 0;
	if (q->currency != NULL || q->unit != NULL)
		return FALSE;
	return qctx_lex(c, c->st->clock, q->is_range ? q->num2.end : q->num.end, c->n, &n_clock) !=
	       NULL;
}

/*
 * A single number in digits that no date has: not a day of the month nor
 * a year ("10,000", "250"), which a month beside it leaves a quantity.
 */
static gboolean no_date_part(const qty *q)
{
	const num_result *n = &q->num;
	if (q->is_range || n->range_max > 0 || !(n->flags & NUM_DIGITS))
		return FALSE;
	if (!(n->flags & NUM_PLAIN))
		return TRUE;
	return !(n->n_digits <= 2 || n->n_digits == 4);
}

/* A date: "December 17", "17 Dec.", "Dec. 14". */
static gboolean in_date(const qctx *c, const qty *q)
{
	size_t i = q->num.first;
	size_t j = q->is_range ? q->num2.end : q->num.end;
	if (q->currency != NULL || q->unit != NULL || no_date_part(q))
		return FALSE;
	if (i > 0 && qty_is_calendar(c, i - 1))
		return TRUE;
	if (i > 1 && is_punct_char(c, i - 1, ".,") && qty_is_calendar(c, i - 2))
		return TRUE;
	return qty_is_calendar(c, j) || (qctx_is(c, j, "of") && qty_is_calendar(c, j + 1));
}

/* A four-digit number that reads as a year: "in 2019", "the 2016 election",
 * "the 2008 Beijing Olympics". */
static gboolean is_year(const qctx *c, const qty *q)
{
	const num_result *n = &q->num;
	if (!(n->flags & NUM_PLAIN) || n->n_digits != 4 || (n->flags & NUM_SCALED))
		return FALSE;
	if (n->value < 1000 || n->value > 2100 || q->currency != NULL)
		return FALSE;
	/* "2019 people", "2000 years", "1500 km": a count after all; but a
	 * name after the number is what the year is of ("2008 Beijing
	 * Olympic Games"). */
	return q->unit == NULL && (q->unit_end == q->unit_first ||
	                           (qctx_at(c, q->unit_first)->flags & ENTX_TOK_CAPITALIZED));
}

/* A capital after the first letter and a lowercase letter: "iPhone",
 * "PlayStation", not "Boeing" or "NATO". */
static gboolean is_camel_case(const qctx *c, const entx_token *t)
{
	gboolean lower = FALSE, inner_upper = FALSE;
	for (size_t p = t->byte_begin; p < t->byte_end; p++) {
		char ch = c->text[p];
		lower |= g_ascii_islower(ch);
		inner_upper |= p > t->byte_begin && g_ascii_isupper(ch) && c->text[p - 1] != '-';
	}
	return lower && inner_upper;
}

/* Token p may be a name's word before a number: capitalized or in capitals, no possessive. */
static inline gboolean is_name_word(const entx_token *p)
{
	return (p->flags & ENTX_TOK_WORD) && !(p->flags & ENTX_TOK_POSSESSIVE) &&
	       (p->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS));
}

/* A name or a code: "Boeing 747", "Flight 93", "route 66", "007". */
static gboolean in_name(const qctx *c, const qty *q)
{
	size_t i = q->num.first;
	const entx_token *t = qctx_tok(c, i);
	gboolean headline = (t->flags & ENTX_TOK_TITLECASE_LINE) != 0;
	if (q->num.flags & NUM_WORDS) {
		/* "Erik ten Hag": a lowercase number word between two names. */
		const entx_token *n = q->num.end < c->n ? qctx_tok(c, q->num.end) : NULL;
		if (i > 0 && i == q->first && q->num.end == i + 1 && n != NULL &&
		    (n->flags & ENTX_TOK_CAPITALIZED) && !(n->flags & ENTX_TOK_ALLCAPS) &&
		    (qctx_at(c, i - 1)->flags & ENTX_TOK_CAPITALIZED) &&
		    !(qctx_at(c, i - 1)->flags & (ENTX_TOK_SENT_START | ENTX_TOK_ALLCAPS)) &&
		    !headline)
			return TRUE;
		return (t->flags & ENTX_TOK_CAPITALIZED) && !(t->flags & ENTX_TOK_SENT_START) &&
		       !headline && i == q->first;
	}
	if (q->num.flags & NUM_LEADING_ZERO)
		return TRUE;
	if ((q->num.flags & NUM_PLAIN) && q->num.n_digits > 7 && q->currency == NULL)
		return TRUE;
	if (q->first != i || i == 0)
		return FALSE;
	if (lex_has_tok(c->st->codes, qctx_tok(c, i - 1)))
		return TRUE;
	const entx_token *p = qctx_tok(c, i - 1);
	/* "iPhone 15", "PlayStation 5": a product's camel-case name. */
	/* A lowercase word has no capital to look for. */
	if ((p->flags & ENTX_TOK_WORD) && !(p->flags & (ENTX_TOK_ALLCAPS | ENTX_TOK_LOWER)) &&
	    is_camel_case(c, p))
		return TRUE;
	if (!is_name_word(p) || headline)
		return FALSE;
	/* At the start of a sentence "Boeing 737" is still a name, but "Only 5
	 * people" a count: decide by the counted noun. */
	if (p->flags & ENTX_TOK_SENT_START)
		return q->unit == NULL && q->currency == NULL && q->unit_end == q->unit_first;
	return TRUE;
}

/* Token k (> 0): three digits or more after a name, as in_name() reads "Boeing 777". */
static gboolean names_model(const qctx *c, size_t k)
{
	const entx_token *t = qctx_tok(c, k);
	const entx_token *p = t - 1;
	if (!(t->flags & ENTX_TOK_NUMBER) || t->byte_end - t->byte_begin < 3 ||
	    (t->flags & (ENTX_TOK_NEWLINE_BEFORE | ENTX_TOK_TITLECASE_LINE)))
		return FALSE;
	/* in_name() decides a sentence's first word by the count after it */
	if (!is_name_word(p) || (p->flags & ENTX_TOK_SENT_START))
		return FALSE;
	for (size_t b = t->byte_begin; b < t->byte_end; b++)
		if (!g_ascii_isdigit(c->text[b]))
			return FALSE;
	return TRUE;
}

/*
 * The first number token from i on (n when none). The flag first, in a
 * loop of its own: most tokens are no number. By pointer and four tokens
 * a round, so that the end is compared once for them.
 */
static inline size_t next_number(const entx_token *toks, size_t i, size_t n)
{
	if (i >= n)
		return n;
	const entx_token *t = toks + i, *end = toks + n;
	const entx_token *rounds_end = n - i >= 4 ? end - 3 : t;
	for (; t < rounds_end; t += 4) {
		if (t[0].flags & ENTX_TOK_NUMBER)
			return (size_t)(t - toks);
		if (t[1].flags & ENTX_TOK_NUMBER)
			return (size_t)(t + 1 - toks);
		if (t[2].flags & ENTX_TOK_NUMBER)
			return (size_t)(t + 2 - toks);
		if (t[3].flags & ENTX_TOK_NUMBER)
			return (size_t)(t + 3 - toks);
	}
	while (t < end && !(t->flags & ENTX_TOK_NUMBER))
		t++;
	return (size_t)(t - toks);
}

static void gather_models(const qctx *c)
{
	model_numbers *m = c->models;
	size_t n = 0;
	m->gathered = TRUE;
	for (size_t k = 1; (k = next_number(c->toks, k, c->n)) < c->n; k++) {
		if (!names_model(c, k))
			continue;
		uint64_t h = c->toks[k].fold_hash;
		size_t j = 0;
		while (j < n && m->fold_hashes[j] != h)
			j++;
		if (j == n)
			m->fold_hashes[n++] = h;
		if (n == MODEL_NUMBERS_MAX)
			break;
	}
	m->n = n;
}

/*
 * A plain number of three digits or more that the document also writes
 * after a name: the model again ("the long-range 777", "its 777
 * airliner"), not a count.
 */
static gboolean named_model(const qctx *c, const qty *q)
{
	if (!(q->num.flags & NUM_PLAIN) || q->num.n_digits < 3 || q->is_range ||
	    q->currency != NULL || q->unit != NULL || q->num.end != q->num.first + 1)
		return FALSE;
	if (!c->models->gathered)
		gather_models(c);
	uint64_t h = qctx_at(c, q->num.first)->fold_hash;
	for (size_t j = 0; j < c->models->n; j++)
		if (c->models->fold_hashes[j] == h)
			return TRUE;
	return FALSE;
}

/* Phone numbers and other digit groups: "555-1234", "(202) 555". */
static gboolean digit_groups(const qctx *c, const qty *q)
{
	size_t i = q->num.first;
	if (!(q->num.flags & NUM_DIGITS))
		return FALSE;
	if (q->is_range && (q->num2.flags & NUM_LEADING_ZERO))
		return TRUE;
	if (q->is_range && q->num.n_digits == 3 && q->num2.n_digits == 4)
		return TRUE;
	if (q->is_range && (q->num.flags & NUM_PLAIN) && q->num.n_digits == 4 &&
	    q->num.value >= 1000 && q->num.value <= 2100 && q->currency == NULL)
		return TRUE; /* 1990-91, from 2009 to 2011: years */
	if (i > 0 && starts_with_digit(c, i - 1) && q->first == i)
		return TRUE;
	/* "(202) 555-0100" */
	if (q->end + 1 < c->n && is_punct_char(c, q->end, ")") && starts_with_digit(c, q->end + 1))
		return TRUE;
	return q->end < c->n && starts_with_digit(c, q->end) && q->unit == NULL &&
	       q->unit_end == q->unit_first;
}

/* A word number next to another it does not add to: "nineteen ninety-six" is a year. */
static gboolean spelled_year(const qctx *c, const qty *q)
{
	const lex_entry *e = NULL;
	size_t n = 0;
	if (!(q->num.flags & NUM_WORDS))
		return FALSE;
	if (q->num.first > 0) {
		e = qctx_lex(c, c->st->nl.numbers, q->num.first - 1, q->num.first, &n);
		if (e != NULL && e->value >= 11 && e->value <= 20)
			return TRUE;
	}
	if (q->num.value < 11 || q->num.value > 20 || q->unit != NULL || q->num.end >= c->n)
		return FALSE;
	const entx_token *t = qctx_tok(c, q->num.end);
	guint64 head = (t->flags & ENTX_TOK_HYPHENATED) ? lex_hyphen_head(c->doc, t) : t->fold_hash;
	return lex_has_hash(c->st->nl.numbers, head) && !qctx_is(c, q->num.end, "hundred") &&
	       !qctx_is(c, q->num.end, "thousand") && !qctx_is(c, q->num.end, "million");
}

gboolean qty_rejected(const qctx *c, const qty *q)
{
	if (spelled_year(c, q))
		return TRUE;
	/* The tests only say yes or no: the year, the most common and read
	 * from q alone, is asked first. */
	if ((q->num.flags & NUM_DIGITS) &&
	    (is_year(c, q) || glued_left(c, q) || glued_right(c, q) || digit_groups(c, q)))
		return TRUE;
	if ((q->currency == NULL && q->qualifier == NULL && in_date(c, q)) || before_clock(c, q))
		return TRUE;
	if (in_name(c, q) || named_model(c, q))
		return TRUE;
	/* "one" counts only something: "one suspect", not "one of them". */
	if ((q->num.flags & NUM_ONE) && q->unit == NULL && q->currency == NULL &&
	    q->unit_end == q->unit_first)
		return TRUE;
	return FALSE;
}

static gboolean is_plural(const qctx *c, size_t k, const char *w, size_t len)
{
	const entx_token *t = qctx_tok(c, k);
	if (lex_has_tok(c->st->plurals, qctx_tok(c, k)))
		return TRUE;
	if ((t->flags & ENTX_TOK_ALLCAPS) || len < 3 || w[len - 1] != 's')
		return FALSE;
	const char *two = w + len - 2;
	if (strcmp(two, "ss") == 0 || strcmp(two, "us") == 0 || strcmp(two, "is") == 0 ||
	    strcmp(two, "'s") == 0)
		return FALSE;
	if ((t->flags & ENTX_TOK_CAPITALIZED) && (strcmp(two, "as") == 0 || strcmp(two, "os") == 0))
		return FALSE;
	return TRUE;
}

/*
 * The length of token t lowercased (0 when it does not fit in n bytes),
 * with w[len - 2] and w[len - 1] its last two characters lowercased and
 * w[len] a NUL: all that the tests of a noun read. An ASCII token, nearly
 * every one, is not lowered whole for them; w before its tail is left
 * unset.
 */
static size_t lower_tail(const qctx *c, const entx_token *t, char *w, size_t n)
{
	size_t len = t->byte_end - t->byte_begin;
	if (t->cp_end - t->cp_begin != len || len < 2)
		return lex_token_lower_at(c->text, c->doc, t, w, n);
	if (len + 1 > n) {
		w[0] = '\0';
		return 0;
	}
	const char *s = c->text + t->byte_end - 2;
	w[len - 2] = token_ascii_lower_(s[0]);
	w[len - 1] = token_ascii_lower_(s[1]);
	w[len] = '\0';
	return len;
}

/* w: its tail as lower_tail() writes it. */
static size_t noun_word(const qctx *c, size_t k, char *w, size_t n);

/* Token k is a lowercase plural noun; with `regular`, one ending in -s. */
static gboolean lowercase_plural_at(const qctx *c, size_t k, gboolean regular)
{
	char w[128];
	gboolean lower = k < c->n && (qctx_at(c, k)->flags & ENTX_TOK_LOWER);
	size_t len = lower ? noun_word(c, k, w, sizeof w) : 0;
	if (len == 0)
		return FALSE;
	if (regular && !(len > 3 && w[len - 1] == 's'))
		return FALSE;
	return is_plural(c, k, w, len);
}

/* "31 Abrams tanks": a capitalized name before a lowercase plural noun
 * is a model's, not what is counted ("Three Democrats voted" it is). */
static gboolean is_model_name(const qctx *c, size_t k)
{
	return (qctx_at(c, k)->flags & ENTX_TOK_CAPITALIZED) && lowercase_plural_at(c, k + 1, FALSE);
}

/* "six crew members", "five police officers": a collective noun the
 * plural table knows, before the plural noun that is counted. */
static gboolean is_collective_before_plural(const qctx *c, size_t k)
{
	return lex_has_tok(c->st->plurals, qctx_tok(c, k)) && lowercase_plural_at(c, k + 1, TRUE);
}

/* A word that may stand in a counted noun phrase at all: the length of
 * its lowercased text, written to w, or 0 when it is none. */
static size_t noun_word(const qctx *c, size_t k, char *w, size_t n)
{
	const entx_token *t = qctx_tok(c, k);
	if (!qty_noun_shaped(t))
		return 0;
	if (lex_has_tok(c->st->stops, t) || qty_is_calendar(c, k) ||
	    lex_has_tok(c->st->nl.numbers, t))
		return 0;
	/* Lowered only now: the tests above turn most words away. */
	size_t len = lower_tail(c, t, w, n);
	if (len == 0)
		return 0;
	/* Adverbs: "seven killed recently". */
	return len > 4 && strcmp(w + len - 2, "ly") == 0 && (t->flags & ENTX_TOK_LOWER) ? 0 : len;
}

/*
 * "a two-year renovation costing $5 million": a participle after the
 * noun starts what is said of it, unless a noun follows ("one major
 * sticking point"). w is token k's as noun_word() wrote it: the last two
 * letters lowered, so "i" is read from the text.
 */
static gboolean participle_after_noun(const qctx *c, size_t k, const char *w, size_t len)
{
	char next[128];
	return len > 5 && w[len - 2] == 'n' && w[len - 1] == 'g' &&
	       (c->text[qctx_at(c, k)->byte_end - 3] | 0x20) == 'i' &&
	       !(k + 1 < c->n && noun_word(c, k + 1, next, sizeof next) > 0);
}

/*
 * The counted noun after a number, ending at its head: the first plural
 * noun ("39 terrorist attacks", "seven suspected followers"). For a
 * singular count the run of nouns up to a word in -ed or a stop word
 * ("one suspected militant", "a 44-year-old anti-abortion activist").
 */
gboolean qty_counted_noun(const qctx *c, qty *q, size_t j, gboolean singular)
{
	char w[128];
	size_t head = 0;
	for (size_t k = j; k < c->n && k < j + 4; k++) {
		size_t len = noun_word(c, k, w, sizeof w);
		if (len == 0)
			break;
		gboolean ed = len > 3 && strcmp(w + len - 2, "ed") == 0;
		if (!singular && is_plural(c, k, w, len) && !is_model_name(c, k) &&
		    !is_collective_before_plural(c, k)) {
			head = k + 1;
			break;
		}
		/* "one soldier John Smith": a name after a lowercase noun is no part of it */
		gboolean cap =
		    (qctx_at(c, k)->flags & (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)) != 0;
		/* "34-year-old Marcus Jones": nor is one right after the number. */
		if (singular && k == j && cap && k + 1 < c->n &&
		    (qctx_at(c, k + 1)->flags & ENTX_TOK_CAPITALIZED))
			break;
		if (singular && head > 0 &&
		    (ed || participle_after_noun(c, k, w, len) ||
		     (cap && !(qctx_at(c, head - 1)->flags &
		               (ENTX_TOK_CAPITALIZED | ENTX_TOK_ALLCAPS)))))
			break;
		if (singular && !ed)
			head = k + 1;
	}
	if (head == 0)
		return FALSE;
	q->unit_first = j;
	q->unit_end = head;
	return TRUE;
}
