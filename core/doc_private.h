/*
 * Private: the layout of entx_doc and entx_mention, shared by the core's
 * own files (doc.c, mention.c, merge.c, engine.c) and nobody else.
 */
#ifndef ENTX_CORE_DOC_PRIVATE_H
#define ENTX_CORE_DOC_PRIVATE_H

#include <entx/doc.h>
#include <entx/mention.h>

#include "intern.h"

typedef struct entx_prop {
	const char *property; /* interned: equal names, equal pointers */
	const char *lexical;
	/* ENTX_PROP_TYPED: the datatype IRI, interned; any other kind: a tag
	 * in mention.c that names it (so that three fit in a mention). */
	const char *datatype_or_kind;
} entx_prop;

struct entx_mention {
	size_t begin, end; /* code points */
	const char *category;
	const char *class_iri;
	const char *annotator;
	const char *value;
	double confidence;
	entx_prop *props;  /* in the document's blocks, or on the heap past three */
	/* Insertion order, the last tie-breaker: a document would need tens
	 * of gigabytes of memory for 2^32 mentions. */
	uint32_t seq;
	int priority;      /* of the plugin that added it, for merging */
	uint32_t n_props;
	gboolean kept;     /* merge.c: survived the merge */
};

/*
 * Nearly every mention has three properties or fewer (names none, dates
 * one, quantities up to three: value, unitText, unitCode): the first
 * property takes room for three in the document's blocks (mention.c), no
 * allocation of its own; more go to the heap. 88 bytes a mention with its
 * document pointer, 160 with one to three properties (304 with four):
 * most of the memory a text dense with numbers takes. (Room for three in
 * every mention was 72 bytes more for each name, most mentions in news.)
 */
#define ENTX_PROPS_IN_BLOCK 3

/* Code points are counted per block of this many bytes, so byte <->
 * code point conversions are a table lookup plus a short scan. */
#define ENTX_CP_BLOCK 64

struct entx_doc {
	/* id and text are kept from one reset to the next, id_room and
	 * text_room bytes (doc.c), as a malloc of a text cost some 600
	 * instructions in a document of two thousand bytes */
	char *id;
	char *text;  /* sanitized, NUL-terminated */
	size_t id_room, text_room;
	size_t len;  /* bytes */
	size_t n_cp;
	size_t n_invalid, first_invalid;
	char reference_date[11];
	GArray *tokens;      /* entx_token */
	GArray *sentences;   /* size_t: first token of each sentence */
	size_t *block_cp;    /* code points before each block; NULL if ASCII */
	/* The mentions, their props past the first three owned: a plain
	 * array, as g_ptr_array_add() cost a fifth of adding a mention. */
	entx_mention **mentions;
	size_t n_mentions, mentions_room;
	/* mentions whose props are on the heap: a truncation looks for them
	 * only while some are left (most documents have a few or none) */
	size_t n_heap_props;
	/* mention.c allocates mentions and their strings in blocks, all
	 * freed with the doc: block_left bytes are free from block_next on */
	GPtrArray *mention_blocks;
	size_t block_left;
	void *block_next;
	/* The document's first block, which a reset keeps as the spare for
	 * the next document's first: a malloc and a free of a block cost
	 * some 700 instructions a document. */
	void *first_block, *spare_block;
	/* Categories, classes, property names and datatypes (mention.c).
	 * The copies outlive a reset (plugins pass the same constants in
	 * every document) until they take ENTX_INTERNED_KEEP bytes. */
	entx_interner interner;
	GData *data;         /* entx_doc_set_data */
	/* Set by the engine while a plugin's extract() runs. */
	const char *current_annotator;
	/* mention.c: current_annotator interned at the first mention of an
	 * extract(), NULL until then (the engine and a reset set it so) */
	const char *current_annotator_interned;
	int current_priority;
	void (*message)(const char *message, void *user_data);
	void *message_data;
};

/* Sorts doc->mentions by begin, then longer first, then insertion order. */
void entx_priv_doc_sort_mentions(entx_doc *doc);
/* Drops the mentions from the n-th on, freeing what they own. */
void entx_priv_doc_truncate_mentions(entx_doc *doc, size_t n);
/* Frees the blocks of the mentions and their strings but one, kept for
 * the next ones (entx_doc_reset); the mentions must be gone. */
void entx_priv_doc_reset_blocks(entx_doc *doc);

#endif
