/*
 * The JSON-LD writer, checked by parsing what it writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <string.h>

#include "jsonld.h"

static entx_engine *engine;

static int setup(void **state)
{
	engine = entx_engine_new();
	entx_engine_add_plugin_dir(engine, TEST_PLUGINDIR);
	const char *only[] = {"good", NULL};
	return entx_engine_load(engine, only, NULL, NULL) ? 0 : -1;
}

static int teardown(void **state)
{
	entx_engine_free(engine);
	return 0;
}

/* "é alpha 😀 beta": alpha is code points [2,7), beta [10,14). */
static const char TEXT[] = "\xC3\xA9 alpha \xF0\x9F\x98\x80 beta";

static json_t *write_and_parse(const char *id, json_t *extra, const entx_jsonld_options *opts)
{
	entx_doc *d = entx_doc_new(id, TEXT, strlen(TEXT));
	assert_int_equal(entx_doc_set_reference_date(d, "2017-12-18"), 0);
	assert_true(entx_engine_process(engine, d, NULL));
	GString *s = g_string_new(NULL);
	entx_jsonld_document(s, d, extra, opts, NULL);
	assert_true(s->len > 0 && s->str[s->len - 1] == '\n');
	if (!opts->pretty)
		assert_ptr_equal(strchr(s->str, '\n'), s->str + s->len - 1); /* one line per document */
	json_error_t err;
	json_t *o = json_loads(s->str, 0, &err);
	if (o == NULL)
		fail_msg("invalid JSON (%s): %s", err.text, s->str);
	g_string_free(s, TRUE);
	entx_doc_free(d);
	return o;
}

static const char *str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_string(v))
		fail_msg("member '%s' is not a string", key);
	return json_string_value(v);
}

