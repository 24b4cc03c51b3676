/*
 * Test harness: run plugins of this build tree through the real engine.
 *
 * make check exports ENTX_PLUGIN_PATH (the build tree's plugins/.libs)
 * and ENTX_RULES_PATH (the source tree's rules/); the harness uses only
 * those, never the installed directories.
 *
 *     entx_engine *e = harness_engine("date");       // only that plugin
 *     entx_doc *d = harness_run(e, "Sunday", "2017-12-18");
 *     const entx_mention *m = harness_find(d, "Date", "Sunday");
 *     assert_non_null(m);
 *     assert_string_equal(entx_mention_value(m), "2017-12-17");
 *     entx_doc_free(d);
 *     entx_engine_free(e);
 */
#ifndef ENTX_TEST_HARNESS_H
#define ENTX_TEST_HARNESS_H

#include <entx/entx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Loads exactly the named plugins (comma-separated); aborts on failure. */
static inline entx_engine *harness_engine(const char *plugins)
{
	entx_engine *e = entx_engine_new();
	const char *pp = getenv("ENTX_PLUGIN_PATH");
	const char *rp = getenv("ENTX_RULES_PATH");
	if (pp == NULL || rp == NULL) {
		fprintf(stderr, "harness: run through make check (ENTX_PLUGIN_PATH, ENTX_RULES_PATH)\n");
		exit(99);
	}
	char **pdirs = g_strsplit(pp, ":", -1);
	for (char **d = pdirs; *d; d++)
		if (**d)
			entx_engine_add_plugin_dir(e, *d);
	g_strfreev(pdirs);
	char **rdirs = g_strsplit(rp, ":", -1);
	for (char **d = rdirs; *d; d++)
		if (**d)
			entx_engine_add_rules_dir(e, *d);
	g_strfreev(rdirs);
	char **only = g_strsplit(plugins, ",", -1);
	GError *error = NULL;
	if (!entx_engine_load(e, (const char *const *)only, NULL, &error)) {
		fprintf(stderr, "harness: %s\n", error->message);
		exit(99);
	}
	g_strfreev(only);
	return e;
}

/* Processes text (with an optional reference date); aborts on failure. */
static inline entx_doc *harness_run(entx_engine *e, const char *text, const char *reference_date)
{
	entx_doc *d = entx_doc_new("test", text, strlen(text));
	if (reference_date != NULL && entx_doc_set_reference_date(d, reference_date) != 0) {
		fprintf(stderr, "harness: bad reference date %s\n", reference_date);
		exit(99);
	}
	GError *error = NULL;
	if (!entx_engine_process(e, d, &error)) {
		fprintf(stderr, "harness: %s\n", error->message);
		exit(99);
	}
	return d;
}

/* The text of a mention, newly allocated (g_free). */
static inline char *harness_text(const entx_doc *d, const entx_mention *m)
{
	size_t n = 0;
	const char *text = entx_doc_text(d, &n);
	size_t b = entx_doc_byte_offset(d, entx_mention_begin(m));
	size_t end = entx_doc_byte_offset(d, entx_mention_end(m));
	return g_strndup(text + b, end - b);
}

/* The first mention of category whose text is exactly `text`, or NULL. */
static inline const entx_mention *harness_find(const entx_doc *d, const char *category,
                                               const char *text)
{
	for (size_t i = 0; i < entx_doc_n_mentions(d); i++) {
		const entx_mention *m = entx_doc_mention(d, i);
		if (strcmp(entx_mention_category(m), category) != 0)
			continue;
		char *t = harness_text(d, m);
		int same = strcmp(t, text) == 0;
		g_free(t);
		if (same)
			return m;
	}
	return NULL;
}

/* The number of mentions of category (NULL: any). */
static inline size_t harness_count(const entx_doc *d, const char *category)
{
	size_t n = 0;
	for (size_t i = 0; i < entx_doc_n_mentions(d); i++)
		if (category == NULL ||
		    strcmp(entx_mention_category(entx_doc_mention(d, i)), category) == 0)
			n++;
	return n;
}

/* The lexical value of property prop of m, or NULL. */
static inline const char *harness_prop(const entx_mention *m, const char *prop)
{
	for (size_t i = 0; i < entx_mention_n_properties(m); i++) {
		const char *p = NULL, *lex = NULL;
		entx_mention_property(m, i, &p, NULL, &lex, NULL);
		if (strcmp(p, prop) == 0)
			return lex;
	}
	return NULL;
}

/* Prints every mention, for a failing test's log. */
static inline void harness_dump(const entx_doc *d)
{
	for (size_t i = 0; i < entx_doc_n_mentions(d); i++) {
		const entx_mention *m = entx_doc_mention(d, i);
		char *t = harness_text(d, m);
		fprintf(stderr, "  [%zu,%zu) %s %s '%s' value=%s\n", entx_mention_begin(m),
		        entx_mention_end(m), entx_mention_category(m), entx_mention_class(m), t,
		        entx_mention_value(m) ? entx_mention_value(m) : "");
		g_free(t);
	}
}

#endif
