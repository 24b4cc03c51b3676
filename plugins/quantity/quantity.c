/*
 * entx - the quantity plugin: numbers in digits or words with what they
 * count ("39 terrorist attacks"), durations, money, percentages and
 * measures, with their normalized value, unit and currency codes.
 *
 * It reads the number at each candidate token (a digit or a number
 * word), then looks left for a qualifier and a currency sign and right
 * for a range, a unit, a currency name or the counted noun. Numbers that
 * belong to dates, times, codes and names are left alone (context.c).
 */
#include "quantity.h"
#include <entx/version.h>

#include <string.h>

static void quantity_destroy(void *state)
{
	quantity_state *st = state;
	hashmap_free(&st->entry_ends);
	g_free(st);
}

static void add_starter(quantity_state *st, uint64_t hash)
{
	st->starters[hash >> 56] |= UINT64_C(1) << (hash & 63);
}

static void add_number_word(gpointer text, gpointer entry, gpointer data)
{
	(void)entry;
	add_starter(data, entx_hash_fold(text, strlen(text)));
}

typedef struct ends_of {
	hashmap *ends;
	uint32_t bit; /* QTY_END_* */
} ends_of;

/*
 * Records the fold hash of every suffix of an entry's text a token may
 * start (see entry_ends): the tokenizer never splits between two ASCII
 * letters, so "a" of "circa" or "early" of "nearly" ends no entry.
 */
static void add_suffixes(gpointer text, gpointer entry, gpointer data)
{
	(void)entry;
	const ends_of *to = data;
	const char *s = text;
	size_t len = strlen(s);
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		if (p > s && g_ascii_isalpha(p[-1]) && g_ascii_isalpha(p[0]))
			continue;
		uint64_t h = entx_hash_fold(p, len - (size_t)(p - s));
		const uint32_t *bits = hashmap_get(to->ends, h);
		hashmap_put(to->ends, h, (bits != NULL ? *bits : 0) | to->bit);
	}
}

static void *quantity_create(const entx_plugin_config *cfg, GError **error)
{
	/* The tables are shared with the date plugin, which reads them too. */
	const lex_set *lex = lex_set_quantity(cfg, error);
	if (lex == NULL)
		return NULL;
	quantity_state *st = g_new0(quantity_state, 1);
	st->lex = lex;
	st->nl.numbers = lex_set_table(st->lex, "number");
	st->nl.units = lex_set_table(st->lex, "unit");
	st->qualifiers = lex_set_table(st->lex, "qualifier");
	st->ranges = lex_set_table(st->lex, "range");
	st->plurals = lex_set_table(st->lex, "plural");
	st->stops = lex_set_table(st->lex, "stop");
	st->codes = lex_set_table(st->lex, "code");
	st->calendar = lex_set_table(st->lex, "calendar");
	st->clock = lex_set_table(st->lex, "clock");
	st->prefixes = lex_set_table(st->lex, "prefix");
	st->suffixes = lex_set_table(st->lex, "suffix");
	lex_table_foreach(st->nl.numbers, add_number_word, st);
	static const char *const added[G_N_ELEMENTS(st->added_words)] = {"additional", "extra",
	                                                                 "further"};
	for (size_t k = 0; k < G_N_ELEMENTS(added); k++)
		st->added_words[k] = entx_hash_fold(added[k], strlen(added[k]));
	st->couple = entx_hash_fold("couple", 6);
	add_starter(st, st->couple);
	st->half = entx_hash_fold("half", 4);
	add_starter(st, st->half);
	static const char *const period[G_N_ELEMENTS(st->period_words)] = {"past", "last", "next",
	                                                                   "coming"};
	for (size_t k = 0; k < G_N_ELEMENTS(period); k++) {
		st->period_words[k] = entx_hash_fold(period[k], strlen(period[k]));
		add_starter(st, st->period_words[k]);
	}
	add_starter(st, entx_hash_fold("a", 1));
	add_starter(st, entx_hash_fold("an", 2));
	lex_table_foreach(st->prefixes, add_suffixes,
	                  &(ends_of){.ends = &st->entry_ends, .bit = QTY_END_PREFIX});
	lex_table_foreach(st->qualifiers, add_suffixes,
	                  &(ends_of){.ends = &st->entry_ends, .bit = QTY_END_QUALIFIER});
	return st;
}

