/*
 * Fuzz harness: the JSONL reader, then the document path for what it read.
 */
#include "fuzz_common.h"

#include "input.h"

/*
 * The reader must agree with jansson, read the plain way: the record is
 * good exactly when the line is an object whose "text" is a string, and
 * then text, id, date and the other members are jansson's.
 */
static void check_against_jansson(const uint8_t *data, size_t size, gboolean ok,
                                  const entx_jsonl_record *rec)
{
	json_t *obj = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	json_t *text = json_object_get(obj, "text"), *id = json_object_get(obj, "id");
	json_t *date = json_object_get(obj, "date");
	gboolean good = json_is_object(obj) && json_is_string(text) &&
	                (date == NULL || json_is_string(date) || json_is_null(date));
	FUZZ_CHECK(ok == good, "the reader accepts exactly the lines jansson reads as records");
	if (good) {
		FUZZ_CHECK(rec->len == json_string_length(text) &&
		                   memcmp(rec->text, json_string_value(text), rec->len) == 0,
		           "text as jansson decodes it");
		FUZZ_CHECK(json_is_string(id) ? rec->id != NULL &&
		                                        strcmp(rec->id, json_string_value(id)) == 0
		                              : json_is_integer(id) || rec->id == NULL,
		           "id as jansson decodes it");
		FUZZ_CHECK(json_is_string(date) ? rec->date != NULL &&
		                                          strcmp(rec->date, json_string_value(date)) == 0
		                                : rec->date == NULL,
		           "date as jansson decodes it");
		json_object_del(obj, "text");
		json_object_del(obj, "id");
		json_object_del(obj, "date");
		FUZZ_CHECK(json_equal(obj, rec->extra), "the other members as jansson decodes them");
		char *want = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
		char *got = json_dumps(rec->extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
		FUZZ_CHECK(want != NULL && got != NULL && strcmp(want, got) == 0,
		           "the other members in jansson's order");
		free(want);
		free(got);
	}
	json_decref(obj);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	entx_jsonl_record rec;
	gboolean ok = entx_jsonl_parse((const char *)data, size, &rec);
	FUZZ_CHECK(ok == (rec.error == NULL), "an error is reported exactly when parsing fails");
	check_against_jansson(data, size, ok, &rec);
	if (ok) {
		FUZZ_CHECK(rec.text != NULL && rec.extra != NULL, "a good record has text and extras");
		fuzz_document(rec.text, rec.len, rec.date);
	}
	entx_jsonl_record_clear(&rec);
	return 0;
}
