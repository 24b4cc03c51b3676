/*
 * A working test plugin: every token "alpha" is a Test mention, every
 * "beta" a Quantity with value 2, and "gamma" draws a warning. Option
 * "good.class" overrides the Test class IRI.
 */
#include <entx/plugin.h>
#include <string.h>

typedef struct {
	char *class_iri;
} state;

static void *good_create(const entx_plugin_config *cfg, GError **error)
{
	state *s = g_new0(state, 1);
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
ENTX_PLUGIN_DEFINE("good", "1.0", "test plugin that works", "GPL-3.0-or-later", classes, 0,
                   good_create, good_extract, good_destroy)
