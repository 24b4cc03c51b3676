/*
 * entx rules plugin: the meaning of a rule file's sections and keys.
 *
 * core/rules.c splits a file into sections, entries and key = value
 * lines; this file checks each against the grammar of entx-rules(5) and
 * builds classes and gazetteer entries, handing [pattern] sections to
 * pattern.c. Every message is "FILE:LINE:COLUMN: what is wrong", columns
 * counting bytes from 1.
 */
#include "parse.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

/* The core's JSON-LD context defines these prefixes; see core/jsonld.c. */
static const char *const PREFIXES[] = {"schema",  "nif", "itsrdf", "time", "xsd",
                                       "dcterms", "rdf", "entx",   NULL};

gboolean rules_check_iri(const char *s, char **message)
{
	if (*s == '\0') {
		*message = g_strdup("empty IRI");
		return FALSE;
	}
	for (const char *c = s; *c != '\0'; c++)
		if ((unsigned char)*c <= ' ' || strchr("<>\"{}|\\^`", *c) != NULL) {
			*message = g_strdup_printf("'%s' is not an IRI: it contains '%c'", s, *c);
			return FALSE;
		}
	const char *colon = strchr(s, ':');
	size_t scheme_len = colon != NULL ? (size_t)(colon - s) : 0;
	gboolean scheme_ok = scheme_len > 0 && g_ascii_isalpha(s[0]);
	for (size_t i = 1; scheme_ok && i < scheme_len; i++)
		scheme_ok = g_ascii_isalnum(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.';
	if (!scheme_ok || colon[1] == '\0') {
		*message = g_strdup_printf("'%s' is not an IRI: write schema:NAME or a full IRI "
		                           "such as https://example.org/ns#NAME",
		                           s);
		return FALSE;
	}
	char *scheme = g_strndup(s, scheme_len);
	gboolean ok = g_strv_contains(PREFIXES, scheme) || strncmp(colon, "://", 3) == 0 ||
	              strcmp(scheme, "urn") == 0;
	if (!ok)
		*message = g_strdup_printf("unknown prefix '%s:' in '%s': write a full IRI "
		                           "(https://..., urn:...) or use one of schema:, nif:, "
		                           "itsrdf:, time:, xsd:, dcterms:, rdf:, entx:",
		                           scheme, s);
	g_free(scheme);
	return ok;
}

/*
 * The reader hands over keys and attributes without their columns;
 * errors are rare enough to read the line again to find them.
 */
size_t parse_find_column(const char *path, size_t line_no, const char *needle, gboolean after_bar)
{
	char *data = NULL;
	gsize size = 0;
	if (!g_file_get_contents(path, &data, &size, NULL))
		return 1;
	const char *p = data, *end = data + size;
	for (size_t n = 1; n < line_no && p < end; n++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl != NULL ? nl + 1 : end;
	}
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	char *line = g_strndup(p, (gsize)((eol != NULL ? eol : end) - p));
	const char *from = line;
	if (after_bar) {
		for (const char *c = line; *c != '\0'; c++) {
			if (c[0] == '\\' && c[1] != '\0') {
				c++;
			} else if (*c == '|') {
				from = c + 1;
				break;
			}
		}
	}
	const char *hit = needle != NULL ? strstr(from, needle) : NULL;
	if (hit == NULL)
		hit = line + strspn(line, " \t");
	size_t column = (size_t)(hit - line) + 1;
	g_free(line);
	g_free(data);
	return column;
}

/* For problems found after their line was read (a [pattern] compiled at
 * its end), when there is no entx_rules_line at hand. */
gboolean parse_error_at(const parser *p, size_t line_no, size_t column, GError **error,
                        const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	entx_rules_line where = {0};
	where.file = p->path;
	where.line = line_no;
	entx_rules_error(&where, column, error, "%s", msg);
	g_free(msg);
	return FALSE;
}

char *parse_where(const parser *p, size_t line_no)
{
	return g_strdup_printf("%s:%zu", p->path, line_no);
}

static void keys_clear(parser *p)
{
	for (size_t i = 0; i < p->keys->len; i++) {
		keyed_line *k = &g_array_index(p->keys, keyed_line, i);
		g_free(k->key);
		g_free(k->value);
	}
	g_array_set_size(p->keys, 0);
}

const keyed_line *parse_find_key(const parser *p, const char *key)
{
	for (size_t i = 0; i < p->keys->len; i++) {
		const keyed_line *k = &g_array_index(p->keys, keyed_line, i);
		if (strcmp(k->key, key) == 0)
			return k;
	}
	return NULL;
}

/* Records a key = value line, refusing a key given twice in one section. */
gboolean parse_remember_key(parser *p, const entx_rules_line *line, GError **error)
{
	const keyed_line *first = parse_find_key(p, line->key);
	if (first != NULL)
		return entx_rules_error(line, parse_find_column(p->path, line->line, NULL, FALSE),
		                        error, "duplicate key '%s' (first given at line %zu)",
		                        line->key, first->line);
	keyed_line k = {g_strdup(line->key), g_strdup(line->value), line->line, line->value_column};
	g_array_append_val(p->keys, k);
	return TRUE;
}

static gboolean parse_int(const char *s, int *out)
{
	char *end = NULL;
	errno = 0;
	gint64 v = g_ascii_strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
		return FALSE;
	*out = (int)v;
	return TRUE;
}

gboolean parse_confidence(const char *s, double *out)
{
	char *end = NULL;
	double v = g_ascii_strtod(s, &end);
	if (*s == '\0' || *end != '\0' || !isfinite(v) || v < 0 || v > 1)
		return FALSE;
	*out = v;
	return TRUE;
}

static gboolean parse_case(const char *s, entx_gaz_case *out)
{
	if (strcmp(s, "sensitive") == 0)
		*out = ENTX_GAZ_CASE_SENSITIVE;
	else if (strcmp(s, "insensitive") == 0)
		*out = ENTX_GAZ_CASE_INSENSITIVE;
	else
		return FALSE;
	return TRUE;
}

static gboolean valid_class_name(const char *s)
{
	if (!g_ascii_isalpha(s[0]))
		return FALSE;
	for (; *s != '\0'; s++)
		if (!g_ascii_isalnum(*s) && *s != '_' && *s != '-')
			return FALSE;
	return TRUE;
}

/* Refuses the entry or pattern starting at line_no beyond rules.max-entries. */
gboolean parse_check_entry_limit(const parser *p, size_t line_no, GError **error)
{
	size_t n = p->set->entries->len + p->set->patterns->len;
	if (n < p->set->limits.max_entries)
		return TRUE;
	return parse_error_at(p, line_no, 0, error,
	                      "more than %zu phrases and patterns in all rule files "
	                      "(raise the limit with --option=rules.max-entries=N)",
	                      p->set->limits.max_entries);
}

/* --- [class NAME] ------------------------------------------------------ */

static gboolean class_key(parser *p, const entx_rules_line *line, GError **error)
{
	rules_class *c = p->cls;
	const char *k = line->key, *v = line->value;
	size_t col = line->value_column;
	if (!parse_remember_key(p, line, error))
		return FALSE;
	if (strcmp(k, "iri") == 0) {
		char *msg = NULL;
		if (!rules_check_iri(v, &msg)) {
			entx_rules_error(line, col, error, "bad iri: %s", msg);
			g_free(msg);
			return FALSE;
		}
		c->iri = g_strdup(v);
	} else if (strcmp(k, "priority") == 0) {
		if (!parse_int(v, &c->priority))
			return entx_rules_error(line, col, error,
			                        "bad priority '%s': expected an integer", v);
	} else if (strcmp(k, "confidence") == 0) {
		if (!parse_confidence(v, &c->confidence))
			return entx_rules_error(
			    line, col, error, "bad confidence '%s': expected a number from 0 to 1",
			    v);
	} else if (strcmp(k, "case") == 0) {
		if (!parse_case(v, &c->case_mode))
			return entx_rules_error(line, col, error,
			                        "bad case '%s': expected sensitive or insensitive",
			                        v);
	} else {
		return entx_rules_error(line, parse_find_column(p->path, line->line, NULL, FALSE),
		                        error,
		                        "unknown key '%s' in [class %s] (expected iri, priority, "
		                        "confidence or case)",
		                        k, c->name);
	}
	return TRUE;
}

static gboolean finish_class(parser *p, GError **error)
{
	if (p->cls->iri == NULL && !rules_is_builtin_category(p->cls->name))
		return parse_error_at(
		    p, p->section_line, 0, error,
		    "class '%s' has no 'iri = ...' line (only Person, Organization, "
		    "Place, Date and Quantity may leave it out)",
		    p->cls->name);
	return TRUE;
}

/* --- [phrases NAME] ---------------------------------------------------- */

/* An attribute value "<...>" is an IRI; returns the IRI or NULL. */
char *parse_angle_iri(const char *v)
{
	size_t n = strlen(v);
	if (n >= 2 && v[0] == '<' && v[n - 1] == '>')
		return g_strndup(v + 1, n - 2);
	return NULL;
}

/* Reports a problem with attribute key of an entry, at the attribute. */
static gboolean attr_error(const parser *p, const entx_rules_line *line, const char *key,
                           GError **error, const char *format, ...) G_GNUC_PRINTF(5, 6);
static gboolean attr_error(const parser *p, const entx_rules_line *line, const char *key,
                           GError **error, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	char *needle = g_strconcat(key, "=", NULL);
	size_t col = parse_find_column(p->path, line->line, needle, TRUE);
	g_free(needle);
	entx_rules_error(line, col, error, "%s", msg);
	g_free(msg);
	return FALSE;
}

/* Fills e from the entry's attributes; props grows by one per property. */
static gboolean entry_attrs(parser *p, const entx_rules_line *line, rules_entry *e,
                            entx_gaz_case *case_mode, GArray *props, GError **error)
{
	GStringChunk *strings = p->set->strings;
	for (size_t i = 0; i < line->n_attrs; i++) {
		const char *k = line->attr_keys[i], *v = line->attr_values[i];
		char *msg = NULL;
		if (strcmp(k, "value") == 0) {
			e->value = g_string_chunk_insert_const(strings, v);
		} else if (strcmp(k, "case") == 0) {
			if (!parse_case(v, case_mode))
				return attr_error(
				    p, line, k, error,
				    "bad case '%s': expected sensitive or insensitive", v);
		} else if (strcmp(k, "class") == 0 || strcmp(k, "sameAs") == 0) {
			/* Both are always IRIs: <...> is allowed and means the same. */
			char *iri = parse_angle_iri(v);
			const char *s = iri != NULL ? iri : v;
			if (!rules_check_iri(s, &msg)) {
				attr_error(p, line, k, error, "%s", msg);
				g_free(msg);
				g_free(iri);
				return FALSE;
			}
			if (k[0] == 'c') {
				e->class_iri = g_string_chunk_insert_const(strings, s);
			} else {
				rules_prop prop = {"schema:sameAs", TRUE,
				                   g_string_chunk_insert_const(strings, s), NULL};
				g_array_append_val(props, prop);
			}
			g_free(iri);
		} else if (strcmp(k, "id") == 0) {
			rules_prop prop = {"schema:identifier", FALSE,
			                   g_string_chunk_insert_const(strings, v), NULL};
			g_array_append_val(props, prop);
		} else if (strchr(k, ':') != NULL) {
			if (!rules_check_iri(k, &msg)) {
				gboolean r = attr_error(p, line, k, error, "bad property: %s", msg);
				g_free(msg);
				return r;
			}
			char *iri = parse_angle_iri(v);
			if (iri != NULL && !rules_check_iri(iri, &msg)) {
				attr_error(p, line, k, error, "%s", msg);
				g_free(msg);
				g_free(iri);
				return FALSE;
			}
			rules_prop prop = {
			    g_string_chunk_insert_const(strings, k), iri != NULL,
			    g_string_chunk_insert_const(strings, iri != NULL ? iri : v), NULL};
			g_free(iri);
			g_array_append_val(props, prop);
		} else {
			return attr_error(
			    p, line, k, error,
			    "unknown attribute '%s' (expected id, sameAs, class, value, "
			    "case or a property such as schema:name)",
			    k);
		}
	}
	return TRUE;
}

static gboolean phrase_entry(parser *p, const entx_rules_line *line, GError **error)
{
	if (!parse_check_entry_limit(p, line->line, error))
		return FALSE;
	rules_entry e = {p->cls, NULL, NULL, 0, NULL};
	entx_gaz_case case_mode = p->cls->case_mode;
	GArray *props = g_array_new(FALSE, FALSE, sizeof(rules_prop));
	if (!entry_attrs(p, line, &e, &case_mode, props, error)) {
		g_array_free(props, TRUE);
		return FALSE;
	}
	uint32_t payload = (uint32_t)p->set->entries->len;
	if (entx_gazetteer_add(p->set->gazetteer, line->text, -1, payload, case_mode) < 0) {
		g_array_free(props, TRUE);
		return entx_rules_error(line, parse_find_column(p->path, line->line, NULL, FALSE),
		                        error, "entry '%s' has no words to match", line->text);
	}
	e.n_props = props->len;
	e.props = (rules_prop *)(void *)g_array_free(props, e.n_props == 0);
	g_array_append_val(p->set->entries, e);
	return TRUE;
}

/* --- sections ---------------------------------------------------------- */

static gboolean finish_section(parser *p, GError **error)
{
	gboolean ok = TRUE;
	if (p->kind == SEC_CLASS)
		ok = finish_class(p, error);
	else if (p->kind == SEC_PATTERN)
		ok = rules_pattern_finish(p, error);
	keys_clear(p);
	p->kind = SEC_NONE;
	p->cls = NULL;
	return ok;
}

static gboolean start_class(parser *p, const entx_rules_line *line, const char *name,
                            GError **error)
{
	size_t col = parse_find_column(p->path, line->line, name, FALSE);
	if (!valid_class_name(name))
		return entx_rules_error(line, col, error,
		                        "bad class name '%s': a letter, then letters, digits, '_' "
		                        "or '-'",
		                        name);
	rules_class *c = g_hash_table_lookup(p->set->class_by_name, name);
	if (c != NULL && c->declared)
		return entx_rules_error(
		    line, col, error, "duplicate class '%s' (first defined at %s)", name, c->where);
	if (c != NULL)
		return entx_rules_error(line, col, error,
		                        "[class %s] comes after the class is first used, at %s; "
		                        "move it before",
		                        name, c->where);
	char *w = parse_where(p, line->line);
	p->cls = rules_set_add_class(p->set, name, w);
	p->cls->declared = TRUE;
	g_free(w);
	return TRUE;
}

static gboolean start_section(parser *p, const entx_rules_line *line, GError **error)
{
	const char *kind = line->section;
	const char *name = line->args[0];
	p->section_line = line->line;
	if (strcmp(kind, "class") == 0)
		p->kind = SEC_CLASS;
	else if (strcmp(kind, "phrases") == 0)
		p->kind = SEC_PHRASES;
	else if (strcmp(kind, "pattern") == 0)
		p->kind = SEC_PATTERN;
	else
		return entx_rules_error(
		    line, parse_find_column(p->path, line->line, kind, FALSE), error,
		    "unknown section [%s] (expected class, phrases or pattern)", kind);
	if (name == NULL)
		return entx_rules_error(line, parse_find_column(p->path, line->line, "]", FALSE),
		                        error, "[%s] needs a class name: [%s NAME]", kind, kind);
	if (line->args[1] != NULL)
		return entx_rules_error(
		    line, parse_find_column(p->path, line->line, line->args[1], FALSE), error,
		    "[%s %s] takes one class name, not '%s'", kind, name, line->args[1]);
	if (p->kind == SEC_CLASS)
		return start_class(p, line, name, error);
	char *w = parse_where(p, line->line);
	p->cls = rules_set_class(p->set, name, w);
	g_free(w);
	if (p->cls == NULL)
		return entx_rules_error(
		    line, parse_find_column(p->path, line->line, name, FALSE), error,
		    "unknown class '%s': define it with [class %s] before it is "
		    "used (classes are read in file-name order)",
		    name, name);
	return TRUE;
}

static gboolean on_line(const entx_rules_line *line, void *user_data, GError **error)
{
	parser *p = user_data;
	if (line->is_section)
		return finish_section(p, error) && start_section(p, line, error);
	switch (p->kind) {
	case SEC_CLASS:
		return class_key(p, line, error);
	case SEC_PHRASES:
		return phrase_entry(p, line, error);
	case SEC_PATTERN:
		return rules_pattern_key(p, line, error);
	case SEC_NONE:
	default:
		return entx_rules_error(line, 0, error, "line outside a section");
	}
}

gboolean rules_parse_file(rules_set *set, const char *path, GError **error)
{
	parser p = {set, path, SEC_NONE, NULL, 0, g_array_new(FALSE, FALSE, sizeof(keyed_line))};
	GError *local = NULL;
	gboolean ok = entx_rules_read(path, NULL, set->limits.max_file_size, on_line, &p, &local);
	if (ok)
		ok = finish_section(&p, &local);
	keys_clear(&p);
	g_array_free(p.keys, TRUE);
	if (!ok && local != NULL && local->code == ENTX_ERR_LIMIT) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LIMIT,
		            "%s (raise the limit with --option=rules.max-file-size=BYTES)",
		            local->message);
		g_error_free(local);
	} else if (!ok) {
		g_propagate_error(error, local);
	}
	return ok;
}
