/*
 * entx - phrase tables read from rule files; see lexicon.h.
 */
#include "lexicon.h"

#include "hash.h"
#include "hashmap.h"

#include <stdlib.h>
#include <entx/version.h>
#include <string.h>

/* The longest phrase, in tokens, a lookup tries: phrases are short. */
#define LEX_MAX_TOKENS 6

/* Continues the fold hash h with n bytes already lowercased. */
static inline uint64_t fnv_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = entx_priv_fold_ascii(h, (unsigned char)s[i]);
	return h;
}

/* Continues the fold hash h with n ASCII bytes, lowercasing capitals. */
static inline uint64_t fnv_ascii_lower(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = entx_priv_fold_ascii(h, entx_priv_ascii_lower((unsigned char)s[i]));
	return h;
}

/* The key of a normalized text; for ASCII it equals entx_hash_fold(). */
static uint64_t text_hash(const char *s, size_t n)
{
	return fnv_bytes(ENTX_PRIV_FNV_OFFSET, s, n);
}

struct lex_set {
	GHashTable *tables; /* name -> lex_table */
	lex_table empty;
};

static void entry_free(gpointer p)
{
	lex_entry *e = p;
	g_free(e->text);
	g_free(e->code);
	g_free(e->kind);
	g_free(e->qualifier);
	g_free(e);
}

static void table_init(lex_table *t)
{
	t->entries = g_ptr_array_new_with_free_func(entry_free);
	t->max_bytes = 0;
}

static void table_free(gpointer p)
{
	lex_table *t = p;
	if (t == NULL)
		return;
	g_ptr_array_free(t->entries, TRUE);
	hashmap_free(&t->by_key);
	hashmap_free(&t->prefixes);
	hashmap_free(&t->by_hash);
	hashmap_free(&t->first);
	g_free(t);
}

lex_set *lex_set_new(void)
{
	lex_set *set = g_new0(lex_set, 1);
	set->tables = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, table_free);
	table_init(&set->empty);
	return set;
}

void lex_set_free(lex_set *set)
{
	if (set == NULL)
		return;
	g_hash_table_destroy(set->tables);
	g_ptr_array_free(set->empty.entries, TRUE);
	hashmap_free(&set->empty.by_key);
	hashmap_free(&set->empty.prefixes);
	hashmap_free(&set->empty.by_hash);
	hashmap_free(&set->empty.first);
	g_free(set);
}

