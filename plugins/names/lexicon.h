/*
 * Private: the lexicon behind the names analysis, shared by lexicon.c
 * (which loads it) and candidates.c and document.c (which read it).
 */
#ifndef ENTX_NAMES_LEXICON_H
#define ENTX_NAMES_LEXICON_H

#include "hashmap.h"
#include "names.h"

/*
 * What an entry says about the tokens it matches. Entities (known places
 * and organizations) live in one gazetteer, every other kind in a second
 * one, so a long entity never hides a word's own kinds and vice versa.
 */
typedef enum {
	NK_ENTITY = 0,   /* a known place or organization */
	NK_FIRST,        /* given name */
	NK_SURNAME,      /* family name */
	NK_TITLE,        /* title or role before a name: President, spokesman */
	NK_SUFFIX,       /* Jr. III */
	NK_PARTICLE,     /* van, de, bin */
	NK_SAY,          /* said, told */
	NK_PERSON_NOUN,  /* ", a spokesman" after a name */
	NK_NOT_NAME,     /* The, However, Monday */
	NK_DEMONYM,      /* Russian */
	NK_NOT_ENTITY,   /* Cup, Olympics: names of events */
	NK_ORG_HEAD,     /* Agency, Ministry, Inc. at the end */
	NK_ORG_PREFIX,   /* Ministry of */
	NK_ORG_NOUN,     /* lowercase "party", "company" after a name */
	NK_PLACE_HEAD,   /* Cathedral, Peninsula at the end */
	NK_PLACE_PREFIX, /* Mount, Lake */
	NK_PLACE_NOUN,   /* lowercase "town of", "province" around a name */
	NK_SPORT,        /* words of sports reports: innings, striker */
	NK_EVENT_PREFIX, /* Hurricane, Operation: what follows names no entity */
	NK_N_KINDS
} names_kind;

#define NK_BIT(k) (1u << (k))

/*
 * A filter of the first tokens' fold hashes of the two gazetteers'
 * phrases, one bit each, sized to hold the larger list at one bit in
 * eight: a token whose bit is clear starts no phrase, and the lookup that
 * would say so costs a call into the core and several probes (half of
 * the tokens looked up start no entity or word). word_filter's 4096 bits
 * are too few for tens of thousands of names. The words' and the
 * entities' bits of one hash sit side by side, in one cache line: the
 * filter is too large for the first-level cache, and names_look_up()
 * asks both of each token it looks up.
 */
typedef struct {
	uint64_t *bits; /* per 64 hashes: the words' bits, then the entities' */
	unsigned shift; /* 64 - log2(number of hashes told apart) */
} first_filter;

enum { FIRST_WORDS = 0, FIRST_ENTITIES = 1 };

static inline size_t first_filter_bit_(const first_filter *f, uint64_t h)
{
	return (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> f->shift);
}

/* The bits of h's first token in both lists, FIRST_WORDS and FIRST_ENTITIES. */
static inline unsigned first_filter_lists(const first_filter *f, uint64_t h)
{
	size_t bit = first_filter_bit_(f, h);
	const uint64_t *pair = &f->bits[bit / 64 * 2];
	return (unsigned)((pair[FIRST_WORDS] >> (bit % 64)) & 1) |
	       (unsigned)(((pair[FIRST_ENTITIES] >> (bit % 64)) & 1) << 1);
}

typedef struct names_entry {
	uint8_t kind;      /* names_kind */
	uint8_t category;  /* names_category, for entities and heads */
	uint8_t weak;      /* also a common word: evidence, not proof */
	uint8_t lower_ok;  /* the entry itself starts lowercase (al-Qaeda) */
	uint8_t exact_case; /* added case-sensitively (an acronym: US, WHO) */
	uint16_t rank;     /* preference among entities of the same phrase */
	const char *class_iri;
	const char *code;  /* ISO 3166-1 alpha-2 or NULL */
} names_entry;

