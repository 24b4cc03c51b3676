/*
 * Runs a fuzz harness over files, without libFuzzer: this is how make
 * check replays the seed corpora and every crash kept as a regression.
 *
 *     replay_document FILE|DIR...
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	char *data = NULL;
	gsize size = 0;
	GError *error = NULL;
	if (!g_file_get_contents(path, &data, &size, &error)) {
		fprintf(stderr, "replay: %s\n", error->message);
		g_error_free(error);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, size);
	g_free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int failed = 0, files = 0;
	for (int i = 1; i < argc; i++) {
		GDir *dir = g_dir_open(argv[i], 0, NULL);
		if (dir == NULL) {
			failed += run_file(argv[i]);
			files++;
			continue;
		}
		const char *name = NULL;
		while ((name = g_dir_read_name(dir)) != NULL) {
			if (name[0] == '.')
				continue;
			char *path = g_build_filename(argv[i], name, NULL);
			failed += run_file(path);
			files++;
			g_free(path);
		}
		g_dir_close(dir);
	}
	/* Reaching here means no invariant aborted. */
	printf("%d passed, %d failed\n", files - failed, failed);
	return failed != 0;
}
