/*
 * The document: sanitized text, tokens, sentences, offset conversion.
 */
#include "doc_private.h"

#include <entx/engine.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tokenize.h"
#include "utf8.h"

static inline gboolean is_cont(const char *text, size_t i)
{
	return entx_priv_utf8_is_cont((unsigned char)text[i]);
}

static void build_block_table(entx_doc *doc)
{
	if (doc->n_cp == doc->len)
		return; /* ASCII: offsets coincide */
	size_t n_blocks = doc->len / ENTX_CP_BLOCK + 1;
	doc->block_cp = g_new(size_t, n_blocks);
	size_t cps = 0;
	for (size_t b = 0; b < n_blocks; b++) {
		doc->block_cp[b] = cps;
		size_t from = b * ENTX_CP_BLOCK, end = MIN(from + ENTX_CP_BLOCK, doc->len);
		cps += entx_priv_utf8_count_cp(doc->text + from, end - from);
	}
}

/* id, made valid UTF-8 (ids become JSON strings and IRIs), in doc->id. */
static void set_id(entx_doc *doc, const char *id)
{
	size_t size = strlen(id) + 1;
	if (!entx_priv_utf8_valid(id, size - 1)) {
		g_free(doc->id);
		doc->id = g_utf8_make_valid(id, -1);
		doc->id_room = strlen(doc->id) + 1;
		return;
	}
	if (doc->id_room < size) {
		g_free(doc->id);
		doc->id_room = MAX(size, 64);
		doc->id = g_malloc(doc->id_room);
	}
	memcpy(doc->id, id, size);
}

/* The text, its tokens and what is built from them, in doc's containers
 * (tokens and sentences each NULL or empty). */
static void fill(entx_doc *doc, const char *id, const char *text, size_t len)
{
	set_id(doc, id != NULL ? id : "-");
	doc->len = entx_priv_utf8_sanitize_into(text != NULL ? text : "", text != NULL ? len : 0,
	                                        &doc->text, &doc->text_room, &doc->n_cp,
	                                        &doc->n_invalid, &doc->first_invalid);
	if (doc->tokens == NULL)
		doc->tokens = g_array_sized_new(FALSE, FALSE, sizeof(entx_token), doc->len / 5 + 16);
	/* A token takes some 5 bytes and a sentence rarely fewer than 8 tokens. */
	if (doc->sentences == NULL)
		doc->sentences = g_array_sized_new(FALSE, FALSE, sizeof(size_t), doc->len / 40 + 4);
	/* The sentence index is built as the tokenizer finds the sentences. */
	entx_priv_tokenize_sentences(doc->text, doc->len, doc->tokens, doc->sentences);
	build_block_table(doc);
}

entx_doc *entx_doc_new(const char *id, const char *text, size_t len)
{
	entx_doc *doc = g_new0(entx_doc, 1);
	doc->mention_blocks = g_ptr_array_new_with_free_func(g_free);
	entx_priv_intern_init(&doc->interner);
	g_datalist_init(&doc->data);
	fill(doc, id, text, len);
	return doc;
}

/*
 * Arrays a reset keeps (their contents gone, their memory not); a
 * larger one goes back to the system, so that one long document does
 * not hold its memory for the rest of a stream.
 */
#define RESET_KEEP_TOKENS 65536u
#define RESET_KEEP_MENTIONS 8192u
#define RESET_KEEP_TEXT_BYTES (1u << 20)

/* What fill() made and plugins attached, but for the id's and text's
 * buffers: freed by a reset and a free. */
static void release_contents(entx_doc *doc)
{
	g_datalist_clear(&doc->data); /* first: destroy functions may look at the document */
	g_free(doc->block_cp);
	doc->block_cp = NULL;
}

static void free_text(entx_doc *doc)
{
	g_free(doc->id);
	g_free(doc->text);
	doc->id = doc->text = NULL;
	doc->id_room = doc->text_room = 0;
}