struct names_lexicon {
	entx_gazetteer *entities;
	entx_gazetteer *words;
	GArray *entries;      /* names_entry; payloads index it (WORD_PAYLOAD_ENTRY in words) */
	GStringChunk *strings;
	/*
	 * Single-token entities by fold hash, for parts of hyphenated tokens
	 * ("US" in "US-Russian"): fold hash -> entry index.
	 */
	hashmap single;
	/*
	 * Single-token demonyms by fold hash, so "Russian" in a compound is
	 * never taken for a place.
	 */
	hashmap demonyms;
	/*
	 * Fold hashes of the first words of lowercase entities (al-Qaeda):
	 * other lowercase tokens need no entity lookup. The value is
	 * LOWER_ALONE when some such entity is that word alone, else
	 * LOWER_LONGER, and then lower_pairs holds the key of its first two
	 * tokens: "the" starts "the State of Eritrea", and few of the
	 * many "the" of a story go on with "State".
	 */
	hashmap lower_starts;
	hashmap lower_pairs;
	/* The second tokens of lower_pairs: most words after a "the" are
	 * none, known without combining the two hashes. */
	word_filter lower_seconds;
	/*
	 * Fold hashes of the first tokens of sports words: only a token
	 * with one of them can have NK_SPORT, so a document's other tokens
	 * need no lookup to tell a sports report.
	 */
	hashmap sport_first;
	/*
	 * The first tokens of lower_starts and sport_first in one filter:
	 * find_names() asks both of every lowercase token, and one bit
	 * turns away nearly all of them.
	 */
	word_filter lower_or_sport_first;
	/*
	 * For each kind of word with few entries (titles, particles, nouns;
	 * not given names, surnames or entities), a filter of its entries'
	 * first tokens' fold hashes, one bit each: most tokens asked whether
	 * they start a title ("said", "the" before a name) start none, and
	 * the filter says so without a lookup (names_may_start_kind()).
	 */
	word_filter kind_first[NK_N_KINDS];
	/* The fold hashes of NAMES_LEGAL_FORMS: find_names() asks of every
	 * token of a run whether it is one, and a clear bit says no. */
	word_filter legal_forms;
	/* The first tokens of all entities, and of all other words. */
	first_filter first;
};

/* A company's legal form, in the case written (is_legal_form()). */
#define NAMES_LEGAL_FORMS                                                                    \
	"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Corporation", "Ltd", "Ltd.", "LLC", "PLC", \
	"Plc", "plc", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "Group", "Holding", "Holdings"

/* The kinds with a filter in kind_first. */
#define NAMES_FILTERED_KINDS \
	(~(NK_BIT(NK_ENTITY) | NK_BIT(NK_FIRST) | NK_BIT(NK_SURNAME)) & (NK_BIT(NK_N_KINDS) - 1))


enum { LOWER_ALONE = 1, LOWER_LONGER = 2 };

#define WORD_STRONG 0x80u

/*
 * A word-list entry's payload in lx->words: its index in lx->entries, and
 * in the top byte its kind, with WORD_STRONG when it is not weak. Every
 * word-list match reads the kinds of all its payloads, and a table of
 * them apart, indexed by the payloads, missed the cache on each.
 */
#define NAMES_MAX_ENTRIES (1u << 24)
#define WORD_PAYLOAD(entry, kind_byte) ((uint32_t)(entry) | (uint32_t)(kind_byte) << 24)
#define WORD_PAYLOAD_ENTRY(payload) ((payload) & (NAMES_MAX_ENTRIES - 1))
#define WORD_PAYLOAD_KIND(payload) ((payload) >> 24)

/* Whether a lowercase entity may start at token i of toks[0, n). */
static inline gboolean names_lower_may_start(const names_lexicon *lx, const entx_token *toks,
                                             size_t i, size_t n)
{
	const uint32_t *v = hashmap_get(&lx->lower_starts, toks[i].fold_hash);
	if (v == NULL || *v == LOWER_ALONE)
		return v != NULL;
	if (i + 1 >= n || !word_filter_may_have(&lx->lower_seconds, toks[i + 1].fold_hash))
		return FALSE;
	uint64_t key = entx_hash_fold_combine(entx_hash_fold_combine(0, toks[i].fold_hash),
	                                      toks[i + 1].fold_hash);
	return hashmap_contains(&lx->lower_pairs, key);
}

static inline const names_entry *names_lexicon_entry(const names_lexicon *lx, uint32_t i)
{
	return &g_array_index(lx->entries, names_entry, i);
}

#endif