/*
 * The longest entry of table t that ends exactly at token end, starting
 * at or after floor ("US$" rather than "$").
 */
static const lex_entry *ending_at(const qctx *c, const lex_table *t, size_t end, size_t *start)
{
	for (size_t back = 3; back >= 1; back--) {
		if (back > end - c->floor)
			continue;
		size_t n = 0;
		const lex_entry *e = qctx_lex(c, t, end - back, end, &n);
		if (e != NULL && n == back) {
			*start = end - back;
			return e;
		}
	}
	return NULL;
}

/*
 * The QTY_END_* bits of the tables whose entries may end at token end
 * (see entry_ends): the token before most numbers ends none, and costs
 * this one lookup for both tables.
 */
static inline uint32_t tables_ending_at(const qctx *c, size_t end)
{
	if (end <= c->floor)
		return 0;
	/* Non-ASCII tokens lowercase in ways the fold hash need not follow. */
	const entx_token *last = qctx_at(c, end - 1);
	if (last->cp_end - last->cp_begin != last->byte_end - last->byte_begin)
		return QTY_END_PREFIX | QTY_END_QUALIFIER;
	const uint32_t *bits = hashmap_get(&c->st->entry_ends, last->fold_hash);
	return bits != NULL ? *bits : 0;
}

/* An opening bracket or quote: "(-5%)". */
static gboolean is_open(const qctx *c, size_t i)
{
	return qctx_is(c, i, "(") || qctx_is(c, i, "[") || qctx_is(c, i, "\"");
}

/*
 * "-20 degrees", "−0.5%", "minus 20 degrees": the sign's token before the
 * number at i, or i. A hyphen glued to a word or number before it is no
 * sign ("COVID-19", "3-4"), nor is "minus" between two numbers.
 */
static size_t sign_before(const qctx *c, size_t i)
{
	if (i <= c->floor)
		return i;
	size_t s = i - 1;
	if (qctx_is(c, s, "-") || qctx_is(c, s, "\xe2\x88\x92") /* U+2212 minus */)
		return qctx_adjacent(c, i) && (!qctx_adjacent(c, s) || is_open(c, s - 1)) ? s : i;
	if ((qctx_is(c, s, "minus") || qctx_is(c, s, "negative")) && !qctx_adjacent(c, i) &&
	    !(s > 0 && (qctx_at(c, s - 1)->flags & ENTX_TOK_NUMBER)))
		return s;
	return i;
}

/* Sign, qualifier and currency sign before the number: "about US$ 1.4
 * billion", "-20 degrees". */
static void read_prefix(const qctx *c, qty *q, size_t i)
{
	size_t sign = sign_before(c, i);
	if (sign < i) {
		q->negative = TRUE;
		i = sign;
	}
	size_t start = i;
	uint32_t tables = tables_ending_at(c, i);
	const lex_entry *cur = !q->negative && (tables & QTY_END_PREFIX)
	                           ? ending_at(c, c->st->prefixes, i, &start)
	                           : NULL;
	q->first = i;
	if (cur != NULL) {
		q->currency = cur->code;
		q->first = start;
		tables = tables_ending_at(c, q->first);
	}
	const lex_entry *qual =
	    (tables & QTY_END_QUALIFIER) ? ending_at(c, c->st->qualifiers, q->first, &start) : NULL;
	if (qual != NULL) {
		q->qualifier = qual->qualifier;
		q->first = start;
	} else if (q->first > c->floor &&
	           (qctx_is(c, q->first - 1, "between") || qctx_is(c, q->first - 1, "from"))) {
		q->first--;
		q->range_word = TRUE;
	}
}

