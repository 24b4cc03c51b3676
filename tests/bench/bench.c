/*
 * entx-bench: throughput, start-up time and peak memory of the entx
 * program, printed as figures (never asserted). It writes a deterministic
 * news-like corpus (so the project ships no third-party text), then runs
 * entx over it as a user would, as a child process reading a file:
 *
 *     entx-bench ENTX [MEGABYTES]
 *     entx-bench ENTX FILE [SPLIT]
 *
 * The second form measures FILE instead, split as --split=SPLIT says
 * (default blank): real news, which the project does not ship.
 *
 * For --format=jsonld and --format=tsv, with -j 1 and -j 2, it prints
 * MB/s of input, mentions/s and the child's peak RSS (best of three
 * runs, output to /dev/null: JSON-LD is seven times the size of its
 * input, and writing it to a file measured the file system as much as
 * entx); then the same for the first 10 MB as one document; then the
 * start-up time with every default plugin loaded (median of 21 runs);
 * then how a user gazetteer of a million entries changes load time and
 * throughput.
 */
/* posix_spawn(), wait4() and environ are POSIX and BSD, not C11. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *const FIRST[] = {"Vladimir", "Maria", "John", "Dmitry", "Angela", "Li",
                                    "Fatima", "Carlos", "Emmanuel", "Sarah", "Kenji", "Olga"};
static const char *const LAST[] = {"Putin", "Peskov", "Smith", "Merkel", "Wei", "Haddad",
                                   "Garcia", "Macron", "Johnson", "Tanaka", "Ivanova", "Brown"};
static const char *const TITLE[] = {"President", "spokesman", "Minister", "Director", "Mr.",
                                    "Senator", "General", "Dr."};
static const char *const ORG[] = {"the Federal Security Service (FSB)", "the Kremlin",
                                  "the United Nations", "Reuters", "the European Commission",
                                  "the Ministry of Defence", "Gazprom", "the World Health Organization",
                                  "the Central Bank", "Bloomberg"};
static const char *const PLACE[] = {"Moscow", "Berlin", "Paris", "the United States", "China",
                                    "St. Petersburg", "Kazan", "Brazil", "the Korean Peninsula",
                                    "London", "Tokyo", "Syria"};
static const char *const MONTH[] = {"January", "February", "March", "April", "May", "June",
                                    "July", "August", "September", "October", "November",
                                    "December"};
static const char *const WEEKDAY[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                      "Saturday", "Sunday"};
static const char *const NUMWORD[] = {"two", "three", "seven", "twelve", "a dozen", "39",
                                      "1,500", "about 300", "four", "18"};
static const char *const NOUN[] = {"suspects", "terrorist attacks", "soldiers", "companies",
                                   "protesters", "days", "years", "ships", "people", "votes"};
static const char *const FILLER[] = {
	"The decision was criticized by observers who said it came too late.",
	"Officials declined to comment on the details of the agreement.",
	"The talks are expected to continue next week despite the disagreements.",
	"Critics argue that the measures will do little to address the underlying problems.",
	"According to the report, the situation has improved since the beginning of the year.",
	"Analysts said the move was widely expected and had little effect on markets."};

#define PICK(a) (a[next_rand(&seed) % G_N_ELEMENTS(a)])

static guint32 next_rand(guint32 *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static void sentence(GString *out, guint32 *state)
{
	guint32 seed = *state;
	switch (next_rand(&seed) % 5) {
	case 0:
		g_string_append_printf(out, "%s %s %s said on %s, %s %u, %u that %s %s were detained in %s. ",
		                       PICK(TITLE), PICK(FIRST), PICK(LAST), PICK(WEEKDAY), PICK(MONTH),
		                       1 + next_rand(&seed) % 28, 1990 + next_rand(&seed) % 35,
		                       PICK(NUMWORD), PICK(NOUN), PICK(PLACE));
		break;
	case 1:
		g_string_append_printf(out, "%s announced that it had spent $%u million in %s last year. ",
		                       PICK(ORG), 1 + next_rand(&seed) % 900, PICK(PLACE));
		break;
	case 2:
		g_string_append_printf(out, "%s %s, who met %s %s in %s, told %s that %u%% of %s agreed. ",
		                       PICK(FIRST), PICK(LAST), PICK(FIRST), PICK(LAST), PICK(PLACE),
		                       PICK(ORG), next_rand(&seed) % 100, PICK(NOUN));
		break;
	default:
		g_string_append_printf(out, "%s ", PICK(FILLER));
	}
	*state = seed;
}

/* Documents of about 3 KB separated by blank lines, as --split=blank reads. */
static char *write_corpus(size_t bytes)
{
	char *path = NULL;
	int fd = g_file_open_tmp("entx-bench-XXXXXX.txt", &path, NULL);
	if (fd < 0) {
		perror("entx-bench: temporary file");
		exit(2);
	}
	FILE *fp = fdopen(fd, "w");
	guint32 seed = 42;
	size_t written = 0;
	GString *doc = g_string_new(NULL);
	while (written < bytes) {
		g_string_truncate(doc, 0);
		while (doc->len < 3000)
			sentence(doc, &seed);
		g_string_append(doc, "\n\n");
		fwrite(doc->str, 1, doc->len, fp);
		written += doc->len;
	}
	g_string_free(doc, TRUE);
	fclose(fp);
	return path;
}