/* Lowercases and reduces every run of white space to one space. */
static char *normalize(const char *text)
{
	char *lower = g_utf8_strdown(text, -1);
	GString *out = g_string_sized_new(strlen(lower));
	gboolean space = FALSE;
	for (const char *p = lower; *p; p++) {
		if (g_ascii_isspace(*p)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = FALSE;
		g_string_append_c(out, *p);
	}
	g_free(lower);
	return g_string_free(out, FALSE);
}

static lex_table *set_table(lex_set *set, const char *name)
{
	lex_table *t = g_hash_table_lookup(set->tables, name);
	if (t == NULL) {
		t = g_new0(lex_table, 1);
		table_init(t);
		g_hash_table_insert(set->tables, g_strdup(name), t);
	}
	return t;
}

static void add_first(lex_table *t, const char *s, size_t len)
{
	hashmap_put(&t->first, entx_hash_fold(s, len), 1);
}

/*
 * Records what the first token of an entry may look like, whichever way
 * the tokenizer splits it: its first word ("a.m."), the letters and
 * digits that start it ("us" of "us$"), or its first character ("$").
 */
static void add_first_tokens(lex_table *t, const char *text)
{
	size_t word = strcspn(text, " ");
	size_t alnum = 0;
	add_first(t, text, word);
	while (alnum < word && g_ascii_isalnum(text[alnum]))
		alnum++;
	if (alnum > 0 && alnum < word)
		add_first(t, text, alnum);
	if (alnum == 0 && word > 0) {
		const char *next = g_utf8_next_char(text);
		add_first(t, text, (size_t)(next - text));
	}
}

/*
 * Reads an ISO 8601 duration of one designator ("P1D", "PT1H", "P10Y")
 * into e: the multiples of one unit are all a quantity needs. FALSE for
 * anything else, a lowercase designator or a date designator after "T"
 * among them.
 */
static gboolean read_duration(const char *v, lex_entry *e)
{
	if (*v++ != 'P')
		return FALSE;
	gboolean in_time = *v == 'T';
	if (in_time)
		v++;
	if (!g_ascii_isdigit(*v))
		return FALSE;
	char *end;
	double amount = g_ascii_strtod(v, &end);
	if (end == v || !(amount > 0) || end[0] == '\0' || end[1] != '\0' ||
	    strchr(in_time ? "HMS" : "YMWD", end[0]) == NULL)
		return FALSE;
	e->duration_amount = amount;
	e->duration_designator = end[0];
	e->duration_in_time = in_time;
	return TRUE;
}

/* The entry on line; *bad_duration is a duration= value read_duration() turned away, or NULL. */
static lex_entry *entry_from_line(const entx_rules_line *line, const char **bad_duration)
{
	lex_entry *e = g_new0(lex_entry, 1);
	e->text = normalize(line->text);
	for (size_t i = 0; i < line->n_attrs; i++) {
		const char *k = line->attr_keys[i];
		const char *v = line->attr_values[i];
		if (strcmp(k, "value") == 0) {
			e->value = g_ascii_strtod(v, NULL);
		} else if (strcmp(k, "code") == 0) {
			g_free(e->code);
			e->code = g_strdup(v);
		} else if (strcmp(k, "kind") == 0) {
			g_free(e->kind);
			e->kind = g_strdup(v);
		} else if (strcmp(k, "qualifier") == 0) {
			g_free(e->qualifier);
			e->qualifier = g_strdelimit(g_strdup(v), "_", ' ');
		} else if (strcmp(k, "scaled") == 0) {
			e->scaled = strcmp(v, "1") == 0;
		} else if (strcmp(k, "duration") == 0) {
			if (!read_duration(v, e))
				*bad_duration = v;
		}
	}
	return e;
}

static gboolean on_line(const entx_rules_line *line, void *user_data, GError **error)
{
	lex_set *set = user_data;
	if (!line->is_entry)
		return TRUE;
	if (line->args == NULL || line->args[0] == NULL)
		return entx_rules_error(line, 0, error, "a [phrases NAME] section needs a name");
	const char *bad_duration = NULL;
	lex_entry *e = entry_from_line(line, &bad_duration);
	if (bad_duration != NULL) {
		gboolean ok = entx_rules_error(line, 0, error,
		                               "bad duration '%s': expected an ISO 8601 duration "
		                               "of one unit, such as P1D or PT1H",
		                               bad_duration);
		entry_free(e);
		return ok;
	}
	if (e->text[0] == '\0') {
		entry_free(e);
		return TRUE;
	}
	lex_table *t = set_table(set, line->args[0]);
	/* A phrase listed twice keeps its first entry. */
	size_t len = strlen(e->text);
	if (hashmap_contains(&t->by_key, text_hash(e->text, len))) {
		entry_free(e);
		return TRUE;
	}
	hashmap_put(&t->by_key, text_hash(e->text, len), t->entries->len);
	g_ptr_array_add(t->entries, e);
	for (size_t k = 1; k < len; k++)
		hashmap_put(&t->prefixes, text_hash(e->text, k), 1);
	hashmap_put(&t->by_hash, entx_hash_fold(e->text, len), 1);
	add_first_tokens(t, e->text);
	if (len > t->max_bytes)
		t->max_bytes = len;
	return TRUE;
}

gboolean lex_set_load(lex_set *set, const entx_plugin_config *cfg, const char *name, GError **error)
{
	char *path = entx_plugin_config_find_rules(cfg, name);
	if (path == NULL) {
		g_set_error(error, ENTX_ERROR, ENTX_ERR_CONFIG,
		            "rule file %s not found in the rules directories", name);
		return FALSE;
	}
	gboolean ok = entx_rules_read(path, NULL, 0, on_line, set, error);
	g_free(path);
	return ok;
}

static void *quantity_new(const entx_plugin_config *cfg, GError **error)
{
	static const char *const files[] = {"quantity/numbers.rules", "quantity/units.rules",
	                                    "quantity/currencies.rules", "quantity/words.rules",
	                                    NULL};
	lex_set *set = lex_set_new();
	for (const char *const *f = files; *f; f++) {
		if (!lex_set_load(set, cfg, *f, error)) {
			lex_set_free(set);
			return NULL;
		}
	}
	return set;
}

static void quantity_free(gpointer set)
{
	lex_set_free(set);
}

const lex_set *lex_set_quantity(const entx_plugin_config *cfg, GError **error)
{
	/* The version keeps plugins of two builds from sharing one struct. */
	return entx_plugin_config_shared(cfg, "quantity.lexicon/" ENTX_VERSION_STRING, quantity_new,
	                                 quantity_free, error);
}

const lex_table *lex_set_table(const lex_set *set, const char *name)
{
	const lex_table *t = g_hash_table_lookup(set->tables, name);
	return t != NULL ? t : &set->empty;
}

/* lex_token_lower() of the len bytes at s. */
static size_t lex_token_lower_text(const char *s, size_t len, char *buf, size_t n)
{
	gboolean ascii = TRUE;
	if (len + 1 > n) {
		buf[0] = '\0';
		return 0;
	}
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if ((unsigned char)ch >= 0x80 || ch == '\0')
			ascii = FALSE;
		buf[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
	}
	buf[len] = '\0';
	if (ascii)
		return len;
	char *lower = g_utf8_strdown(s, (gssize)len);
	size_t ll = strlen(lower);
	if (ll + 1 > n) {
		g_free(lower);
		buf[0] = '\0';
		return 0;
	}
	memcpy(buf, lower, ll + 1);
	g_free(lower);
	return ll;
}

size_t lex_token_lower(const entx_doc *doc, const entx_token *tok, char *buf, size_t n)
{
	const char *text = entx_doc_text(doc, NULL);
	return lex_token_lower_text(text + tok->byte_begin, tok->byte_end - tok->byte_begin, buf, n);
}

static const lex_entry *entry_for(const lex_table *t, uint64_t key)
{
	const uint32_t *v = hashmap_get(&t->by_key, key);
	return v != NULL ? g_ptr_array_index(t->entries, *v) : NULL;
}

/*
 * Continues key h with the lowercased text of tok, as lex_token_lower()
 * writes it; *len grows by its length. FALSE when it does not fit.
 */
static gboolean hash_token(const char *text, const entx_token *tok, uint64_t *h, size_t *len)
{
	const char *s = text + tok->byte_begin;
	size_t n = tok->byte_end - tok->byte_begin;
	/* As many code points as bytes: ASCII (tokens hold no NUL). */
	if (tok->cp_end - tok->cp_begin == n) {
		*h = fnv_ascii_lower(*h, s, n);
		*len += n;
		return TRUE;
	}
	char buf[256];
	size_t w = lex_token_lower_text(s, n, buf, sizeof buf);
	if (w == 0)
		return FALSE;
	*h = fnv_bytes(*h, buf, w);
	*len += w;
	return TRUE;
}

/*
 * lex_match(); with first_folded, an ASCII token i starts the key with
 * its fold_hash, which for ASCII is the key hash_token() would compute.
 * Inlined into both, so that lex_match() keeps its code.
 */
static inline const lex_entry *match(const lex_table *t, const char *text,
                                     const entx_token *toks, size_t n, size_t i, size_t limit,
                                     size_t *n_tokens, gboolean first_folded)
    __attribute__((always_inline));

static inline const lex_entry *match(const lex_table *t, const char *text,
                                     const entx_token *toks, size_t n, size_t i, size_t limit,
                                     size_t *n_tokens, gboolean first_folded)
{
	const lex_entry *best = NULL;
	size_t best_n = 0;
	if (n_tokens != NULL)
		*n_tokens = 0;
	if (i >= n || !lex_may_start(t, &toks[i]))
		return NULL;
	if (limit > n)
		limit = n;
	uint64_t h = ENTX_PRIV_FNV_OFFSET;
	size_t len = 0;
	for (size_t j = i; j < limit && j - i < LEX_MAX_TOKENS; j++) {
		const entx_token *tok = &toks[j];
		if (j > i && (tok->flags & (ENTX_TOK_SPACE_BEFORE | ENTX_TOK_NEWLINE_BEFORE))) {
			h = entx_priv_fold_ascii(h, ' ');
			len++;
			if (!hashmap_contains(&t->prefixes, h))
				break;
		}
		size_t bytes = tok->byte_end - tok->byte_begin;
		if (first_folded && j == i && tok->cp_end - tok->cp_begin == bytes) {
			h = tok->fold_hash;
			len = bytes;
		} else if (!hash_token(text, tok, &h, &len)) {
			break;
		}
		if (len > t->max_bytes)
			break;
		const lex_entry *e = entry_for(t, h);
		if (e != NULL) {
			best = e;
			best_n = j - i + 1;
		}
		if (!hashmap_contains(&t->prefixes, h))
			break;
	}
	if (n_tokens != NULL)
		*n_tokens = best_n;
	return best;
}

const lex_entry *lex_match(const lex_table *t, const entx_doc *doc, size_t i, size_t limit,
                           size_t *n_tokens)
{
	size_t n = 0;
	const entx_token *toks = entx_doc_tokens(doc, &n);
	return match(t, entx_doc_text(doc, NULL), toks, n, i, limit, n_tokens, FALSE);
}

const lex_entry *lex_match_folded(const lex_table *t, const entx_doc *doc, size_t i, size_t limit,
                                  size_t *n_tokens)
{
	size_t n = 0;
	const entx_token *toks = entx_doc_tokens(doc, &n);
	return match(t, entx_doc_text(doc, NULL), toks, n, i, limit, n_tokens, TRUE);
}

const lex_entry *lex_match_folded_src(const lex_table *t, const char *text,
                                      const entx_token *toks, size_t n, size_t i, size_t limit,
                                      size_t *n_tokens)
{
	return match(t, text, toks, n, i, limit, n_tokens, TRUE);
}

const lex_entry *lex_lookup(const lex_table *t, const char *text)
{
	return entry_for(t, text_hash(text, strlen(text)));
}

void lex_table_foreach(const lex_table *t, GHFunc fn, gpointer user_data)
{
	for (guint i = 0; i < t->entries->len; i++) {
		lex_entry *e = g_ptr_array_index(t->entries, i);
		fn(e->text, e, user_data);
	}
}

const lex_entry *lex_lookup_ascii_lower(const lex_table *t, const char *s, size_t n)
{
	return entry_for(t, fnv_ascii_lower(ENTX_PRIV_FNV_OFFSET, s, n));
}

guint64 lex_hyphen_head(const entx_doc *doc, const entx_token *tok)
{
	const char *text = entx_doc_text(doc, NULL) + tok->byte_begin;
	size_t len = tok->byte_end - tok->byte_begin;
	const char *dash = memchr(text, '-', len);
	return dash != NULL && dash > text ? entx_hash_fold(text, (size_t)(dash - text)) : 0;
}