/* "three to five", "200-250", "between $12 million and $20 million". */
static void read_range(const qctx *c, qty *q)
{
	size_t j = q->num.end;
	size_t n = 0;
	/* A sign is for one number, not for a range in its token ("-5-10"). */
	if (q->num.range_max > q->num.value && !q->negative) {
		q->num2 = q->num;
		q->num2.value = q->num.range_max;
		q->num2.n_digits = q->num.range_digits;
		if (q->num.range_zero)
			q->num2.flags |= NUM_LEADING_ZERO;
		q->is_range = TRUE;
		return;
	}
	if (q->num.unit != NULL || j >= c->n ||
	    qctx_lex(c, c->st->ranges, j, c->n, &n) == NULL)
		return;
	gboolean between = q->first < q->num.first && qctx_is(c, q->first, "between");
	if (qctx_is(c, j, "and") != between)
		return;
	size_t k = j + n;
	size_t cur_n = 0;
	if (qctx_lex(c, c->st->prefixes, k, c->n, &cur_n) != NULL && q->currency != NULL)
		k += cur_n;
	num_result n2;
	if (!num_parse_src(&c->st->nl, &c->src, k, c->n, q->currency != NULL, &n2))
		return;
	if ((n2.flags & NUM_DIGITS) != (q->num.flags & NUM_DIGITS) || (n2.flags & NUM_ONE))
		return;
	/* "between 12 and 20 million": the scale belongs to both ends. */
	double low = q->num.value;
	if (n2.scale > 1 && q->num.scale == 1)
		low *= n2.scale;
	if (n2.value <= low)
		return;
	q->num.value = low;
	q->num2 = n2;
	q->is_range = TRUE;
}

/* A unit of time (kind=duration in units.rules): a quantity of it is a duration. */
static gboolean is_time_unit(const lex_entry *u)
{
	return u != NULL && u->kind != NULL && strcmp(u->kind, "duration") == 0;
}

/*
 * "six straight days", "three business days", "two more weeks": a
 * counted noun of a word or two before a unit of time counts that unit,
 * and is a duration like "six days".
 */
static void read_head_unit(const qctx *c, qty *q)
{
	size_t head = q->unit_end - 1, n = 0;
	if (head == q->unit_first || head - q->unit_first > 2)
		return;
	const lex_entry *u = qctx_lex(c, c->st->nl.units, head, q->unit_end, &n);
	if (n == 1 && is_time_unit(u))
		q->unit = u;
}

/* "additional", "extra", "further": before a unit they add that much more. */
static gboolean is_added_word(const qctx *c, size_t i)
{
	const entx_token *t = qctx_tok(c, i);
	if (t == NULL)
		return FALSE;
	const uint64_t *h = c->st->added_words;
	return t->fold_hash == h[0] || t->fold_hash == h[1] || t->fold_hash == h[2];
}

/*
 * "two more weeks", "20 additional years", "an extra day": a word of
 * addition between the number and its unit leaves the unit what is
 * measured; it is kept in the unit text, as "straight" of "six straight
 * days" is. FALSE when no unit follows the word.
 */
static gboolean read_added_unit(const qctx *c, qty *q, size_t j)
{
	size_t n = 0;
	if (!qctx_is(c, j, "more") && !is_added_word(c, j))
		return FALSE;
	const lex_entry *u = qctx_lex(c, c->st->nl.units, j + 1, c->n, &n);
	if (u == NULL || (n == 1 && qty_is_calendar(c, j + 1)))
		return FALSE;
	q->unit = u;
	q->unit_first = j;
	q->unit_end = q->end = j + 1 + n;
	return TRUE;
}

