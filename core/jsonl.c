/*
 * Reading one JSONL record: {"id": ..., "text": ..., "date": ..., other
 * members carried through}.
 *
 * jansson builds a tree of the whole line, decoding the text through a
 * character-at-a-time stream, which made JSONL input several times
 * slower than plain text. The fast reader here scans the line once,
 * copies runs of the text without escapes with memcpy, and hands only
 * the other members' values (small, usually) to jansson. It accepts
 * strictly less than jansson: anything unusual (an id that is a number,
 * a raw control character, a lone surrogate, invalid UTF-8, any syntax
 * error) sends the line to jansson, which decides and words the error,
 * so both paths give the same result for every line.
 */
#include "input.h"
#include "json_write.h"

#include <string.h>

typedef struct {
	const char *p, *end;
} scanner;

static void skip_ws(scanner *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		int c = g_ascii_xdigit_value(p[i]);
		if (c < 0)
			return -1;
		v = v * 16 + c;
	}
	return v;
}

/*
 * Reads the string at s->p (which is at its opening quote) into out, or
 * only skips it when out is NULL. FALSE on anything jansson should judge.
 */
static gboolean read_string(scanner *s, GString *out)
{
	if (s->p >= s->end || *s->p != '"')
		return FALSE;
	s->p++;
	for (;;) {
		const char *run = s->p;
		while (s->p < s->end && !entx_json_special[(unsigned char)*s->p])
			s->p++;
		if (out != NULL)
			g_string_append_len(out, run, s->p - run);
		if (s->p >= s->end || (unsigned char)*s->p < 0x20)
			return FALSE;
		if (*s->p == '"') {
			s->p++;
			return TRUE;
		}
		/* a backslash escape */
		if (s->end - s->p < 2)
			return FALSE;
		char e = s->p[1];
		s->p += 2;
		const char *simple = strchr("\"\\/bfnrt", e);
		if (e != '\0' && simple != NULL) {
			if (out != NULL)
				g_string_append_c(out, "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"]);
			continue;
		}
		if (e != 'u' || s->end - s->p < 4)
			return FALSE;
		int cp = hex4(s->p);
		s->p += 4;
		if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
			return FALSE;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			int lo = s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u' ? hex4(s->p + 2) : -1;
			if (lo < 0xDC00 || lo > 0xDFFF)
				return FALSE;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			s->p += 6;
		}
		if (out != NULL)
			g_string_append_unichar(out, (gunichar)cp);
	}
}

/* Skips any JSON value, only finding where it ends; jansson parses it. */
static gboolean skip_value(scanner *s)
{
	int depth = 0;
	do {
		skip_ws(s);
		if (s->p >= s->end)
			return FALSE;
		char c = *s->p;
		if (c == '"') {
			if (!read_string(s, NULL))
				return FALSE;
		} else if (c == '{' || c == '[') {
			if (++depth > 64)
				return FALSE;
			s->p++;
		} else if (c == '}' || c == ']') {
			if (--depth < 0)
				return FALSE;
			s->p++;
		} else if (c == ',' || c == ':') {
			if (depth == 0)
				return FALSE;
			s->p++;
		} else {
			const char *start = s->p;
			while (s->p < s->end && strchr("0123456789+-.eEtruefalsn", *s->p) != NULL &&
			       *s->p != '\0')
				s->p++;
			if (s->p == start)
				return FALSE;
		}
	} while (depth > 0);
	return TRUE;
}

/* Replaces *dst by a NUL-terminated copy of value (its length in *len). */
static void take(char **dst, size_t *len, const GString *value)
{
	g_free(*dst);
	*dst = g_memdup2(value->str, value->len + 1);
	if (len != NULL)
		*len = value->len;
}

