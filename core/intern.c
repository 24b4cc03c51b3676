/*
 * A document's interned strings: the cache by caller pointer and the
 * table by content behind it (see intern.h).
 */
#include "intern.h"

void entx_priv_intern_init(entx_interner *in)
{
	memset(in, 0, sizeof *in);
	in->by_content = g_hash_table_new(g_str_hash, g_str_equal);
	in->chunk = g_string_chunk_new(1024);
}

void entx_priv_intern_reset(entx_interner *in)
{
	if (in->bytes <= ENTX_INTERNED_KEEP)
		return;
	/* Interned strings die with the chunk's storage: forget them. */
	g_hash_table_remove_all(in->by_content);
	g_string_chunk_clear(in->chunk);
	memset(in->from, 0, sizeof in->from);
	in->n_cached = 0;
	in->bytes = 0;
}

void entx_priv_intern_free(entx_interner *in)
{
	g_hash_table_destroy(in->by_content);
	g_string_chunk_free(in->chunk);
}

static const char *by_content(entx_interner *in, const char *s)
{
	const char *interned = g_hash_table_lookup(in->by_content, s);
	if (interned == NULL) {
		interned = g_string_chunk_insert(in->chunk, s);
		in->bytes += strlen(interned) + 1;
		g_hash_table_add(in->by_content, (gpointer)interned);
	}
	return interned;
}

const char *entx_priv_intern_slow(entx_interner *in, const char *s)
{
	const size_t mask = ENTX_INTERN_CACHE - 1;
	size_t i = entx_priv_intern_slot(s);
	while (in->from[i] != NULL && in->from[i] != s)
		i = (i + 1) & mask;
	if (in->from[i] == s) {
		/* The caller's buffer, with other content than last time. */
		if (strcmp(in->to[i], s) != 0)
			in->to[i] = by_content(in, s);
		return in->to[i];
	}
	if (in->n_cached >= ENTX_INTERN_CACHE / 2) {
		/* Half full: probes grow long. Start again; the copies stay. */
		memset(in->from, 0, sizeof in->from);
		in->n_cached = 0;
		i = entx_priv_intern_slot(s);
	}
	in->n_cached++;
	in->from[i] = s;
	in->to[i] = by_content(in, s);
	return in->to[i];
}
