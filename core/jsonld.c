/*
 * Writing a processed document as one JSON-LD object (NIF 2.0 core,
 * ITS 2.0, schema.org, OWL-Time). Short keys are defined in the
 * @context, so jq users write .mentions[].anchorOf while a JSON-LD
 * processor still expands every key to the exact vocabulary IRI.
 */
#include "jsonld.h"

#include <string.h>

#include "decimal.h"
#include "json_write.h"
#include "offset_cursor.h"

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
	"\"hasXSDDuration\":{\"@id\":\"time:hasXSDDuration\",\"@type\":\"xsd:duration\"},"
	"\"error\":\"entx:error\""
	"}";

/* Property IRIs with a term in the context, and how the term coerces. */
typedef enum { COERCE_NONE, COERCE_ID, COERCE_TYPED } coercion;
static const struct {
	const char *iri, *term;
	coercion coerce;
	const char *member; /* ,"term": as written, the same for every mention */
	size_t member_len, iri_len;
} TERMS[] = {
#define TERM(iri, term, coerce) \
	{iri, term, coerce, ",\"" term "\":", sizeof(term) + 3, sizeof(iri) - 1}
	TERM("schema:value", "value", COERCE_NONE),
	TERM("schema:minValue", "minValue", COERCE_NONE),
	TERM("schema:maxValue", "maxValue", COERCE_NONE),
	TERM("schema:unitText", "unitText", COERCE_NONE),
	TERM("schema:unitCode", "unitCode", COERCE_NONE),
	TERM("schema:currency", "currency", COERCE_NONE),
	TERM("entx:qualifier", "qualifier", COERCE_NONE),
	TERM("schema:sameAs", "sameAs", COERCE_ID),
	TERM("time:inXSDDate", "inXSDDate", COERCE_TYPED),
	TERM("time:inXSDgYearMonth", "inXSDgYearMonth", COERCE_TYPED),
	TERM("time:inXSDgYear", "inXSDgYear", COERCE_TYPED),
	TERM("time:inXSDDateTimeStamp", "inXSDDateTimeStamp", COERCE_TYPED),
	TERM("time:hasXSDDuration", "hasXSDDuration", COERCE_TYPED),
#undef TERM
};

/* Keys of ours that fields carried from JSONL input may not replace. */
static const char *const RESERVED[] = {"@context", "@id", "@type", "docId", "created", "text",
                                       "beginIndex", "endIndex", "mentions", "error", NULL};

/* The members every mention has; a plugin property of the same name
 * would make a duplicate key, so it is left out. */
static const char *const MENTION_KEYS[] = {"@id", "@type", "beginIndex", "endIndex",
                                           "anchorOf", "category", "class", "confidence",
                                           "annotator", "normalized", NULL};

json_t *entx_jsonld_context(void)
{
	return json_loads(CONTEXT_JSON, JSON_DECODE_ANY, NULL);
}

/* "key": with the key escaped; for keys not known to be plain. */
static void write_key(GString *out, const char *key)
{
	entx_json_write_string(out, key, strlen(key));
	entx_put_c(out, ':');
}

/* Appends a string literal. */
#define LIT(out, literal) entx_put((out), literal, sizeof(literal) - 1)
/* Appends a member whose key needs no escaping: ,"key": */
#define MEMBER(out, key) LIT((out), ",\"" key "\":")

static void write_cstring(GString *out, const char *s)
{
	entx_json_write_string(out, s, strlen(s));
}

static void open_object(GString *out, const entx_jsonld_options *opts)
{
	LIT(out, "{\"@context\":");
	if (opts->context_url != NULL)
		write_cstring(out, opts->context_url);
	else
		g_string_append_len(out, CONTEXT_JSON, sizeof CONTEXT_JSON - 1);
}

/*
 * The document's IRI without a fragment, urn:entx:doc:<id>, with RFC 3987
 * iunreserved characters kept and everything else %-encoded, JSON-escaped
 * and without the closing quote. Computed once per document; mentions
 * append "#char=B,E" to it.
 */
typedef struct {
	const char *str;
	size_t len;
	GString *heap; /* NULL when in here */
	char here[128];
} iri_base;

