/*
 * entx rules plugin: compiling [pattern NAME] sections.
 *
 * A pattern section is compiled when it ends (at the next section header
 * or the end of the file) because its keys may come in any order:
 * "caseless" changes how "regex" compiles, and templates refer to the
 * regex's groups. Every message names the line of the key at fault.
 */
#include "parse.h"

#include <string.h>

static gboolean parse_yes_no(const char *s, gboolean *out)
{
	if (strcmp(s, "yes") == 0)
		*out = TRUE;
	else if (strcmp(s, "no") == 0)
		*out = FALSE;
	else
		return FALSE;
	return TRUE;
}

gboolean rules_pattern_key(parser *p, const entx_rules_line *line, GError **error)
{
	static const char *const KEYS[] = {"regex",      "group", "value", "caseless",
	                                   "confidence", "class", NULL};
	const char *k = line->key;
	size_t key_col = parse_find_column(p->path, line->line, NULL, FALSE);
	if (!g_strv_contains(KEYS, k) && strchr(k, ':') == NULL)
		return entx_rules_error(line, key_col, error,
		                        "unknown key '%s' in [pattern %s] (expected regex, group, "
		                        "value, caseless, confidence, class or a property such as "
		                        "schema:name)",
		                        k, p->cls->name);
	if (strchr(k, ':') != NULL) {
		char *msg = NULL;
		if (!rules_check_iri(k, &msg)) {
			entx_rules_error(line, key_col, error, "bad property: %s", msg);
			g_free(msg);
			return FALSE;
		}
	}
	return parse_remember_key(p, line, error);
}

/* Compiles the template of a pattern key, reporting errors at its column. */
static rules_template *key_template(const parser *p, const keyed_line *k, const char *text,
                                    size_t skip, const pcre2_code *code, GError **error)
{
	char *msg = NULL;
	size_t offset = 0;
	rules_template *tpl = rules_template_compile(text, code, &msg, &offset);
	if (tpl == NULL) {
		parse_error_at(p, k->line, k->value_column + skip + offset, error, "%s", msg);
		g_free(msg);
	}
	return tpl;
}

static gboolean pattern_group(const parser *p, const keyed_line *k, rules_pattern *pat,
                              GError **error)
{
	const char *name = k->value;
	if (strspn(name, "0123456789") == strlen(name) && *name != '\0') {
		uint32_t n_groups = 0;
		pcre2_pattern_info(pat->code, PCRE2_INFO_CAPTURECOUNT, &n_groups);
		guint64 n = g_ascii_strtoull(name, NULL, 10);
		if (n > n_groups)
			return parse_error_at(p, k->line, k->value_column, error,
			                      "the regex has no group %s (it has %u)", name,
			                      n_groups);
		pat->group = (uint32_t)n;
		return TRUE;
	}
	int n = pcre2_substring_number_from_name(pat->code, (PCRE2_SPTR)name);
	if (n < 0)
		return parse_error_at(
		    p, k->line, k->value_column, error,
		    n == PCRE2_ERROR_NOUNIQUESUBSTRING
		        ? "group name '%s' is not unique in the regex; use its number"
		        : "the regex has no group named '%s'",
		    name);
	pat->group = (uint32_t)n;
	return TRUE;
}

static gboolean pattern_compile(parser *p, const keyed_line *regex, rules_pattern *pat,
                                GError **error)
{
	const keyed_line *caseless = parse_find_key(p, "caseless");
	gboolean fold = FALSE;
	if (caseless != NULL && !parse_yes_no(caseless->value, &fold))
		return parse_error_at(p, caseless->line, caseless->value_column, error,
		                      "bad caseless '%s': expected yes or no", caseless->value);
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;
	if (fold)
		options |= PCRE2_CASELESS;
	int code = 0;
	PCRE2_SIZE offset = 0;
	pat->code = pcre2_compile((PCRE2_SPTR)regex->value, PCRE2_ZERO_TERMINATED, options, &code,
	                          &offset, NULL);
	if (pat->code == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		return parse_error_at(p, regex->line, regex->value_column + offset, error,
		                      "bad regex: %s", (const char *)msg);
	}
	/* Without JIT (unsupported CPU, no executable memory) PCRE2
	 * interprets the pattern, with the same results, only slower. */
	if (p->set->limits.jit)
		pcre2_jit_compile(pat->code, PCRE2_JIT_COMPLETE);
	return TRUE;
}

static gboolean pattern_settings(parser *p, rules_pattern *pat, GError **error)
{
	GArray *props = g_array_new(FALSE, TRUE, sizeof(rules_prop));
	gboolean ok = TRUE;
	for (size_t i = 0; ok && i < p->keys->len; i++) {
		const keyed_line *k = &g_array_index(p->keys, keyed_line, i);
		char *msg = NULL;
		if (strcmp(k->key, "group") == 0) {
			ok = pattern_group(p, k, pat, error);
		} else if (strcmp(k->key, "value") == 0) {
			pat->value = key_template(p, k, k->value, 0, pat->code, error);
			ok = pat->value != NULL;
		} else if (strcmp(k->key, "confidence") == 0) {
			ok = parse_confidence(k->value, &pat->confidence);
			if (!ok)
				parse_error_at(p, k->line, k->value_column, error,
				               "bad confidence '%s': expected a number from 0 to 1",
				               k->value);
		} else if (strcmp(k->key, "class") == 0) {
			ok = rules_check_iri(k->value, &msg);
			if (ok)
				pat->class_iri = g_strdup(k->value);
			else
				parse_error_at(p, k->line, k->value_column, error, "bad class: %s",
				               msg);
			g_free(msg);
		} else if (strchr(k->key, ':') != NULL) {
			char *iri = parse_angle_iri(k->value);
			rules_prop prop = {g_strdup(k->key), iri != NULL, NULL, NULL};
			prop.tpl = key_template(p, k, iri != NULL ? iri : k->value, iri != NULL,
			                        pat->code, error);
			g_free(iri);
			g_array_append_val(props, prop);
			ok = prop.tpl != NULL;
		}
	}
	pat->n_props = props->len;
	pat->props = (rules_prop *)(void *)g_array_free(props, FALSE);
	return ok;
}

gboolean rules_pattern_finish(parser *p, GError **error)
{
	const keyed_line *regex = parse_find_key(p, "regex");
	if (regex == NULL)
		return parse_error_at(p, p->section_line, 0, error,
		                      "[pattern %s] has no 'regex = ...' line", p->cls->name);
	if (!parse_check_entry_limit(p, p->section_line, error))
		return FALSE;
	rules_pattern *pat = g_new0(rules_pattern, 1);
	pat->cls = p->cls;
	pat->confidence = p->cls->confidence;
	pat->where = parse_where(p, regex->line);
	/* Added first so that rules_set_free() owns it whatever fails next. */
	g_ptr_array_add(p->set->patterns, pat);
	if (!pattern_compile(p, regex, pat, error))
		return FALSE;
	return pattern_settings(p, pat, error);
}
