/*
 * Writing a processed document as one JSON-LD object (NIF 2.0 core,
 * ITS 2.0, schema.org, OWL-Time). Short keys are defined in the
 * @context, so jq users write .mentions[].anchorOf while a JSON-LD
 * processor still expands every key to the exact vocabulary IRI.
 */
#include "jsonld.h"

#include <string.h>

static const char CONTEXT_JSON[] =
	"{"
	"\"nif\":\"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#\","
	"\"itsrdf\":\"http://www.w3.org/2005/11/its/rdf#\","
	"\"schema\":\"https://schema.org/\","
	"\"time\":\"http://www.w3.org/2006/time#\","
	"\"xsd\":\"http://www.w3.org/2001/XMLSchema#\","
	"\"dcterms\":\"http://purl.org/dc/terms/\","
	"\"rdf\":\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\","
	"\"entx\":\"urn:entx:vocab:\","
	"\"docId\":\"dcterms:identifier\","
	"\"created\":{\"@id\":\"dcterms:created\",\"@type\":\"xsd:date\"},"
	"\"text\":\"nif:isString\","
	"\"beginIndex\":{\"@id\":\"nif:beginIndex\",\"@type\":\"xsd:nonNegativeInteger\"},"
	"\"endIndex\":{\"@id\":\"nif:endIndex\",\"@type\":\"xsd:nonNegativeInteger\"},"
	"\"mentions\":{\"@reverse\":\"nif:referenceContext\"},"
	"\"anchorOf\":\"nif:anchorOf\","
	"\"category\":\"entx:category\","
	"\"class\":{\"@id\":\"itsrdf:taClassRef\",\"@type\":\"@id\"},"
	"\"confidence\":{\"@id\":\"itsrdf:taConfidence\",\"@type\":\"xsd:double\"},"
	"\"annotator\":{\"@id\":\"itsrdf:taAnnotatorsRef\",\"@type\":\"@id\"},"
	"\"normalized\":\"rdf:value\","
	"\"value\":\"schema:value\","
	"\"minValue\":\"schema:minValue\","
	"\"maxValue\":\"schema:maxValue\","
	"\"unitText\":\"schema:unitText\","
	"\"unitCode\":\"schema:unitCode\","
	"\"currency\":\"schema:currency\","
	"\"qualifier\":\"entx:qualifier\","
	"\"sameAs\":{\"@id\":\"schema:sameAs\",\"@type\":\"@id\"},"
	"\"inXSDDate\":{\"@id\":\"time:inXSDDate\",\"@type\":\"xsd:date\"},"
	"\"inXSDgYearMonth\":{\"@id\":\"time:inXSDgYearMonth\",\"@type\":\"xsd:gYearMonth\"},"
	"\"inXSDgYear\":{\"@id\":\"time:inXSDgYear\",\"@type\":\"xsd:gYear\"},"
	"\"inXSDDateTimeStamp\":{\"@id\":\"time:inXSDDateTimeStamp\",\"@type\":\"xsd:dateTimeStamp\"},"
	"\"error\":\"entx:error\""
	"}";

/* Property IRIs with a term in the context, and how the term coerces. */
typedef enum { COERCE_NONE, COERCE_ID, COERCE_TYPED } coercion;
static const struct {
	const char *iri, *term;
	coercion coerce;
} TERMS[] = {
	{"schema:value", "value", COERCE_NONE},
	{"schema:minValue", "minValue", COERCE_NONE},
	{"schema:maxValue", "maxValue", COERCE_NONE},
	{"schema:unitText", "unitText", COERCE_NONE},
	{"schema:unitCode", "unitCode", COERCE_NONE},
	{"schema:currency", "currency", COERCE_NONE},
	{"entx:qualifier", "qualifier", COERCE_NONE},
	{"schema:sameAs", "sameAs", COERCE_ID},
	{"time:inXSDDate", "inXSDDate", COERCE_TYPED},
	{"time:inXSDgYearMonth", "inXSDgYearMonth", COERCE_TYPED},
	{"time:inXSDgYear", "inXSDgYear", COERCE_TYPED},
	{"time:inXSDDateTimeStamp", "inXSDDateTimeStamp", COERCE_TYPED},
};