void entx_doc_reset(entx_doc *doc, const char *id, const char *text, size_t len)
{
	release_contents(doc);
	if (doc->text_room > RESET_KEEP_TEXT_BYTES)
		free_text(doc);
	if (doc->tokens->len > RESET_KEEP_TOKENS) {
		g_array_free(doc->tokens, TRUE);
		g_array_free(doc->sentences, TRUE);
		doc->tokens = NULL;
		doc->sentences = NULL;
	} else {
		g_array_set_size(doc->tokens, 0);
		g_array_set_size(doc->sentences, 0);
	}
	entx_priv_doc_truncate_mentions(doc, 0);
	if (doc->mentions_room > RESET_KEEP_MENTIONS) {
		g_free(doc->mentions);
		doc->mentions = NULL;
		doc->mentions_room = 0;
	}
	entx_priv_doc_reset_blocks(doc);
	entx_priv_intern_reset(&doc->interner);
	doc->reference_date[0] = '\0';
	doc->current_annotator = NULL;
	doc->current_annotator_interned = NULL;
	doc->current_priority = 0;
	fill(doc, id, text, len);
}

void entx_doc_free(entx_doc *doc)
{
	if (doc == NULL)
		return;
	release_contents(doc);
	free_text(doc);
	g_array_free(doc->tokens, TRUE);
	g_array_free(doc->sentences, TRUE);
	entx_priv_doc_truncate_mentions(doc, 0);
	g_free(doc->mentions);
	g_ptr_array_free(doc->mention_blocks, TRUE);
	g_free(doc->spare_block);
	entx_priv_intern_free(&doc->interner);
	g_free(doc);
}

const char *entx_doc_id(const entx_doc *doc)
{
	return doc->id;
}

const char *entx_doc_text(const entx_doc *doc, size_t *n_bytes)
{
	if (n_bytes != NULL)
		*n_bytes = doc->len;
	return doc->text;
}

size_t entx_doc_length(const entx_doc *doc)
{
	return doc->n_cp;
}

size_t entx_doc_n_invalid_utf8(const entx_doc *doc)
{
	return doc->n_invalid;
}

size_t entx_doc_first_invalid_utf8(const entx_doc *doc)
{
	return doc->first_invalid;
}

const char *entx_doc_reference_date(const entx_doc *doc)
{
	return doc->reference_date[0] != '\0' ? doc->reference_date : NULL;
}

int entx_doc_set_reference_date(entx_doc *doc, const char *date)
{
	if (date == NULL || strlen(date) < 10)
		return ENTX_ERR_INVALID;
	for (int i = 0; i < 10; i++) {
		gboolean dash = i == 4 || i == 7;
		if (dash ? date[i] != '-' : !g_ascii_isdigit(date[i]))
			return ENTX_ERR_INVALID;
	}
	/* Anything after the date must be the start of a time: "T..." or " ..." */
	if (date[10] != '\0' && date[10] != 'T' && date[10] != ' ')
		return ENTX_ERR_INVALID;
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
	if (y < 1 || !g_date_valid_dmy(d, m, y))
		return ENTX_ERR_INVALID;
	memcpy(doc->reference_date, date, 10);
	doc->reference_date[10] = '\0';
	return ENTX_OK;
}

size_t entx_doc_n_tokens(const entx_doc *doc)
{
	return doc->tokens->len;
}

const entx_token *entx_doc_tokens(const entx_doc *doc, size_t *n_tokens)
{
	static const entx_token none;
	if (n_tokens != NULL)
		*n_tokens = doc->tokens->len;
	return doc->tokens->len > 0 ? (const entx_token *)(const void *)doc->tokens->data : &none;
}

const entx_token *entx_doc_token(const entx_doc *doc, size_t i)
{
	if (i >= doc->tokens->len)
		return NULL;
	return &g_array_index(doc->tokens, entx_token, i);
}

