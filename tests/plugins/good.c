/*
 * A working test plugin: every token "alpha" is a Test mention, every
 * "beta" a Quantity with value 2, "gamma" draws a warning, and "users" is
 * a Quantity whose value is the number of plugins sharing "test.shared".
 * Option "good.class" overrides the Test class IRI. Built twice, as
 * "good" and (with GOOD_NAME) as "twin", to test shared data.
 */
#include <entx/plugin.h>
#include <string.h>

#ifndef GOOD_NAME
#define GOOD_NAME "good"
#endif

typedef struct {
	int users; /* plugins that asked for it */
} shared_counter;

typedef struct {
	char *class_iri;
	shared_counter *shared;
} state;

static void *counter_create(const entx_plugin_config *cfg, GError **error)
{
	return g_new0(shared_counter, 1);
}

static void *good_create(const entx_plugin_config *cfg, GError **error)
{
	shared_counter *shared =
		entx_plugin_config_shared(cfg, "test.shared", counter_create, g_free, error);
	if (shared == NULL)
		return NULL;
	shared->users++; /* create() runs before any extract(): no race */
	state *s = g_new0(state, 1);
	s->shared = shared;
	const char *c = entx_plugin_config_get(cfg, "class");
	s->class_iri = g_strdup(c != NULL ? c : "https://example.org/ns#Test");
	return s;
}

static gboolean good_extract(void *st, entx_doc *doc, GError **error)
{
	const state *s = st;
	const char *text = entx_doc_text(doc, NULL);
	for (size_t i = 0; i < entx_doc_n_tokens(doc); i++) {
		const entx_token *t = entx_doc_token(doc, i);
		size_t n = t->byte_end - t->byte_begin;
		if (n == 5 && memcmp(text + t->byte_begin, "alpha", 5) == 0)
			entx_doc_add_mention(doc, t->cp_begin, t->cp_end, "Test", s->class_iri, 0.5);
		if (n == 4 && memcmp(text + t->byte_begin, "beta", 4) == 0) {
			entx_mention *m =
				entx_doc_add_mention(doc, t->cp_begin, t->cp_end, "Quantity", NULL, 0.5);
			entx_mention_set_number(m, "schema:value", 2);
			entx_mention_set_value(m, "2");
		}
		if (n == 5 && memcmp(text + t->byte_begin, "users", 5) == 0) {
			char value[16];
			g_snprintf(value, sizeof value, "%d", s->shared->users);
			entx_mention *m =
				entx_doc_add_mention(doc, t->cp_begin, t->cp_end, "Quantity", NULL, 0.5);
			entx_mention_set_value(m, value);
		}
		if (n == 5 && memcmp(text + t->byte_begin, "gamma", 5) == 0)
			entx_doc_warn(doc, "gamma at %zu is not supported", t->cp_begin);
	}
	return TRUE;
}

static void good_destroy(void *st)
{
	state *s = st;
	g_free(s->class_iri);
	g_free(s);
}

static const char *const classes[] = {"Test", "Quantity", NULL};
ENTX_PLUGIN_DEFINE(GOOD_NAME, "1.0", "test plugin that works", "GPL-3.0-or-later", classes, 0,
                   good_create, good_extract, good_destroy)