/* Keys of ours that fields carried from JSONL input may not replace. */
static const char *const RESERVED[] = {"@context", "@id", "@type", "docId", "created", "text",
                                       "beginIndex", "endIndex", "mentions", "error", NULL};

json_t *entx_jsonld_context(void)
{
	return json_loads(CONTEXT_JSON, JSON_DECODE_ANY, NULL);
}

static void set_context(json_t *obj, const entx_jsonld_options *opts)
{
	if (opts->context_url != NULL)
		json_object_set_new(obj, "@context", json_string(opts->context_url));
	else
		json_object_set_new(obj, "@context", entx_jsonld_context());
}

/*
 * The document's IRI without a fragment, urn:entx:doc:<id>, with RFC 3987
 * iunreserved characters kept and everything else %-encoded. Computed
 * once per document; mentions append "#char=B,E" to it.
 */
static GString *doc_iri_base(const char *id)
{
	GString *s = g_string_new(ENTX_DOC_IRI_PREFIX);
	g_string_append_uri_escaped(s, id, "/:@", TRUE);
	return s;
}

/* base + "#char=B,E" (RFC 5147), as a new string (g_free). */
static char *span_iri(const GString *base, size_t begin, size_t end)
{
	return g_strdup_printf("%s#char=%zu,%zu", base->str, begin, end);
}

static json_t *property_value(const entx_mention *m, size_t i, const char **key)
{
	const char *prop = NULL, *lex = NULL, *dtype = NULL;
	entx_prop_kind kind = ENTX_PROP_STRING;
	entx_mention_property(m, i, &prop, &kind, &lex, &dtype);
	coercion coerce = COERCE_NONE;
	*key = prop;
	for (size_t t = 0; t < G_N_ELEMENTS(TERMS); t++)
		if (strcmp(TERMS[t].iri, prop) == 0) {
			*key = TERMS[t].term;
			coerce = TERMS[t].coerce;
		}
	switch (kind) {
	case ENTX_PROP_NUMBER:
		if (strpbrk(lex, ".eE") == NULL)
			return json_integer(g_ascii_strtoll(lex, NULL, 10));
		return json_real(g_ascii_strtod(lex, NULL));
	case ENTX_PROP_IRI:
		if (coerce == COERCE_ID)
			return json_string(lex);
		return json_pack("{s:s}", "@id", lex);
	case ENTX_PROP_TYPED:
		if (coerce == COERCE_TYPED)
			return json_string(lex);
		return json_pack("{s:s,s:s}", "@value", lex, "@type", dtype);
	case ENTX_PROP_STRING:
	default:
		return json_string(lex);
	}
}

static json_t *mention_object(const entx_doc *doc, const GString *base, const entx_mention *m)
{
	size_t begin = entx_mention_begin(m), end = entx_mention_end(m);
	const char *text = entx_doc_text(doc, NULL);
	size_t b = entx_doc_byte_offset(doc, begin), e = entx_doc_byte_offset(doc, end);
	char *iri = span_iri(base, begin, end);
	char *annotator = g_strconcat(ENTX_ANNOTATOR_IRI_PREFIX, entx_mention_annotator(m), NULL);
	json_t *o = json_object();
	json_object_set_new(o, "@id", json_string(iri));
	json_object_set_new(o, "@type", json_string("nif:Phrase"));
	json_object_set_new(o, "beginIndex", json_integer((json_int_t)begin));
	json_object_set_new(o, "endIndex", json_integer((json_int_t)end));
	json_object_set_new(o, "anchorOf", json_stringn(text + b, e - b));
	json_object_set_new(o, "category", json_string(entx_mention_category(m)));
	json_object_set_new(o, "class", json_string(entx_mention_class(m)));
	json_object_set_new(o, "confidence", json_real(entx_mention_confidence(m)));
	json_object_set_new(o, "annotator", json_string(annotator));
	if (entx_mention_value(m) != NULL)
		json_object_set_new(o, "normalized", json_string(entx_mention_value(m)));
	for (size_t i = 0; i < entx_mention_n_properties(m); i++) {
		const char *key = NULL;
		json_t *v = property_value(m, i, &key);
		json_object_set_new(o, key, v);
	}
	g_free(iri);
	g_free(annotator);
	return o;
}