static void doc_iri_base(iri_base *base, const char *id)
{
	/* Ids of files and stream lines ("dir/a.txt:12") need neither kind
	 * of escaping: written as they are, without GLib's escaper, whose
	 * cost showed on streams of one-line documents. */
	static const char KEEP[] = "-._~/:@";
	size_t n = strlen(id);
	size_t plain = 0;
	/* id[plain] is never NUL here, which strchr() would find in KEEP. */
	while (plain < n && (g_ascii_isalnum(id[plain]) || strchr(KEEP, id[plain]) != NULL))
		plain++;
	static const char QUOTED_PREFIX[] = "\"" ENTX_DOC_IRI_PREFIX;
	base->heap = NULL;
	if (plain == n && sizeof QUOTED_PREFIX - 1 + n <= sizeof base->here) {
		/* The usual short id: no allocation. */
		memcpy(base->here, QUOTED_PREFIX, sizeof QUOTED_PREFIX - 1);
		memcpy(base->here + sizeof QUOTED_PREFIX - 1, id, n);
		base->str = base->here;
		base->len = sizeof QUOTED_PREFIX - 1 + n;
		return;
	}
	GString *s = g_string_sized_new(sizeof QUOTED_PREFIX + n + 1);
	if (plain == n) {
		LIT(s, "\"" ENTX_DOC_IRI_PREFIX);
		entx_put(s, id, n);
	} else {
		GString *iri = g_string_new(ENTX_DOC_IRI_PREFIX);
		g_string_append_uri_escaped(iri, id, "/:@", TRUE);
		entx_json_write_string(s, iri->str, iri->len);
		g_string_truncate(s, s->len - 1);
		g_string_free(iri, TRUE);
	}
	base->heap = s;
	base->str = s->str;
	base->len = s->len;
}

/* A code point offset in decimal, formatted once for the places it goes;
 * copied with its whole buffer (a constant size) where there is room. */
typedef struct {
	char s[24];
	size_t n;
} offset_text;
G_STATIC_ASSERT(sizeof(((offset_text *)NULL)->s) >= ENTX_DECIMAL_MAX);

/* Stores a string literal at d, advancing d. */
#define STORE_LIT(d, literal) ((d) = entx_store((d), literal, sizeof(literal) - 1))

/* Stores t at d, which has room for all of t's buffer, and returns t's end. */
static inline char *store_offset(char *d, const offset_text *t)
{
	memcpy(d, t->s, sizeof t->s);
	return d + t->n;
}

static inline __attribute__((always_inline)) void format_offset(offset_text *t, size_t v)
{
	if (G_LIKELY(v < 10000)) {
		/* The offsets of a news story: two digit pairs, copied from past
		 * the leading zeros, with no loop and no call. */
		const char *pairs = entx_priv_digit_pairs();
		uint32_t x = (uint32_t)v;
		char four[8];
		memcpy(four, pairs + 2 * (x / 100), 2);
		memcpy(four + 2, pairs + 2 * (x % 100), 2);
		size_t zeros = (size_t)(x < 10) + (x < 100) + (x < 1000);
		memcpy(t->s, four + zeros, 4);
		t->n = 4 - zeros;
		return;
	}
	if (v >= 100000000) {
		t->n = entx_priv_udecimal(t->s, v, 1);
		return;
	}
	/* Offsets of fewer than nine digits, nearly all: 32-bit arithmetic,
	 * written backwards to the middle of digits and copied whole. */
	char digits[16];
	char *p = entx_priv_digits_before(digits + 8, (uint32_t)v);
	memcpy(t->s, p, 8);
	t->n = (size_t)(digits + 8 - p);
}

/* "<base>#char=B,E" (RFC 5147), quoted. */
static inline void write_span_iri(GString *out, const iri_base *base, const offset_text *begin,
                                  const offset_text *end)
{
	entx_put(out, base->str, base->len);
	LIT(out, "#char=");
	entx_put(out, begin->s, begin->n);
	entx_put_c(out, ',');
	entx_put(out, end->s, end->n);
	entx_put_c(out, '"');
}

/*
 * entx_mention_set_number(), the one maker of number properties, writes
 * their lexical form as a JSON number already (an integer, a short
 * decimal or a round-trip form): copied as it is, it keeps every digit.
 */
