/*
 * Fuzz harness: the rule-file reader, and the rules plugin when it is
 * built, on arbitrary file contents. Either the file is accepted or
 * loading fails with a message naming it; never a crash.
 */
#include "fuzz_common.h"

#include <glib/gstdio.h>
#include <unistd.h>

static gboolean count_line(const entx_rules_line *line, void *user_data, GError **error)
{
	(*(size_t *)user_data)++;
	FUZZ_CHECK(line->line > 0, "line numbers start at 1");
	FUZZ_CHECK(line->is_section || line->section != NULL, "lines belong to a section");
	return TRUE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dir;
	static char *path;
	if (dir == NULL) {
		dir = g_dir_make_tmp("entx-fuzz-rules-XXXXXX", NULL);
		path = g_build_filename(dir, "fuzz.rules", NULL);
	}
	FUZZ_CHECK(g_file_set_contents(path, (const char *)data, (gssize)size, NULL), "write rules");

	size_t lines = 0;
	GError *error = NULL;
	if (!entx_rules_read(path, NULL, 1 << 20, count_line, &lines, &error)) {
		FUZZ_CHECK(error != NULL && strstr(error->message, path) != NULL,
		           "a rejected file is named in the message");
		g_clear_error(&error);
	}

	/* The rules plugin reads every *.rules file of its directories. */
	const char *pp = getenv("ENTX_PLUGIN_PATH");
	char *so = pp != NULL ? g_build_filename(pp, "rules.so", NULL) : NULL;
	if (so != NULL && g_file_test(so, G_FILE_TEST_EXISTS)) {
		entx_engine *e = entx_engine_new();
		entx_engine_set_message_func(e, fuzz_quiet, NULL);
		entx_engine_add_plugin_dir(e, pp);
		entx_engine_add_rules_dir(e, dir);
		const char *only[] = {"rules", NULL};
		if (entx_engine_load(e, only, NULL, &error)) {
			entx_doc *doc = entx_doc_new("fuzz", (const char *)data, size);
			FUZZ_CHECK(entx_engine_process(e, doc, &error), "rules process their own file");
			fuzz_check_document(doc);
			entx_doc_free(doc);
		} else {
			FUZZ_CHECK(error != NULL, "a failed load says why");
			g_clear_error(&error);
		}
		entx_engine_free(e);
	}
	g_free(so);
	return 0;
}
