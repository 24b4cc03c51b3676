/*
 * Fuzz harness: the JSONL reader, then the document path for what it read.
 */
#include "fuzz_common.h"

#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	entx_jsonl_record rec;
	gboolean ok = entx_jsonl_parse((const char *)data, size, &rec);
	FUZZ_CHECK(ok == (rec.error == NULL), "an error is reported exactly when parsing fails");
	if (ok) {
		FUZZ_CHECK(rec.text != NULL && rec.extra != NULL, "a good record has text and extras");
		fuzz_document(rec.text, rec.len, rec.date);
	}
	entx_jsonl_record_clear(&rec);
	return 0;
}
