/*
 * Shared by the fuzz harnesses: an engine with the build tree's default
 * plugins (ENTX_PLUGIN_PATH, ENTX_RULES_PATH), and the invariants every
 * processed document must satisfy. A broken invariant aborts, which
 * libFuzzer reports as a crash and the replay driver as a failure.
 */
#ifndef ENTX_FUZZ_COMMON_H
#define ENTX_FUZZ_COMMON_H

#include <entx/entx.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonld.h"
#include "tsv.h"

#define FUZZ_CHECK(cond, what)                                                                \
	do {                                                                                  \
		if (!(cond)) {                                                                \
			fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", what, __FILE__,  \
			        __LINE__);                                                    \
			abort();                                                              \
		}                                                                             \
	} while (0)

static void fuzz_quiet(const char *message, void *user_data)
{
	(void)message;
	(void)user_data;
}

/* The default plugins of the build tree, loaded once per process. */
static entx_engine *fuzz_engine(void)
{
	static entx_engine *engine;
	if (engine != NULL)
		return engine;
	engine = entx_engine_new();
	entx_engine_set_message_func(engine, fuzz_quiet, NULL);
	const char *pp = getenv("ENTX_PLUGIN_PATH");
	const char *rp = getenv("ENTX_RULES_PATH");
	if (pp == NULL || rp == NULL) {
		fprintf(stderr, "fuzz: set ENTX_PLUGIN_PATH and ENTX_RULES_PATH (make fuzz does)\n");
		exit(2);
	}
	char **dirs = g_strsplit(pp, ":", -1);
	for (char **d = dirs; *d; d++)
		entx_engine_add_plugin_dir(engine, *d);
	g_strfreev(dirs);
	dirs = g_strsplit(rp, ":", -1);
	for (char **d = dirs; *d; d++)
		entx_engine_add_rules_dir(engine, *d);
	g_strfreev(dirs);
	GError *error = NULL;
	if (!entx_engine_load(engine, NULL, NULL, &error) || entx_engine_n_plugins(engine) == 0) {
		fprintf(stderr, "fuzz: cannot load plugins: %s\n", error ? error->message : "none found");
		exit(2);
	}
	return engine;
}

/* Valid UTF-8 in which NUL counts as a character (g_utf8_validate
 * rejects NUL, which is text to entx). */
static gboolean valid_utf8_with_nul(const char *s, size_t n)
{
	for (;;) {
		const char *nul = memchr(s, '\0', n);
		size_t seg = nul != NULL ? (size_t)(nul - s) : n;
		if (!g_utf8_validate_len(s, seg, NULL))
			return FALSE;
		if (nul == NULL)
			return TRUE;
		s += seg + 1;
		n -= seg + 1;
	}
}

/* Checks one processed document and its JSON-LD and TSV renderings. */
static void fuzz_check_document(const entx_doc *doc)
{
	size_t n_bytes = 0;
	const char *text = entx_doc_text(doc, &n_bytes);
	size_t length = entx_doc_length(doc);
	FUZZ_CHECK(valid_utf8_with_nul(text, n_bytes), "analysed text is valid UTF-8");
	for (size_t i = 0; i < entx_doc_n_mentions(doc); i++) {
		const entx_mention *m = entx_doc_mention(doc, i);
		size_t b = entx_mention_begin(m), e = entx_mention_end(m);
		FUZZ_CHECK(b < e && e <= length, "0 <= begin < end <= length");
		size_t bb = entx_doc_byte_offset(doc, b), be = entx_doc_byte_offset(doc, e);
		FUZZ_CHECK(entx_doc_cp_offset(doc, bb) == b && entx_doc_cp_offset(doc, be) == e,
		           "offsets round-trip between bytes and code points");
		FUZZ_CHECK(i == 0 || entx_mention_begin(entx_doc_mention(doc, i - 1)) <= b,
		           "mentions sorted by begin");
	}
	entx_jsonld_options opts = {.include_text = TRUE};
	GString *line = g_string_new(NULL);
	entx_jsonld_document(line, doc, NULL, &opts, NULL);
	FUZZ_CHECK(line->len > 0 && memchr(line->str, '\n', line->len) == line->str + line->len - 1,
	           "JSON-LD on one line");
	json_t *obj = json_loadb(line->str, line->len, JSON_ALLOW_NUL, NULL);
	FUZZ_CHECK(obj != NULL, "JSON-LD line parses as JSON");
	json_t *ms = json_object_get(obj, "mentions");
	FUZZ_CHECK(json_array_size(ms) == entx_doc_n_mentions(doc), "every mention written");
	for (size_t i = 0; i < json_array_size(ms); i++) {
		json_t *m = json_array_get(ms, i);
		size_t b = (size_t)json_integer_value(json_object_get(m, "beginIndex"));
		size_t e = (size_t)json_integer_value(json_object_get(m, "endIndex"));
		json_t *anchor = json_object_get(m, "anchorOf");
		size_t bb = entx_doc_byte_offset(doc, b), be = entx_doc_byte_offset(doc, e);
		FUZZ_CHECK(json_is_string(anchor) && json_string_length(anchor) == be - bb &&
		                   memcmp(json_string_value(anchor), text + bb, be - bb) == 0,
		           "anchorOf equals the text at its offsets");
	}
	opts.pretty = TRUE;
	GString *pretty = g_string_new(NULL);
	entx_jsonld_document(pretty, doc, NULL, &opts, NULL);
	json_t *pobj = json_loadb(pretty->str, pretty->len, JSON_ALLOW_NUL, NULL);
	FUZZ_CHECK(pobj != NULL && json_equal(pobj, obj), "--pretty is the same JSON, indented");
	json_decref(pobj);
	g_string_free(pretty, TRUE);
	json_decref(obj);
	g_string_free(line, TRUE);
	GString *tsv = g_string_new(NULL);
	entx_tsv_document(doc, tsv, NULL);
	size_t lines = 0;
	for (size_t i = 0; i < tsv->len; i++)
		lines += tsv->str[i] == '\n';
	FUZZ_CHECK(lines == entx_doc_n_mentions(doc), "one TSV line per mention");
	g_string_free(tsv, TRUE);
}

/* Processes text as a document and checks it. */
static inline void fuzz_document(const char *text, size_t len, const char *reference_date)
{
	entx_doc *doc = entx_doc_new("fuzz", text, len);
	if (reference_date != NULL)
		entx_doc_set_reference_date(doc, reference_date);
	GError *error = NULL;
	FUZZ_CHECK(entx_engine_process(fuzz_engine(), doc, &error), "plugins process any text");
	fuzz_check_document(doc);
	entx_doc_free(doc);
}

#endif
