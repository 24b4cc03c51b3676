/*
 * entx: the Unix filter. Reads documents, runs the plugins, writes one
 * JSON-LD object (or TSV lines) per document, in input order.
 */
#include "config.h"

#include <entx/entx.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "jsonld.h"
#include "tsv.h"

/* Exit statuses, documented in entx(1). */
enum {
	EXIT_OK = 0,        /* every document was processed */
	EXIT_DOC_FAILED = 1, /* some document failed; the others were written */
	EXIT_USAGE = 2      /* usage, configuration, plugin loading or output error */
};

typedef enum { FORMAT_JSONLD, FORMAT_TSV } output_format;

typedef struct {
	/* options */
	gboolean version, list_plugins, pretty, strict_utf8, no_text;
	char **plugin_path, **rules_dir, **plugin_options, **plugins, **disable;
	char *format_name, *split_name, *input_name, *context_url, *reference_date;
	char *overlaps_name, *max_doc_size_name, *jobs_name;
	char **files;
	/* derived */
	output_format format;
	entx_split split;
	gboolean jsonl;
	int jobs;
	size_t max_doc_size;
	entx_jsonld_options jsonld;
	entx_engine *engine;
} app;

/* One document on its way through the pipeline. */
typedef struct {
	size_t seq;
	char *id;
	char *text;
	size_t len;
	char *date;    /* reference date, or NULL */
	json_t *extra; /* JSONL fields carried to the output */
	char *error;   /* set when the document failed before processing */
	gboolean jsonl; /* text is a JSONL line still to be parsed (on the worker) */
	gboolean borrowed; /* text is the reader's, not ours to free */
} job;

/* Consecutive jobs handed to a worker together, so that a stream of
 * small documents does not cost a thread wake-up each. */
typedef struct {
	size_t seq;
	GPtrArray *jobs; /* job*, owned */
	size_t bytes;
} batch;

/* The output of one batch (or of one job without worker threads). */
typedef struct {
	size_t seq;
	GString *out;
	gboolean failed;
} result;

static void die_usage(const char *format, ...) G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN;
static void die_usage(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	fputs("entx: ", stderr);
	vfprintf(stderr, format, ap);
	fputs("\nTry 'entx --help' for more information.\n", stderr);
	va_end(ap);
	exit(EXIT_USAGE);
}

static void warn(const char *format, ...) G_GNUC_PRINTF(1, 2);
static void warn(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	char *msg = g_strdup_vprintf(format, ap);
	va_end(ap);
	fprintf(stderr, "entx: %s\n", msg);
	g_free(msg);
}