static void document_object(void **state)
{
	entx_jsonld_options opts = {.include_text = TRUE};
	json_t *o = write_and_parse("dir/my story.txt", NULL, &opts);
	json_t *ctx = json_object_get(o, "@context");
	assert_true(json_is_object(ctx));
	assert_string_equal(str(ctx, "nif"),
	                    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#");
	assert_string_equal(str(ctx, "itsrdf"), "http://www.w3.org/2005/11/its/rdf#");
	assert_string_equal(str(ctx, "schema"), "https://schema.org/");
	assert_string_equal(str(ctx, "time"), "http://www.w3.org/2006/time#");
	assert_string_equal(str(o, "@type"), "nif:Context");
	assert_string_equal(str(o, "@id"), "urn:entx:doc:dir/my%20story.txt#char=0,14");
	assert_string_equal(str(o, "docId"), "dir/my story.txt");
	assert_string_equal(str(o, "created"), "2017-12-18");
	assert_string_equal(str(o, "text"), TEXT);
	assert_int_equal(json_integer_value(json_object_get(o, "beginIndex")), 0);
	assert_int_equal(json_integer_value(json_object_get(o, "endIndex")), 14);

	json_t *ms = json_object_get(o, "mentions");
	assert_int_equal(json_array_size(ms), 2);
	json_t *a = json_array_get(ms, 0);
	assert_string_equal(str(a, "@type"), "nif:Phrase");
	assert_string_equal(str(a, "@id"), "urn:entx:doc:dir/my%20story.txt#char=2,7");
	assert_int_equal(json_integer_value(json_object_get(a, "beginIndex")), 2);
	assert_int_equal(json_integer_value(json_object_get(a, "endIndex")), 7);
	assert_string_equal(str(a, "anchorOf"), "alpha");
	assert_string_equal(str(a, "category"), "Test");
	assert_string_equal(str(a, "class"), "https://example.org/ns#Test");
	assert_string_equal(str(a, "annotator"), "urn:entx:plugin:good");
	assert_true(json_real_value(json_object_get(a, "confidence")) == 0.5);
	assert_null(json_object_get(a, "normalized"));

	json_t *b = json_array_get(ms, 1);
	assert_string_equal(str(b, "anchorOf"), "beta");
	assert_int_equal(json_integer_value(json_object_get(b, "beginIndex")), 10);
	assert_string_equal(str(b, "class"), "schema:QuantitativeValue");
	assert_true(json_is_integer(json_object_get(b, "value")));
	assert_int_equal(json_integer_value(json_object_get(b, "value")), 2);
	assert_string_equal(str(b, "normalized"), "2");
	json_decref(o);
}

/*
 * Each mention's anchor is its span of the text, found from code point
 * offsets without a lookup in ASCII text and by stepping over characters
 * elsewhere; its category, class and confidence are written from a cache
 * shared by the document's mentions, keyed by pointer and by content.
 */
static void anchors_and_classes_of_every_span(void **state)
{
	static const char *const TEXTS[] = {
		"plain ascii words",
		"\xC3\xA9 caf\xC3\xA9 \xF0\x9F\x98\x80 na\xC3\xAFve\xE2\x80\xA8x",
	};
	static const double CONFIDENCES[] = {0.5, 0.85, 0.123456, 1.0, 0.0, 0.7};
	entx_jsonld_options opts = {0};
	for (size_t t = 0; t < G_N_ELEMENTS(TEXTS); t++) {
		entx_doc *d = entx_doc_new("spans", TEXTS[t], strlen(TEXTS[t]));
		size_t n = entx_doc_length(d);
		size_t k = 0;
		for (size_t b = 0; b < n; b++) {
			for (size_t e = b + 1; e <= n; e++, k++) {
				/* The same class at a new pointer now and then. */
				char class_iri[32];
				g_snprintf(class_iri, sizeof class_iri, "ex:Class%zu", k % 5);
				const char *category = k % 2 ? "Odd" : "Even";
				double confidence = CONFIDENCES[k % G_N_ELEMENTS(CONFIDENCES)];
				assert_non_null(
				    entx_doc_add_mention(d, b, e, category, class_iri, confidence));
			}
		}
		GString *s = g_string_new(NULL);
		entx_jsonld_document(s, d, NULL, &opts, NULL);
		json_t *o = json_loads(s->str, 0, NULL);
		assert_non_null(o);
		json_t *ms = json_object_get(o, "mentions");
		assert_int_equal(json_array_size(ms), k);
		for (size_t i = 0; i < json_array_size(ms); i++) {
			json_t *m = json_array_get(ms, i);
			size_t b = (size_t)json_integer_value(json_object_get(m, "beginIndex"));
			size_t e = (size_t)json_integer_value(json_object_get(m, "endIndex"));
			char *want = g_utf8_substring(TEXTS[t], (glong)b, (glong)e);
			assert_string_equal(str(m, "anchorOf"), want);
			g_free(want);
			/* Sorted by position: the k of this span, from b and e. */
			size_t span = b * n - b * (b - 1) / 2 + (e - b - 1);
			char class_iri[32];
			g_snprintf(class_iri, sizeof class_iri, "ex:Class%zu", span % 5);
			assert_string_equal(str(m, "class"), class_iri);
			assert_string_equal(str(m, "category"), span % 2 ? "Odd" : "Even");
			assert_true(json_real_value(json_object_get(m, "confidence")) ==
			            CONFIDENCES[span % G_N_ELEMENTS(CONFIDENCES)]);
		}
		json_decref(o);
		g_string_free(s, TRUE);
		entx_doc_free(d);
	}
}

/* Anchors longer than the part of a mention written in one piece. */
static void long_anchors(void **state)
{
	GString *text = g_string_new(NULL);
	for (int i = 0; i < 100; i++)
		g_string_append(text, i % 7 ? "ab\"c " : "\xC3\xA9\n\t ");
	entx_doc *d = entx_doc_new("long", text->str, text->len);
	size_t n = entx_doc_length(d);
	const size_t SPANS[][2] = {{0, n}, {1, n - 1}, {0, 256}, {0, 257}, {3, 300}, {0, 50}};
	for (size_t i = 0; i < G_N_ELEMENTS(SPANS); i++)
		assert_non_null(
		    entx_doc_add_mention(d, SPANS[i][0], SPANS[i][1], "Test", "ex:Long", 0.5));
	entx_jsonld_options opts = {0};
	GString *s = g_string_new(NULL);
	entx_jsonld_document(s, d, NULL, &opts, NULL);
	json_t *o = json_loads(s->str, 0, NULL);
	assert_non_null(o);
	json_t *ms = json_object_get(o, "mentions");
	assert_int_equal(json_array_size(ms), G_N_ELEMENTS(SPANS));
	for (size_t i = 0; i < json_array_size(ms); i++) {
		json_t *m = json_array_get(ms, i);
		size_t b = (size_t)json_integer_value(json_object_get(m, "beginIndex"));
		size_t e = (size_t)json_integer_value(json_object_get(m, "endIndex"));
		char *want = g_utf8_substring(text->str, (glong)b, (glong)e);
		assert_string_equal(str(m, "anchorOf"), want);
		g_free(want);
	}
	json_decref(o);
	g_string_free(s, TRUE);
	entx_doc_free(d);
	g_string_free(text, TRUE);
}

/*
 * Offsets are formatted once for the IRI and the indexes, by a shorter
 * path below 10000: each number of digits on both sides of it.
 */
static void offsets_of_every_width(void **state)
{
	static const size_t OFFSETS[] = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001,
	                                 4321, 9998, 9999, 10000, 10001, 65536, 99999, 100000};
	size_t n = 100002;
	char *text = g_malloc(n + 1);
	memset(text, 'a', n);
	text[n] = '\0';
	entx_doc *d = entx_doc_new("wide", text, n);
	for (size_t i = 0; i < G_N_ELEMENTS(OFFSETS); i++)
		assert_non_null(
		    entx_doc_add_mention(d, OFFSETS[i], OFFSETS[i] + 1, "Test", "ex:Wide", 0.5));
	entx_jsonld_options opts = {0};
	GString *s = g_string_new(NULL);
	entx_jsonld_document(s, d, NULL, &opts, NULL);
	for (size_t i = 0; i < G_N_ELEMENTS(OFFSETS); i++) {
		size_t b = OFFSETS[i], e = b + 1;
		char *want = g_strdup_printf("{\"@id\":\"urn:entx:doc:wide#char=%zu,%zu\","
		                             "\"@type\":\"nif:Phrase\",\"beginIndex\":%zu,"
		                             "\"endIndex\":%zu,\"anchorOf\":\"a\",",
		                             b, e, b, e);
		if (strstr(s->str, want) == NULL)
			fail_msg("no %s in the output", want);
		g_free(want);
	}
	assert_non_null(strstr(s->str, "#char=0,100002\""));
	g_string_free(s, TRUE);
	entx_doc_free(d);
	g_free(text);
}

