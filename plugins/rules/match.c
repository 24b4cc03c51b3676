/*
 * entx rules plugin: finding a ruleset's phrases and patterns in a
 * document.
 *
 * extract() runs on several documents at once with the same ruleset, so
 * everything here reads the set and writes only the document and the
 * PCRE2 match data allocated for this call.
 */
#include "rules.h"

static void set_prop(entx_mention *m, const char *key, gboolean is_iri, const char *value)
{
	if (is_iri)
		entx_mention_set_iri(m, key, value);
	else
		entx_mention_set_string(m, key, value);
}

static entx_mention *add_mention(entx_doc *doc, size_t begin, size_t end, const rules_class *cls,
                                 const char *class_iri, double confidence)
{
	entx_mention *m = entx_doc_add_mention(
	    doc, begin, end, cls->name, class_iri != NULL ? class_iri : cls->iri, confidence);
	if (m != NULL)
		entx_mention_set_priority(m, cls->priority);
	return m;
}

static void add_entry_mention(entx_doc *doc, const rules_entry *e, size_t begin, size_t end)
{
	entx_mention *m = add_mention(doc, begin, end, e->cls, e->class_iri, e->cls->confidence);
	if (m == NULL)
		return;
	if (e->value != NULL)
		entx_mention_set_value(m, e->value);
	for (size_t i = 0; i < e->n_props; i++)
		set_prop(m, e->props[i].key, e->props[i].is_iri, e->props[i].text);
}

/*
 * The longest phrase starting at each token, never across a sentence
 * boundary. Shorter and overlapping phrases are candidates too: the
 * core's merge policy, which knows every plugin's mentions and the
 * classes' priorities, decides between them.
 */
static void match_phrases_in(const rules_set *set, entx_doc *doc, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		const uint32_t *payloads = NULL;
		size_t n_payloads = 0;
		size_t n =
		    entx_gazetteer_match(set->gazetteer, doc, i, end, &payloads, &n_payloads);
		if (n == 0)
			continue;
		size_t begin = entx_doc_token(doc, i)->cp_begin;
		size_t stop = entx_doc_token(doc, i + n - 1)->cp_end;
		for (size_t k = 0; k < n_payloads; k++)
			add_entry_mention(doc,
			                  &g_array_index(set->entries, rules_entry, payloads[k]),
			                  begin, stop);
	}
}

static void match_phrases(const rules_set *set, entx_doc *doc)
{
	if (entx_gazetteer_size(set->gazetteer) == 0)
		return;
	size_t n_sentences = entx_doc_n_sentences(doc);
	if (n_sentences == 0) {
		match_phrases_in(set, doc, 0, entx_doc_n_tokens(doc));
		return;
	}
	for (size_t s = 0; s < n_sentences; s++) {
		size_t first = 0, end = 0;
		if (entx_doc_sentence(doc, s, &first, &end) == 0)
			match_phrases_in(set, doc, first, end);
	}
}

static void add_pattern_mention(entx_doc *doc, const rules_pattern *pat, const char *text,
                                const PCRE2_SIZE *ov, uint32_t n_pairs)
{
	if (pat->group >= n_pairs)
		return;
	PCRE2_SIZE b = ov[2 * pat->group], e = ov[2 * pat->group + 1];
	if (b == PCRE2_UNSET || e <= b)
		return;
	entx_mention *m = add_mention(doc, entx_doc_cp_offset(doc, b), entx_doc_cp_offset(doc, e),
	                              pat->cls, pat->class_iri, pat->confidence);
	if (m == NULL)
		return;
	if (pat->value != NULL) {
		char *v = rules_template_expand(pat->value, text, ov, n_pairs);
		if (v != NULL && *v != '\0')
			entx_mention_set_value(m, v);
		g_free(v);
	}
	/* A property whose groups did not all take part in the match, or
	 * that comes out empty, is left out rather than written half-made. */
	for (size_t i = 0; i < pat->n_props; i++) {
		char *v = rules_template_expand(pat->props[i].tpl, text, ov, n_pairs);
		if (v != NULL && *v != '\0')
			set_prop(m, pat->props[i].key, pat->props[i].is_iri, v);
		g_free(v);
	}
}

/* A failed match (a limit hit) ends this pattern for this document only. */
static void warn_match_error(entx_doc *doc, const rules_pattern *pat, int rc, size_t at)
{
	PCRE2_UCHAR msg[256];
	pcre2_get_error_message(rc, msg, sizeof msg);
	const char *hint = "";
	if (rc == PCRE2_ERROR_MATCHLIMIT)
		hint = " (raise it with --option=rules.match-limit=N)";
	else if (rc == PCRE2_ERROR_DEPTHLIMIT)
		hint = " (raise it with --option=rules.depth-limit=N)";
	entx_doc_warn(doc,
	              "rule %s [pattern %s] gave up at character %zu: %s%s; its other matches "
	              "in this document are skipped",
	              pat->where, pat->cls->name, at, (const char *)msg, hint);
}

static gboolean match_pattern(const rules_set *set, const rules_pattern *pat, entx_doc *doc,
                              GError **error)
{
	size_t len = 0;
	const char *text = entx_doc_text(doc, &len);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(pat->code, NULL);
	if (md == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_NOMEM, "cannot allocate PCRE2 match data");
		return FALSE;
	}
	PCRE2_SIZE start = 0;
	while (start <= len) {
		/* The core guarantees valid UTF-8, so PCRE2 need not check it at every call. */
		int rc = pcre2_match(pat->code, (PCRE2_SPTR)text, len, start, PCRE2_NO_UTF_CHECK,
		                     md, set->match_context);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			warn_match_error(doc, pat, rc, entx_doc_cp_offset(doc, start));
			break;
		}
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		add_pattern_mention(doc, pat, text, ov, pcre2_get_ovector_count(md));
		if (ov[1] > start) {
			start = ov[1];
		} else {
			/* An empty match: step over one character. */
			if (start == len)
				break;
			start++;
			while (start < len && ((unsigned char)text[start] & 0xC0) == 0x80)
				start++;
		}
	}
	pcre2_match_data_free(md);
	return TRUE;
}

gboolean rules_extract(const rules_set *set, entx_doc *doc, GError **error)
{
	match_phrases(set, doc);
	for (size_t i = 0; i < set->patterns->len; i++)
		if (!match_pattern(set, g_ptr_array_index(set->patterns, i), doc, error))
			return FALSE;
	return TRUE;
}
