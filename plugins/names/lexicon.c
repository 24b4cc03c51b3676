/*
 * Loads the rule files of the person, organization and place plugins
 * into two token gazetteers. The analysis reads all files whichever
 * plugin runs: deciding that "Moscow" is a place is what keeps "Moscow"
 * from being taken for a surname. Loaded once per engine and shared.
 */
#include "lexicon.h"
#include "hash.h"

#include <entx/engine.h>
#include <entx/version.h>
#include <string.h>

/* Rule files, relative to the rules directories. */
static const char *const rule_files[] = {
	"place/countries.rules",
	"place/regions.rules",
	"place/cities.rules",
	"place/places.rules",
	"organization/organizations.rules",
	"person/first-names.rules",
	"person/first-names-extra.rules",
	"person/first-names-world.rules",
	"person/surnames.rules",
	"person/context.rules",
	"person/not-names.rules",
	NULL
};

/*
 * What each section of those files holds. rank orders entities that
 * share a phrase: a country beats a city of the same name.
 */
typedef struct {
	const char *section;
	names_kind kind;
	names_category category;
	const char *default_class;
	uint16_t rank;
} section_kind;

static const section_kind sections[] = {
	{"Country", NK_ENTITY, NAMES_PLACE, "schema:Country", 90},
	{"Continent", NK_ENTITY, NAMES_PLACE, "schema:Continent", 85},
	{"Region", NK_ENTITY, NAMES_PLACE, "schema:Place", 80},
	{"AdministrativeArea", NK_ENTITY, NAMES_PLACE, "schema:AdministrativeArea", 60},
	{"City", NK_ENTITY, NAMES_PLACE, "schema:City", 65},
	{"GovernmentOrganization", NK_ENTITY, NAMES_ORGANIZATION,
	 "schema:GovernmentOrganization", 70},
	{"Organization", NK_ENTITY, NAMES_ORGANIZATION, "schema:Organization", 70},
	{"PoliticalParty", NK_ENTITY, NAMES_ORGANIZATION, "schema:PoliticalParty", 70},
	{"NewsMediaOrganization", NK_ENTITY, NAMES_ORGANIZATION,
	 "schema:NewsMediaOrganization", 70},
	{"FirstName", NK_FIRST, NAMES_PERSON, NULL, 0},
	{"Surname", NK_SURNAME, NAMES_PERSON, NULL, 0},
	{"Title", NK_TITLE, NAMES_PERSON, NULL, 0},
	{"Suffix", NK_SUFFIX, NAMES_PERSON, NULL, 0},
	{"Particle", NK_PARTICLE, NAMES_PERSON, NULL, 0},
	{"Say", NK_SAY, NAMES_NONE, NULL, 0},
	{"PersonNoun", NK_PERSON_NOUN, NAMES_PERSON, NULL, 0},
	{"NotName", NK_NOT_NAME, NAMES_NONE, NULL, 0},
	{"Demonym", NK_DEMONYM, NAMES_NONE, NULL, 0},
	{"NotEntity", NK_NOT_ENTITY, NAMES_NONE, NULL, 0},
	{"OrgHead", NK_ORG_HEAD, NAMES_ORGANIZATION, "schema:Organization", 0},
	{"OrgPrefix", NK_ORG_PREFIX, NAMES_ORGANIZATION, "schema:Organization", 0},
	{"OrgNoun", NK_ORG_NOUN, NAMES_ORGANIZATION, "schema:Organization", 0},
	{"PlaceHead", NK_PLACE_HEAD, NAMES_PLACE, "schema:Place", 0},
	{"PlacePrefix", NK_PLACE_PREFIX, NAMES_PLACE, "schema:Place", 0},
	{"PlaceNoun", NK_PLACE_NOUN, NAMES_PLACE, "schema:Place", 0},
	{"SportWord", NK_SPORT, NAMES_NONE, NULL, 0},
	{"EventPrefix", NK_EVENT_PREFIX, NAMES_NONE, NULL, 0},
};

static const section_kind *find_section(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(sections); i++)
		if (strcmp(sections[i].section, name) == 0)
			return &sections[i];
	return NULL;
}

/*
 * Acronyms and codes ("US", "WHO", "U.S.", "II") must keep their case or
 * they would match the words "us", "who" and "ii".
 */
static gboolean needs_exact_case(const char *text)
{
	int upper = 0;
	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		if ((unsigned char)*p < 0x80) { /* most of it: no table lookup */
			if (g_ascii_islower(*p))
				return FALSE;
			upper += g_ascii_isupper(*p) != 0;
			continue;
		}
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_islower(c))
			return FALSE;
		if (g_unichar_isupper(c))
			upper++;
	}
	return upper >= 2;
}

