/*
 * entx rules plugin: finding the rule files and holding what they define.
 *
 * Only files directly inside a rules directory are the user's: the
 * built-in plugins keep their data in subdirectories (rules/place/ ...)
 * in the same format but with their own meaning, so they are never read
 * here. A file name found in a more specific directory shadows the same
 * name further down the list, which is how a user replaces an installed
 * file. Files are read in name order whatever directory holds them, so
 * "00-classes.rules" can declare classes that later files use.
 */
#include "rules.h"

#include <string.h>

static const char *const BUILTIN_CATEGORIES[] = {"Person", "Organization", "Place",
                                                 "Date",   "Quantity",     NULL};

/* The priority of a class that does not set one: above every built-in plugin. */
#define RULES_DEFAULT_PRIORITY 50

gboolean rules_is_builtin_category(const char *name)
{
	return g_strv_contains(BUILTIN_CATEGORIES, name);
}

static void class_free(gpointer p)
{
	rules_class *c = p;
	g_free(c->name);
	g_free(c->iri);
	g_free(c->where);
	g_free(c);
}

static void prop_clear(rules_prop *p)
{
	g_free(p->key);
	g_free(p->text);
	rules_template_free(p->tpl);
}

static void pattern_free(gpointer p)
{
	rules_pattern *pat = p;
	g_free(pat->where);
	pcre2_code_free(pat->code);
	g_free(pat->class_iri);
	rules_template_free(pat->value);
	for (size_t i = 0; i < pat->n_props; i++)
		prop_clear(&pat->props[i]);
	g_free(pat->props);
	g_free(pat);
}

static rules_set *set_new(const rules_limits *limits)
{
	rules_set *set = g_new0(rules_set, 1);
	set->limits = *limits;
	set->classes = g_ptr_array_new_with_free_func(class_free);
	set->class_by_name = g_hash_table_new(g_str_hash, g_str_equal);
	set->entries = g_array_new(FALSE, FALSE, sizeof(rules_entry));
	set->strings = g_string_chunk_new(4096);
	set->gazetteer = entx_gazetteer_new();
	set->patterns = g_ptr_array_new_with_free_func(pattern_free);
	set->match_context = pcre2_match_context_create(NULL);
	if (set->match_context != NULL) {
		pcre2_set_match_limit(set->match_context, limits->match_limit);
		pcre2_set_depth_limit(set->match_context, limits->depth_limit);
	}
	return set;
}

void rules_set_free(rules_set *set)
{
	if (set == NULL)
		return;
	for (size_t i = 0; i < set->entries->len; i++)
		g_free(g_array_index(set->entries, rules_entry, i).props);
	g_array_free(set->entries, TRUE);
	g_string_chunk_free(set->strings);
	entx_gazetteer_free(set->gazetteer);
	g_ptr_array_free(set->patterns, TRUE);
	g_hash_table_destroy(set->class_by_name);
	g_ptr_array_free(set->classes, TRUE);
	pcre2_match_context_free(set->match_context);
	g_free(set);
}

rules_class *rules_set_add_class(rules_set *set, const char *name, const char *where)
{
	rules_class *c = g_new0(rules_class, 1);
	c->name = g_strdup(name);
	c->priority = RULES_DEFAULT_PRIORITY;
	c->confidence = RULES_DEFAULT_CONFIDENCE;
	c->case_mode = ENTX_GAZ_CASE_INSENSITIVE;
	c->where = g_strdup(where);
	g_ptr_array_add(set->classes, c);
	g_hash_table_insert(set->class_by_name, c->name, c);
	return c;
}

rules_class *rules_set_class(rules_set *set, const char *name, const char *where)
{
	rules_class *c = g_hash_table_lookup(set->class_by_name, name);
	if (c == NULL && rules_is_builtin_category(name))
		c = rules_set_add_class(set, name, where);
	return c;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Adds the *.rules files of dir not already in by_name (name -> path)
 * to it and to names.
 * A directory that does not exist is no error: most users have no
 * ~/.config/entx/rules. One that exists but cannot be read is worth a
 * warning, since rules the user wrote would be silently missing.
 */
static void add_dir_files(const entx_plugin_config *cfg, const char *dir, GHashTable *by_name,
                          GPtrArray *names)
{
	GError *local = NULL;
	GDir *d = g_dir_open(dir, 0, &local);
	if (d == NULL) {
		if (!g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
		    !g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
			entx_plugin_config_warn(cfg, "cannot read rules directory: %s",
			                        local->message);
		g_error_free(local);
		return;
	}
	const char *name = NULL;
	while ((name = g_dir_read_name(d)) != NULL) {
		if (name[0] == '.' || !g_str_has_suffix(name, ".rules") ||
		    g_hash_table_contains(by_name, name))
			continue;
		char *path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
			char *key = g_strdup(name);
			g_hash_table_insert(by_name, key, path);
			g_ptr_array_add(names, key);
		} else {
			g_free(path);
		}
	}
	g_dir_close(d);
}

rules_set *rules_set_load(const entx_plugin_config *cfg, const rules_limits *limits, GError **error)
{
	GHashTable *by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GPtrArray *names = g_ptr_array_new(); /* borrows by_name's keys */
	for (const char *const *dir = entx_plugin_config_rules_dirs(cfg);
	     dir != NULL && *dir != NULL; dir++)
		add_dir_files(cfg, *dir, by_name, names);
	g_ptr_array_sort(names, compare_names);
	rules_set *set = set_new(limits);
	gboolean ok = set->match_context != NULL;
	if (!ok)
		g_set_error(error, ENTX_ERROR, ENTX_ERR_NOMEM,
		            "cannot allocate a PCRE2 match context");
	for (size_t i = 0; ok && i < names->len; i++) {
		const char *path = g_hash_table_lookup(by_name, g_ptr_array_index(names, i));
		ok = rules_parse_file(set, path, error);
	}
	g_ptr_array_free(names, TRUE);
	g_hash_table_destroy(by_name);
	if (!ok) {
		rules_set_free(set);
		return NULL;
	}
	return set;
}
