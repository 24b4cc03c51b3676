/*
 * Private: resolving overlapping mentions (the policy is documented at
 * entx_engine_process in include/entx/engine.h).
 */
#ifndef ENTX_CORE_MERGE_H
#define ENTX_CORE_MERGE_H

#include <entx/engine.h>

/*
 * entx_priv_merge:
 * Replaces doc's candidate mentions by the merged result (ENTX_OVERLAPS_MERGE)
 * or keeps them all (ENTX_OVERLAPS_ALL), sorted by position either way.
 */
void entx_priv_merge(entx_doc *doc, entx_overlaps mode);

#endif
