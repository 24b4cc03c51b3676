/*
 * entx rules plugin: the descriptor, options and lifecycle. Classes,
 * phrases and patterns come from the user's rule files (entx-rules(5)).
 *
 * Options (--option=rules.KEY=VALUE):
 *   match-limit=N    PCRE2 match limit per match attempt
 *   depth-limit=N    PCRE2 backtracking depth limit (interpreter only)
 *   max-file-size=S  largest rule file, bytes, with K, M or G suffix
 *   max-entries=N    phrases plus patterns in all files
 *   jit=yes|no       JIT-compile patterns
 */
#include "rules.h"
#include <entx/version.h>

#include <errno.h>
#include <string.h>

/*
 * A positive count up to max, with an optional K, M or G suffix
 * (powers of 1024) when sizes is TRUE.
 */
static gboolean parse_count(const char *s, guint64 max, gboolean sizes, guint64 *out)
{
	char *end = NULL;
	errno = 0;
	guint64 v = g_ascii_strtoull(s, &end, 10);
	if (end == s || errno != 0 || s[0] == '-' || s[0] == '+')
		return FALSE;
	guint64 scale = 1;
	if (sizes && *end != '\0' && end[1] == '\0') {
		const char *units = "KMG";
		const char *u = strchr(units, g_ascii_toupper(*end));
		if (u == NULL)
			return FALSE;
		for (const char *x = units; x <= u; x++)
			scale *= 1024;
		end++;
	}
	if (*end != '\0' || v == 0 || v > max / scale)
		return FALSE;
	*out = v * scale;
	return TRUE;
}

static gboolean count_option(const entx_plugin_config *cfg, const char *key, guint64 max,
                             gboolean sizes, guint64 *value, GError **error)
{
	const char *s = entx_plugin_config_get(cfg, key);
	if (s == NULL)
		return TRUE;
	if (parse_count(s, max, sizes, value))
		return TRUE;
	g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
	            "bad value '%s' for option rules.%s: expected a whole number from 1 to "
	            "%" G_GUINT64_FORMAT "%s",
	            s, key, max, sizes ? " (suffixes K, M, G)" : "");
	return FALSE;
}

static gboolean read_options(const entx_plugin_config *cfg, rules_limits *limits, GError **error)
{
	guint64 match_limit = RULES_DEFAULT_MATCH_LIMIT, depth_limit = RULES_DEFAULT_DEPTH_LIMIT;
	guint64 file_size = RULES_DEFAULT_MAX_FILE_SIZE, entries = RULES_DEFAULT_MAX_ENTRIES;
	if (!count_option(cfg, "match-limit", UINT32_MAX, FALSE, &match_limit, error) ||
	    !count_option(cfg, "depth-limit", UINT32_MAX, FALSE, &depth_limit, error) ||
	    !count_option(cfg, "max-file-size", G_MAXSIZE, TRUE, &file_size, error) ||
	    !count_option(cfg, "max-entries", UINT32_MAX, FALSE, &entries, error))
		return FALSE;
	const char *jit = entx_plugin_config_get(cfg, "jit");
	limits->jit = jit == NULL || strcmp(jit, "yes") == 0;
	if (jit != NULL && !limits->jit && strcmp(jit, "no") != 0) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
		            "bad value '%s' for option rules.jit: expected yes or no", jit);
		return FALSE;
	}
	limits->match_limit = (uint32_t)match_limit;
	limits->depth_limit = (uint32_t)depth_limit;
	limits->max_file_size = (size_t)file_size;
	limits->max_entries = (size_t)entries;
	return TRUE;
}

static void *rules_create(const entx_plugin_config *cfg, GError **error)
{
	rules_limits limits = {0};
	if (!read_options(cfg, &limits, error))
		return NULL;
	return rules_set_load(cfg, &limits, error);
}

static gboolean rules_plugin_extract(void *state, entx_doc *doc, GError **error)
{
	return rules_extract(state, doc, error);
}

static void rules_destroy(void *state)
{
	rules_set_free(state);
}

/* The classes come from the rule files; "*" says so in --list-plugins. */
static const char *const rules_classes[] = {"*", NULL};
ENTX_PLUGIN_DEFINE("rules", ENTX_VERSION_STRING, "user rule files: gazetteers and PCRE2 patterns",
                   "GPL-3.0-or-later", rules_classes, 50, rules_create, rules_plugin_extract,
                   rules_destroy)