static void write_number(GString *out, const char *lex)
{
	entx_put(out, lex, strlen(lex));
}

/* A mention's category, class, confidence and annotator, as written. */
typedef struct {
	const char *category, *class_iri, *annotator;
	double confidence;
	size_t offset, len; /* of its JSON in term_cache.rendered */
} classification;

/*
 * The JSON of a category, class and annotator, around the confidence:
 * ,"category":..,"class":..,"confidence": and ,"annotator":".." at
 * offset in term_cache.rendered.
 */
typedef struct {
	const char *category, *class_iri, *annotator;
	size_t offset, head_len, tail_len;
} classification_source;

/* A confidence as written (the shortest form: 0.85, 0.123456, 1.0). */
typedef struct {
	uint64_t bits; /* of the double */
	char s[16];    /* copied whole */
	guint8 len;    /* 0: empty */
} confidence_text;

/* The room for the JSON of the classifications kept per document. */
#define RENDERED_BYTES 4096

/*
 * What the writer knows of the document whose mentions it writes.
 * Property names are interned per document, so within one document the
 * same pointer is the same property: the term a property maps to is
 * looked up once per document instead of once per mention. The same
 * holds for the strings of write_classification().
 */
typedef struct {
	entx_offset_cursor offsets; /* its text, and whether it is ASCII */
	const iri_base *base;  /* see doc_iri_base() */
	const char *prop[32]; /* see term_of() */
	int term[32];         /* index into TERMS, -1 for none, -2 for a mention key */
	classification classes[32]; /* see write_classification() */
	size_t n_classes;
	/* 1 + the index in classes of a classification, by class_slot() */
	guint8 class_index[64];
	classification_source sources[32];
	size_t n_sources;
	size_t rendered_len;
	char rendered[RENDERED_BYTES];
} term_cache;

/* The term of a property name not seen before in the document. */
static int find_term(const char *prop)
{
	/* Most IRIs share their start ("schema:"): their length and last
	 * byte tell them apart before a comparison. */
	size_t len = strlen(prop);
	for (size_t t = 0; t < G_N_ELEMENTS(TERMS); t++)
		if (TERMS[t].iri_len == len && TERMS[t].iri[len - 1] == prop[len - 1] &&
		    memcmp(TERMS[t].iri, prop, len) == 0)
			return (int)t;
	return g_strv_contains(MENTION_KEYS, prop) ? -2 : -1;
}

static int term_of(term_cache *tc, const char *prop)
{
	/* By pointer, from a slot of its own on (the names a document uses
	 * are few); when all are taken it is looked up every time. */
	size_t mask = G_N_ELEMENTS(tc->prop) - 1;
	G_STATIC_ASSERT((G_N_ELEMENTS(((term_cache *)NULL)->prop) & 31) == 0);
	size_t slot = (size_t)(((uint64_t)(uintptr_t)prop * UINT64_C(0x9E3779B97F4A7C15)) >> 59);
	for (size_t probe = 0; probe <= mask; probe++, slot = (slot + 1) & mask) {
		if (tc->prop[slot] == prop)
			return tc->term[slot];
		if (tc->prop[slot] == NULL) {
			tc->prop[slot] = prop;
			return tc->term[slot] = find_term(prop);
		}
	}
	return find_term(prop);
}

