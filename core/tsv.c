/*
 * TSV output for grep, awk and cut.
 */
#include "tsv.h"

#include <string.h>

static void append_escaped(GString *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t':
			g_string_append(out, "\\t");
			break;
		case '\n':
			g_string_append(out, "\\n");
			break;
		case '\r':
			g_string_append(out, "\\r");
			break;
		case '\\':
			g_string_append(out, "\\\\");
			break;
		case '\0':
			g_string_append(out, "\\0");
			break;
		default:
			g_string_append_c(out, s[i]);
		}
	}
}

void entx_tsv_document(const entx_doc *doc, GString *out)
{
	const char *text = entx_doc_text(doc, NULL);
	const char *id = entx_doc_id(doc);
	size_t id_len = strlen(id);
	for (size_t i = 0; i < entx_doc_n_mentions(doc); i++) {
		const entx_mention *m = entx_doc_mention(doc, i);
		size_t b = entx_doc_byte_offset(doc, entx_mention_begin(m));
		size_t e = entx_doc_byte_offset(doc, entx_mention_end(m));
		append_escaped(out, id, id_len);
		g_string_append_printf(out, "\t%zu\t%zu\t%s\t", entx_mention_begin(m),
		                       entx_mention_end(m), entx_mention_category(m));
		append_escaped(out, text + b, e - b);
		g_string_append_c(out, '\t');
		const char *value = entx_mention_value(m);
		if (value != NULL)
			append_escaped(out, value, strlen(value));
		g_string_append_c(out, '\n');
	}
}