/* Unit, percent, currency name or counted noun after the number. */
static void read_suffix(const qctx *c, qty *q)
{
	const num_result *last = q->is_range ? &q->num2 : &q->num;
	size_t j = last->end;
	size_t n = 0;
	q->end = j;
	q->unit_first = q->unit_end = j;
	if (last->unit != NULL) {
		q->unit = last->unit;
		q->unit_glued = TRUE;
		q->unit_first = j - 1;
		q->unit_end = j;
		/* "a four-day span": the noun the adjective qualifies. */
		if ((last->flags & NUM_HYPHEN_UNIT) && qty_counted_noun(c, q, j, TRUE)) {
			q->unit_first = j - 1;
			q->end = q->unit_end;
		}
		return;
	}
	if (j >= c->n)
		return;
	const lex_entry *cur = qctx_lex(c, c->st->suffixes, j, c->n, &n);
	if (cur != NULL && (!cur->scaled || (last->flags & NUM_SCALED)) && q->currency == NULL) {
		q->currency = cur->code;
		q->end = j + n;
		return;
	}
	/* "$249 USD", "$9.99 US dollars": the name repeats the sign's currency
	 * and is part of the amount; another currency's name is not. */
	if (cur != NULL && q->currency != NULL && strcmp(cur->code, q->currency) == 0) {
		q->end = j + n;
		return;
	}
	const lex_entry *u =
	    q->currency == NULL ? qctx_lex(c, c->st->nl.units, j, c->n, &n) : NULL;
	if (u != NULL && !(n == 1 && qty_is_calendar(c, j))) {
		q->unit = u;
		q->unit_first = j;
		q->unit_end = q->end = j + n;
		return;
	}
	if (q->currency == NULL && read_added_unit(c, q, j))
		return;
	if (q->currency == NULL && qty_noun_shaped(qctx_tok(c, j)) &&
	    qty_counted_noun(c, q, j, q->num.value == 1 && !q->is_range)) {
		q->end = q->unit_end;
		read_head_unit(c, q);
	}
}

static gboolean is_duration(const qty *q)
{
	return is_time_unit(q->unit);
}

/* "the next four years", "the past two decades": the span of time named. */
static void extend_period(const qctx *c, qty *q)
{
	static const char *const words[] = {"past",  "next",  "last",      "previous", "coming",
	                                    "first", "final", "following", NULL};
	size_t i = q->first;
	if (q->qualifier != NULL || i < c->floor + 2 || !qctx_is(c, i - 2, "the"))
		return;
	for (const char *const *w = words; *w; w++) {
		if (qctx_is(c, i - 1, *w)) {
			q->first = i - 2;
			return;
		}
	}
}

/* The longest unit word one_time_unit_at() lowers, with its NUL. */
enum { UNIT_WORD_MAX = 32 };

/*
 * Token k is one unit of time in the singular ("week", not "weeks"),
 * lowercased into w (UNIT_WORD_MAX bytes); FALSE for anything else.
 */
static gboolean one_time_unit_at(const qctx *c, size_t k, char *w)
{
	size_t n = 0;
	const lex_entry *u = qctx_lex(c, c->st->nl.units, k, c->n, &n);
	if (n != 1 || !is_time_unit(u))
		return FALSE;
	size_t len = lex_token_lower_at(c->text, c->doc, qctx_tok(c, k), w, UNIT_WORD_MAX);
	return len > 0 && w[len - 1] != 's';
}

/*
 * "a week", "an hour": one unit of time, but not a rate ("twice a day",
 * "$5 a month", "per a year") nor a date ("a year ago", checked later).
 */
static gboolean article_duration(const qctx *c, size_t i)
{
	/* "an additional year" */
	size_t at = is_added_word(c, i + 1) ? i + 2 : i + 1;
	char w[UNIT_WORD_MAX];
	if (!one_time_unit_at(c, at, w))
		return FALSE;
	/* "a second term", "a second A380": the ordinal, not the unit. */
	if (strcmp(w, "second") == 0 && at + 1 < c->n &&
	    (qctx_at(c, at + 1)->flags & ENTX_TOK_WORD) &&
	    !lex_has_tok(c->st->stops, qctx_tok(c, at + 1)))
		return FALSE;
	if (i == 0)
		return TRUE;
	const entx_token *p = qctx_tok(c, i - 1);
	return !(qctx_is(c, i - 1, "once") || qctx_is(c, i - 1, "twice") ||
	         qctx_is(c, i - 1, "times") || qctx_is(c, i - 1, "per") ||
	         (p->flags & (ENTX_TOK_NUMBER | ENTX_TOK_HAS_DIGIT)) ||
	         lex_has_tok(c->st->nl.units, qctx_tok(c, i - 1)) ||
	         lex_has_tok(c->st->suffixes, qctx_tok(c, i - 1)));
}