typedef struct {
	double seconds;
	long max_rss_kb;
	size_t out_lines;
	int status;
} run_result;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs argv with stdin from `input` and stdout to `output`. */
/*
 * The corpus up to its last line break within `bytes` (all of it when
 * shorter), in a temporary file whose name the caller unlinks and frees;
 * its size goes to *size. Copied a block at a time: memory this process
 * touches shows in the peak RSS of the children it spawns afterwards.
 */
static char *corpus_head(const char *corpus, size_t bytes, size_t *size)
{
	char *path = NULL;
	int fd = g_file_open_tmp("entx-bench-XXXXXX.txt", &path, NULL);
	FILE *in = fopen(corpus, "rb");
	if (fd < 0 || in == NULL) {
		fprintf(stderr, "entx-bench: cannot copy '%s' to a temporary file\n", corpus);
		exit(2);
	}
	char block[65536];
	size_t copied = 0, cut = 0, n = 0;
	while (copied < bytes && (n = fread(block, 1, MIN(sizeof block, bytes - copied), in)) > 0) {
		if (write(fd, block, n) != (ssize_t)n) {
			fprintf(stderr, "entx-bench: cannot write '%s'\n", path);
			exit(2);
		}
		for (size_t k = n; k > 0; k--)
			if (block[k - 1] == '\n') {
				cut = copied + k;
				break;
			}
		copied += n;
	}
	/* Cut at a line break only when the corpus went on past `bytes`. */
	if (copied == bytes && fgetc(in) != EOF && cut > 0 && ftruncate(fd, (off_t)cut) == 0)
		copied = cut;
	fclose(in);
	close(fd);
	*size = copied;
	return path;
}

/* A temporary file of `times` copies of corpus, one after the other. */
static char *repeat_file(const char *corpus, size_t times)
{
	char *path = NULL, *text = NULL;
	gsize len = 0;
	int fd = g_file_open_tmp("entx-bench-XXXXXX.txt", &path, NULL);
	if (fd < 0 || !g_file_get_contents(corpus, &text, &len, NULL)) {
		fprintf(stderr, "entx-bench: cannot copy '%s' to a temporary file\n", corpus);
		exit(2);
	}
	for (size_t i = 0; i < times; i++)
		if (write(fd, text, len) != (ssize_t)len) {
			fprintf(stderr, "entx-bench: cannot write '%s'\n", path);
			exit(2);
		}
	close(fd);
	g_free(text);
	return path;
}

static run_result run(char *const argv[], const char *input, const char *output)
{
	run_result r = {0};
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, input, O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid = 0;
	double t0 = now();
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		fprintf(stderr, "entx-bench: cannot run '%s': %s\n", argv[0], strerror(errno));
		exit(2);
	}
	int status = 0;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	r.seconds = now() - t0;
	r.max_rss_kb = ru.ru_maxrss;
	r.status = status;
	posix_spawn_file_actions_destroy(&fa);
	return r;
}

static size_t count_lines(const char *path)
{
	FILE *fp = fopen(path, "r");
	size_t n = 0;
	int c = 0;
	while (fp != NULL && (c = getc(fp)) != EOF)
		n += c == '\n';
	if (fp != NULL)
		fclose(fp);
	return n;
}

/*
 * A user rule file of n generated phrases of one to three made-up words
 * (none of them English), in a new directory whose path is returned.
 */