/*
 * Document IRIs percent-encode the id as RFC 3987 (GLib's escaper, with
 * "/:@" kept); ids that need no escaping take a shorter path, which must
 * give the same IRI for every ASCII character and for UTF-8.
 */
static void document_iri_escaping(void **state)
{
	entx_jsonld_options opts = {0};
	for (int c = 1; c < 0x80; c++) {
		char id[4] = {'a', (char)c, 'b', '\0'};
		json_t *o = write_and_parse(id, NULL, &opts);
		GString *want = g_string_new("urn:entx:doc:");
		g_string_append_uri_escaped(want, id, "/:@", TRUE);
		g_string_append(want, "#char=0,14");
		assert_string_equal(str(o, "@id"), want->str);
		g_string_free(want, TRUE);
		json_decref(o);
	}
	json_t *o = write_and_parse("dir/caf\xC3\xA9.txt:12", NULL, &opts);
	assert_string_equal(str(o, "@id"), "urn:entx:doc:dir/caf\xC3\xA9.txt:12#char=0,14");
	json_decref(o);
	/* Ids of every length about what is kept without an allocation. */
	for (size_t n = 100; n < 130; n++) {
		for (int escaped = 0; escaped < 2; escaped++) {
			char *id = g_strnfill(n, 'd');
			if (escaped)
				id[n / 2] = ' ';
			o = write_and_parse(id, NULL, &opts);
			GString *want = g_string_new("urn:entx:doc:");
			g_string_append_uri_escaped(want, id, "/:@", TRUE);
			size_t base_len = want->len;
			g_string_append(want, "#char=0,14");
			assert_string_equal(str(o, "@id"), want->str);
			g_string_truncate(want, base_len);
			g_string_append(want, "#char=2,7");
			json_t *first = json_array_get(json_object_get(o, "mentions"), 0);
			assert_string_equal(str(first, "@id"), want->str);
			g_string_free(want, TRUE);
			g_free(id);
			json_decref(o);
		}
	}
}