/* Fills num with a number in words of tokens [first, end), unscaled. */
static void number_in_words(num_result *num, double value, unsigned flags, size_t first, size_t end)
{
	memset(num, 0, sizeof *num);
	num->value = value;
	num->scale = 1;
	num->flags = NUM_WORDS | flags;
	num->first = first;
	num->end = end;
}

/* The "a" of "a week" as the number one. */
static gboolean article_one(const qctx *c, size_t i, num_result *num)
{
	if (!(qctx_is(c, i, "a") || qctx_is(c, i, "an")) || !article_duration(c, i))
		return FALSE;
	number_in_words(num, 1, NUM_ARTICLE, i, i + 1);
	return TRUE;
}

/*
 * "a couple of years", "the next couple of days": two, roughly, of the
 * unit or the plural noun after "of" (checked once it is read). The
 * number is "couple of"; the "a" before it is taken in assemble().
 */
static gboolean couple_of(const qctx *c, size_t i, num_result *num)
{
	if (qctx_at(c, i)->fold_hash != c->st->couple || !qctx_is(c, i, "couple") ||
	    !qctx_is(c, i + 1, "of"))
		return FALSE;
	number_in_words(num, 2, NUM_COUPLE, i, i + 2);
	return TRUE;
}

/*
 * "half a percent", "half an hour", "half a million": a half of the unit
 * after the article (read next, and required), or of a scale word.
 */
static gboolean half_a(const qctx *c, size_t i, num_result *num)
{
	if (qctx_at(c, i)->fold_hash != c->st->half || !qctx_is(c, i, "half") ||
	    !(qctx_is(c, i + 1, "a") || qctx_is(c, i + 1, "an")))
		return FALSE;
	number_in_words(num, 0.5, NUM_HALF, i, i + 2);
	size_t n = 0;
	const lex_entry *scale = qctx_lex(c, c->st->nl.numbers, i + 2, c->n, &n);
	if (scale != NULL && n == 1 && scale->kind != NULL &&
	    (strcmp(scale->kind, "scale") == 0 || strcmp(scale->kind, "dozen") == 0 ||
	     strcmp(scale->kind, "hundred") == 0)) {
		num->value = scale->value / 2;
		num->scale = scale->value;
		num->flags = NUM_WORDS | NUM_SCALED;
		num->end = i + 3;
	}
	return TRUE;
}

/* Which of "past", "last", "next", "coming" token i is: its index in
 * period_words, or -1. */
static int period_word(const qctx *c, size_t i)
{
	const entx_token *t = qctx_tok(c, i);
	for (int k = 0; k < (int)G_N_ELEMENTS(c->st->period_words); k++)
		if (t != NULL && t->fold_hash == c->st->period_words[k])
			return k;
	return -1;
}

/*
 * "over the past year", "in the last decade": one unit of time back or
 * ahead of now, a duration. The date plugin reads "the last week", "the
 * next month", "the coming year" as dates; only "past" with any unit,
 * and the other words with a decade, name a span for certain. The number
 * is the word of "past" (one); "the" before it is taken in assemble().
 */
static gboolean period_one(const qctx *c, size_t i, num_result *num)
{
	int word = period_word(c, i);
	if (word < 0 || i <= c->floor || !qctx_is(c, i - 1, "the"))
		return FALSE;
	char w[UNIT_WORD_MAX];
	if (!one_time_unit_at(c, i + 1, w) || (word != 0 && strcmp(w, "decade") != 0))
		return FALSE;
	number_in_words(num, 1, NUM_ARTICLE | NUM_PERIOD, i, i + 1);
	return TRUE;
}

/*
 * The gram's symbol is a lowercase g: a capital G after digits names a
 * generation of mobile networks (3G, 5G), no weight.
 */