size_t entx_doc_n_sentences(const entx_doc *doc)
{
	return doc->sentences->len;
}

int entx_doc_sentence(const entx_doc *doc, size_t i, size_t *first, size_t *end)
{
	if (i >= doc->sentences->len)
		return ENTX_ERR_INVALID;
	if (first != NULL)
		*first = g_array_index(doc->sentences, size_t, i);
	if (end != NULL)
		*end = i + 1 < doc->sentences->len ? g_array_index(doc->sentences, size_t, i + 1)
		                                   : doc->tokens->len;
	return ENTX_OK;
}

void entx_doc_set_data(entx_doc *doc, const char *key, void *data, GDestroyNotify destroy)
{
	if (doc == NULL || key == NULL)
		return;
	g_datalist_set_data_full(&doc->data, key, data, destroy);
}

void *entx_doc_get_data(const entx_doc *doc, const char *key)
{
	if (doc == NULL || key == NULL)
		return NULL;
	/* GData lookups do not modify the list; the cast only drops const. */
	return g_datalist_get_data((GData **)&doc->data, key);
}

void entx_doc_warn(const entx_doc *doc, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	char *line = g_strdup_printf("plugin '%s': document '%s': %s",
	                             doc->current_annotator != NULL ? doc->current_annotator : "?",
	                             doc->id, msg);
	if (doc->message != NULL)
		doc->message(line, doc->message_data);
	else
		fprintf(stderr, "entx: %s\n", line);
	g_free(line);
	g_free(msg);
}

size_t entx_doc_cp_offset(const entx_doc *doc, size_t byte_offset)
{
	if (byte_offset >= doc->len)
		return doc->n_cp;
	if (doc->block_cp == NULL)
		return byte_offset;
	/* Step back to the start of the character holding byte_offset. */
	while (byte_offset > 0 && is_cont(doc->text, byte_offset))
		byte_offset--;
	size_t b = byte_offset / ENTX_CP_BLOCK;
	size_t from = b * ENTX_CP_BLOCK;
	return doc->block_cp[b] + entx_priv_utf8_count_cp(doc->text + from, byte_offset - from);
}

size_t entx_doc_byte_offset(const entx_doc *doc, size_t cp_offset)
{
	if (cp_offset >= doc->n_cp)
		return doc->len;
	if (doc->block_cp == NULL)
		return cp_offset;
	/*
	 * The last block starting at or before cp_offset. A block's first
	 * character is at most its first byte, so that block is no earlier
	 * than cp_offset / ENTX_CP_BLOCK, and in text with few multibyte
	 * characters only a little later: gallop from there, then bisect.
	 * (A bisection of the whole table missed the cache at every step
	 * in a document of megabytes.)
	 */
	size_t n_blocks = doc->len / ENTX_CP_BLOCK + 1;
	size_t lo = MIN(cp_offset / ENTX_CP_BLOCK, n_blocks - 1);
	size_t hi = lo + 1, step = 1;
	while (hi < n_blocks && doc->block_cp[hi] <= cp_offset) {
		lo = hi;
		step *= 2;
		hi = lo + step;
	}
	hi = MIN(hi, n_blocks);
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->block_cp[mid] <= cp_offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t cps = doc->block_cp[lo];
	size_t i = lo * ENTX_CP_BLOCK;
	/* Whole words while the character sought is past them: the
	 * characters starting in a word are its bytes less its continuations. */
	while (i + 8 <= doc->len) {
		size_t in_word = entx_priv_utf8_count_cp(doc->text + i, 8);
		if (cps + in_word > cp_offset)
			break;
		cps += in_word;
		i += 8;
	}
	/* Skip continuation bytes of a character begun before i. */
	while (i < doc->len && is_cont(doc->text, i))
		i++;
	while (i < doc->len) {
		if (cps == cp_offset)
			return i;
		i++;
		while (i < doc->len && is_cont(doc->text, i))
			i++;
		cps++;
	}
	return doc->len;
}