static void options_change_the_object(void **state)
{
	entx_jsonld_options opts = {.context_url = "https://example.org/entx.jsonld"};
	json_t *o = write_and_parse("x", NULL, &opts);
	assert_string_equal(str(o, "@context"), "https://example.org/entx.jsonld");
	assert_null(json_object_get(o, "text"));
	json_decref(o);

	opts.context_url = NULL;
	opts.pretty = TRUE;
	o = write_and_parse("x", NULL, &opts);
	assert_true(json_is_object(json_object_get(o, "@context")));
	json_decref(o);
}

static void extra_fields_carried_but_not_over_ours(void **state)
{
	json_t *extra = json_pack("{s:s,s:i,s:s,s:s}", "source", "wire", "n", 3, "docId", "fake",
	                          "@type", "fake");
	entx_jsonld_options opts = {0};
	json_t *o = write_and_parse("real", extra, &opts);
	assert_string_equal(str(o, "source"), "wire");
	assert_int_equal(json_integer_value(json_object_get(o, "n")), 3);
	assert_string_equal(str(o, "docId"), "real");
	assert_string_equal(str(o, "@type"), "nif:Context");
	json_decref(o);
	json_decref(extra);
}

/* Numbers are written with every digit set, not rounded to a few. */
static void numbers_keep_their_digits(void **state)
{
	static const struct {
		double value;
		const char *json;
	} cases[] = {
	    {11188.23, "\"value\":11188.23"},       {1234567.891, "\"value\":1234567.891"},
	    {16600000000.0, "\"value\":16600000000"}, {-0.25, "\"value\":-0.25"},
	    {1e20, "\"value\":1e+20"},
	    {4.1556, "\"value\":4.1556"}, /* not 4.1555999999999997 */
	};
	/* Compact, and indented by --pretty (which once re-read the object
	 * with jansson and wrote six digits: 11188.2). */
	for (int pretty = 0; pretty <= 1; pretty++) {
		for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
			entx_doc *d = entx_doc_new("n", "a number", 8);
			entx_mention *m = entx_doc_add_mention(d, 2, 8, "Quantity", NULL, 0.5);
			assert_int_equal(entx_mention_set_number(m, "schema:value", cases[i].value), 0);
			GString *s = g_string_new(NULL);
			entx_jsonld_options opts = {.pretty = pretty};
			entx_jsonld_document(s, d, NULL, &opts, NULL);
			char **parts = g_strsplit(cases[i].json, ":", 2);
			char *want = g_strjoinv(pretty ? ": " : ":", parts);
			g_strfreev(parts);
			if (strstr(s->str, want) == NULL)
				fail_msg("no %s in %s", want, s->str);
			g_free(want);
			json_t *o = json_loads(s->str, 0, NULL);
			json_t *first = json_array_get(json_object_get(o, "mentions"), 0);
			json_t *v = json_object_get(first, "value");
			assert_true(json_number_value(v) == cases[i].value);
			json_decref(o);
			g_string_free(s, TRUE);
			entx_doc_free(d);
		}
	}
}

static void error_record(void **state)
{
	entx_jsonld_options opts = {0};
	json_t *extra = json_pack("{s:s}", "source", "wire");
	GString *s = g_string_new(NULL);
	entx_jsonld_error(s, "a.txt:3", "invalid JSON", extra, &opts);
	json_t *o = json_loads(s->str, 0, NULL);
	assert_non_null(o);
	assert_string_equal(str(o, "docId"), "a.txt:3");
	assert_string_equal(str(o, "error"), "invalid JSON");
	assert_string_equal(str(o, "source"), "wire");
	assert_null(json_object_get(o, "mentions"));
	json_decref(o);
	json_decref(extra);
	g_string_free(s, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_object),
		cmocka_unit_test(options_change_the_object),
		cmocka_unit_test(document_iri_escaping),
		cmocka_unit_test(anchors_and_classes_of_every_span),
		cmocka_unit_test(long_anchors),
		cmocka_unit_test(offsets_of_every_width),
		cmocka_unit_test(extra_fields_carried_but_not_over_ours),
		cmocka_unit_test(numbers_keep_their_digits),
		cmocka_unit_test(error_record),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