static gboolean capital_g_gram(const qctx *c, const qty *q)
{
	if (q->unit == NULL || q->unit->code == NULL || strcmp(q->unit->code, "GRM") != 0)
		return FALSE;
	return c->text[qctx_at(c, q->unit_end - 1)->byte_end - 1] == 'G';
}

/*
 * A number no digit or number word starts: "a couple of", "the past
 * year".
 */
static gboolean word_number(const qctx *c, size_t i, qty *q)
{
	if (!couple_of(c, i, &q->num) && !period_one(c, i, &q->num) && !half_a(c, i, &q->num))
		return FALSE;
	/* the article before: "a couple of", "the past year" */
	if (q->first == i && i > c->floor &&
	    ((q->num.flags & NUM_PERIOD) || qctx_is(c, i - 1, "a")))
		q->first = i - 1;
	return TRUE;
}

/* Assembles the quantity whose number starts at token i. */
static gboolean assemble(const qctx *c, size_t i, qty *q)
{
	memset(q, 0, offsetof(qty, num));
	read_prefix(c, q, i);
	if (!num_parse_src(&c->st->nl, &c->src, i, c->n, q->currency != NULL, &q->num) &&
	    !article_one(c, i, &q->num) && !word_number(c, i, q))
		return FALSE;
	if (q->negative)
		q->num.value = -q->num.value;
	read_range(c, q);
	/* "from 5", "between 5": the preposition was for a range that is not there. */
	if (!q->is_range && q->range_word)
		q->first++;
	/* "3-2", "555-0100": two numbers in one token that are no range. */
	if (q->num.range_digits > 0 && !q->is_range)
		return FALSE;
	read_suffix(c, q);
	if (qty_rejected(c, q) || capital_g_gram(c, q))
		return FALSE;
	/* "a couple of" counts only what follows it, "the past" spans a unit
	 * and "half a" halves one. */
	if ((q->num.flags & (NUM_COUPLE | NUM_PERIOD | NUM_HALF)) && q->unit == NULL &&
	    q->unit_end == q->unit_first)
		return FALSE;
	/* "the 787", "the 737-800": a bare number after an article names a model. */
	if ((q->num.flags & NUM_DIGITS) && q->first == q->num.first && q->first > c->floor &&
	    q->unit == NULL && q->currency == NULL && q->unit_end == q->unit_first &&
	    (qctx_is(c, q->first - 1, "the") || qctx_is(c, q->first - 1, "a")))
		return FALSE;
	/* "two days ago", "a year earlier" are dates. */
	if (is_duration(q) && (qctx_is(c, q->end, "ago") || qctx_is(c, q->end, "earlier") ||
	                       qctx_is(c, q->end, "later")))
		return FALSE;
	if (is_duration(q) && !(q->num.flags & NUM_PERIOD))
		extend_period(c, q);
	if ((q->num.flags & NUM_COUPLE) && q->qualifier == NULL)
		q->qualifier = "approximately";
	if (q->currency != NULL || q->unit != NULL)
		q->confidence = 0.9;
	else if (q->unit_end > q->unit_first)
		q->confidence = 0.85;
	else
		q->confidence = (q->num.flags & NUM_DIGITS) ? 0.7 : 0.6;
	return TRUE;
}

/*
 * Sets property to the text of tokens [first, end). The value is copied
 * by the core, so a short text goes through a buffer on the stack; like
 * g_strndup() the value ends at a NUL in the text.
 */
static void set_span(const qctx *c, entx_mention *m, const char *property, size_t first, size_t end)
{
	const entx_token *a = qctx_at(c, first);
	const entx_token *b = qctx_at(c, end - 1);
	size_t len = b->byte_end - a->byte_begin;
	char buf[256];
	if (len < sizeof buf) {
		memcpy(buf, c->text + a->byte_begin, len);
		buf[len] = '\0';
		entx_mention_set_string(m, property, buf);
		return;
	}
	char *text = g_strndup(c->text + a->byte_begin, len);
	entx_mention_set_string(m, property, text);
	g_free(text);
}

