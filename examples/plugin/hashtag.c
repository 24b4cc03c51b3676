/*
 * hashtag.c: an example entx plugin that finds #hashtags and @handles.
 *
 * Build it against an installed entx and run it:
 *
 *     cc -shared -fPIC $(pkg-config --cflags entx) hashtag.c -o hashtag.so
 *     echo 'Thanks @NASA_Webb for #JWST!' | entx --plugin-path=. --plugins=hashtag
 *
 * entx-plugin(3) documents the ABI this file relies on: the descriptor,
 * the lifecycle, the threading contract and who owns which pointer.
 *
 * Every function but the entry point is static: a plugin exports exactly
 * one symbol, entx_plugin_get_desc, which ENTX_PLUGIN_DEFINE writes.
 */
#include <entx/plugin.h>

#include <string.h>

/* The class IRI of handles. Hashtags use a schema.org class instead. */
#define HANDLE_IRI "https://example.org/entx/ns#SocialMediaHandle"

/*
 * The plugin's state, made once by create() and then only read:
 * extract() may run on several documents at once with the same state,
 * so nothing in it may change after create() returns.
 */
typedef struct {
	size_t max_length; /* longest tag or handle, in characters */
} hashtag_state;

/*
 * create(): reads the options (--option=hashtag.max-length=N). Every
 * option the plugin knows must be read with entx_plugin_config_get(),
 * even when it is not given: the core reports options no plugin read as
 * mistakes. cfg is only valid during this call. On failure return NULL
 * and set *error; the core prints the message, naming the plugin.
 */
static void *hashtag_create(const entx_plugin_config *cfg, GError **error)
{
	size_t max_length = 100;
	const char *opt = entx_plugin_config_get(cfg, "max-length");
	if (opt != NULL) {
		char *end = NULL;
		guint64 v = g_ascii_strtoull(opt, &end, 10);
		if (*opt == '\0' || *end != '\0' || v == 0 || v > 10000) {
			g_set_error(
			    error, ENTX_ERROR, ENTX_ERR_CONFIG,
			    "bad value '%s' for option hashtag.max-length: expected 1 to 10000",
			    opt);
			return NULL;
		}
		max_length = (size_t)v;
	}
	hashtag_state *s = g_new(hashtag_state, 1);
	s->max_length = max_length;
	return s;
}

static gboolean is_tag_char(gunichar c)
{
	return g_unichar_isalnum(c) || c == '_';
}

/*
 * The byte just after the tag that starts at `from` (one past the '#'
 * or '@'), and its length in characters through *n_chars.
 */
static size_t tag_end(const char *text, size_t len, size_t from, size_t *n_chars,
                      gboolean *has_letter)
{
	size_t i = from;
	*n_chars = 0;
	*has_letter = FALSE;
	while (i < len) {
		gunichar c = g_utf8_get_char(text + i);
		if (!is_tag_char(c))
			break;
		*has_letter = *has_letter || g_unichar_isalpha(c);
		i = (size_t)(g_utf8_next_char(text + i) - text);
		(*n_chars)++;
	}
	return i;
}

/*
 * Adds one mention. Offsets given to the core are code points, not
 * bytes: entx_doc_cp_offset() converts. Every string passed to the core
 * is copied, so the temporaries are freed here.
 */
static void add_tag(entx_doc *doc, const char *text, size_t begin, size_t end)
{
	gboolean hashtag = text[begin] == '#';
	entx_mention *m = entx_doc_add_mention(
	    doc, entx_doc_cp_offset(doc, begin), entx_doc_cp_offset(doc, end),
	    hashtag ? "Hashtag" : "Handle", hashtag ? "schema:DefinedTerm" : HANDLE_IRI, 0.95);
	if (m == NULL)
		return;
	/* The normalized value, for the TSV value column and rdf:value:
	 * tags and handles are case-insensitive, so lowercase them. */
	char *name = g_strndup(text + begin + 1, end - begin - 1);
	char *folded = g_utf8_strdown(name, -1);
	entx_mention_set_value(m, folded);
	entx_mention_set_string(m, hashtag ? "schema:name" : "schema:identifier", name);
	g_free(folded);
	g_free(name);
}

/*
 * extract(): called once per document, possibly on several threads at
 * once (each with its own document). The text is valid UTF-8 but may
 * contain NUL characters, so it is walked by its byte length.
 */
static gboolean hashtag_extract(void *state, entx_doc *doc, GError **error)
{
	/* Nothing here can fail: *error is for plugins that can lose a
	 * document (a resource they could not get, say). */
	(void)error;
	const hashtag_state *s = state;
	size_t len = 0;
	const char *text = entx_doc_text(doc, &len);
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '#' && text[i] != '@')
			continue;
		/* "user@example.org" and "C#" are not tags: the sign must not
		 * follow a letter, a digit or another sign. */
		if (i > 0) {
			gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(text, text + i));
			if (is_tag_char(prev) || prev == '#' || prev == '@')
				continue;
		}
		size_t n_chars = 0;
		gboolean has_letter = FALSE;
		size_t end = tag_end(text, len, i + 1, &n_chars, &has_letter);
		/* "#1" is a number, not a hashtag. */
		if (!has_letter)
			continue;
		if (n_chars > s->max_length) {
			/* Not an error: the document is still processed; the
			 * core prints the warning naming plugin and document. */
			entx_doc_warn(doc,
			              "tag at character %zu is longer than %zu characters; skipped",
			              entx_doc_cp_offset(doc, i), s->max_length);
		} else {
			add_tag(doc, text, i, end);
		}
		i = end - 1;
	}
	return TRUE;
}

/* destroy(): frees what create() made. */
static void hashtag_destroy(void *state)
{
	g_free(state);
}

/* The categories this plugin may emit, for --list-plugins. */
static const char *const hashtag_classes[] = {"Hashtag", "Handle", NULL};

/*
 * The descriptor: name (used by --plugins, --disable and --option),
 * version, one-line summary, SPDX license, categories, merge priority
 * (a tie-breaker against other plugins' mentions), and the lifecycle
 * functions. ENTX_PLUGIN_DEFINE adds the ABI and API versions of the
 * headers this file is compiled with; entx refuses a plugin built for
 * another ABI.
 */
ENTX_PLUGIN_DEFINE("hashtag", "1.0", "hashtags and @handles", "GPL-3.0-or-later", hashtag_classes,
                   40, hashtag_create, hashtag_extract, hashtag_destroy)
