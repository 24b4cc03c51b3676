/*
 * The rules plugin through the engine: rule files written to temporary
 * directories, loaded by the plugin of this build tree, run on text
 * whose offsets are worked out by hand in the comments.
 */
/* cmocka needs these four first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "harness.h"

/* A weapon class with phrases and a pattern, used by several tests. */
static const char WEAPONS[] =
    "# weapons, for the tests\n"
    "[class Weapon]\n"
    "iri = https://example.org/ns#Weapon\n"
    "confidence = 0.95\n"
    "\n"
    "[phrases Weapon]\n"
    "AK-47 | sameAs=http://dbpedia.org/resource/AK-47 id=ak47\n"
    "Kalashnikov rifle | value=AK-47 sameAs=<http://dbpedia.org/resource/AK-47>\n"
    "HIMARS | case=sensitive class=schema:Product\n"
    "Javelin missile | schema:manufacturer=\"Lockheed Martin\"\n"
    "\n"
    "[pattern Weapon]\n"
    "regex = \\b(?<name>(?<family>T|S)-(?<model>\\d{2,3}))(?: (?<kind>tanks?|systems?))?\n"
    "group = name\n"
    "value = ${family}-${model}\n"
    "schema:model = ${model}\n"
    "schema:category = ${kind}\n"
    "schema:description = the ${kind} ${name}\n"
    "schema:sameAs = <http://dbpedia.org/resource/${family}-${model}>\n";

/* --- fixtures ------------------------------------------------------------ */

static void remove_tree(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	if (d != NULL) {
		const char *name = NULL;
		while ((name = g_dir_read_name(d)) != NULL) {
			char *child = g_build_filename(path, name, NULL);
			remove_tree(child);
			g_free(child);
		}
		g_dir_close(d);
	}
	g_remove(path);
}

static char *make_dir(void)
{
	char *dir = g_dir_make_tmp("entx-rules-XXXXXX", NULL);
	assert_non_null(dir);
	return dir;
}

static void write_file(const char *dir, const char *name, const char *contents)
{
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);
	g_mkdir_with_parents(parent, 0700);
	assert_true(g_file_set_contents(path, contents, -1, NULL));
	g_free(parent);
	g_free(path);
}

static void collect_message(const char *message, void *user_data)
{
	GString *messages = user_data;
	g_string_append_printf(messages, "%s\n", message);
}

/*
 * An engine running only the rules plugin over the NULL-terminated rules
 * directories, with options "KEY=VALUE" for the plugin. Returns NULL with
 * *error set when loading fails; warnings go to messages.
 */
static entx_engine *rules_engine(const char *const *dirs, const char *const *options,
                                 GString *messages, GError **error)
{
	entx_engine *e = entx_engine_new();
	entx_engine_set_message_func(e, collect_message, messages);
	const char *pp = getenv("ENTX_PLUGIN_PATH");
	assert_non_null(pp);
	char **pdirs = g_strsplit(pp, ":", -1);
	for (char **d = pdirs; *d; d++)
		if (**d)
			entx_engine_add_plugin_dir(e, *d);
	g_strfreev(pdirs);
	for (const char *const *d = dirs; *d != NULL; d++)
		entx_engine_add_rules_dir(e, *d);
	for (const char *const *o = options; o != NULL && *o != NULL; o++) {
		char *spec = g_strconcat("rules.", *o, NULL);
		assert_true(entx_engine_set_option(e, spec, NULL));
		g_free(spec);
	}
	const char *const only[] = {"rules", NULL};
	if (!entx_engine_load(e, only, NULL, error)) {
		entx_engine_free(e);
		return NULL;
	}
	return e;
}

/* Loads one directory holding one file; aborts the test if loading fails. */
static entx_engine *engine_with(const char *contents, const char *const *options, GString *messages,
                                char **dir_out)
{
	char *dir = make_dir();
	write_file(dir, "test.rules", contents);
	const char *dirs[] = {dir, NULL};
	GError *error = NULL;
	entx_engine *e = rules_engine(dirs, options, messages, &error);
	if (e == NULL)
		fail_msg("loading failed: %s", error->message);
	*dir_out = dir;
	return e;
}

static entx_doc *run(const entx_engine *e, const char *text)
{
	entx_doc *d = entx_doc_new("test", text, strlen(text));
	GError *error = NULL;
	if (!entx_engine_process(e, d, &error))
		fail_msg("processing failed: %s", error->message);
	return d;
}