static void carry(json_t *obj, json_t *extra)
{
	if (extra == NULL)
		return;
	const char *key = NULL;
	json_t *value = NULL;
	json_object_foreach(extra, key, value) {
		if (g_strv_contains(RESERVED, key))
			continue;
		json_object_set(obj, key, value);
	}
}

/*
 * Serializes obj with the @context first. Compact output splices the
 * constant context text in front of the serialized object instead of
 * building and dumping the context's 40 members for every document.
 */
static char *dump(json_t *obj, const entx_jsonld_options *opts)
{
	size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6);
	if (opts->pretty) {
		json_t *ordered = json_object();
		set_context(ordered, opts);
		json_object_update(ordered, obj);
		json_decref(obj);
		char *s = json_dumps(ordered, flags | JSON_INDENT(2));
		json_decref(ordered);
		return s;
	}
	char *body = json_dumps(obj, flags | JSON_COMPACT);
	json_decref(obj);
	if (body == NULL)
		return NULL;
	char *url = NULL;
	if (opts->context_url != NULL) {
		json_t *u = json_string(opts->context_url);
		url = json_dumps(u, JSON_ENCODE_ANY);
		json_decref(u);
	}
	const char *ctx = url != NULL ? url : CONTEXT_JSON;
	/* body is "{...}" with at least one member, so it continues after '{'. */
	size_t n_ctx = strlen(ctx), n_body = strlen(body);
	char *s = malloc(sizeof "{\"@context\":," + n_ctx + n_body);
	if (s != NULL) {
		char *p = s;
		memcpy(p, "{\"@context\":", 12);
		p += 12;
		memcpy(p, ctx, n_ctx);
		p += n_ctx;
		*p++ = ',';
		memcpy(p, body + 1, n_body); /* includes the NUL */
	}
	free(url);
	free(body);
	return s;
}

char *entx_jsonld_document(const entx_doc *doc, json_t *extra, const entx_jsonld_options *opts)
{
	size_t n_bytes = 0;
	const char *text = entx_doc_text(doc, &n_bytes);
	GString *base = doc_iri_base(entx_doc_id(doc));
	char *iri = span_iri(base, 0, entx_doc_length(doc));
	json_t *obj = json_object();
	json_object_set_new(obj, "@id", json_string(iri));
	json_object_set_new(obj, "@type", json_string("nif:Context"));
	json_object_set_new(obj, "docId", json_string(entx_doc_id(doc)));
	if (entx_doc_reference_date(doc) != NULL)
		json_object_set_new(obj, "created", json_string(entx_doc_reference_date(doc)));
	json_object_set_new(obj, "beginIndex", json_integer(0));
	json_object_set_new(obj, "endIndex", json_integer((json_int_t)entx_doc_length(doc)));
	if (opts->include_text)
		json_object_set_new(obj, "text", json_stringn(text, n_bytes));
	carry(obj, extra);
	json_t *mentions = json_array();
	for (size_t i = 0; i < entx_doc_n_mentions(doc); i++)
		json_array_append_new(mentions, mention_object(doc, base, entx_doc_mention(doc, i)));
	json_object_set_new(obj, "mentions", mentions);
	g_string_free(base, TRUE);
	g_free(iri);
	return dump(obj, opts);
}

char *entx_jsonld_error(const char *doc_id, const char *message, json_t *extra,
                        const entx_jsonld_options *opts)
{
	json_t *obj = json_object();
	json_object_set_new(obj, "docId", json_string(doc_id));
	json_object_set_new(obj, "error", json_string(message));
	carry(obj, extra);
	return dump(obj, opts);
}