/* The fold hash of a phrase that is a single word (no blank, no hyphen). */
static gboolean single_word_hash(const char *text, uint64_t *hash)
{
	if (strpbrk(text, " \t-") != NULL)
		return FALSE;
	*hash = entx_hash_fold(text, strlen(text));
	return TRUE;
}

/*
 * The fold hashes of the first two tokens of text as the core's
 * tokenizer cuts it ("al-Qaeda" is one token, "al Qaeda" two), 0 for
 * none; returns the number of tokens. scratch is any document, reused
 * from one entry to the next: tens of thousands of entries are cut.
 */
static size_t first_token_hashes(entx_doc *scratch, const char *text, uint64_t *first,
                                 uint64_t *second)
{
	entx_doc_reset(scratch, NULL, text, strlen(text));
	size_t n = entx_doc_n_tokens(scratch);
	*first = n > 0 ? entx_doc_token(scratch, 0)->fold_hash : 0;
	*second = n > 1 ? entx_doc_token(scratch, 1)->fold_hash : 0;
	return n;
}

/*
 * The fold hash of text's first token; *whole is set when the text is
 * that one token and nothing else.
 */
static uint64_t first_token_hash(entx_doc *scratch, const char *text, gboolean *whole)
{
	/* Letters alone, or before a blank, make one token, as the gazetteer
	 * also assumes: most entries need no document to be cut. */
	uint64_t h = ENTX_PRIV_FNV_OFFSET;
	size_t n = 0;
	for (;; n++) {
		unsigned c = (unsigned char)text[n];
		if (c - 'a' < 26u)
			h = entx_priv_fold_ascii(h, c);
		else if (c - 'A' < 26u)
			h = entx_priv_fold_ascii(h, entx_priv_ascii_lower(c));
		else
			break;
	}
	*whole = n > 0 && text[n] == '\0';
	if (n > 0 && (text[n] == '\0' || text[n] == ' '))
		return h;
	uint64_t first = 0, second = 0;
	first_token_hashes(scratch, text, &first, &second);
	return first;
}

/* Notes a lowercase entity in lx->lower_starts and lx->lower_pairs. */
static void add_lower_start(names_lexicon *lx, entx_doc *scratch, const char *text)
{
	uint64_t first = 0, second = 0;
	size_t n = first_token_hashes(scratch, text, &first, &second);
	if (n == 0)
		return;
	word_filter_add(&lx->lower_or_sport_first, first);
	if (n == 1) {
		hashmap_put(&lx->lower_starts, first, LOWER_ALONE);
		return;
	}
	if (!hashmap_contains(&lx->lower_starts, first))
		hashmap_put(&lx->lower_starts, first, LOWER_LONGER);
	word_filter_add(&lx->lower_seconds, second);
	hashmap_put(&lx->lower_pairs,
	            entx_hash_fold_combine(entx_hash_fold_combine(0, first), second), 1);
}

/*
 * Loading state: files hold tens of thousands of lines, one section and
 * mostly one class after another, so the last of each is kept rather
 * than looked up again for every line.
 */
#define PENDING_MAX 256

typedef struct {
	uint64_t *hashes;
	size_t n, cap;
} hash_list;

typedef struct {
	names_lexicon *lx;
	const section_kind *sk;
	const char *cls; /* interned in lx->strings */
	const char *cls_default; /* the default class cls holds, NULL for another */
	hash_list entity_first; /* first_token_hash() of each entity */
	hash_list word_first;   /* and of each other entry */
	entx_doc *scratch;    /* for first_token_hashes() */
	/* Entries not yet in lx->entries: appending them a few hundred at a
	 * time saves a library call for each. */
	names_entry pending[PENDING_MAX];
	size_t n_pending;
} loader;

static void hash_list_add(hash_list *l, uint64_t h)
{
	if (l->n == l->cap) {
		l->cap = l->cap != 0 ? l->cap * 2 : 1024;
		l->hashes = g_renew(uint64_t, l->hashes, l->cap);
	}
	l->hashes[l->n++] = h;
}

static void flush_pending(loader *ld)
{
	g_array_append_vals(ld->lx->entries, ld->pending, ld->n_pending);
	ld->n_pending = 0;
}

/* Entry i, pending or not. */
static const names_entry *loaded_entry(const loader *ld, uint32_t i)
{
	uint32_t n_done = ld->lx->entries->len;
	return i < n_done ? names_lexicon_entry(ld->lx, i) : &ld->pending[i - n_done];
}