static void write_property(GString *out, term_cache *tc, const entx_mention *m, size_t i,
                           const char **written, size_t *n_written)
{
	const char *prop = NULL, *lex = NULL, *dtype = NULL;
	entx_prop_kind kind = ENTX_PROP_STRING;
	entx_mention_property(m, i, &prop, &kind, &lex, &dtype);
	int term = term_of(tc, prop);
	if (term == -2)
		return; /* a property named like one of the mention's own keys */
	const char *key = term >= 0 ? TERMS[term].term : prop;
	coercion coerce = term >= 0 ? TERMS[term].coerce : COERCE_NONE;
	for (size_t w = 0; w < *n_written; w++)
		if (written[w] == key || (written[w][0] == key[0] && strcmp(written[w], key) == 0))
			return;
	written[(*n_written)++] = key;

	if (term >= 0) {
		entx_put(out, TERMS[term].member, TERMS[term].member_len);
	} else {
		entx_put_c(out, ',');
		write_key(out, key);
	}
	switch (kind) {
	case ENTX_PROP_NUMBER:
		write_number(out, lex);
		break;
	case ENTX_PROP_IRI:
		if (coerce == COERCE_ID)
			write_cstring(out, lex);
		else {
			LIT(out, "{\"@id\":");
			write_cstring(out, lex);
			entx_put_c(out, '}');
		}
		break;
	case ENTX_PROP_TYPED:
		if (coerce == COERCE_TYPED)
			write_cstring(out, lex);
		else {
			LIT(out, "{\"@value\":");
			write_cstring(out, lex);
			LIT(out, ",\"@type\":");
			write_cstring(out, dtype);
			entx_put_c(out, '}');
		}
		break;
	case ENTX_PROP_STRING:
	default:
		write_cstring(out, lex);
	}
}

/*
 * Where a classification is found in tc->class_index, by its pointers and
 * confidence: a mention's is a probe, not a search of them all. Two that
 * share a slot take turns; the one written last stays.
 */
static guint8 *class_slot(term_cache *tc, const char *category, const char *class_iri,
                          const char *annotator, double confidence)
{
	uint64_t bits;
	memcpy(&bits, &confidence, sizeof bits);
	uint64_t h = (uint64_t)(uintptr_t)category ^ (uint64_t)(uintptr_t)class_iri * 3 ^
	             (uint64_t)(uintptr_t)annotator * 5 ^ bits;
	h *= UINT64_C(0x9E3779B97F4A7C15);
	return &tc->class_index[h >> (64 - 6)];
}

/* The JSON kept for a category, class and annotator, or NULL. */
static const classification_source *source_of(term_cache *tc, const char *category,
                                              const char *class_iri, const char *annotator)
{
	for (size_t i = 0; i < tc->n_sources; i++) {
		const classification_source *c = &tc->sources[i];
		if (c->category == category && c->class_iri == class_iri &&
		    c->annotator == annotator)
			return c;
	}
	return NULL;
}

/*
 * Appends a confidence as entx_json_write_real() does. A run's mentions
 * have a handful of confidences (a plugin's few constants), each
 * formatted once per thread: the table holds values, not pointers, so
 * it stays true from one document to the next.
 */
static void write_confidence(GString *out, double confidence)
{
	static _Thread_local confidence_text known[16];
	uint64_t bits;
	memcpy(&bits, &confidence, sizeof bits);
	confidence_text *c = &known[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - 4)];
	if (c->len != 0 && c->bits == bits) {
		char *d = entx_reserve(out, sizeof c->s);
		memcpy(d, c->s, sizeof c->s);
		entx_commit(out, d + c->len);
		return;
	}
	size_t start = out->len;
	entx_json_write_real(out, confidence);
	size_t len = out->len - start;
	if (len <= sizeof c->s) {
		c->bits = bits;
		c->len = (guint8)len;
		memcpy(c->s, out->str + start, len);
	}
}

/*
 * The members after anchorOf, from "category" to "annotator". Mentions
 * of a document share a few of these (a plugin's category, class and
 * confidence), and its strings are interned, so the JSON is written once
 * per combination of pointers and kept for the document's other mentions.
 */
