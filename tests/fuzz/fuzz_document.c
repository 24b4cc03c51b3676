/*
 * Fuzz harness: bytes in, JSON-LD out, through every default plugin.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* With and without a reference date: relative dates take other paths. */
	fuzz_document((const char *)data, size, NULL);
	fuzz_document((const char *)data, size, "2017-12-18");
	return 0;
}