/* The class, code and weak attributes of an entry line, in one pass. */
static void entry_attrs(const entx_rules_line *line, const char **cls, const char **code,
                        const char **weak)
{
	*cls = *code = *weak = NULL;
	for (size_t i = 0; i < line->n_attrs; i++) {
		const char *key = line->attr_keys[i];
		/* the first letter rules out all but one (most keys are pop=) */
		const char **slot = key[0] == 'c' && strcmp(key, "class") == 0  ? cls
		                    : key[0] == 'c' && strcmp(key, "code") == 0 ? code
		                    : key[0] == 'w' && strcmp(key, "weak") == 0 ? weak
		                                                               : NULL;
		/* the first of a repeated key counts, as entx_rules_attr() has it */
		if (slot != NULL && *slot == NULL)
			*slot = line->attr_values[i];
	}
}

static gboolean on_line(const entx_rules_line *line, void *user_data, GError **error)
{
	loader *ld = user_data;
	names_lexicon *lx = ld->lx;
	const char *name = line->args != NULL ? line->args[0] : NULL;
	if (line->is_section) {
		/* Entries follow their header: its section holds for all of them. */
		ld->sk = name != NULL ? find_section(name) : NULL;
		return TRUE;
	}
	if (!line->is_entry)
		return TRUE;
	const section_kind *sk = ld->sk;
	if (sk == NULL)
		return entx_rules_error(line, 0, error, "unknown section '%s'", name ? name : "");
	const char *cls, *code, *weak;
	entry_attrs(line, &cls, &code, &weak);
	entx_gaz_case mode = needs_exact_case(line->text) ? ENTX_GAZ_CASE_SENSITIVE
	                                                   : ENTX_GAZ_CASE_INSENSITIVE;
	/* A section's default class is one constant string for all its
	 * entries without a class of their own: no need to compare it. */
	const char *default_cls = NULL;
	if (cls == NULL)
		cls = default_cls = sk->default_class != NULL ? sk->default_class : "";
	if (default_cls == NULL || default_cls != ld->cls_default) {
		if (ld->cls == NULL || strcmp(ld->cls, cls) != 0)
			ld->cls = g_string_chunk_insert_const(lx->strings, cls);
		ld->cls_default = default_cls;
	}
	names_entry e = {
		.kind = (uint8_t)sk->kind,
		.category = (uint8_t)sk->category,
		.weak = weak != NULL && strcmp(weak, "1") == 0,
		.lower_ok = (unsigned char)line->text[0] < 0x80
		                ? g_ascii_islower(line->text[0])
		                : g_unichar_islower(g_utf8_get_char(line->text)),
		.exact_case = mode == ENTX_GAZ_CASE_SENSITIVE,
		.rank = sk->rank,
		.class_iri = ld->cls,
		.code = code ? g_string_chunk_insert_const(lx->strings, code) : NULL,
	};
	uint32_t index = lx->entries->len + (uint32_t)ld->n_pending;
	if (index >= NAMES_MAX_ENTRIES)
		return entx_rules_error(line, 0, error, "too many entries");
	uint32_t payload = sk->kind == NK_ENTITY
	                       ? index
	                       : WORD_PAYLOAD(index, e.kind | (e.weak ? 0 : WORD_STRONG));
	entx_gazetteer *g = sk->kind == NK_ENTITY ? lx->entities : lx->words;
	if (entx_gazetteer_add(g, line->text, -1, payload, mode) != 0)
		return entx_rules_error(line, 0, error, "cannot use entry '%s'", line->text);
	if (ld->n_pending == PENDING_MAX)
		flush_pending(ld);
	ld->pending[ld->n_pending++] = e;
	gboolean whole = FALSE;
	uint64_t first = first_token_hash(ld->scratch, line->text, &whole);
	hash_list_add(sk->kind == NK_ENTITY ? &ld->entity_first : &ld->word_first, first);
	uint64_t h = 0;
	if (sk->kind == NK_ENTITY && e.lower_ok)
		add_lower_start(lx, ld->scratch, line->text);
	if (sk->kind == NK_SPORT) {
		hashmap_put(&lx->sport_first, first, 1);
		word_filter_add(&lx->lower_or_sport_first, first);
	}
	if (NAMES_FILTERED_KINDS & NK_BIT(sk->kind)) {
		word_filter_add(&lx->kind_first[sk->kind], first);
	}
	/* Letters alone are a single word, whose hash is the first token's. */
	if (sk->kind == NK_ENTITY &&
	    (whole ? (h = first, TRUE) : single_word_hash(line->text, &h))) {
		/*
		 * The best-ranked entity of each single word, for parts of
		 * hyphenated compounds; callers check the part's case.
		 */
		const uint32_t *old = hashmap_get(&lx->single, h);
		if (old == NULL || loaded_entry(ld, *old)->rank < e.rank)
			hashmap_put(&lx->single, h, index);
	} else if (sk->kind == NK_DEMONYM &&
	           (whole ? (h = first, TRUE) : single_word_hash(line->text, &h))) {
		hashmap_put(&lx->demonyms, h, 1);
	}
	return TRUE;
}