static void assert_span(const entx_mention *m, size_t begin, size_t end)
{
	assert_non_null(m);
	assert_int_equal(entx_mention_begin(m), begin);
	assert_int_equal(entx_mention_end(m), end);
}

/* --- phrases ------------------------------------------------------------- */

static void phrases_of_a_custom_class(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with(WEAPONS, NULL, msgs, &dir);
	/* "Rebels fired an " is 16 code points; "AK-47 and a " 12 more. */
	entx_doc *d = run(e, "Rebels fired an AK-47 and a Kalashnikov rifle.");
	assert_int_equal(harness_count(d, NULL), 2);

	const entx_mention *m = harness_find(d, "Weapon", "AK-47");
	assert_span(m, 16, 21);
	assert_string_equal(entx_mention_class(m), "https://example.org/ns#Weapon");
	assert_true(entx_mention_confidence(m) > 0.949 && entx_mention_confidence(m) < 0.951);
	assert_string_equal(entx_mention_annotator(m), "rules");
	assert_null(entx_mention_value(m));
	assert_string_equal(harness_prop(m, "schema:sameAs"), "http://dbpedia.org/resource/AK-47");
	assert_string_equal(harness_prop(m, "schema:identifier"), "ak47");
	entx_prop_kind kind = ENTX_PROP_STRING;
	entx_mention_property(m, 0, NULL, &kind, NULL, NULL);
	assert_int_equal(kind, ENTX_PROP_IRI);

	m = harness_find(d, "Weapon", "Kalashnikov rifle");
	assert_span(m, 28, 45);
	assert_string_equal(entx_mention_value(m), "AK-47");
	/* sameAs=<...> is the same IRI as sameAs=... */
	assert_string_equal(harness_prop(m, "schema:sameAs"), "http://dbpedia.org/resource/AK-47");
	entx_doc_free(d);

	/* Lowercase "kalashnikov RIFLE" matches (the class's default case);
	 * "himars" does not (case=sensitive); "HIMARS" does, with its own
	 * class. "Javelin missile" carries a quoted string property. */
	d = run(e, "kalashnikov RIFLE, himars, HIMARS, Javelin\nmissile");
	assert_int_equal(harness_count(d, "Weapon"), 3);
	assert_span(harness_find(d, "Weapon", "kalashnikov RIFLE"), 0, 17);
	m = harness_find(d, "Weapon", "HIMARS");
	assert_span(m, 27, 33);
	assert_string_equal(entx_mention_class(m), "schema:Product");
	/* White space between the words does not matter: "Javelin\nmissile". */
	m = harness_find(d, "Weapon", "Javelin\nmissile");
	assert_span(m, 35, 50);
	assert_string_equal(harness_prop(m, "schema:manufacturer"), "Lockheed Martin");
	entx_doc_free(d);

	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	assert_string_equal(msgs->str, "");
	g_string_free(msgs, TRUE);
}