static void emit_unit(const qctx *c, const qty *q, entx_mention *m)
{
	if (q->unit != NULL) {
		if (q->unit_glued)
			entx_mention_set_string(m, "schema:unitText", q->unit->text);
		else
			set_span(c, m, "schema:unitText", q->unit_first, q->unit_end);
		if (q->unit->code != NULL)
			entx_mention_set_string(m, "schema:unitCode", q->unit->code);
	} else if (q->unit_end > q->unit_first) {
		set_span(c, m, "schema:unitText", q->unit_first, q->unit_end);
	}
}

/*
 * The value of a duration as ISO 8601 and TIMEX3 write it ("P4D",
 * "PT1.5H", "P20Y" for two decades) into buf, which holds
 * DURATION_MAX bytes. FALSE when q is no duration or one these cannot
 * write: below zero, or longer than any calendar counts.
 */
enum { DURATION_DIGITS = 64, DURATION_MAX = DURATION_DIGITS + 4 };
static gboolean format_duration(const qty *q, char *buf)
{
	const lex_entry *u = q->unit;
	if (u == NULL || u->duration_amount <= 0 || q->currency != NULL)
		return FALSE;
	double amount = q->num.value * u->duration_amount;
	if (!(amount >= 0 && amount < 1e15))
		return FALSE;
	size_t at = 0;
	buf[at++] = 'P';
	if (u->duration_in_time)
		buf[at++] = 'T';
	num_format(amount, buf + at, DURATION_DIGITS);
	at += strlen(buf + at);
	buf[at++] = u->duration_designator;
	buf[at] = '\0';
	return TRUE;
}

static void emit(const qctx *c, const qty *q)
{
	const entx_token *a = qctx_at(c, q->first);
	const entx_token *b = qctx_at(c, q->end - 1);
	const char *cls =
	    q->currency != NULL ? "schema:MonetaryAmount" : "schema:QuantitativeValue";
	entx_mention *m =
	    entx_doc_add_mention(c->doc, a->cp_begin, b->cp_end, "Quantity", cls, q->confidence);
	char v1[64], v2[64];
	if (m == NULL)
		return;
	num_format(q->num.value, v1, sizeof v1);
	if (q->is_range) {
		num_format(q->num2.value, v2, sizeof v2);
		/* "v1-v2", joined on the stack rather than by printf. */
		char range[sizeof v1 + sizeof v2];
		size_t n1 = strlen(v1), n2 = strlen(v2);
		memcpy(range, v1, n1);
		range[n1] = '-';
		memcpy(range + n1 + 1, v2, n2 + 1);
		entx_mention_set_value(m, range);
		entx_mention_set_number(m, "schema:minValue", q->num.value);
		entx_mention_set_number(m, "schema:maxValue", q->num2.value);
		entx_mention_set_string(m, "entx:qualifier", "range");
	} else {
		char duration[DURATION_MAX];
		if (format_duration(q, duration)) {
			entx_mention_set_value(m, duration);
			entx_mention_set_typed(m, "time:hasXSDDuration", duration, "xsd:duration");
		} else {
			entx_mention_set_value(m, v1);
		}
		entx_mention_set_number(m, "schema:value", q->num.value);
		if (q->qualifier != NULL)
			entx_mention_set_string(m, "entx:qualifier", q->qualifier);
	}
	if (q->currency != NULL)
		entx_mention_set_string(m, "schema:currency", q->currency);
	else
		emit_unit(c, q, m);
}