/* Splits repeated, comma-separated option values into one list. */
static char **split_list(char **values)
{
	GPtrArray *out = g_ptr_array_new();
	for (char **v = values; v != NULL && *v != NULL; v++) {
		char **parts = g_strsplit(*v, ",", -1);
		for (char **p = parts; *p; p++) {
			g_strstrip(*p);
			if (**p)
				g_ptr_array_add(out, g_strdup(*p));
		}
		g_strfreev(parts);
	}
	if (out->len == 0) {
		g_ptr_array_free(out, TRUE);
		return NULL;
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

static gboolean parse_size(const char *s, size_t *out)
{
	char *end = NULL;
	errno = 0;
	guint64 n = g_ascii_strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return FALSE;
	guint64 mult = 1;
	switch (g_ascii_toupper(*end)) {
	case '\0':
		break;
	case 'K':
		mult = 1024;
		break;
	case 'M':
		mult = 1024 * 1024;
		break;
	case 'G':
		mult = 1024 * 1024 * 1024;
		break;
	default:
		return FALSE;
	}
	if (*end != '\0' && end[1] != '\0' && !(g_ascii_toupper(end[1]) == 'B' && end[2] == '\0'))
		return FALSE;
	if (n > G_MAXSIZE / mult)
		return FALSE;
	*out = (size_t)(n * mult);
	return TRUE;
}

/*
 * Without -j: one thread per CPU, at most 8 as GNU sort does, when the
 * input holds several documents (a split stream, JSONL, several files);
 * one thread for one document, which threads could not share out and
 * whose output they would hold back until it is done.
 */
static int default_jobs(const app *a)
{
	gboolean several = a->split != ENTX_SPLIT_NONE ||
	                   (a->files != NULL && a->files[0] != NULL && a->files[1] != NULL);
	return several ? (int)MIN(g_get_num_processors(), 8) : 1;
}

/*
 * A copy of argv for GOption, with each value written onto its short
 * option ("-j2", "-ftsv", as make and most tools take them) made a
 * word of its own: GOption reads only "-j 2". Returns a new vector, to
 * be freed with g_strfreev().
 */
static char **split_attached_values(int argc, char **argv, const GOptionEntry *entries)
{
	GPtrArray *out = g_ptr_array_new();
	gboolean options = TRUE;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		g_ptr_array_add(out, g_strdup(arg));
		if (i == 0 || !options || arg[0] != '-' || arg[1] == '\0')
			continue;
		if (strcmp(arg, "--") == 0) {
			options = FALSE;
			continue;
		}
		const GOptionEntry *e = entries;
		if (arg[1] == '-') {
			for (; e->long_name != NULL; e++)
				if (strcmp(e->long_name, arg + 2) == 0)
					break;
		} else {
			for (; e->long_name != NULL; e++)
				if (e->short_name == arg[1])
					break;
		}
		if (e->long_name == NULL || e->arg == G_OPTION_ARG_NONE)
			continue;
		if (arg[1] != '-' && arg[2] != '\0') {
			/* "-j2" */
			g_free(g_ptr_array_steal_index(out, out->len - 1));
			g_ptr_array_add(out, g_strndup(arg, 2));
			g_ptr_array_add(out, g_strdup(arg + 2));
		} else if (i + 1 < argc) {
			/* "-o VALUE", "--option VALUE": VALUE is not an option. */
			g_ptr_array_add(out, g_strdup(argv[++i]));
		}
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

static void parse_options(app *a, int argc, char **argv)
{
	GOptionEntry entries[] = {
		{"version", 'V', 0, G_OPTION_ARG_NONE, &a->version, "Print the version and exit", NULL},
		{"list-plugins", 'l', 0, G_OPTION_ARG_NONE, &a->list_plugins,
		 "List the plugins that would run, and exit", NULL},
		{"format", 'f', 0, G_OPTION_ARG_STRING, &a->format_name,
		 "Output format: jsonld (default) or tsv", "FORMAT"},
		{"pretty", 0, 0, G_OPTION_ARG_NONE, &a->pretty, "Indent JSON-LD output", NULL},
		{"context", 0, 0, G_OPTION_ARG_STRING, &a->context_url,
		 "Reference this JSON-LD @context instead of writing it inline", "URL"},
		{"no-text", 0, 0, G_OPTION_ARG_NONE, &a->no_text,
		 "Leave the document text (nif:isString) out of JSON-LD output", NULL},
		{"split", 's', 0, G_OPTION_ARG_STRING, &a->split_name,
		 "Documents in a stream: none (default), line, blank or nul", "MODE"},
		{"input", 'i', 0, G_OPTION_ARG_STRING, &a->input_name,
		 "Input format: text (default) or jsonl", "FORMAT"},
		{"reference-date", 'd', 0, G_OPTION_ARG_STRING, &a->reference_date,
		 "Resolve relative dates against DATE (YYYY-MM-DD)", "DATE"},
		{"strict-utf8", 0, 0, G_OPTION_ARG_NONE, &a->strict_utf8,
		 "Fail documents that are not valid UTF-8 instead of repairing them", NULL},
		{"max-doc-size", 0, 0, G_OPTION_ARG_STRING, &a->max_doc_size_name,
		 "Skip (and report) documents larger than SIZE bytes (K, M, G suffixes)", "SIZE"},
		{"overlaps", 0, 0, G_OPTION_ARG_STRING, &a->overlaps_name,
		 "Overlapping mentions: merge (default) or all", "MODE"},
		{"plugins", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &a->plugins,
		 "Run only these plugins (comma-separated; repeatable)", "A,B"},
		{"disable", 'x', 0, G_OPTION_ARG_STRING_ARRAY, &a->disable,
		 "Do not run these plugins (comma-separated; repeatable)", "A,B"},
		{"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->plugin_path,
		 "Search DIR for plugins before the default (repeatable)", "DIR"},
		{"rules-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->rules_dir,
		 "Search DIR for rule files before the defaults (repeatable)", "DIR"},
		{"option", 'o', 0, G_OPTION_ARG_STRING_ARRAY, &a->plugin_options,
		 "Set a plugin option (repeatable)", "PLUGIN.KEY=VALUE"},
		{"jobs", 'j', 0, G_OPTION_ARG_STRING, &a->jobs_name,
		 "Process N documents at once, output in input order (default for several "
		 "documents: one per CPU, up to 8)", "N"},
		{G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->files, NULL, "[FILE...]"},
		{NULL, 0, 0, 0, NULL, NULL, NULL}};
	GOptionContext *ctx = g_option_context_new("- extract entities from text as JSON-LD");
	g_option_context_set_summary(
		ctx, "Reads text from FILEs (each one document) or standard input and writes one\n"
		     "JSON-LD object per document per line. See entx(1).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	GError *error = NULL;
	char **args = split_attached_values(argc, argv, entries);
	if (!g_option_context_parse_strv(ctx, &args, &error))
		die_usage("%s", error->message);
	g_strfreev(args);
	g_option_context_free(ctx);

	a->format = FORMAT_JSONLD;
	if (a->format_name != NULL) {
		if (strcmp(a->format_name, "tsv") == 0)
			a->format = FORMAT_TSV;
		else if (strcmp(a->format_name, "jsonld") != 0 && strcmp(a->format_name, "json") != 0)
			die_usage("unknown --format '%s' (expected jsonld or tsv)", a->format_name);
	}
	a->split = ENTX_SPLIT_NONE;
	if (a->split_name != NULL && !entx_split_parse(a->split_name, &a->split))
		die_usage("unknown --split '%s' (expected none, line, blank or nul)", a->split_name);
	if (a->input_name != NULL) {
		if (strcmp(a->input_name, "jsonl") == 0)
			a->jsonl = TRUE;
		else if (strcmp(a->input_name, "text") != 0)
			die_usage("unknown --input '%s' (expected text or jsonl)", a->input_name);
	}
	if (a->jsonl && a->split_name != NULL && a->split != ENTX_SPLIT_LINE)
		die_usage("--input=jsonl reads one document per line; it cannot be combined with "
		          "--split=%s", a->split_name);
	if (a->jsonl)
		a->split = ENTX_SPLIT_LINE;
	if (a->overlaps_name != NULL && strcmp(a->overlaps_name, "merge") != 0 &&
	    strcmp(a->overlaps_name, "all") != 0)
		die_usage("unknown --overlaps '%s' (expected merge or all)", a->overlaps_name);
	if (a->max_doc_size_name != NULL && !parse_size(a->max_doc_size_name, &a->max_doc_size))
		die_usage("bad --max-doc-size '%s' (expected a number of bytes, e.g. 10M)",
		          a->max_doc_size_name);
	a->jobs = default_jobs(a);
	if (a->jobs_name != NULL) {
		gint64 n = 0;
		if (!g_ascii_string_to_signed(a->jobs_name, 10, 0, 1024, &n, NULL))
			die_usage("bad --jobs '%s' (expected 1 to 1024, or 0 for one per CPU)",
			          a->jobs_name);
		a->jobs = n == 0 ? (int)g_get_num_processors() : (int)n;
	}
	if (a->reference_date != NULL) {
		entx_doc *probe = entx_doc_new(NULL, "", 0);
		int rc = entx_doc_set_reference_date(probe, a->reference_date);
		entx_doc_free(probe);
		if (rc != 0)
			die_usage("bad --reference-date '%s' (expected YYYY-MM-DD)", a->reference_date);
	}
	a->jsonld.context_url = a->context_url;
	a->jsonld.pretty = a->pretty;
	a->jsonld.include_text = !a->no_text;
}

static void add_path_list(entx_engine *e, const char *list, int (*add)(entx_engine *, const char *))
{
	if (list == NULL)
		return;
	char **dirs = g_strsplit(list, G_SEARCHPATH_SEPARATOR_S, -1);
	for (char **d = dirs; *d; d++)
		if (**d)
			add(e, *d);
	g_strfreev(dirs);
}

/* ENTX_NO_SYSTEM_DIRS=1 leaves out the installed and per-user
 * directories, so tests see only the build tree. */
static gboolean use_system_dirs(void)
{
	const char *v = g_getenv("ENTX_NO_SYSTEM_DIRS");
	return v == NULL || *v == '\0' || strcmp(v, "0") == 0;
}

static void setup_engine(app *a)
{
	entx_engine *e = entx_engine_new();
	for (char **d = a->plugin_path; d != NULL && *d != NULL; d++)
		entx_engine_add_plugin_dir(e, *d);
	add_path_list(e, g_getenv("ENTX_PLUGIN_PATH"), entx_engine_add_plugin_dir);
	for (char **d = a->rules_dir; d != NULL && *d != NULL; d++)
		entx_engine_add_rules_dir(e, *d);
	add_path_list(e, g_getenv("ENTX_RULES_PATH"), entx_engine_add_rules_dir);
	if (use_system_dirs()) {
		entx_engine_add_plugin_dir(e, ENTX_PLUGINDIR);
		char *user_rules = g_build_filename(g_get_user_config_dir(), "entx", "rules", NULL);
		entx_engine_add_rules_dir(e, user_rules);
		g_free(user_rules);
		entx_engine_add_rules_dir(e, ENTX_RULESDIR);
	}
	GError *error = NULL;
	for (char **o = a->plugin_options; o != NULL && *o != NULL; o++)
		if (!entx_engine_set_option(e, *o, &error))
			die_usage("%s", error->message);
	entx_engine_set_overlaps(e, a->overlaps_name != NULL && strcmp(a->overlaps_name, "all") == 0
	                                ? ENTX_OVERLAPS_ALL
	                                : ENTX_OVERLAPS_MERGE);
	char **only = split_list(a->plugins);
	char **disable = split_list(a->disable);
	if (!entx_engine_load(e, (const char *const *)only, (const char *const *)disable, &error)) {
		fprintf(stderr, "entx: %s\n", error->message);
		exit(EXIT_USAGE);
	}
	g_strfreev(only);
	g_strfreev(disable);
	if (entx_engine_n_plugins(e) == 0 && !a->list_plugins) {
		fprintf(stderr, "entx: no plugins to run (searched --plugin-path, ENTX_PLUGIN_PATH%s); "
		                "see --list-plugins\n",
		        use_system_dirs() ? " and " ENTX_PLUGINDIR : "");
		exit(EXIT_USAGE);
	}
	a->engine = e;
}

static void list_plugins(const entx_engine *e)
{
	for (size_t i = 0; i < entx_engine_n_plugins(e); i++) {
		char *classes = g_strjoinv(",", (char **)entx_engine_plugin_classes(e, i));
		printf("%-14s %-8s %-28s %s\n    %s (%s)\n", entx_engine_plugin_name(e, i),
		       entx_engine_plugin_version(e, i), classes, entx_engine_plugin_file(e, i),
		       entx_engine_plugin_summary(e, i), entx_engine_plugin_license(e, i));
		g_free(classes);
	}
}

static void job_free(job *j)
{
	g_free(j->id);
	if (!j->borrowed)
		g_free(j->text);
	g_free(j->date);
	g_free(j->error);
	if (j->extra != NULL)
		json_decref(j->extra);
	g_free(j);
}

static void emit_error(const app *a, const job *j, const char *message, GString *out)
{
	fprintf(stderr, "entx: document '%s': %s\n", j->id, message);
	if (a->format == FORMAT_JSONLD)
		entx_jsonld_error(out, j->id, message, j->extra, &a->jsonld);
}

/* Fills a job from a JSONL line: text, optional id and date, the rest
 * carried through (also into the error record of a bad line). */
static void parse_jsonl(job *j, const char *line, size_t len)
{
	entx_jsonl_record rec;
	entx_jsonl_parse(line, len, &rec);
	if (!j->borrowed)
		g_free(j->text);
	j->borrowed = FALSE;
	j->jsonl = FALSE;
	if (rec.id != NULL) {
		g_free(j->id);
		j->id = rec.id;
	}
	j->text = rec.text;
	j->len = rec.len;
	j->date = rec.date;
	j->extra = rec.extra;
	j->error = rec.error;
}

/* The longest document whose memory is kept for the next one. */
#define SPARE_MAX_BYTES (1u << 20)

/* Set when a long document's memory was freed: give it back to the
 * system once input pauses (release_idle_memory). */
static gint long_document_done;

/*
 * Appends one job's output to out; FALSE when the document failed. Runs
 * on worker threads. drain: where the output of a long document may go
 * before its end, or NULL. *spare: a document to reuse (entx_doc_reset)
 * or NULL; the one used is left there for the next job, unless it was
 * long, and the caller frees it.
 */
static gboolean run_job(const app *a, job *j, GString *out, const entx_drain *drain,
                        entx_doc **spare)
{
	gboolean failed = FALSE;
	if (j->jsonl)
		parse_jsonl(j, j->text, j->len);
	if (j->error != NULL) {
		emit_error(a, j, j->error, out);
		return FALSE;
	}
	entx_doc *doc = *spare;
	if (doc != NULL)
		entx_doc_reset(doc, j->id, j->text, j->len);
	else
		doc = *spare = entx_doc_new(j->id, j->text, j->len);
	if (entx_doc_n_invalid_utf8(doc) > 0) {
		char *msg = g_strdup_printf("invalid UTF-8 at byte %zu", entx_doc_first_invalid_utf8(doc));
		if (a->strict_utf8) {
			emit_error(a, j, msg, out);
			failed = TRUE;
		} else
			warn("document '%s': %s (%zu invalid sequence%s replaced by U+FFFD)", j->id, msg,
			     entx_doc_n_invalid_utf8(doc), entx_doc_n_invalid_utf8(doc) == 1 ? "" : "s");
		g_free(msg);
	}
	const char *date = j->date != NULL ? j->date : a->reference_date;
	if (!failed && date != NULL && entx_doc_set_reference_date(doc, date) != 0) {
		char *msg = g_strdup_printf("bad reference date '%s' (expected YYYY-MM-DD)", date);
		emit_error(a, j, msg, out);
		g_free(msg);
		failed = TRUE;
	}
	/* A long document's own text (make_job) is not needed past here, and
	 * would stay as long as the plugins run: the document has a copy. */
	if (!j->borrowed && j->len > SPARE_MAX_BYTES) {
		g_free(j->text);
		j->text = NULL;
	}
	GError *error = NULL;
	if (!failed && !entx_engine_process(a->engine, doc, &error)) {
		emit_error(a, j, error->message, out);
		g_error_free(error);
		failed = TRUE;
	}
	if (!failed) {
		if (a->format == FORMAT_TSV)
			entx_tsv_document(doc, out, drain);
		else
			entx_jsonld_document(out, doc, j->extra, &a->jsonld, drain);
	}
	/* A long document's memory goes back now, not when the next one
	 * comes, which on a quiet stream may be much later. */
	if (j->len > SPARE_MAX_BYTES) {
		entx_doc_free(doc);
		*spare = NULL;
		g_atomic_int_set(&long_document_done, 1);
	}
	return !failed;
}

/* With borrow, the job uses the record's text in place: only for a job
 * done before the reader reads again (one job, no worker threads). A long
 * document takes the reader's memory instead, copied neither way. */
static job *make_job(const app *a, const char *source, entx_reader *rd, const entx_record *rec,
                     size_t seq, gboolean borrow)
{
	job *j = g_new0(job, 1);
	j->seq = seq;
	j->id = a->split == ENTX_SPLIT_NONE ? g_strdup(source)
	                                    : g_strdup_printf("%s:%zu", source, rec->line);
	if (rec->oversized) {
		j->error = g_strdup_printf("document is %zu bytes, over --max-doc-size=%zu; skipped",
		                           rec->size, a->max_doc_size);
		return j;
	}
	j->borrowed = borrow && rec->len <= SPARE_MAX_BYTES;
	if (rec->len > SPARE_MAX_BYTES)
		j->text = entx_reader_take_text(rd, rec);
	else
		j->text = j->borrowed ? rec->text : g_memdup2(rec->text, rec->len + 1);
	j->len = rec->len;
	j->jsonl = a->jsonl;
	return j;
}

/* The output side: results are written in input order and flushed per
 * document. A reader that goes away (EPIPE) ends entx quietly. */
typedef struct {
	size_t next_seq;
	GHashTable *pending; /* seq -> result, finished out of order */
	gboolean failed;     /* some document failed */
	gint stop;           /* output is gone: stop reading (atomic: read by the reader) */
} writer;

/* Writes out's bytes (flushing them when `flush`), unless output is gone. */
static void write_bytes(writer *w, const GString *out, gboolean flush)
{
	if (g_atomic_int_get(&w->stop) || out->len == 0)
		return;
	if (fwrite(out->str, 1, out->len, stdout) != out->len || (flush && fflush(stdout) != 0)) {
		if (errno != EPIPE)
			fprintf(stderr, "entx: write error: %s\n", g_strerror(errno));
		g_atomic_int_set(&w->stop, TRUE);
		w->failed = w->failed || errno != EPIPE;
	}
}

/* Writes r's output; the caller still owns r. */
static void write_out(writer *w, const result *r)
{
	if (r->failed)
		w->failed = TRUE;
	write_bytes(w, r->out, TRUE);
}

/* entx_drain's fn with one job: the part of a document written so far
 * goes out at once (flushed with the rest at its end). */
static void drain_single(GString *out, void *data)
{
	write_bytes(data, out, FALSE);
	g_string_truncate(out, 0);
}

static void write_result(writer *w, result *r)
{
	write_out(w, r);
	g_string_free(r->out, TRUE);
	g_free(r);
}

/* Writes r if it is next, then every waiting result that follows it;
 * returns how many results were written. */
static size_t deliver(writer *w, result *r)
{
	size_t written = 0;
	g_hash_table_insert(w->pending, GSIZE_TO_POINTER(r->seq), r);
	while ((r = g_hash_table_lookup(w->pending, GSIZE_TO_POINTER(w->next_seq))) != NULL) {
		g_hash_table_remove(w->pending, GSIZE_TO_POINTER(w->next_seq));
		w->next_seq++;
		write_result(w, r);
		written++;
	}
	return written;
}

/*
 * With -j N, the main thread reads and submits, N pool threads process,
 * and one writer thread writes each result as soon as all before it are
 * written, so output never waits for the next input to arrive (tail -f
 * | entx -j 2 stays live) and reading never waits for writing.
 */
typedef struct {
	const app *a;
	writer w;
	size_t seq;
	GThreadPool *pool; /* NULL with one job */
	GAsyncQueue *results;
	GThread *writer_thread;
	GMutex lock;
	GCond done;        /* signalled when in_flight drops */
	size_t in_flight;  /* batches submitted, not yet written; under lock */
	batch *filling;    /* jobs not yet handed to the workers */
	size_t batch_seq;
	/* With one job, every document's output goes through this one
	 * result, whose buffer then keeps the size it grew to, and one
	 * document, reset for each (worker threads keep one per batch). */
	result single;
	entx_doc *spare;
} pipeline;

/* A batch is handed over when it holds this many documents or bytes,
 * or when the next document is not already waiting to be read. */
#define BATCH_MAX_JOBS 64
#define BATCH_MAX_BYTES (256 * 1024)

/* Marks the end of the results. */
static result end_of_results;

/*
 * The output's size for `bytes` of input, guessed to spare regrowing:
 * JSON-LD is a few times larger than its text, TSV smaller.
 */
static size_t output_guess(const app *a, size_t bytes)
{
	return (a->format == FORMAT_TSV ? bytes : bytes * 4) + 4096;
}

static result *new_result(const app *a, size_t seq, size_t bytes)
{
	result *r = g_new0(result, 1);
	r->seq = seq;
	r->out = g_string_sized_new(output_guess(a, bytes));
	return r;
}

static void worker(gpointer data, gpointer user_data)
{
	pipeline *p = user_data;
	batch *b = data;
	result *r = new_result(p->a, b->seq, b->bytes);
	entx_doc *spare = NULL;
	for (size_t i = 0; i < b->jobs->len; i++)
		if (!run_job(p->a, g_ptr_array_index(b->jobs, i), r->out, NULL, &spare))
			r->failed = TRUE;
	entx_doc_free(spare);
	g_ptr_array_free(b->jobs, TRUE);
	g_free(b);
	g_async_queue_push(p->results, r);
}

static gpointer writer_main(gpointer data)
{
	pipeline *p = data;
	result *r;
	while ((r = g_async_queue_pop(p->results)) != &end_of_results) {
		size_t n = deliver(&p->w, r);
		if (n > 0) {
			g_mutex_lock(&p->lock);
			p->in_flight -= n;
			g_cond_signal(&p->done);
			g_mutex_unlock(&p->lock);
		}
	}
	return NULL;
}

/* Hands the batch being filled, if any, to the workers. */
static void flush_batch(pipeline *p)
{
	if (p->filling == NULL)
		return;
	/* Bound the documents in memory: wait for a batch to be written first. */
	g_mutex_lock(&p->lock);
	while (p->in_flight >= (size_t)p->a->jobs * 4)
		g_cond_wait(&p->done, &p->lock);
	p->in_flight++;
	g_mutex_unlock(&p->lock);
	p->filling->seq = p->batch_seq++;
	g_thread_pool_push(p->pool, p->filling, NULL);
	p->filling = NULL;
}

static void submit(pipeline *p, job *j)
{
	if (p->pool == NULL) {
		/* One job: documents finish in input order, nothing waits. */
		g_string_truncate(p->single.out, 0);
		entx_drain drain = {drain_single, &p->w};
		p->single.failed = !run_job(p->a, j, p->single.out, &drain, &p->spare);
		job_free(j);
		write_out(&p->w, &p->single);
		return;
	}
	if (p->filling == NULL) {
		p->filling = g_new0(batch, 1);
		p->filling->jobs = g_ptr_array_new_with_free_func((GDestroyNotify)job_free);
	}
	g_ptr_array_add(p->filling->jobs, j);
	p->filling->bytes += j->len;
	if (p->filling->jobs->len >= BATCH_MAX_JOBS || p->filling->bytes >= BATCH_MAX_BYTES)
		flush_batch(p);
}

/*
 * After a long document, when no input is waiting: the memory it used is
 * returned to the system, not held while a quiet stream idles (148 MB
 * after 10 MB of news otherwise). Not between documents that are
 * already there: freeing and touching that memory again for each
 * cost a fifth of the time on a stream of 1 MB documents.
 */
static void release_idle_memory(pipeline *p)
{
	if (!g_atomic_int_compare_and_exchange(&long_document_done, 1, 0))
		return;
	if (p->pool == NULL && p->single.out->allocated_len > SPARE_MAX_BYTES * 4) {
		g_string_free(p->single.out, TRUE);
		p->single.out = g_string_sized_new(65536);
	}
#ifdef __GLIBC__
	/* Mentions' many small blocks sit in the middle of the heap, which
	 * free() alone does not give back. */
	malloc_trim(0);
#endif
}

/* Reads one source; returns FALSE when output is gone. */
static gboolean process_stream(pipeline *p, FILE *fp, const char *source)
{
	entx_reader *rd = entx_reader_new(fp, p->a->split, p->a->max_doc_size);
	entx_record rec;
	GError *error = NULL;
	int rc = 0;
	while (!g_atomic_int_get(&p->w.stop) && (rc = entx_reader_next(rd, &rec, &error)) > 0) {
		if (p->a->jsonl && !rec.oversized && entx_text_is_blank(rec.text, rec.len))
			continue;
		submit(p, make_job(p->a, source, rd, &rec, p->seq++, p->pool == NULL));
		/* Documents read so far are not held back waiting for input. */
		if (!entx_reader_ready(rd)) {
			if (p->pool != NULL)
				flush_batch(p);
			release_idle_memory(p);
		}
	}
	if (rc < 0) {
		job *j = g_new0(job, 1);
		j->seq = p->seq++;
		j->id = g_strdup(source);
		j->error = g_strdup(error->message);
		g_error_free(error);
		submit(p, j);
	}
	if (p->pool != NULL)
		flush_batch(p);
	entx_reader_free(rd);
	return !g_atomic_int_get(&p->w.stop);
}

/*
 * stdio would read a block (4 KB) per system call; news comes by the
 * megabyte. A read returns what there is, so a pipe waits no longer.
 * glibc ignores the size of a buffer it allocates itself: we give it one.
 */
#define INPUT_BUFFER (64 * 1024)
static char stdin_buffer[INPUT_BUFFER];

static void process_file(pipeline *p, const char *path)
{
	if (strcmp(path, "-") == 0) {
		process_stream(p, stdin, "-");
		return;
	}
	FILE *fp = fopen(path, "rb");
	if (fp == NULL) {
		job *j = g_new0(job, 1);
		j->seq = p->seq++;
		j->id = g_strdup(path);
		j->error = g_strdup_printf("cannot open '%s': %s", path, g_strerror(errno));
		submit(p, j);
		return;
	}
	char *buf = g_malloc(INPUT_BUFFER);
	setvbuf(fp, buf, _IOFBF, INPUT_BUFFER);
	process_stream(p, fp, path);
	fclose(fp);
	g_free(buf);
}

static int run(const app *a)
{
	pipeline p = {.a = a};
	p.w.pending = g_hash_table_new(NULL, NULL);
	if (a->jobs > 1) {
		g_mutex_init(&p.lock);
		g_cond_init(&p.done);
		p.results = g_async_queue_new();
		p.pool = g_thread_pool_new(worker, &p, a->jobs, TRUE, NULL);
		p.writer_thread = g_thread_new("entx-writer", writer_main, &p);
	} else
		p.single.out = g_string_sized_new(65536);
	/* Before anything reads standard input. */
	setvbuf(stdin, stdin_buffer, _IOFBF, sizeof stdin_buffer);
	if (a->files == NULL || a->files[0] == NULL)
		process_stream(&p, stdin, "-");
	else
		for (char **f = a->files; *f != NULL && !g_atomic_int_get(&p.w.stop); f++)
			process_file(&p, *f);
	if (p.pool != NULL) {
		flush_batch(&p);
		g_thread_pool_free(p.pool, FALSE, TRUE); /* every job done and its result queued */
		g_async_queue_push(p.results, &end_of_results);
		g_thread_join(p.writer_thread);
		g_async_queue_unref(p.results);
		g_mutex_clear(&p.lock);
		g_cond_clear(&p.done);
		/* GLib keeps idle pool threads around; end them so leak checkers
		 * see a clean exit. */
		g_thread_pool_stop_unused_threads();
	}
	g_hash_table_destroy(p.w.pending);
	entx_doc_free(p.spare);
	if (p.single.out != NULL)
		g_string_free(p.single.out, TRUE);
	gboolean stop = g_atomic_int_get(&p.w.stop);
	if (stop && !p.w.failed)
		return EXIT_OK; /* the reader left: not our failure */
	return p.w.failed ? (stop ? EXIT_USAGE : EXIT_DOC_FAILED) : EXIT_OK;
}

static void app_clear(app *a)
{
	entx_engine_free(a->engine);
	g_strfreev(a->plugin_path);
	g_strfreev(a->rules_dir);
	g_strfreev(a->plugin_options);
	g_strfreev(a->plugins);
	g_strfreev(a->disable);
	g_strfreev(a->files);
	g_free(a->format_name);
	g_free(a->split_name);
	g_free(a->input_name);
	g_free(a->context_url);
	g_free(a->reference_date);
	g_free(a->overlaps_name);
	g_free(a->max_doc_size_name);
	g_free(a->jobs_name);
}

int main(int argc, char **argv)
{
	/* A reader that goes away is reported by write errors, not a signal. */
	signal(SIGPIPE, SIG_IGN);
	app a = {0};
	int status = EXIT_OK;
	parse_options(&a, argc, argv);
	if (a.version) {
		printf("entx %s (plugin ABI %d, API %d)\n", ENTX_VERSION_STRING,
		       ENTX_PLUGIN_ABI_VERSION, ENTX_PLUGIN_API_VERSION);
	} else {
		setup_engine(&a);
		if (a.list_plugins)
			list_plugins(a.engine);
		else
			status = run(&a);
	}
	app_clear(&a);
	return status;
}