static void builtin_categories_need_no_class(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with("[phrases Place]\n"
	                             "Korean Peninsula | class=schema:Landform\n"
	                             "[phrases Organization]\n"
	                             "Kalashnikov Concern\n",
	                             NULL, msgs, &dir);
	/* "Über die " is 9 code points (11 bytes). */
	entx_doc *d = run(e, "Über die Korean Peninsula; Kalashnikov Concern.");
	const entx_mention *m = harness_find(d, "Place", "Korean Peninsula");
	assert_span(m, 9, 25);
	assert_string_equal(entx_mention_class(m), "schema:Landform");
	m = harness_find(d, "Organization", "Kalashnikov Concern");
	assert_span(m, 27, 46);
	assert_string_equal(entx_mention_class(m), "schema:Organization");
	entx_doc_free(d);
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

static void phrases_stay_inside_sentences(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with(
	    "[class Ship]\niri = urn:x:Ship\n[phrases Ship]\nKursk Moskva\n", NULL, msgs, &dir);
	entx_doc *d = run(e, "It sank near Kursk. Moskva followed.");
	assert_int_equal(harness_count(d, NULL), 0);
	entx_doc_free(d);
	d = run(e, "Kursk Moskva");
	assert_span(harness_find(d, "Ship", "Kursk Moskva"), 0, 12);
	entx_doc_free(d);
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

/* --- patterns ------------------------------------------------------------ */

static void patterns_with_named_groups(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with(WEAPONS, NULL, msgs, &dir);
	/* "Over 200 " 9, "T-72 tanks" [9,19) but the span is group "name",
	 * "T-72" [9,13); " and the " 9 more from 19: "S-400" [28,33). */
	entx_doc *d = run(e, "Over 200 T-72 tanks and the S-400.");
	assert_int_equal(harness_count(d, NULL), 2);
	const entx_mention *m = harness_find(d, "Weapon", "T-72");
	assert_span(m, 9, 13);
	assert_string_equal(entx_mention_value(m), "T-72");
	assert_string_equal(harness_prop(m, "schema:model"), "72");
	assert_string_equal(harness_prop(m, "schema:category"), "tanks");
	assert_string_equal(harness_prop(m, "schema:description"), "the tanks T-72");
	assert_string_equal(harness_prop(m, "schema:sameAs"), "http://dbpedia.org/resource/T-72");
	assert_true(entx_mention_confidence(m) > 0.949);

	/* Group "kind" did not take part: no schema:category, and no
	 * schema:description either, though it has text of its own. */
	m = harness_find(d, "Weapon", "S-400");
	assert_span(m, 28, 33);
	assert_string_equal(harness_prop(m, "schema:model"), "400");
	assert_null(harness_prop(m, "schema:category"));
	assert_null(harness_prop(m, "schema:description"));
	entx_doc_free(d);
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	assert_string_equal(msgs->str, "");
	g_string_free(msgs, TRUE);
}

static void pattern_options(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with("[class Hull]\n"
	                             "iri = https://example.org/ns#Hull\n"
	                             "[pattern Hull]\n"
	                             "caseless = yes\n"
	                             "confidence = 0.5\n"
	                             "class = https://example.org/ns#HullNumber\n"
	                             "regex = \\b(DDG|CVN)-(\\d+)\\b\n"
	                             "value = ${1}${2} costs $$0\n"
	                             "[pattern Hull]\n"
	                             "regex = x*\n",
	                             NULL, msgs, &dir);
	/* "Ωmega ddg-51" : the hull number is [6,12) in code points. The
	 * second pattern matches empty strings everywhere and must neither
	 * loop nor add mentions. */
	entx_doc *d = run(e, "Ωmega ddg-51");
	assert_int_equal(harness_count(d, NULL), 1);
	const entx_mention *m = harness_find(d, "Hull", "ddg-51");
	assert_span(m, 6, 12);
	assert_string_equal(entx_mention_class(m), "https://example.org/ns#HullNumber");
	assert_string_equal(entx_mention_value(m), "ddg51 costs $0");
	assert_true(entx_mention_confidence(m) > 0.49 && entx_mention_confidence(m) < 0.51);
	entx_doc_free(d);
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

/* --- merging against other classes -------------------------------------- */

static const char *winner(int priority_a, int priority_b)
{
	char *rules = g_strdup_printf("[class A]\niri = urn:x:A\npriority = %d\n"
	                              "[class B]\niri = urn:x:B\npriority = %d\n"
	                              "[phrases A]\nalpha beta\n[phrases B]\nbeta gamma\n",
	                              priority_a, priority_b);
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with(rules, NULL, msgs, &dir);
	/* A [0,10) and B [6,16) cross with equal confidence and length. */
	entx_doc *d = run(e, "alpha beta gamma");
	assert_int_equal(harness_count(d, NULL), 1);
	const char *cat = entx_mention_category(entx_doc_mention(d, 0));
	const char *result = strcmp(cat, "A") == 0 ? "A" : "B";
	entx_doc_free(d);
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	g_free(rules);
	g_string_free(msgs, TRUE);
	return result;
}

static void class_priority_decides_crossings(void **state)
{
	assert_string_equal(winner(1, 5), "B");
	assert_string_equal(winner(5, 1), "A");
}

/* --- directories ---------------------------------------------------------- */

static void directories_shadowing_and_order(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *first = make_dir(), *second = make_dir();
	/* x.rules in the first directory shadows x.rules in the second, whose
	 * broken contents are therefore never read. y.rules, only in the
	 * second, is read, after 00-classes.rules (name order) that declares
	 * its class. Subdirectories and other files are not rule files. */
	write_file(first, "x.rules", "[class A]\niri = urn:x:A\n[phrases A]\nalpha\n");
	write_file(second, "x.rules", "this is not a rule file\n");
	write_file(first, "00-classes.rules", "[class B]\niri = urn:x:B\n");
	write_file(second, "y.rules", "[phrases B]\nbeta\n");
	write_file(first, "sub/z.rules", "broken [\n");
	write_file(first, "notes.txt", "broken [\n");
	write_file(first, ".hidden.rules", "broken [\n");
	const char *dirs[] = {first, second, NULL};
	GError *error = NULL;
	entx_engine *e = rules_engine(dirs, NULL, msgs, &error);
	if (e == NULL)
		fail_msg("%s", error->message);
	entx_doc *d = run(e, "alpha beta");
	assert_span(harness_find(d, "A", "alpha"), 0, 5);
	assert_span(harness_find(d, "B", "beta"), 6, 10);
	entx_doc_free(d);
	entx_engine_free(e);

	/* Without the first directory the broken x.rules is read and refused. */
	const char *only_second[] = {second, NULL};
	assert_null(rules_engine(only_second, NULL, msgs, &error));
	char *want =
	    g_strdup_printf("%s/x.rules:1:1: text before the first [section] header", second);
	if (!g_str_has_suffix(error->message, want))
		fail_msg("got:  %s\nwant: ...%s", error->message, want);
	g_free(want);
	g_clear_error(&error);

	/* No rule files at all is fine: nothing to find. */
	const char *none[] = {"/nonexistent/entx-rules", NULL};
	e = rules_engine(none, NULL, msgs, &error);
	assert_non_null(e);
	d = run(e, "alpha beta");
	assert_int_equal(harness_count(d, NULL), 0);
	entx_doc_free(d);
	entx_engine_free(e);
	assert_string_equal(msgs->str, "");

	remove_tree(first);
	remove_tree(second);
	g_free(first);
	g_free(second);
	g_string_free(msgs, TRUE);
}

/* --- errors --------------------------------------------------------------- */

/*
 * Loads contents as DIR/bad.rules (after DIR/a.rules with a_contents when
 * that is not NULL) and checks that loading fails with a message
 * containing "DIR/bad.rules:" followed by want, and with code.
 */
static void expect_error(const char *a_contents, const char *contents, const char *const *options,
                         const char *want, int code)
{
	GString *msgs = g_string_new(NULL);
	char *dir = make_dir();
	if (a_contents != NULL)
		write_file(dir, "a.rules", a_contents);
	write_file(dir, "bad.rules", contents);
	const char *dirs[] = {dir, NULL};
	GError *error = NULL;
	entx_engine *e = rules_engine(dirs, options, msgs, &error);
	if (e != NULL)
		fail_msg("loading did not fail; wanted %s", want);
	char *full = g_strdup_printf("%s/bad.rules:%s", dir, want);
	char *got = strstr(error->message, full);
	if (got == NULL || strcmp(got, full) != 0)
		fail_msg("got:  %s\nwant: ...%s", error->message, full);
	assert_int_equal(error->code, code);
	g_free(full);
	g_error_free(error);
	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

#define CLASS_W "[class W]\niri = urn:x:W\n"

static void errors_name_file_line_column(void **state)
{
	const int PLUGIN = ENTX_ERR_PLUGIN;
	/* PCRE2's own message; the column is the value's (9) plus PCRE2's
	 * offset: 2 for the ')' of "ab)cd". */
	expect_error(NULL, CLASS_W "[pattern W]\nregex = ab)cd\n", NULL,
	             "4:11: bad regex: unmatched closing parenthesis", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\n  regex = (?<n>a\n", NULL,
	             "4:17: bad regex: missing closing parenthesis", PLUGIN);
	expect_error(
	    NULL, CLASS_W "  colour = red\n", NULL,
	    "3:3: unknown key 'colour' in [class W] (expected iri, priority, confidence or "
	    "case)",
	    PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = a\nflags = x\n", NULL,
	             "5:1: unknown key 'flags' in [pattern W] (expected regex, group, value, "
	             "caseless, confidence, class or a property such as schema:name)",
	             PLUGIN);
	expect_error(NULL, CLASS_W "[phrases W]\nAK-47 | sameAs=urn:x:a colour=red\n", NULL,
	             "4:24: unknown attribute 'colour' (expected id, sameAs, class, value, case or "
	             "a property such as schema:name)",
	             PLUGIN);
	expect_error(
	    NULL, "[phrases Weapon]\nAK-47\n", NULL,
	    "1:10: unknown class 'Weapon': define it with [class Weapon] before it is used "
	    "(classes are read in file-name order)",
	    PLUGIN);
	expect_error(NULL, CLASS_W "[pattern V]\nregex = a\n", NULL,
	             "3:10: unknown class 'V': define it with [class V] before it is used (classes "
	             "are read in file-name order)",
	             PLUGIN);
	expect_error(NULL, "[foo W]\n", NULL,
	             "1:2: unknown section [foo] (expected class, phrases or pattern)", PLUGIN);
	expect_error(NULL, "[phrases]\n", NULL, "1:9: [phrases] needs a class name: [phrases NAME]",
	             PLUGIN);
	expect_error(NULL, "[class W X]\n", NULL, "1:10: [class W] takes one class name, not 'X'",
	             PLUGIN);
	expect_error(NULL, "[class 9W]\n", NULL,
	             "1:8: bad class name '9W': a letter, then letters, digits, '_' or '-'",
	             PLUGIN);
	expect_error(NULL, "[class W]\npriority = 1\n", NULL,
	             "1: class 'W' has no 'iri = ...' line (only Person, Organization, Place, Date "
	             "and Quantity may leave it out)",
	             PLUGIN);
	expect_error(NULL, "[class W]\niri = ex:W\n", NULL,
	             "2:7: bad iri: unknown prefix 'ex:' in 'ex:W': write a full IRI (https://..., "
	             "urn:...) or use one of schema:, nif:, itsrdf:, time:, xsd:, dcterms:, rdf:, "
	             "entx:",
	             PLUGIN);
	expect_error(NULL, CLASS_W "priority = high\n", NULL,
	             "3:12: bad priority 'high': expected an integer", PLUGIN);
	expect_error(NULL, CLASS_W "confidence = 1.5\n", NULL,
	             "3:14: bad confidence '1.5': expected a number from 0 to 1", PLUGIN);
	expect_error(NULL, CLASS_W "case = upper\n", NULL,
	             "3:8: bad case 'upper': expected sensitive or insensitive", PLUGIN);
	expect_error(NULL, CLASS_W "[phrases W]\nabc | case=upper\n", NULL,
	             "4:7: bad case 'upper': expected sensitive or insensitive", PLUGIN);
	expect_error(NULL, CLASS_W "iri = urn:x:V\n", NULL,
	             "3:1: duplicate key 'iri' (first given at line 2)", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = (?<a>x)\nvalue = <${b}>\n", NULL,
	             "5:10: the regex has no group named 'b'", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = (x)\nschema:name = <urn:${2}>\n", NULL,
	             "5:20: the regex has no group 2 (it has 1)", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = x\nvalue = $x\n", NULL,
	             "5:9: '$' must start a ${group} reference; write '$$' for a dollar sign",
	             PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = (x)\ngroup = y\n", NULL,
	             "5:9: the regex has no group named 'y'", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\ncaseless = maybe\nregex = x\n", NULL,
	             "4:12: bad caseless 'maybe': expected yes or no", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\ngroup = 1\n", NULL,
	             "3: [pattern W] has no 'regex = ...' line", PLUGIN);
	expect_error(NULL, CLASS_W "[pattern W]\nregex = x\nfoo:bar = x\n", NULL,
	             "5:1: bad property: unknown prefix 'foo:' in 'foo:bar': write a full IRI "
	             "(https://..., urn:...) or use one of schema:, nif:, itsrdf:, time:, xsd:, "
	             "dcterms:, rdf:, entx:",
	             PLUGIN);
	expect_error(NULL, CLASS_W "[phrases W]\nAK-47 | sameAs=AK47\n", NULL,
	             "4:9: 'AK47' is not an IRI: write schema:NAME or a full IRI such as "
	             "https://example.org/ns#NAME",
	             PLUGIN);
	expect_error(NULL, CLASS_W "[phrases W]\nAK-47 | class=\"<urn:x:a b>\"\n", NULL,
	             "4:9: 'urn:x:a b' is not an IRI: it contains ' '", PLUGIN);
	/* The reader's own syntax errors pass through. */
	expect_error(NULL, "[class W\n", NULL, "1:9: section header lacks its closing ']'", PLUGIN);
	expect_error(NULL, "[class W]\n\xff\n", NULL, "2: not valid UTF-8", PLUGIN);
}

/* Duplicate classes name where the first definition is, in a.rules
 * (read before b.rules); so does a [class] of a built-in category that
 * comes after the category's first use. */
static void duplicate_class_names_first_definition(void **state)
{
	static const char *const cases[][4] = {
	    {CLASS_W, "\n" CLASS_W, "2:8: duplicate class 'W' (first defined at ", ")"},
	    {"[phrases Place]\nParis\n", "[class Place]\n",
	     "1:8: [class Place] comes after the class is first used, at ", "; move it before"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GString *msgs = g_string_new(NULL);
		char *dir = make_dir();
		write_file(dir, "a.rules", cases[i][0]);
		write_file(dir, "b.rules", cases[i][1]);
		const char *dirs[] = {dir, NULL};
		GError *error = NULL;
		assert_null(rules_engine(dirs, NULL, msgs, &error));
		char *want = g_strconcat(dir, "/b.rules:", cases[i][2], dir, "/a.rules:1",
		                         cases[i][3], NULL);
		if (!g_str_has_suffix(error->message, want))
			fail_msg("got:  %s\nwant: ...%s", error->message, want);
		g_free(want);
		g_error_free(error);
		remove_tree(dir);
		g_free(dir);
		g_string_free(msgs, TRUE);
	}
}

static void limits(void **state)
{
	const char *small_file[] = {"max-file-size=10", NULL};
	GString *msgs = g_string_new(NULL);
	char *dir = make_dir();
	write_file(dir, "bad.rules", CLASS_W); /* 10 + 14 bytes */
	const char *dirs[] = {dir, NULL};
	GError *error = NULL;
	assert_null(rules_engine(dirs, small_file, msgs, &error));
	char *want =
	    g_strdup_printf("%s/bad.rules: rule file is 24 bytes, more than the limit of 10 "
	                    "(raise the limit with --option=rules.max-file-size=BYTES)",
	                    dir);
	if (!g_str_has_suffix(error->message, want))
		fail_msg("got:  %s\nwant: ...%s", error->message, want);
	g_free(want);
	g_clear_error(&error);

	const char *few_entries[] = {"max-entries=2", NULL};
	write_file(dir, "bad.rules", CLASS_W "[phrases W]\na\nb\n[pattern W]\nregex = c\n");
	assert_null(rules_engine(dirs, few_entries, msgs, &error));
	want = g_strdup_printf("%s/bad.rules:6: more than 2 phrases and patterns in all rule files "
	                       "(raise the limit with --option=rules.max-entries=N)",
	                       dir);
	if (!g_str_has_suffix(error->message, want))
		fail_msg("got:  %s\nwant: ...%s", error->message, want);
	g_free(want);
	g_clear_error(&error);

	/* Exactly at the limits is fine. */
	const char *exact[] = {"max-entries=3", "max-file-size=62", NULL};
	entx_engine *e = rules_engine(dirs, exact, msgs, &error);
	assert_non_null(e);
	entx_engine_free(e);

	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

static void bad_options(void **state)
{
	static const char *const bad[][2] = {
	    {"match-limit=0", "bad value '0' for option rules.match-limit: expected a whole number "
	                      "from 1 to 4294967295"},
	    {"depth-limit=-5",
	     "bad value '-5' for option rules.depth-limit: expected a whole number "
	     "from 1 to 4294967295"},
	    {"max-file-size=1T", "bad value '1T' for option rules.max-file-size: expected a whole "
	                         "number from 1 to 18446744073709551615 (suffixes K, M, G)"},
	    {"max-entries=lots", "bad value 'lots' for option rules.max-entries: expected a whole "
	                         "number from 1 to 4294967295"},
	    {"jit=maybe", "bad value 'maybe' for option rules.jit: expected yes or no"},
	};
	GString *msgs = g_string_new(NULL);
	const char *dirs[] = {"/nonexistent", NULL};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		const char *opts[] = {bad[i][0], NULL};
		GError *error = NULL;
		assert_null(rules_engine(dirs, opts, msgs, &error));
		if (!g_str_has_suffix(error->message, bad[i][1]))
			fail_msg("got:  %s\nwant: ...%s", error->message, bad[i][1]);
		g_error_free(error);
	}
	const char *good[] = {"max-file-size=2K", "match-limit=5", "depth-limit=7", "jit=no", NULL};
	GError *error = NULL;
	entx_engine *e = rules_engine(dirs, good, msgs, &error);
	assert_non_null(e);
	entx_engine_free(e);
	g_string_free(msgs, TRUE);
}

/* --- match limits ----------------------------------------------------------- */

static void match_limits_warn_and_go_on(void **state)
{
	/* (a+)+$ backtracks exponentially over a's not followed by the end.
	 * The limit stops that pattern for this document only: the phrase
	 * and the second pattern are still found. */
	static const char RULES[] = CLASS_W "[phrases W]\nAK-47\n"
	                                    "[pattern W]\nregex = (a+)+$\n"
	                                    "[pattern W]\nregex = S-400\n";
	const char *text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! AK-47 S-400";
	static const char *const options[][3] = {
	    {"match-limit=1000", NULL, NULL},
	    {"match-limit=1000", "jit=no", NULL},
	    {"depth-limit=10", "jit=no", NULL},
	};
	static const char *const reasons[] = {
	    "match limit exceeded (raise it with --option=rules.match-limit=N)",
	    "match limit exceeded (raise it with --option=rules.match-limit=N)",
	    "matching depth limit exceeded (raise it with --option=rules.depth-limit=N)",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		GString *msgs = g_string_new(NULL);
		char *dir = NULL;
		entx_engine *e = engine_with(RULES, options[i], msgs, &dir);
		entx_doc *d = run(e, text);
		assert_span(harness_find(d, "W", "AK-47"), 42, 47);
		assert_span(harness_find(d, "W", "S-400"), 48, 53);
		char *want =
		    g_strdup_printf("plugin 'rules': document 'test': rule %s/test.rules:6 "
		                    "[pattern W] gave up at character 0: %s; its other "
		                    "matches in this document are skipped\n",
		                    dir, reasons[i]);
		assert_string_equal(msgs->str, want);
		g_free(want);
		entx_doc_free(d);
		entx_engine_free(e);
		remove_tree(dir);
		g_free(dir);
		g_string_free(msgs, TRUE);
	}
}

/* --- threads ------------------------------------------------------------ */

typedef struct {
	const entx_engine *engine;
	int failures;
} thread_job;

static gpointer extract_many(gpointer data)
{
	thread_job *job = data;
	for (int i = 0; i < 200; i++) {
		char *text =
		    g_strdup_printf("Doc %d: %d T-72 tanks, an AK-47 and S-400 systems.", i, i);
		entx_doc *d = entx_doc_new("t", text, strlen(text));
		if (!entx_engine_process(job->engine, d, NULL) || harness_count(d, "Weapon") != 3)
			job->failures++;
		entx_doc_free(d);
		g_free(text);
	}
	return NULL;
}

static void extract_runs_concurrently(void **state)
{
	GString *msgs = g_string_new(NULL);
	char *dir = NULL;
	entx_engine *e = engine_with(WEAPONS, NULL, msgs, &dir);
	thread_job jobs[4] = {{e, 0}, {e, 0}, {e, 0}, {e, 0}};
	GThread *threads[4];
	for (size_t i = 0; i < 4; i++)
		threads[i] = g_thread_new("extract", extract_many, &jobs[i]);
	for (size_t i = 0; i < 4; i++) {
		g_thread_join(threads[i]);
		assert_int_equal(jobs[i].failures, 0);
	}
	entx_engine_free(e);
	remove_tree(dir);
	g_free(dir);
	g_string_free(msgs, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(phrases_of_a_custom_class),
	    cmocka_unit_test(builtin_categories_need_no_class),
	    cmocka_unit_test(phrases_stay_inside_sentences),
	    cmocka_unit_test(patterns_with_named_groups),
	    cmocka_unit_test(pattern_options),
	    cmocka_unit_test(class_priority_decides_crossings),
	    cmocka_unit_test(directories_shadowing_and_order),
	    cmocka_unit_test(errors_name_file_line_column),
	    cmocka_unit_test(duplicate_class_names_first_definition),
	    cmocka_unit_test(limits),
	    cmocka_unit_test(bad_options),
	    cmocka_unit_test(match_limits_warn_and_go_on),
	    cmocka_unit_test(extract_runs_concurrently),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