static gboolean parse_fast(const char *line, size_t len, entx_jsonl_record *rec)
{
	if (!g_utf8_validate_len(line, len, NULL))
		return FALSE; /* also refuses raw NUL bytes, which JSON never has */
	scanner s = {line, line + len};
	GString *key = g_string_new(NULL), *value = g_string_new(NULL);
	gboolean ok = FALSE;
	rec->extra = json_object();
	skip_ws(&s);
	if (s.p >= s.end || *s.p++ != '{')
		goto out;
	skip_ws(&s);
	if (s.p < s.end && *s.p == '}') {
		s.p++;
		goto done;
	}
	for (;;) {
		skip_ws(&s);
		g_string_truncate(key, 0);
		if (!read_string(&s, key) || memchr(key->str, '\0', key->len) != NULL)
			goto out;
		skip_ws(&s);
		if (s.p >= s.end || *s.p++ != ':')
			goto out;
		skip_ws(&s);
		gboolean ours = strcmp(key->str, "text") == 0 || strcmp(key->str, "id") == 0 ||
		                strcmp(key->str, "date") == 0;
		if (ours) {
			/* Ours must be strings; anything else is jansson's to judge. */
			g_string_truncate(value, 0);
			if (!read_string(&s, value))
				goto out;
			if (key->str[0] == 't')
				take(&rec->text, &rec->len, value);
			else if (memchr(value->str, '\0', value->len) != NULL)
				goto out; /* jansson's reading of "a\u0000b" as an id stands */
			else
				take(key->str[0] == 'i' ? &rec->id : &rec->date, NULL, value);
		} else {
			const char *start = s.p;
			if (!skip_value(&s))
				goto out;
			json_t *v = json_loadb(start, (size_t)(s.p - start), JSON_DECODE_ANY | JSON_ALLOW_NUL,
			                       NULL);
			if (v == NULL)
				goto out;
			json_object_set_new(rec->extra, key->str, v);
		}
		skip_ws(&s);
		if (s.p < s.end && *s.p == ',') {
			s.p++;
			continue;
		}
		if (s.p < s.end && *s.p == '}') {
			s.p++;
			break;
		}
		goto out;
	}
done:
	skip_ws(&s);
	ok = s.p == s.end && rec->text != NULL;
out:
	g_string_free(key, TRUE);
	g_string_free(value, TRUE);
	return ok;
}

/* jansson reads every line the fast reader declines, and reports errors. */
static gboolean parse_with_jansson(const char *line, size_t len, entx_jsonl_record *rec)
{
	memset(rec, 0, sizeof *rec);
	json_error_t jerr;
	json_t *obj = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	if (obj == NULL) {
		rec->error = g_strdup_printf("invalid JSON at column %d: %s", jerr.column, jerr.text);
		return FALSE;
	}
	if (!json_is_object(obj)) {
		json_decref(obj);
		rec->error = g_strdup("JSONL line is not a JSON object");
		return FALSE;
	}
	json_t *text = json_object_get(obj, "text");
	json_t *id = json_object_get(obj, "id");
	json_t *date = json_object_get(obj, "date");
	if (json_is_string(id))
		rec->id = g_strndup(json_string_value(id), json_string_length(id));
	else if (json_is_integer(id))
		rec->id = g_strdup_printf("%" JSON_INTEGER_FORMAT, json_integer_value(id));
	if (json_is_string(text)) {
		rec->len = json_string_length(text);
		rec->text = g_memdup2(json_string_value(text), rec->len + 1);
	} else
		rec->error = g_strdup("JSONL object has no string member \"text\"");
	if (json_is_string(date))
		rec->date = g_strdup(json_string_value(date));
	else if (date != NULL && !json_is_null(date) && rec->error == NULL)
		rec->error = g_strdup("JSONL member \"date\" is not a string");
	json_object_del(obj, "text");
	json_object_del(obj, "id");
	json_object_del(obj, "date");
	rec->extra = obj;
	return rec->error == NULL;
}

void entx_jsonl_record_clear(entx_jsonl_record *rec)
{
	g_free(rec->id);
	g_free(rec->text);
	g_free(rec->date);
	g_free(rec->error);
	if (rec->extra != NULL)
		json_decref(rec->extra);
	memset(rec, 0, sizeof *rec);
}

gboolean entx_jsonl_parse(const char *line, size_t len, entx_jsonl_record *rec)
{
	memset(rec, 0, sizeof *rec);
	if (parse_fast(line, len, rec))
		return TRUE;
	entx_jsonl_record_clear(rec);
	return parse_with_jansson(line, len, rec);
}
