/*
 * Private: a document's interned strings (categories, classes, property
 * names, datatypes). Each content has exactly one interned copy, so the
 * core compares interned strings by pointer.
 */
#ifndef ENTX_CORE_INTERN_H
#define ENTX_CORE_INTERN_H

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* The interned copies a reset keeps (see entx_priv_intern_reset). */
#define ENTX_INTERNED_KEEP 16384u

/*
 * Plugins pass the same few constants again and again: a cache keyed by
 * the caller's pointer (checked by content, since a caller may reuse a
 * buffer) finds their copies without hashing the string. Behind it, a
 * table keyed by content keeps the one copy of each; a caller pointer
 * the cache has no room for costs a hash, never a second copy, so where
 * the linker put a plugin's strings changes little.
 */
#define ENTX_INTERN_CACHE 256 /* a power of two */

typedef struct entx_interner {
	/* Open addressing, no removal: emptied when half full. */
	const char *from[ENTX_INTERN_CACHE];
	const char *to[ENTX_INTERN_CACHE];
	size_t n_cached;
	GHashTable *by_content; /* an interned copy -> itself */
	GStringChunk *chunk;
	size_t bytes;
} entx_interner;

void entx_priv_intern_init(entx_interner *in);
/* Forgets the copies once they take ENTX_INTERNED_KEEP bytes: no
 * mention may point to them then. */
void entx_priv_intern_reset(entx_interner *in);
void entx_priv_intern_free(entx_interner *in);
/* intern()'s path for strings not in the first slots of the cache. */
const char *entx_priv_intern_slow(entx_interner *in, const char *s);

static inline size_t entx_priv_intern_slot(const char *s)
{
	return (size_t)(((uint64_t)(uintptr_t)s * UINT64_C(0x9E3779B97F4A7C15)) >> 32) &
	       (ENTX_INTERN_CACHE - 1);
}

/* The one interned copy of s. Most strings are found in their first two
 * slots: checked here, inline. */
static inline const char *entx_priv_intern(entx_interner *in, const char *s)
{
	size_t i = entx_priv_intern_slot(s);
	if (in->from[i] != s && in->from[i] != NULL)
		i = (i + 1) & (ENTX_INTERN_CACHE - 1);
	if (G_LIKELY(in->from[i] == s) && strcmp(in->to[i], s) == 0)
		return in->to[i];
	return entx_priv_intern_slow(in, s);
}

#endif