static void first_filter_add(first_filter *f, const hash_list *hashes, unsigned list)
{
	for (size_t i = 0; i < hashes->n; i++) {
		size_t bit = first_filter_bit_(f, hashes->hashes[i]);
		f->bits[bit / 64 * 2 + list] |= UINT64_C(1) << (bit % 64);
	}
}

static void first_filter_build(first_filter *f, const hash_list *words, const hash_list *entities)
{
	unsigned log2_bits = 12;
	size_t n = MAX(words->n, entities->n);
	while ((UINT64_C(1) << log2_bits) < 8 * (uint64_t)n)
		log2_bits++;
	f->bits = g_new0(uint64_t, 2 * ((UINT64_C(1) << log2_bits) / 64));
	f->shift = 64 - log2_bits;
	first_filter_add(f, words, FIRST_WORDS);
	first_filter_add(f, entities, FIRST_ENTITIES);
}

names_lexicon *names_lexicon_new(const entx_plugin_config *cfg, GError **error)
{
	names_lexicon *lx = g_new0(names_lexicon, 1);
	lx->entities = entx_gazetteer_new();
	lx->words = entx_gazetteer_new();
	lx->entries = g_array_new(FALSE, FALSE, sizeof(names_entry));
	lx->strings = g_string_chunk_new(4096);
	loader ld = {.lx = lx, .scratch = entx_doc_new(NULL, "", 0)};
	static const char *const legal_forms[] = {NAMES_LEGAL_FORMS};
	for (size_t f = 0; f < G_N_ELEMENTS(legal_forms); f++)
		word_filter_add(&lx->legal_forms, entx_hash_fold(legal_forms[f],
		                                                 strlen(legal_forms[f])));
	gboolean ok = TRUE;
	for (const char *const *f = rule_files; *f != NULL; f++) {
		char *path = entx_plugin_config_find_rules(cfg, *f);
		if (path == NULL) {
			g_set_error(error, ENTX_ERROR, ENTX_ERR_NOTFOUND,
			            "rule file '%s' not found in the rules directories", *f);
			ok = FALSE;
			break;
		}
		/* Each file starts with no section or class of its own. */
		ld.sk = NULL;
		ld.cls = NULL;
		ld.cls_default = NULL;
		ok = entx_rules_read(path, NULL, 0, on_line, &ld, error);
		flush_pending(&ld);
		g_free(path);
		if (!ok)
			break;
	}
	if (ok) {
		first_filter_build(&lx->first, &ld.word_first, &ld.entity_first);
	}
	g_free(ld.entity_first.hashes);
	g_free(ld.word_first.hashes);
	entx_doc_free(ld.scratch);
	if (!ok) {
		names_lexicon_free(lx);
		return NULL;
	}
	return lx;
}

void names_lexicon_free(names_lexicon *lx)
{
	if (lx == NULL)
		return;
	entx_gazetteer_free(lx->entities);
	entx_gazetteer_free(lx->words);
	g_array_free(lx->entries, TRUE);
	g_string_chunk_free(lx->strings);
	hashmap_free(&lx->single);
	hashmap_free(&lx->demonyms);
	hashmap_free(&lx->lower_starts);
	hashmap_free(&lx->lower_pairs);
	hashmap_free(&lx->sport_first);
	g_free(lx->first.bits);
	g_free(lx);
}

static void *shared_new(const entx_plugin_config *cfg, GError **error)
{
	return names_lexicon_new(cfg, error);
}

static void shared_free(gpointer lx)
{
	names_lexicon_free(lx);
}

names_lexicon *names_lexicon_shared(const entx_plugin_config *cfg, GError **error)
{
	/* The version keeps plugins of two builds from sharing one struct. */
	return entx_plugin_config_shared(cfg, "names.lexicon/" ENTX_VERSION_STRING, shared_new,
	                                 shared_free, error);
}
