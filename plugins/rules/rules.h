/*
 * entx rules plugin: user rule files (gazetteers and PCRE2 patterns)
 * that define entity classes without compiling anything.
 *
 * A ruleset is built once by create() (ruleset.c finds the files,
 * parse.c turns their lines into classes and phrases, pattern.c compiles
 * patterns and template.c their ${group} templates) and is read-only
 * afterwards, so match.c can run extract() on many documents at once.
 * The format is documented in entx-rules(5).
 */
#ifndef ENTX_RULES_PLUGIN_H
#define ENTX_RULES_PLUGIN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <entx/plugin.h>
#include <pcre2.h>

/* Defaults of the plugin's options. */
#define RULES_DEFAULT_MATCH_LIMIT   1000000u
#define RULES_DEFAULT_DEPTH_LIMIT   10000u
#define RULES_DEFAULT_MAX_FILE_SIZE (16u * 1024 * 1024)
#define RULES_DEFAULT_MAX_ENTRIES   1000000u
#define RULES_DEFAULT_CONFIDENCE    0.9

typedef struct rules_limits {
	uint32_t match_limit; /* pcre2_set_match_limit */
	uint32_t depth_limit; /* pcre2_set_depth_limit */
	size_t max_file_size; /* bytes per rule file */
	size_t max_entries;   /* phrase entries plus patterns, all files */
	gboolean jit;         /* JIT-compile patterns when PCRE2 can */
} rules_limits;

/* A class: the category printed by --format=tsv and its defaults. */
typedef struct rules_class {
	char *name;   /* short name, the mention's category */
	char *iri;    /* NULL: the core's default for a built-in category */
	int priority; /* merge priority of its mentions */
	double confidence;
	entx_gaz_case case_mode; /* default for its phrases */
	char *where;             /* "FILE:LINE" of its [class] section or first use */
	gboolean declared;       /* TRUE once a [class] section defined it */
} rules_class;

/*
 * A template: text with ${NAME} or ${N} references to capture groups of
 * one pattern, compiled to parts. A part with group < 0 is literal.
 */
typedef struct rules_tpl_part {
	int group;
	char *literal;
} rules_tpl_part;

typedef struct rules_template {
	size_t n_parts;
	rules_tpl_part *parts;
} rules_template;

/*
 * A property a mention gets, key a compact IRI. A phrase entry's key and
 * text point into the set's string chunk (millions of entries share a
 * few keys); a pattern's key and template are its own.
 */
typedef struct rules_prop {
	char *key;
	gboolean is_iri;     /* written <...>: a node reference, not a string */
	char *text;          /* phrase entries: the value itself */
	rules_template *tpl; /* patterns: the value's template */
} rules_prop;

/* One phrase of a [phrases] section; the gazetteer payload indexes these. */
typedef struct rules_entry {
	const rules_class *cls;
	const char *class_iri; /* class= override, or NULL for the class's own */
	const char *value;     /* normalized value, or NULL */
	size_t n_props;        /* id, sameAs and compact-IRI attributes */
	rules_prop *props;
} rules_entry;

/* One [pattern] section, compiled. */
typedef struct rules_pattern {
	const rules_class *cls;
	char *where; /* "FILE:LINE" of its regex, for warnings */
	pcre2_code *code;
	uint32_t group; /* the capture group that is the span (0: the match) */
	double confidence;
	char *class_iri;       /* class = override, or NULL */
	rules_template *value; /* or NULL */
	size_t n_props;
	rules_prop *props;
} rules_pattern;

typedef struct rules_set {
	rules_limits limits;
	GPtrArray *classes;        /* rules_class *, owned */
	GHashTable *class_by_name; /* name -> rules_class *, borrowed */
	GArray *entries;           /* rules_entry */
	GStringChunk *strings;     /* the entries' strings, shared */
	entx_gazetteer *gazetteer;
	GPtrArray *patterns; /* rules_pattern *, owned */
	pcre2_match_context *match_context;
} rules_set;

/* ruleset.c */

/*
 * rules_set_load:
 * Builds a ruleset from every *.rules file directly inside the rules
 * directories of cfg. Returns the set, or NULL with *error set naming
 * the file, line and column of the first problem.
 */
rules_set *rules_set_load(const entx_plugin_config *cfg, const rules_limits *limits,
                          GError **error);
void rules_set_free(rules_set *set);

/*
 * rules_set_add_class:
 * Adds a class called name with the defaults; where is "FILE:LINE".
 */
rules_class *rules_set_add_class(rules_set *set, const char *name, const char *where);

/*
 * rules_set_class:
 * The class called name, creating it as an implicit built-in class when
 * name is one of the five built-in categories (rules_is_builtin_category:
 * Person, Organization, Place, Date, Quantity). NULL when it is unknown.
 */
rules_class *rules_set_class(rules_set *set, const char *name, const char *where);
gboolean rules_is_builtin_category(const char *name);

/* parse.c */

/*
 * rules_parse_file:
 * Adds the classes, entries and patterns of the rule file at path to
 * set. Returns FALSE with *error set ("FILE:LINE:COLUMN: ...") on the
 * first problem; set is then only good for rules_set_free().
 */
gboolean rules_parse_file(rules_set *set, const char *path, GError **error);

/*
 * rules_check_iri:
 * Checks that s is a compact IRI with one of the prefixes the JSON-LD
 * context defines (schema:Person), or a full IRI (https://..., urn:...).
 * Returns TRUE, or FALSE with *message (g_free) saying what is wrong.
 */
gboolean rules_check_iri(const char *s, char **message);

/* template.c */

/*
 * rules_template_compile:
 * Compiles text against the capture groups of code. Returns the
 * template, or NULL with *message (g_free) saying what is wrong and
 * *offset the byte offset in text where.
 */
rules_template *rules_template_compile(const char *text, const pcre2_code *code, char **message,
                                       size_t *offset);
void rules_template_free(rules_template *tpl);

/*
 * rules_template_expand:
 * The template's text for one match of subject (ovector from
 * pcre2_get_ovector_pointer). Returns a newly allocated string
 * (g_free), or NULL when the template refers to a group that did not
 * take part in the match: "<https://x/${kind}>" must not become
 * "<https://x/>".
 */
char *rules_template_expand(const rules_template *tpl, const char *subject,
                            const PCRE2_SIZE *ovector, uint32_t n_pairs);

/* match.c */

/*
 * rules_extract:
 * Adds the mentions of set's phrases and patterns to doc. Pattern
 * limits hit are warnings on doc. Returns TRUE, or FALSE with *error
 * set when memory for matching could not be allocated.
 */
gboolean rules_extract(const rules_set *set, entx_doc *doc, GError **error);

#endif
