/*
 * Unit tests of gazetteers, through the public API.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <entx/entx.h>

static entx_doc *doc(const char *text)
{
	return entx_doc_new("test", text, strlen(text));
}

static void add(entx_gazetteer *g, const char *phrase, uint32_t payload, entx_gaz_case mode)
{
	assert_int_equal(entx_gazetteer_add(g, phrase, -1, payload, mode), 0);
}

/* Matches at token `first` with no limit; checks length and payload set. */
static void assert_match(const entx_gazetteer *g, const entx_doc *d, size_t first,
                         size_t expected_len, const uint32_t *expected, size_t n_expected)
{
	const uint32_t *payloads = NULL;
	size_t n = 99;
	size_t len = entx_gazetteer_match(g, d, first, entx_doc_n_tokens(d), &payloads, &n);

	assert_int_equal(len, expected_len);
	assert_int_equal(n, n_expected);
	if (n_expected == 0) {
		assert_null(payloads);
		return;
	}
	assert_non_null(payloads);
	for (size_t i = 0; i < n_expected; i++) {
		gboolean found = FALSE;
		for (size_t j = 0; j < n; j++)
			found |= payloads[j] == expected[i];
		if (!found)
			fail_msg("payload %u missing", expected[i]);
	}
}

static void test_longest_match(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	add(g, "Korean", 1, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "Korean Peninsula", 2, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "Korean Peninsula Energy Development Organization", 3, ENTX_GAZ_CASE_INSENSITIVE);
	assert_int_equal(entx_gazetteer_size(g), 3);

	/* the(0) Korean(1) Peninsula(2) Energy(3) summit(4) */
	entx_doc *d = doc("the Korean Peninsula Energy summit");
	assert_match(g, d, 1, 2, (const uint32_t[]){2}, 1);
	assert_match(g, d, 0, 0, NULL, 0);
	assert_match(g, d, 2, 0, NULL, 0);
	entx_doc_free(d);

	/* white space between tokens does not matter */
	d = doc("KOREAN\n  peninsula energy DEVELOPMENT organization.");
	assert_match(g, d, 0, 5, (const uint32_t[]){3}, 1);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

static void test_punctuation(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	add(g, "Prosecutor General's Office", 7, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "U.S. Army", 8, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "\xE4\xB8\xAD\xE5\x9B\xBD", 9, ENTX_GAZ_CASE_INSENSITIVE); /* 中国 */

	/* the(0) Prosecutor(1) General(2) ’s(3) Office(4) and(5) U.S.(6) Army(7) */
	entx_doc *d = doc("the Prosecutor General\xE2\x80\x99s Office and U.S. Army in "
	                  "\xE4\xB8\xAD\xE5\x9B\xBD");
	assert_match(g, d, 1, 4, (const uint32_t[]){7}, 1);
	assert_match(g, d, 6, 2, (const uint32_t[]){8}, 1);
	assert_match(g, d, 9, 2, (const uint32_t[]){9}, 1);
	entx_doc_free(d);

	/* punctuation tokens count: no possessive, no match; US is not U.S. */
	d = doc("Prosecutor General Office, US Army");
	assert_match(g, d, 0, 0, NULL, 0);
	assert_match(g, d, 4, 0, NULL, 0);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

static void test_case(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	add(g, "Apple", 10, ENTX_GAZ_CASE_SENSITIVE);
	add(g, "APPLE", 12, ENTX_GAZ_CASE_SENSITIVE);
	add(g, "apple pie", 20, ENTX_GAZ_CASE_INSENSITIVE);

	/* Apple(0) apple(1) APPLE(2) Apple(3) Pie(4) aPPLE(5) */
	entx_doc *d = doc("Apple apple APPLE Apple Pie aPPLE");
	assert_match(g, d, 0, 1, (const uint32_t[]){10}, 1);
	assert_match(g, d, 1, 0, NULL, 0);
	assert_match(g, d, 2, 1, (const uint32_t[]){12}, 1);
	assert_match(g, d, 3, 2, (const uint32_t[]){20}, 1);
	assert_match(g, d, 5, 0, NULL, 0);

	/* an insensitive entry joins every spelling, added before or after */
	add(g, "apple", 11, ENTX_GAZ_CASE_INSENSITIVE);
	assert_match(g, d, 0, 1, (const uint32_t[]){10, 11}, 2);
	assert_match(g, d, 1, 1, (const uint32_t[]){11}, 1);
	assert_match(g, d, 2, 1, (const uint32_t[]){12, 11}, 2);
	assert_match(g, d, 5, 1, (const uint32_t[]){11}, 1);
	add(g, "aPPLE", 13, ENTX_GAZ_CASE_SENSITIVE);
	assert_match(g, d, 5, 1, (const uint32_t[]){13, 11}, 2);
	assert_int_equal(entx_gazetteer_size(g), 5);
	entx_doc_free(d);

	/* case-sensitive multi-token: exact case of every token */
	add(g, "New York Times", 30, ENTX_GAZ_CASE_SENSITIVE);
	d = doc("New York Times new york times New York times");
	assert_match(g, d, 0, 3, (const uint32_t[]){30}, 1);
	assert_match(g, d, 3, 0, NULL, 0);
	assert_match(g, d, 6, 0, NULL, 0);
	entx_doc_free(d);

	/* exact spellings beyond ASCII: curly apostrophes count as straight */
	add(g, "O\xE2\x80\x99" "Brien", 40, ENTX_GAZ_CASE_SENSITIVE);
	add(g, "Zo\xC3\xAB", 41, ENTX_GAZ_CASE_SENSITIVE);
	/* O'Brien(0) O’Brien(1) O'BRIEN(2) Zoë(3) ZOË(4) Zoe(5) */
	d = doc("O'Brien O\xE2\x80\x99" "Brien O'BRIEN Zo\xC3\xAB ZO\xC3\x8B Zoe");
	assert_match(g, d, 0, 1, (const uint32_t[]){40}, 1);
	assert_match(g, d, 1, 1, (const uint32_t[]){40}, 1);
	assert_match(g, d, 2, 0, NULL, 0);
	assert_match(g, d, 3, 1, (const uint32_t[]){41}, 1);
	assert_match(g, d, 4, 0, NULL, 0);
	assert_match(g, d, 5, 0, NULL, 0);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

static void test_payloads(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	add(g, "Georgia", 1, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "Georgia", 2, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "georgia", 1, ENTX_GAZ_CASE_INSENSITIVE); /* the same entry again */
	add(g, "Georgia", 3, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "Georgia", 1, ENTX_GAZ_CASE_SENSITIVE); /* another case mode: distinct */
	assert_int_equal(entx_gazetteer_size(g), 4);

	entx_doc *d = doc("in Georgia today");
	const uint32_t *payloads = NULL;
	size_t n = 0;
	assert_int_equal(entx_gazetteer_match(g, d, 1, 3, &payloads, &n), 1);
	/* payload 1 is listed once although two entries carry it */
	assert_int_equal(n, 3);
	assert_match(g, d, 1, 1, (const uint32_t[]){1, 2, 3}, 3);
	/* out pointers may be NULL */
	assert_int_equal(entx_gazetteer_match(g, d, 1, 3, NULL, NULL), 1);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

static void test_limit(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	add(g, "New York", 1, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, "New York City", 2, ENTX_GAZ_CASE_INSENSITIVE);

	/* New(0) York(1) City(2) Hall(3) */
	entx_doc *d = doc("New York City Hall");
	const uint32_t *payloads = NULL;
	size_t n = 0;
	assert_int_equal(entx_gazetteer_match(g, d, 0, 4, &payloads, &n), 3);
	assert_int_equal(payloads[0], 2);
	assert_int_equal(entx_gazetteer_match(g, d, 0, 3, &payloads, &n), 3);
	assert_int_equal(entx_gazetteer_match(g, d, 0, 2, &payloads, &n), 2);
	assert_int_equal(n, 1);
	assert_int_equal(payloads[0], 1);
	assert_int_equal(entx_gazetteer_match(g, d, 0, 1, &payloads, &n), 0);
	assert_int_equal(n, 0);
	assert_null(payloads);
	assert_int_equal(entx_gazetteer_match(g, d, 0, 0, &payloads, &n), 0);
	/* a limit past the end is the end; a start past it matches nothing */
	assert_int_equal(entx_gazetteer_match(g, d, 0, 1000, &payloads, &n), 3);
	assert_int_equal(entx_gazetteer_match(g, d, 4, 1000, &payloads, &n), 0);
	assert_int_equal(entx_gazetteer_match(g, d, 99, 1000, &payloads, &n), 0);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

static void test_no_match_and_errors(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	entx_doc *d = doc("nothing to see here");

	assert_int_equal(entx_gazetteer_size(g), 0);
	assert_int_equal(entx_gazetteer_match(g, d, 0, 4, NULL, NULL), 0);
	assert_int_equal(entx_gazetteer_add(g, "", -1, 1, ENTX_GAZ_CASE_INSENSITIVE),
	                 ENTX_ERR_INVALID);
	assert_int_equal(entx_gazetteer_add(g, " \n ", -1, 1, ENTX_GAZ_CASE_INSENSITIVE),
	                 ENTX_ERR_INVALID);
	assert_int_equal(entx_gazetteer_add(g, "bad \xFF", -1, 1, ENTX_GAZ_CASE_INSENSITIVE),
	                 ENTX_ERR_INVALID);
	assert_int_equal(entx_gazetteer_add(g, NULL, -1, 1, ENTX_GAZ_CASE_INSENSITIVE),
	                 ENTX_ERR_INVALID);
	assert_int_equal(entx_gazetteer_add(g, "ok", -1, 1, (entx_gaz_case)7), ENTX_ERR_INVALID);
	assert_int_equal(entx_gazetteer_size(g), 0);

	/* an explicit length need not stop at a NUL-terminator */
	assert_int_equal(entx_gazetteer_add(g, "see herein", 8, 4, ENTX_GAZ_CASE_INSENSITIVE), 0);
	add(g, "nothing else", 5, ENTX_GAZ_CASE_INSENSITIVE);
	assert_int_equal(entx_gazetteer_size(g), 2);
	assert_match(g, d, 0, 0, NULL, 0);
	assert_match(g, d, 2, 2, (const uint32_t[]){4}, 1);
	entx_doc_free(d);
	entx_gazetteer_free(g);
	entx_gazetteer_free(NULL);
}

static void test_large(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	char phrase[64];

	for (uint32_t i = 0; i < 100000; i++) {
		/* shared prefixes (entity N ...) and single words (wN) */
		if (i % 2 == 0)
			g_snprintf(phrase, sizeof phrase, "Entity %u Alpha-%u", i, i % 7);
		else
			g_snprintf(phrase, sizeof phrase, "w%u", i);
		add(g, phrase, i, ENTX_GAZ_CASE_INSENSITIVE);
	}
	assert_int_equal(entx_gazetteer_size(g), 100000);

	/* entity(0) 4242(1) alpha-0(2) w99999(3) entity(4) 4242(5) alpha-1(6) w100000(7) */
	entx_doc *d = doc("entity 4242 alpha-0 w99999 entity 4242 alpha-1 w100000");
	assert_match(g, d, 0, 3, (const uint32_t[]){4242}, 1);
	assert_match(g, d, 3, 1, (const uint32_t[]){99999}, 1);
	assert_match(g, d, 4, 0, NULL, 0);
	assert_match(g, d, 7, 0, NULL, 0);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

/*
 * Tables too big for the cache consult a filter of first tokens before
 * the table; it is rebuilt each time the table grows. Every table also
 * keeps a filter of later tokens, rebuilt as their number grows. Every
 * entry must still match after several rebuilds of both, and a token
 * that is in the table only as a phrase's second token must not.
 */
static void test_filtered(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	char phrase[64];

	for (uint32_t i = 0; i < 400000; i++) {
		if (i % 2 == 0)
			g_snprintf(phrase, sizeof phrase, "w%u", i);
		else
			g_snprintf(phrase, sizeof phrase, "Kx%u tail%u", i, i);
		add(g, phrase, i, i % 3 == 0 ? ENTX_GAZ_CASE_SENSITIVE : ENTX_GAZ_CASE_INSENSITIVE);
	}
	for (uint32_t i = 0; i < 400000; i += 331) {
		g_snprintf(phrase, sizeof phrase, i % 2 == 0 ? "w%u" : "Kx%u tail%u", i, i);
		entx_doc *d = doc(phrase);
		assert_match(g, d, 0, i % 2 == 0 ? 1 : 2, (const uint32_t[]){i}, 1);
		entx_doc_free(d);
	}
	entx_doc *d = doc("w400000 tail1 w1 kx3 W0");
	assert_match(g, d, 0, 0, NULL, 0); /* never added */
	assert_match(g, d, 1, 0, NULL, 0); /* only ever a second token */
	assert_match(g, d, 2, 0, NULL, 0); /* odd numbers are two-token phrases */
	assert_match(g, d, 3, 0, NULL, 0); /* case-sensitive "Kx3 tail3", and no tail */
	assert_match(g, d, 4, 0, NULL, 0); /* "w0" was added case-sensitively */
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

/* TRUE when payload is among the n at p. */
static gboolean has_payload(const uint32_t *p, size_t n, uint32_t payload)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == payload)
			return TRUE;
	return FALSE;
}

/*
 * A phrase must match a document of its own text over all the tokens the
 * tokenizer makes of it, in either case mode: phrases of plain words are
 * cut without the tokenizer, and must come out as it cuts them.
 */
static void assert_matches_itself(entx_gazetteer *g, const char *phrase, uint32_t payload)
{
	add(g, phrase, 2 * payload, ENTX_GAZ_CASE_INSENSITIVE);
	add(g, phrase, 2 * payload + 1, ENTX_GAZ_CASE_SENSITIVE);
	entx_doc *d = doc(phrase);
	const uint32_t *payloads = NULL;
	size_t n = 0;
	size_t len = entx_gazetteer_match(g, d, 0, entx_doc_n_tokens(d), &payloads, &n);
	if (len != entx_doc_n_tokens(d) || !has_payload(payloads, n, 2 * payload) ||
	    !has_payload(payloads, n, 2 * payload + 1))
		fail_msg("'%s': %zu of %zu tokens matched", phrase, len, entx_doc_n_tokens(d));
	entx_doc_free(d);
}

static const char *const tricky_phrases[] = {
	"Paris", "New York", "New York City", "U.S.", "St. Louis", "St Louis", "al-Qaeda",
	"al Qaeda", "O'Brien", "O’Brien", "Côte d'Ivoire", "Ivory Coast", "cannot", "can't",
	"Mr", "Mr.", "A", "a b", "New  York", " New York", "New York ", "AT&T", "3M",
	"Schulz-Bauer", "WHO", "Sao Paulo", "São Paulo", "x y z a b c d e f g h i j k l m n o p",
	"Fort Worth Stock Show", "Abū Ghurayb", "Rio de Janeiro", "Zz",
	"Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Station",
};

static void test_plain_phrases_as_tokenized(void **state)
{
	entx_gazetteer *g = entx_gazetteer_new();
	for (size_t i = 0; i < G_N_ELEMENTS(tricky_phrases); i++)
		assert_matches_itself(g, tricky_phrases[i], (uint32_t)i);
	/* "New York" must not match where only "New" or "York" is. */
	entx_doc *d = doc("New Jersey and York");
	assert_int_equal(entx_gazetteer_match(g, d, 0, entx_doc_n_tokens(d), NULL, NULL), 0);
	assert_int_equal(entx_gazetteer_match(g, d, 3, entx_doc_n_tokens(d), NULL, NULL), 0);
	entx_doc_free(d);
	entx_gazetteer_free(g);
}

typedef struct {
	entx_gazetteer *g;
	uint32_t n;
} rules_adder;

static gboolean add_entry(const entx_rules_line *l, void *user_data, GError **error)
{
	rules_adder *a = user_data;
	(void)error;
	if (l->is_entry)
		assert_matches_itself(a->g, l->text, a->n++);
	return TRUE;
}

/* Every entry of the built-in name lists matches its own text. */
static void test_rule_entries_as_tokenized(void **state)
{
	const char *dir = g_getenv("ENTX_RULES_PATH");
	if (dir == NULL)
		skip();
	static const char *const files[] = {
		"place/countries.rules", "place/regions.rules", "place/cities.rules",
		"place/places.rules", "organization/organizations.rules",
		"person/first-names.rules", "person/surnames.rules", "person/context.rules",
	};
	rules_adder a = {entx_gazetteer_new(), 0};
	for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
		char *path = g_build_filename(dir, files[i], NULL);
		assert_true(entx_rules_read(path, NULL, 0, add_entry, &a, NULL));
		g_free(path);
	}
	assert_true(a.n > 40000);
	entx_gazetteer_free(a.g);
}

/*
 * Keys whose probes start at one slot form a run; a run that would reach
 * the end of the table's spare slots grows the table, again and again
 * while it would. Words picked so their first-token keys (fold hashes
 * with the halves folded, as core/gazetteer.c keys them) have the low 12
 * bits set start at the last slot of tables up to 4096 slots, and their
 * run reaches beyond; every one must still match, and a word of the same
 * start slot not added must not.
 */
static void test_colliding_keys(void **state)
{
	(void)state;
	enum { N_WORDS = 150, COMMON_BITS = 0xFFF };
	entx_gazetteer *g = entx_gazetteer_new();
	char words[N_WORDS + 1][16];
	size_t n_found = 0;

	for (uint32_t i = 0; n_found < N_WORDS + 1; i++) {
		char w[16] = "k";
		size_t len = 1;
		for (uint32_t rest = i; rest != 0; rest /= 26)
			w[len++] = (char)('a' + rest % 26); /* letters: one token */
		w[len] = '\0';
		uint64_t h = entx_hash_fold(w, len);
		uint64_t key = h ^ (h >> 32);
		if ((key & COMMON_BITS) == COMMON_BITS)
			memcpy(words[n_found++], w, sizeof w);
	}
	for (size_t i = 0; i < N_WORDS; i++) {
		add(g, words[i], (uint32_t)i, ENTX_GAZ_CASE_INSENSITIVE);
		if (i % 2 == 0) {
			char phrase[40];
			g_snprintf(phrase, sizeof phrase, "%s next", words[i]);
			add(g, phrase, (uint32_t)(1000 + i), ENTX_GAZ_CASE_INSENSITIVE);
		}
	}
	assert_int_equal(entx_gazetteer_size(g), N_WORDS + N_WORDS / 2);
	for (size_t i = 0; i < N_WORDS + 1; i++) {
		char text[40];
		g_snprintf(text, sizeof text, "%s next", words[i]);
		entx_doc *d = doc(text);
		if (i == N_WORDS)
			assert_match(g, d, 0, 0, NULL, 0);
		else if (i % 2 == 0)
			assert_match(g, d, 0, 2, (const uint32_t[]){(uint32_t)(1000 + i)}, 1);
		else
			assert_match(g, d, 0, 1, (const uint32_t[]){(uint32_t)i}, 1);
		entx_doc_free(d);
	}
	entx_gazetteer_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_payloads),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_no_match_and_errors),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_filtered),
		cmocka_unit_test(test_colliding_keys),
		cmocka_unit_test(test_plain_phrases_as_tokenized),
		cmocka_unit_test(test_rule_entries_as_tokenized),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
