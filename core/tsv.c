/*
 * TSV output for grep, awk and cut.
 */
#include "tsv.h"

#include <string.h>

#include "json_write.h"

/* Bytes written as a backslash escape; everything else is copied. */
static const char ESCAPE[256] = {['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\', ['\0'] = '0'};

static void append_escaped(GString *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		char e = ESCAPE[(unsigned char)s[i]];
		if (G_LIKELY(e == 0))
			continue;
		entx_put(out, s + run, i - run);
		char pair[2] = {'\\', e};
		entx_put(out, pair, 2);
		run = i + 1;
	}
	entx_put(out, s + run, n - run);
}

void entx_tsv_document(const entx_doc *doc, GString *out, const entx_drain *drain)
{
	const char *text = entx_doc_text(doc, NULL);
	GString *id = g_string_new(NULL);
	append_escaped(id, entx_doc_id(doc), strlen(entx_doc_id(doc)));
	g_string_append_c(id, '\t');
	for (size_t i = 0; i < entx_doc_n_mentions(doc); i++) {
		const entx_mention *m = entx_doc_mention(doc, i);
		size_t b = entx_doc_byte_offset(doc, entx_mention_begin(m));
		size_t e = entx_doc_byte_offset(doc, entx_mention_end(m));
		entx_put(out, id->str, id->len);
		entx_append_decimal(out, entx_mention_begin(m));
		entx_put_c(out, '\t');
		entx_append_decimal(out, entx_mention_end(m));
		entx_put_c(out, '\t');
		const char *category = entx_mention_category(m);
		entx_put(out, category, strlen(category));
		entx_put_c(out, '\t');
		append_escaped(out, text + b, e - b);
		entx_put_c(out, '\t');
		const char *value = entx_mention_value(m);
		if (value != NULL)
			append_escaped(out, value, strlen(value));
		entx_put_c(out, '\n');
		entx_drain_maybe(drain, out);
	}
	g_string_free(id, TRUE);
}
