/*
 * The plugin loader with deliberately broken plugins built by make check
 * (tests/plugins/): every failure is a clear error naming the file, and
 * broken plugins never stop the good ones when not asked for by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <entx/entx.h>
#include <glib/gstdio.h>
#include <string.h>

static void collect(const char *message, void *user_data)
{
	g_string_append_printf(user_data, "%s\n", message);
}

static entx_engine *engine_for(const char *dir, GString *messages)
{
	entx_engine *e = entx_engine_new();
	entx_engine_set_message_func(e, collect, messages);
	assert_int_equal(entx_engine_add_plugin_dir(e, dir), 0);
	return e;
}

/* Loads only `name` from the test plugin directory and returns the error. */
static GError *load_only(const char *name)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	const char *only[] = {name, NULL};
	GError *error = NULL;
	assert_false(entx_engine_load(e, only, NULL, &error));
	assert_non_null(error);
	assert_int_equal(entx_engine_n_plugins(e), 0);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
	return error;
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) == NULL)
		fail_msg("'%s' does not contain '%s'", haystack, needle);
}

static void good_plugin_loads_and_runs(void **state)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	const char *only[] = {"good", NULL};
	GError *error = NULL;
	assert_true(entx_engine_set_option(e, "good.class=urn:x:Alpha", &error));
	assert_true(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(entx_engine_n_plugins(e), 1);
	assert_string_equal(entx_engine_plugin_name(e, 0), "good");
	assert_string_equal(entx_engine_plugin_version(e, 0), "1.0");
	assert_string_equal(entx_engine_plugin_classes(e, 0)[0], "Test");
	assert_contains(entx_engine_plugin_file(e, 0), "good.so");
	assert_null(entx_engine_plugin_name(e, 1));

	entx_doc *d = entx_doc_new("t", "an alpha and a beta", 19);
	assert_true(entx_engine_process(e, d, &error));
	assert_int_equal(entx_doc_n_mentions(d), 2);
	const entx_mention *m = entx_doc_mention(d, 0);
	assert_int_equal(entx_mention_begin(m), 3);
	assert_int_equal(entx_mention_end(m), 8);
	assert_string_equal(entx_mention_class(m), "urn:x:Alpha");
	assert_string_equal(entx_mention_annotator(m), "good");
	assert_string_equal(entx_mention_value(entx_doc_mention(d, 1)), "2");
	entx_doc_free(d);
	assert_string_equal(messages->str, "");

	d = entx_doc_new("story.txt", "a gamma", 7);
	assert_true(entx_engine_process(e, d, &error));
	assert_string_equal(messages->str,
	                    "plugin 'good': document 'story.txt': gamma at 2 is not supported\n");
	entx_doc_free(d);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
}

/* good and twin are the same code in two modules; each asks the engine
 * for "test.shared" and counts itself in it. */
static void shared_data_is_shared(void **state)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	const char *only[] = {"good", "twin", NULL};
	GError *error = NULL;
	assert_true(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(entx_engine_n_plugins(e), 2);
	entx_engine_set_overlaps(e, ENTX_OVERLAPS_ALL);
	entx_doc *d = entx_doc_new("t", "users", 5);
	assert_true(entx_engine_process(e, d, &error));
	/* One mention from each plugin, and both counted two users. */
	assert_int_equal(entx_doc_n_mentions(d), 2);
	assert_string_equal(entx_mention_value(entx_doc_mention(d, 0)), "2");
	assert_string_equal(entx_mention_value(entx_doc_mention(d, 1)), "2");
	/* Each mention names its own plugin, in a reused document too. */
	for (int round = 0; round < 2; round++) {
		assert_string_equal(entx_mention_annotator(entx_doc_mention(d, 0)), "good");
		assert_string_equal(entx_mention_annotator(entx_doc_mention(d, 1)), "twin");
		entx_doc_reset(d, "u", "users", 5);
		assert_true(entx_engine_process(e, d, &error));
	}
	entx_doc_free(d);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
}

static void broken_plugins_warn_and_others_load(void **state)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	GError *error = NULL;
	const char *disable[] = {"extractfails", "twin", NULL};
	assert_true(entx_engine_load(e, NULL, disable, &error));
	assert_int_equal(entx_engine_n_plugins(e), 1);
	assert_string_equal(entx_engine_plugin_name(e, 0), "good");
	assert_contains(messages->str, "noentry.so' has no entry symbol entx_plugin_get_desc()");
	assert_contains(messages->str, "wrongabi.so' was built for plugin ABI version 999");
	assert_contains(messages->str, "plugin 'createfails'");
	assert_contains(messages->str, "newapi.so' needs plugin API version");
	assert_contains(messages->str, "declares the name 'somethingelse'");
	entx_engine_free(e);
	g_string_free(messages, TRUE);
}

static void wrong_abi_is_an_error_naming_both_versions(void **state)
{
	GError *error = load_only("wrongabi");
	assert_int_equal(error->code, ENTX_ERR_ABI);
	char *want = g_strdup_printf("wrongabi.so' was built for plugin ABI version 999, but this "
	                             "entx uses ABI version %d",
	                             ENTX_PLUGIN_ABI_VERSION);
	assert_contains(error->message, want);
	assert_contains(error->message, TEST_PLUGINDIR);
	g_free(want);
	g_error_free(error);
}