static void write_classification(GString *out, term_cache *tc, const entx_mention *m)
{
	const char *category = entx_mention_category(m);
	const char *class_iri = entx_mention_class(m);
	const char *annotator = entx_mention_annotator(m);
	double confidence = entx_mention_confidence(m);
	classification *hit = NULL;
	guint8 *slot = class_slot(tc, category, class_iri, annotator, confidence);
	if (*slot != 0) {
		classification *c = &tc->classes[*slot - 1];
		if (c->category == category && c->class_iri == class_iri &&
		    c->annotator == annotator && memcmp(&c->confidence, &confidence, sizeof confidence) == 0)
			hit = c;
	}
	if (hit != NULL) {
		entx_put(out, tc->rendered + hit->offset, hit->len);
		return;
	}
	size_t start = out->len;
	/* Confidences vary more than the rest: that is kept apart. */
	const classification_source *src = source_of(tc, category, class_iri, annotator);
	if (src != NULL) {
		entx_put(out, tc->rendered + src->offset, src->head_len);
		write_confidence(out, confidence);
		entx_put(out, tc->rendered + src->offset + src->head_len, src->tail_len);
	} else {
		MEMBER(out, "category");
		write_cstring(out, category);
		MEMBER(out, "class");
		write_cstring(out, class_iri);
		MEMBER(out, "confidence");
		size_t head_len = out->len - start;
		write_confidence(out, confidence);
		size_t tail_start = out->len;
		MEMBER(out, "annotator");
		/* The loader admits only [a-z0-9_-] plugin names: nothing to escape. */
		LIT(out, "\"" ENTX_ANNOTATOR_IRI_PREFIX);
		entx_put(out, annotator, strlen(annotator));
		entx_put_c(out, '"');
		size_t tail_len = out->len - tail_start;
		if (tc->n_sources < G_N_ELEMENTS(tc->sources) &&
		    head_len + tail_len <= RENDERED_BYTES - tc->rendered_len) {
			char *kept = tc->rendered + tc->rendered_len;
			tc->sources[tc->n_sources++] = (classification_source){
				category, class_iri, annotator, tc->rendered_len, head_len,
				tail_len};
			memcpy(kept, out->str + start, head_len);
			memcpy(kept + head_len, out->str + tail_start, tail_len);
			tc->rendered_len += head_len + tail_len;
		}
	}
	size_t len = out->len - start;
	if (tc->n_classes < G_N_ELEMENTS(tc->classes) && len <= RENDERED_BYTES - tc->rendered_len) {
		*slot = (guint8)(tc->n_classes + 1);
		classification *c = &tc->classes[tc->n_classes++];
		*c = (classification){category,   class_iri,        annotator,
		                      confidence, tc->rendered_len, len};
		memcpy(tc->rendered + tc->rendered_len, out->str + start, len);
		tc->rendered_len += len;
	}
}

/* A mention's object, after a ',' unless it is the first. */
static void write_mention(GString *out, term_cache *tc, const entx_mention *m, gboolean first)
{
	size_t begin = entx_mention_begin(m), end = entx_mention_end(m);
	size_t b, e;
	entx_priv_cursor_span(&tc->offsets, begin, end, &b, &e);
	const iri_base *base = tc->base;

	/* Each offset is written twice, in the IRI and as a number. */
	offset_text bt, et;
	format_offset(&bt, begin);
	format_offset(&et, end);
	/* Up to the anchor, with one check for room; a long anchor apart. */
	size_t anchor_len = e - b;
	gboolean short_anchor = anchor_len <= 256;
	size_t room = base->len + 4 * sizeof bt.s + 128;
	char *d = entx_reserve(out, room + (short_anchor ? ENTX_JSON_ROOM(anchor_len) + 2 : 0));
	if (!first)
		*d++ = ',';
	STORE_LIT(d, "{\"@id\":");
	d = entx_store(d, base->str, base->len);
	STORE_LIT(d, "#char=");
	d = store_offset(d, &bt);
	*d++ = ',';
	d = store_offset(d, &et);
	STORE_LIT(d, "\",\"@type\":\"nif:Phrase\",\"beginIndex\":");
	d = store_offset(d, &bt);
	STORE_LIT(d, ",\"endIndex\":");
	d = store_offset(d, &et);
	STORE_LIT(d, ",\"anchorOf\":");
	if (short_anchor) {
		entx_commit(out, entx_json_put_valid_string(d, tc->offsets.text + b, anchor_len));
	} else {
		entx_commit(out, d);
		entx_json_write_valid_string(out, tc->offsets.text + b, anchor_len);
	}
	write_classification(out, tc, m);
	const char *value = entx_mention_value(m);
	if (value != NULL) {
		MEMBER(out, "normalized");
		write_cstring(out, value);
	}
	size_t n_props = entx_mention_n_properties(m);
	const char *written_stack[8];
	const char **written = n_props <= G_N_ELEMENTS(written_stack) ? written_stack
	                                                              : g_new(const char *, n_props);
	size_t n_written = 0;
	for (size_t i = 0; i < n_props; i++)
		write_property(out, tc, m, i, written, &n_written);
	if (written != written_stack)
		g_free(written);
	entx_put_c(out, '}');
}

