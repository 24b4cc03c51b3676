/*
 * entx rules plugin: value templates such as "${family}-${model}".
 *
 * Group names are resolved to numbers when the rule file is read, so a
 * misspelt name is an error with its column instead of an empty value
 * in every document, and expansion does no lookups.
 */
#include "rules.h"

#include <string.h>

void rules_template_free(rules_template *tpl)
{
	if (tpl == NULL)
		return;
	for (size_t i = 0; i < tpl->n_parts; i++)
		g_free(tpl->parts[i].literal);
	g_free(tpl->parts);
	g_free(tpl);
}

static void add_literal(GArray *parts, GString *lit)
{
	if (lit->len == 0)
		return;
	rules_tpl_part part = {-1, g_strndup(lit->str, lit->len)};
	g_array_append_val(parts, part);
	g_string_truncate(lit, 0);
}

/* The group number of the reference `name`, or -1 with *message set. */
static int resolve_group(const char *name, const pcre2_code *code, char **message)
{
	uint32_t n_groups = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &n_groups);
	if (name[0] == '\0') {
		*message = g_strdup("empty group reference '${}'");
		return -1;
	}
	if (strspn(name, "0123456789") == strlen(name)) {
		guint64 n = g_ascii_strtoull(name, NULL, 10);
		if (n > n_groups) {
			*message = g_strdup_printf("the regex has no group %s (it has %u)", name,
			                           n_groups);
			return -1;
		}
		return (int)n;
	}
	int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
	if (n == PCRE2_ERROR_NOUNIQUESUBSTRING) {
		*message = g_strdup_printf(
		    "group name '%s' is not unique in the regex; use its number", name);
		return -1;
	}
	if (n < 0) {
		*message = g_strdup_printf("the regex has no group named '%s'", name);
		return -1;
	}
	return n;
}

rules_template *rules_template_compile(const char *text, const pcre2_code *code, char **message,
                                       size_t *offset)
{
	GArray *parts = g_array_new(FALSE, FALSE, sizeof(rules_tpl_part));
	GString *lit = g_string_new(NULL);
	const char *p = text;
	gboolean ok = TRUE;
	while (ok && *p != '\0') {
		if (p[0] != '$') {
			g_string_append_c(lit, *p++);
			continue;
		}
		if (p[1] == '$') {
			g_string_append_c(lit, '$');
			p += 2;
			continue;
		}
		*offset = (size_t)(p - text);
		const char *close = p[1] == '{' ? strchr(p + 2, '}') : NULL;
		if (p[1] != '{') {
			*message = g_strdup(
			    "'$' must start a ${group} reference; write '$$' for a dollar sign");
			ok = FALSE;
		} else if (close == NULL) {
			*message = g_strdup("'${' without its closing '}'");
			ok = FALSE;
		} else {
			char *name = g_strndup(p + 2, (gsize)(close - p - 2));
			int group = resolve_group(name, code, message);
			g_free(name);
			ok = group >= 0;
			if (ok) {
				add_literal(parts, lit);
				rules_tpl_part part = {group, NULL};
				g_array_append_val(parts, part);
				p = close + 1;
			}
		}
	}
	add_literal(parts, lit);
	g_string_free(lit, TRUE);
	rules_template *tpl = g_new0(rules_template, 1);
	tpl->n_parts = parts->len;
	tpl->parts = (rules_tpl_part *)(void *)g_array_free(parts, FALSE);
	if (!ok) {
		rules_template_free(tpl);
		return NULL;
	}
	return tpl;
}

char *rules_template_expand(const rules_template *tpl, const char *subject,
                            const PCRE2_SIZE *ovector, uint32_t n_pairs)
{
	GString *out = g_string_new(NULL);
	for (size_t i = 0; i < tpl->n_parts; i++) {
		const rules_tpl_part *part = &tpl->parts[i];
		if (part->group < 0) {
			g_string_append(out, part->literal);
			continue;
		}
		uint32_t g = (uint32_t)part->group;
		if (g >= n_pairs || ovector[2 * g] == PCRE2_UNSET) {
			g_string_free(out, TRUE);
			return NULL;
		}
		/* \K in a lookahead can put a start after its end. */
		if (ovector[2 * g + 1] > ovector[2 * g])
			g_string_append_len(out, subject + ovector[2 * g],
			                    (gssize)(ovector[2 * g + 1] - ovector[2 * g]));
	}
	return g_string_free(out, FALSE);
}
