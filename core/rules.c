/*
 * The rule-file reader: sections, list entries and key = value lines,
 * with FILE:LINE:COLUMN in every message. The format is documented in
 * include/entx/rules.h and entx-rules(5).
 */
#include <entx/rules.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"

#define MAX_LINE (64 * 1024)

typedef struct {
	entx_rules_line line;
	char *section;
	char **args;
	gboolean section_is_list; /* the section's lines are entries */
	/* Entry attributes, pointing into the line: plain arrays, since
	 * tens of thousands of entries fill them one after another. */
	const char **keys, **values;
	size_t n_attrs, attrs_cap;
	gboolean lines_checked; /* the whole file is valid UTF-8 without NUL */
	size_t col_base; /* columns skipped before the text parsed now */
} reader;

gboolean entx_rules_error(const entx_rules_line *line, size_t column, GError **error,
                          const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	if (column > 0)
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG, "%s:%zu:%zu: %s", line->file, line->line,
		            column, msg);
	else
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG, "%s:%zu: %s", line->file, line->line, msg);
	g_free(msg);
	return FALSE;
}

const char *entx_rules_attr(const entx_rules_line *line, const char *key)
{
	for (size_t i = 0; i < line->n_attrs; i++)
		if (strcmp(line->attr_keys[i], key) == 0)
			return line->attr_values[i];
	return NULL;
}

static gboolean is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline gboolean is_key_char(char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

static gboolean valid_key(const char *s, size_t n)
{
	if (n == 0)
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!is_key_char(s[i]))
			return FALSE;
	return TRUE;
}

static gboolean is_list_kind(const char *const *list_kinds, const char *kind)
{
	if (kind == NULL)
		return FALSE;
	if (list_kinds == NULL)
		return strcmp(kind, "phrases") == 0;
	for (; *list_kinds; list_kinds++)
		if (strcmp(*list_kinds, kind) == 0)
			return TRUE;
	return FALSE;
}

static gboolean parse_section(reader *r, char *s, size_t len, const char *const *list_kinds,
                              GError **error)
{
	const entx_rules_line *l = &r->line;
	if (len < 2 || s[len - 1] != ']')
		return entx_rules_error(l, r->col_base + len + 1, error, "section header lacks its closing ']'");
	s[len - 1] = '\0';
	char **parts = g_strsplit_set(s + 1, " \t", -1);
	GPtrArray *words = g_ptr_array_new();
	for (char **p = parts; *p; p++)
		if (**p)
			g_ptr_array_add(words, g_strdup(*p));
	g_strfreev(parts);
	if (words->len == 0) {
		g_ptr_array_free(words, TRUE);
		return entx_rules_error(l, r->col_base + 2, error, "empty section header");
	}
	g_free(r->section);
	g_strfreev(r->args);
	r->section = g_ptr_array_index(words, 0);
	g_ptr_array_remove_index(words, 0);
	g_ptr_array_add(words, NULL);
	r->args = (char **)g_ptr_array_free(words, FALSE);
	r->section_is_list = is_list_kind(list_kinds, r->section);
	return TRUE;
}

static void add_attr(reader *r, const char *key, const char *value)
{
	if (r->n_attrs == r->attrs_cap) {
		r->attrs_cap = r->attrs_cap != 0 ? r->attrs_cap * 2 : 8;
		r->keys = g_renew(const char *, r->keys, r->attrs_cap);
		r->values = g_renew(const char *, r->values, r->attrs_cap);
	}
	r->keys[r->n_attrs] = key;
	r->values[r->n_attrs++] = value;
}

/*
 * The entry text of s, unescaped in place (it only gets shorter), up to
 * the first unescaped '|'; returns where that bar is (len for none) and
 * sets *text_len.
 */
static size_t cut_entry_text(char *s, size_t len, size_t *text_len)
{
	/* s[len] is NUL: most entries have no escape, and their text stays
	 * where it is. */
	size_t i = strcspn(s, "\\|");
	size_t w = i;
	for (; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '|' || s[i + 1] == '\\')) {
			s[w++] = s[++i];
			continue;
		}
		if (s[i] == '|')
			break;
		s[w++] = s[i];
	}
	*text_len = w;
	return i;
}

/*
 * Splits "text | k=v k2="a b"" into unescaped text and attributes, both
 * cut out of s in place (s[len] is already NUL).
 */
static gboolean parse_entry(reader *r, char *s, size_t len, GError **error)
{
	const entx_rules_line *l = &r->line;
	r->n_attrs = 0;
	size_t text_len = 0;
	size_t i = cut_entry_text(s, len, &text_len);
	while (text_len > 0 && is_blank(s[text_len - 1]))
		text_len--;
	if (text_len == 0)
		return entx_rules_error(l, r->col_base + 1, error, "entry has no text before '|'");
	/* The bar or a byte before it: the attributes start after i. */
	s[text_len] = '\0';
	for (i++; i < len;) {
		while (i < len && is_blank(s[i]))
			i++;
		if (i >= len)
			break;
		size_t k = i;
		/* A key is key characters up to '=': whatever else comes first,
		 * a blank, the end or another character, is an error at k. The
		 * line's end is a NUL, no key character. */
		while (is_key_char(s[i]))
			i++;
		if (i >= len || s[i] != '=' || i == k)
			return entx_rules_error(l, r->col_base + k + 1, error, "expected key=value after '|'");
		s[i++] = '\0'; /* ends the key */
		char *val = s + i;
		if (i < len && s[i] == '"') {
			size_t open = i++;
			val = s + i;
			while (i < len && s[i] != '"')
				i++;
			if (i >= len)
				return entx_rules_error(l, r->col_base + open + 1, error, "unterminated quoted value");
		} else {
			while (i < len && !is_blank(s[i]))
				i++;
		}
		s[i++] = '\0'; /* the closing quote, a blank, or the line's end */
		add_attr(r, s + k, val);
	}
	return TRUE;
}