static void carry(GString *out, json_t *extra)
{
	if (extra == NULL)
		return;
	const char *key = NULL;
	json_t *value = NULL;
	json_object_foreach(extra, key, value) {
		if (g_strv_contains(RESERVED, key))
			continue;
		entx_put_c(out, ',');
		write_key(out, key);
		entx_json_write_value(out, value);
	}
}

/* --pretty: what of out is compact still starts at `start`. */
typedef struct {
	size_t start;
	entx_json_indenter indenter;
} pretty_state;

/* Replaces the compact JSON from ps->start on by its indented form. */
static void indent_tail(GString *out, pretty_state *ps)
{
	size_t n = out->len - ps->start;
	GString *indented = g_string_sized_new(n + n / 2 + 64);
	entx_json_indent(&ps->indenter, indented, out->str + ps->start, n);
	g_string_truncate(out, ps->start);
	entx_put(out, indented->str, indented->len);
	g_string_free(indented, TRUE);
	ps->start = out->len;
}

/* Hands out to the drain once it is long enough, indented first when
 * pretty (ps not NULL). */
static void drain_maybe(GString *out, const entx_drain *drain, pretty_state *ps)
{
	if (drain == NULL || out->len < ENTX_DRAIN_BYTES)
		return;
	if (ps != NULL)
		indent_tail(out, ps);
	drain->fn(out, drain->data);
	if (ps != NULL)
		ps->start = out->len;
}

void entx_jsonld_document(GString *out, const entx_doc *doc, json_t *extra,
                          const entx_jsonld_options *opts, const entx_drain *drain)
{
	pretty_state pretty = {.start = out->len};
	pretty_state *ps = opts->pretty ? &pretty : NULL;
	size_t n_bytes = 0;
	const char *text = entx_doc_text(doc, &n_bytes);
	iri_base base;
	doc_iri_base(&base, entx_doc_id(doc));

	open_object(out, opts);
	MEMBER(out, "@id");
	offset_text zero, length;
	format_offset(&zero, 0);
	format_offset(&length, entx_doc_length(doc));
	write_span_iri(out, &base, &zero, &length);
	LIT(out, ",\"@type\":\"nif:Context\",\"docId\":");
	write_cstring(out, entx_doc_id(doc));
	if (entx_doc_reference_date(doc) != NULL) {
		MEMBER(out, "created");
		write_cstring(out, entx_doc_reference_date(doc));
	}
	LIT(out, ",\"beginIndex\":0,\"endIndex\":");
	entx_put(out, length.s, length.n);
	if (opts->include_text) {
		MEMBER(out, "text");
		entx_json_write_valid_string(out, text, n_bytes);
	}
	carry(out, extra);
	/* Not zeroed whole: its tables are filled as they are used. */
	term_cache tc;
	entx_priv_cursor_init(&tc.offsets, doc);
	tc.base = &base;
	tc.n_classes = tc.n_sources = tc.rendered_len = 0;
	memset(tc.prop, 0, sizeof tc.prop);
	memset(tc.class_index, 0, sizeof tc.class_index);
	LIT(out, ",\"mentions\":[");
	size_t n_mentions = entx_doc_n_mentions(doc);
	for (size_t i = 0; i < n_mentions; i++) {
		write_mention(out, &tc, entx_doc_mention(doc, i), i == 0);
		drain_maybe(out, drain, ps);
	}
	LIT(out, "]}");
	if (base.heap != NULL)
		g_string_free(base.heap, TRUE);
	if (ps != NULL)
		indent_tail(out, ps);
	entx_put_c(out, '\n');
}

void entx_jsonld_error(GString *out, const char *doc_id, const char *message, json_t *extra,
                       const entx_jsonld_options *opts)
{
	pretty_state pretty = {.start = out->len};
	open_object(out, opts);
	MEMBER(out, "docId");
	write_cstring(out, doc_id);
	MEMBER(out, "error");
	write_cstring(out, message);
	carry(out, extra);
	entx_put_c(out, '}');
	if (opts->pretty)
		indent_tail(out, &pretty);
	entx_put_c(out, '\n');
}