static char *write_gazetteer(size_t n)
{
	static const char *const SYLLABLE[] = {"ka", "lo", "mi", "ra", "to", "ve", "zu", "ne",
	                                       "shi", "dor", "bel", "tan", "qui", "mar", "sol",
	                                       "fen", "gri", "pax", "lum", "wex"};
	char *dir = g_dir_make_tmp("entx-bench-XXXXXX", NULL);
	char *path = g_build_filename(dir, "bench.rules", NULL);
	FILE *fp = fopen(path, "w");
	if (fp == NULL) {
		fprintf(stderr, "entx-bench: cannot write '%s'\n", path);
		exit(2);
	}
	fprintf(fp, "[class Thing]\niri = https://example.org/ns#Thing\n\n[phrases Thing]\n");
	guint32 seed = 7;
	/* Entries are numbered in base 20 so all n differ; the syllables make words. */
	for (size_t i = 0; i < n; i++) {
		size_t words = 1 + next_rand(&seed) % 3, v = i;
		for (size_t w = 0; w < words; w++) {
			if (w > 0)
				fputc(' ', fp);
			fputc('Q', fp);
			size_t k = w == 0 ? v : next_rand(&seed);
			do {
				fputs(SYLLABLE[k % G_N_ELEMENTS(SYLLABLE)], fp);
				k /= G_N_ELEMENTS(SYLLABLE);
			} while (k != 0);
		}
		fputc('\n', fp);
	}
	fclose(fp);
	g_free(path);
	return dir;
}

static void remove_gazetteer(char *dir)
{
	char *path = g_build_filename(dir, "bench.rules", NULL);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
}

/* Seconds (the best of three runs) for the rules plugin alone, with the
 * gazetteer in dir, to read `input`. */
static double gazetteer_run(const char *entx, const char *split, const char *dir,
                            const char *input, const char *out)
{
	char *rules_dir = g_strdup_printf("--rules-dir=%s", dir);
	char *argv[] = {(char *)entx, (char *)split, "--format=tsv", "--plugins=rules", rules_dir,
	                "--option=rules.max-entries=2000000", "--option=rules.max-file-size=256M",
	                NULL};
	double best = G_MAXDOUBLE;
	for (int i = 0; i < 3; i++) {
		run_result r = run(argv, input, out);
		if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
			fprintf(stderr, "entx-bench: the rules plugin failed on '%s'\n", dir);
			exit(2);
		}
		best = MIN(best, r.seconds);
	}
	g_free(rules_dir);
	return best;
}