static gboolean parse_key_value(reader *r, char *s, size_t len, GError **error)
{
	const entx_rules_line *l = &r->line;
	char *eq = memchr(s, '=', len);
	if (eq == NULL)
		return entx_rules_error(l, r->col_base + 1, error,
		                        "expected 'key = value' in section [%s]",
		                        r->section);
	size_t klen = eq - s;
	while (klen > 0 && is_blank(s[klen - 1]))
		klen--;
	if (!valid_key(s, klen))
		return entx_rules_error(l, r->col_base + 1, error, "bad key '%.*s'", (int)klen, s);
	s[klen] = '\0';
	char *v = eq + 1;
	while (is_blank(*v))
		v++;
	char *end = s + len;
	while (end > v && is_blank(end[-1]))
		end--;
	*end = '\0';
	r->line.key = s;
	r->line.value = v;
	r->line.value_column = r->col_base + (size_t)(v - s) + 1;
	return TRUE;
}

/*
 * entx_priv_utf8_valid() of a whole file: a multibyte character has no
 * ASCII byte, so only the runs between ASCII bytes go to glib, and the
 * many ASCII bytes after the first accent are skipped eight at a time.
 */
static gboolean file_valid(const char *s, size_t n)
{
	if (memchr(s, '\0', n) != NULL)
		return FALSE;
	for (size_t i = 0; i < n;) {
		i += entx_priv_ascii_prefix(s + i, n - i);
		size_t run = i;
		while (i < n && (unsigned char)s[i] >= 0x80)
			i++;
		if (i > run && !g_utf8_validate_len(s + run, i - run, NULL))
			return FALSE;
	}
	return TRUE;
}

/* One physical line, already stripped of its newline; s is writable. */
static gboolean read_line(reader *r, char *s, size_t len, const char *const *list_kinds,
                          entx_rules_fn fn, void *user_data, GError **error)
{
	entx_rules_line *l = &r->line;
	if (len > MAX_LINE)
		return entx_rules_error(l, 0, error, "line longer than %d bytes", MAX_LINE);
	if (!r->lines_checked && !entx_priv_utf8_valid(s, len))
		return entx_rules_error(l, 0, error, "not valid UTF-8");
	size_t lead = 0;
	while (lead < len && is_blank(s[lead]))
		lead++;
	if (lead == len || s[lead] == '#')
		return TRUE;
	while (len > lead && is_blank(s[len - 1]))
		len--;
	s[len] = '\0';

	l->is_section = FALSE;
	l->is_entry = FALSE;
	l->text = NULL;
	l->key = l->value = NULL;
	l->n_attrs = 0;
	r->col_base = lead;
	if (s[lead] == '[') {
		if (!parse_section(r, s + lead, len - lead, list_kinds, error))
			return FALSE;
		l->is_section = TRUE;
	} else if (r->section == NULL) {
		return entx_rules_error(l, lead + 1, error,
		                        "text before the first [section] header");
	} else if (r->section_is_list) {
		if (!parse_entry(r, s + lead, len - lead, error))
			return FALSE;
		l->is_entry = TRUE;
		l->text = s + lead;
		l->n_attrs = r->n_attrs;
		l->attr_keys = r->keys;
		l->attr_values = r->values;
	} else if (!parse_key_value(r, s + lead, len - lead, error)) {
		return FALSE;
	}
	l->section = r->section;
	l->args = (const char *const *)r->args;
	GError *local = NULL;
	if (fn(l, user_data, &local))
		return TRUE;
	if (local == NULL)
		return entx_rules_error(l, 0, error, "rejected");
	if (g_str_has_prefix(local->message, l->file))
		g_propagate_error(error, local);
	else {
		entx_rules_error(l, 0, error, "%s", local->message);
		g_error_free(local);
	}
	return FALSE;
}

gboolean entx_rules_read(const char *path, const char *const *list_kinds, size_t max_bytes,
                         entx_rules_fn fn, void *user_data, GError **error)
{
	struct stat st;
	if (stat(path, &st) == 0 && max_bytes > 0 && (size_t)st.st_size > max_bytes) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_LIMIT,
		            "%s: rule file is %lld bytes, more than the limit of %zu", path,
		            (long long)st.st_size, max_bytes);
		return FALSE;
	}
	char *data = NULL;
	gsize size = 0;
	GError *local = NULL;
	if (!g_file_get_contents(path, &data, &size, &local)) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_IO, "cannot read rule file: %s", local->message);
		g_error_free(local);
		return FALSE;
	}
	reader r = {0};
	r.line.file = path;
	/* Valid UTF-8 as a whole is valid line by line (a line ends at an
	 * ASCII byte), and so is a file without NUL: the lines then need no
	 * check of their own. Otherwise the first bad line is found as before. */
	r.lines_checked = file_valid(data, size);
	gboolean ok = TRUE;
	char *p = data, *end = data + size;
	while (ok && p < end) {
		char *nl = memchr(p, '\n', end - p);
		char *eol = nl != NULL ? nl : end;
		size_t len = eol - p;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		r.line.line++;
		/* Lines are cut in place: data is ours, and g_file_get_contents()
		 * ends it with a NUL, so even the last line has a byte to spare. */
		if (!r.lines_checked && memchr(p, '\0', len) != NULL)
			ok = entx_rules_error(&r.line, 0, error, "NUL byte in rule file");
		else
			ok = read_line(&r, p, len, list_kinds, fn, user_data, error);
		p = eol + 1;
	}
	g_free(data);
	g_free(r.section);
	g_strfreev(r.args);
	g_free(r.keys);
	g_free(r.values);
	return ok;
}