static void each_broken_plugin_by_name(void **state)
{
	GError *error = load_only("noentry");
	assert_int_equal(error->code, ENTX_ERR_LOAD);
	g_error_free(error);

	error = load_only("newapi");
	assert_int_equal(error->code, ENTX_ERR_ABI);
	g_error_free(error);

	error = load_only("createfails");
	assert_int_equal(error->code, ENTX_ERR_PLUGIN);
	assert_contains(error->message, "cannot find rule file 'createfails/data.rules'");
	g_error_free(error);

	error = load_only("badname");
	assert_int_equal(error->code, ENTX_ERR_LOAD);
	g_error_free(error);

	error = load_only("nosuchplugin");
	assert_int_equal(error->code, ENTX_ERR_NOTFOUND);
	assert_contains(error->message, "'nosuchplugin'");
	g_error_free(error);
}

static void not_elf_file(void **state)
{
	char *dir = g_dir_make_tmp("entx-loader-XXXXXX", NULL);
	char *path = g_build_filename(dir, "notelf.so", NULL);
	assert_true(g_file_set_contents(path, "this is not a shared object\n", -1, NULL));
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(dir, messages);
	const char *only[] = {"notelf", NULL};
	GError *error = NULL;
	assert_false(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_LOAD);
	assert_contains(error->message, "cannot load plugin '");
	assert_contains(error->message, "notelf.so");
	g_error_free(error);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
}

static void extract_failure_names_plugin_and_document(void **state)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	const char *only[] = {"extractfails", "good", NULL};
	GError *error = NULL;
	assert_true(entx_engine_load(e, only, NULL, &error));
	entx_doc *d = entx_doc_new("story.txt", "some poison here", 16);
	assert_false(entx_engine_process(e, d, &error));
	assert_int_equal(error->code, ENTX_ERR_PLUGIN);
	assert_string_equal(error->message,
	                    "plugin 'extractfails' failed on document 'story.txt': poisoned document");
	g_error_free(error);
	entx_doc_free(d);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
}

static void options_are_checked(void **state)
{
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(TEST_PLUGINDIR, messages);
	GError *error = NULL;
	assert_false(entx_engine_set_option(e, "noequals", &error));
	assert_int_equal(error->code, ENTX_ERR_CONFIG);
	g_clear_error(&error);
	assert_false(entx_engine_set_option(e, ".key=v", &error));
	g_clear_error(&error);
	assert_true(entx_engine_set_option(e, "good.nosuch=1", &error));
	const char *only[] = {"good", NULL};
	assert_false(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_CONFIG);
	assert_string_equal(error->message, "plugin 'good' has no option 'nosuch'");
	g_clear_error(&error);
	entx_engine_free(e);

	e = engine_for(TEST_PLUGINDIR, messages);
	assert_true(entx_engine_set_option(e, "ghost.key=1", &error));
	assert_false(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_CONFIG);
	assert_contains(error->message, "'ghost'");
	g_clear_error(&error);
	entx_engine_free(e);
	g_string_free(messages, TRUE);
}

static void world_writable_directory_refused(void **state)
{
	char *dir = g_dir_make_tmp("entx-loader-XXXXXX", NULL);
	assert_int_equal(g_chmod(dir, 0777), 0);
	GString *messages = g_string_new(NULL);
	entx_engine *e = engine_for(dir, messages);
	entx_engine_add_plugin_dir(e, TEST_PLUGINDIR);
	const char *only[] = {"good", NULL};
	GError *error = NULL;
	assert_false(entx_engine_load(e, only, NULL, &error));
	assert_int_equal(error->code, ENTX_ERR_CONFIG);
	assert_contains(error->message, "writable by every user");
	g_clear_error(&error);
	entx_engine_free(e);

	/* Not asked for by name: a warning, and the safe directory still loads. */
	e = engine_for(dir, messages);
	entx_engine_add_plugin_dir(e, TEST_PLUGINDIR);
	const char *disable[] = {"noentry", "wrongabi", "newapi", "createfails", "badname",
	                         "extractfails", "twin", NULL};
	assert_true(entx_engine_load(e, NULL, disable, &error));
	assert_int_equal(entx_engine_n_plugins(e), 1);
	assert_contains(messages->str, "writable by every user");
	entx_engine_free(e);

	/* A world-writable rules directory is left out, with a warning. */
	g_string_truncate(messages, 0);
	e = engine_for(TEST_PLUGINDIR, messages);
	entx_engine_add_rules_dir(e, dir);
	const char *good_only[] = {"good", NULL};
	assert_true(entx_engine_load(e, good_only, NULL, &error));
	assert_contains(messages->str, "refusing to load rules from '");
	assert_contains(messages->str, "writable by every user (chmod o-w it); ignoring it");
	entx_engine_free(e);
	g_string_free(messages, TRUE);
	g_rmdir(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_plugin_loads_and_runs),
		cmocka_unit_test(shared_data_is_shared),
		cmocka_unit_test(broken_plugins_warn_and_others_load),
		cmocka_unit_test(wrong_abi_is_an_error_naming_both_versions),
		cmocka_unit_test(each_broken_plugin_by_name),
		cmocka_unit_test(not_elf_file),
		cmocka_unit_test(extract_failure_names_plugin_and_document),
		cmocka_unit_test(options_are_checked),
		cmocka_unit_test(world_writable_directory_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