/* An argument that is all digits: a size in megabytes, not a file. */
static gboolean is_number(const char *s)
{
	if (*s == '\0')
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_isdigit(*s))
			return FALSE;
	return TRUE;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: entx-bench ENTX [MEGABYTES]\n"
		                "       entx-bench ENTX FILE [SPLIT]\n");
		return 2;
	}
	char *entx = argv[1];
	gboolean generated = argc <= 2 || is_number(argv[2]);
	char *corpus = NULL;
	if (generated)
		corpus = write_corpus((argc > 2 ? strtoul(argv[2], NULL, 10) : 50) * 1000 * 1000);
	else
		corpus = g_strdup(argv[2]);
	GStatBuf st;
	if (g_stat(corpus, &st) != 0) {
		fprintf(stderr, "entx-bench: cannot read '%s': %s\n", corpus, g_strerror(errno));
		return 2;
	}
	char *split = g_strdup_printf("--split=%s", !generated && argc > 3 ? argv[3] : "blank");
	char *out = generated ? g_strdup_printf("%s.out", corpus) : NULL;
	if (out == NULL) {
		int fd = g_file_open_tmp("entx-bench-XXXXXX.out", &out, NULL);
		if (fd < 0) {
			fprintf(stderr, "entx-bench: cannot make a temporary file\n");
			return 2;
		}
		close(fd);
	}
	double size_mb = st.st_size / 1e6;

	/* Mentions are counted once, from TSV output (one line each). */
	char *tsv_argv[] = {entx, split, "--format=tsv", NULL};
	run_result counted = run(tsv_argv, corpus, out);
	if (!WIFEXITED(counted.status) || WEXITSTATUS(counted.status) != 0) {
		fprintf(stderr, "entx-bench: entx %s failed on '%s'\n", split, corpus);
		g_unlink(out);
		if (generated)
			g_unlink(corpus);
		return 2;
	}
	size_t mentions = count_lines(out);

	if (generated)
		printf("entx-bench: %.1f MB of generated news text, %zu documents of ~3 KB, %zu "
		       "mentions\n",
		       size_mb, (size_t)(size_mb * 1e6 / 3000), mentions);
	else
		printf("entx-bench: %.1f MB of '%s' (%s), %zu mentions\n", size_mb, corpus, split,
		       mentions);
	printf("%-8s %-4s %10s %14s %12s\n", "format", "-j", "MB/s", "mentions/s", "peak RSS");
	const char *formats[] = {"jsonld", "tsv"};
	const char *jobs[] = {"1", "2"};
	for (size_t f = 0; f < 2; f++)
		for (size_t j = 0; j < 2; j++) {
			char *fmt = g_strdup_printf("--format=%s", formats[f]);
			char *argv2[] = {entx, split, fmt, "-j", (char *)jobs[j], NULL};
			/* The best of three: a shared machine only ever slows a run down. */
			run_result r = run(argv2, corpus, "/dev/null");
			for (int k = 0; k < 2; k++) {
				run_result again = run(argv2, corpus, "/dev/null");
				if (again.seconds < r.seconds)
					r = again;
			}
			if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
				printf("%-8s %-4s   failed (status %d)\n", formats[f], jobs[j], r.status);
			else
				printf("%-8s %-4s %10.1f %14.0f %9.1f MB\n", formats[f], jobs[j],
				       size_mb / r.seconds, mentions / r.seconds, r.max_rss_kb / 1024.0);
			g_free(fmt);
		}

	/* One large document, as entx reads a file unless --split says
	 * otherwise: its cost per byte should stay near that of many. */
	size_t one_bytes = 0;
	char *one = corpus_head(corpus, 10 * 1000 * 1000, &one_bytes);
	double one_rate[2] = {0};
	long one_rss = 0;
	for (size_t f = 0; f < 2; f++) {
		char *fmt = g_strdup_printf("--format=%s", formats[f]);
		char *argv1[] = {entx, "--split=none", fmt, NULL};
		run_result r = run(argv1, one, "/dev/null");
		for (int k = 0; k < 2; k++) {
			run_result again = run(argv1, one, "/dev/null");
			if (again.seconds < r.seconds)
				r = again;
		}
		one_rate[f] = WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0
		                  ? one_bytes / 1e6 / r.seconds : 0.0;
		one_rss = MAX(one_rss, r.max_rss_kb);
		g_free(fmt);
	}
	printf("one document of %.1f MB (--split=none): jsonld %.1f MB/s, tsv %.1f MB/s, "
	       "peak RSS %.1f MB\n",
	       one_bytes / 1e6, one_rate[0], one_rate[1], one_rss / 1024.0);
	g_unlink(one);
	g_free(one);

	double times[21];
	long rss = 0;
	char *empty_argv[] = {entx, NULL};
	for (int i = 0; i < 21; i++) {
		run_result r = run(empty_argv, "/dev/null", out);
		times[i] = r.seconds;
		rss = MAX(rss, r.max_rss_kb);
	}
	qsort(times, 21, sizeof times[0], compare_double);
	printf("start-up with all default plugins and rules: %.1f ms (median of 21), peak RSS %.1f MB\n",
	       times[10] * 1000, rss / 1024.0);

	/* Gazetteer size: a million entries should load in seconds and cost
	 * extraction at most twice as much per byte as ten entries. */
	const size_t big = 1000000;
	char *small_dir = write_gazetteer(10), *big_dir = write_gazetteer(big);
	/*
	 * The rules plugin alone reads the corpus in a fraction of the big
	 * gazetteer's load time, whose noise would swamp the difference:
	 * it reads the corpus over and over, for at least two seconds.
	 */
	double small_t = gazetteer_run(entx, split, small_dir, corpus, out);
	size_t repeats = small_t >= 2.0 || strcmp(split, "--split=none") == 0
	                     ? 1 /* copies of one document would make one huge document */
	                     : MIN((size_t)(2.0 / small_t) + 1, 64);
	char *long_corpus = repeat_file(corpus, repeats);
	double long_mb = size_mb * (double)repeats;
	small_t = gazetteer_run(entx, split, small_dir, long_corpus, out);
	double load_t = gazetteer_run(entx, split, big_dir, "/dev/null", out);
	double big_t = gazetteer_run(entx, split, big_dir, long_corpus, out);
	g_unlink(long_corpus);
	g_free(long_corpus);
	remove_gazetteer(small_dir);
	remove_gazetteer(big_dir);
	printf("user gazetteer of %zu entries: loads in %.2f s; rules plugin alone %.1f MB/s with it, "
	       "%.1f MB/s with 10 entries (%.2fx the time per byte; %.0f MB read)\n",
	       big, load_t, long_mb / (big_t - load_t), long_mb / small_t,
	       (big_t - load_t) / small_t, long_mb);
	if (generated)
		g_unlink(corpus); /* never the user's file */
	g_unlink(out);
	g_free(corpus);
	g_free(out);
	g_free(split);
	return 0;
}