/* A token where a number may start: a digit, a number word, "a"/"an". */
static gboolean candidate(const qctx *c, size_t i)
{
	const entx_token *t = qctx_at(c, i);
	/* The flags first: most tokens need no look at their text. */
	if (t->flags & ENTX_TOK_HAS_DIGIT)
		return g_ascii_isdigit(c->text[t->byte_begin]);
	if (!(t->flags & ENTX_TOK_WORD))
		return FALSE;
	if (num_word_at(&c->st->nl, c->text, c->doc, t))
		return TRUE;
	if (t->flags & ENTX_TOK_HYPHENATED)
		return FALSE;
	/* "a dozen", "an hour": cheap length test before the compare. */
	size_t len = t->byte_end - t->byte_begin;
	if (len > 2 || i + 1 >= c->n) {
		/* "a couple of", "half a", "the past year" (words of 4 and 6 letters; other
		 * words the starter filter lets through are turned away by their
		 * length): the whole test here spares assemble() the many "last"
		 * of "last week", "next" of "next to". */
		if (len != 4 && len != 6)
			return FALSE;
		if (t->fold_hash == c->st->couple)
			return qctx_is(c, i + 1, "of");
		if (t->fold_hash == c->st->half)
			return qctx_is(c, i + 1, "a") || qctx_is(c, i + 1, "an");
		num_result scratch;
		return period_one(c, i, &scratch);
	}
	/* article_duration() starts with the unit after the article: most
	 * words there start none, which is told here without the call. */
	const entx_token *next = qctx_tok(c, i + 1);
	return (qctx_is(c, i, "a") || qctx_is(c, i, "an")) &&
	       (lex_has_tok(c->st->nl.numbers, next) ||
	        ((lex_may_start(c->st->nl.units, next) || is_added_word(c, i + 1)) &&
	         article_duration(c, i)));
}

/*
 * TRUE for a token candidate() turns away, known without a look at its
 * text: a token with no digit or hyphen whose fold hash is no starter's.
 * Most tokens are; this test is all they cost. It does not ask whether
 * the token is a word: words are most tokens, and the few other tokens
 * the filter lets through candidate() turns away.
 */
static inline gboolean cannot_start(const quantity_state *st, const entx_token *t)
{
	if (t->flags & (ENTX_TOK_HAS_DIGIT | ENTX_TOK_HYPHENATED))
		return FALSE;
	uint64_t h = t->fold_hash;
	return !((st->starters[h >> 56] >> (h & 63)) & 1);
}

/* The first token from i on (n when none) that cannot_start() lets through.
 * A loop of its own, so that its few variables stay in registers; by
 * pointer, so that no index is counted along; four tokens a round, so
 * that the end is compared once for them (the test of a token is only
 * some eight instructions). */
static inline size_t next_start(const quantity_state *st, const entx_token *toks, size_t i,
                                size_t n)
{
	const entx_token *t = toks + i, *end = toks + n;
	/* Where fewer than four tokens are left, the rounds stop. */
	const entx_token *rounds_end = n - i >= 4 ? end - 3 : t;
	for (; t < rounds_end; t += 4) {
		if (!cannot_start(st, t))
			return (size_t)(t - toks);
		if (!cannot_start(st, t + 1))
			return (size_t)(t + 1 - toks);
		if (!cannot_start(st, t + 2))
			return (size_t)(t + 2 - toks);
		if (!cannot_start(st, t + 3))
			return (size_t)(t + 3 - toks);
	}
	while (t < end && cannot_start(st, t))
		t++;
	return (size_t)(t - toks);
}

static gboolean quantity_extract(void *state, entx_doc *doc, GError **error)
{
	(void)error;
	model_numbers models = {.gathered = FALSE};
	qctx c = {.st = state, .doc = doc, .text = entx_doc_text(doc, NULL), .models = &models};
	c.toks = entx_doc_tokens(doc, &c.n);
	c.src = (num_src){.doc = doc, .text = c.text, .toks = c.toks, .n = c.n};
	/* next_start() called in one place, where it is inlined. */
	for (size_t i = 0; (i = next_start(c.st, c.toks, i, c.n)) < c.n; i++) {
		qty q;
		if (!candidate(&c, i) || !assemble(&c, i, &q))
			continue;
		emit(&c, &q);
		c.floor = q.end;
		i = q.end - 1;
	}
	return TRUE;
}

static const char *const quantity_classes[] = {"Quantity", NULL};

ENTX_PLUGIN_DEFINE("quantity", ENTX_VERSION_STRING,
                   "numbers with what they count, money, durations and measures",
                   "GPL-3.0-or-later", quantity_classes, 10, quantity_create, quantity_extract,
                   quantity_destroy)
