/*
 * Reading documents from a stream, holding at most one document (and
 * one line) in memory at a time.
 */
/* getline(), getdelim() and fileno() are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "input.h"

#include <entx/common.h>
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>

struct entx_reader {
	FILE *fp;
	entx_split split;
	size_t max_size;
	GString *doc;
	char *line;       /* getline/getdelim buffer */
	size_t line_cap;
	size_t line_no;   /* lines (or records) consumed so far */
	gboolean eof;
	gboolean started; /* a NONE stream yields exactly one document */
	gboolean regular; /* a regular file: reading never waits */
};

gboolean entx_split_parse(const char *s, entx_split *out)
{
	static const char *const names[] = {"none", "line", "blank", "nul"};
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (entx_split)i;
			return TRUE;
		}
	return FALSE;
}

entx_reader *entx_reader_new(FILE *fp, entx_split split, size_t max_size)
{
	entx_reader *r = g_new0(entx_reader, 1);
	r->fp = fp;
	r->split = split;
	r->max_size = max_size;
	r->doc = g_string_sized_new(4096);
	struct stat st;
	r->regular = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);
	return r;
}

gboolean entx_reader_ready(const entx_reader *r)
{
	if (r->regular)
		return TRUE;
	struct pollfd pfd = {.fd = fileno(r->fp), .events = POLLIN};
	return poll(&pfd, 1, 0) > 0;
}

void entx_reader_free(entx_reader *r)
{
	if (r == NULL)
		return;
	g_string_free(r->doc, TRUE);
	free(r->line);
	g_free(r);
}

/* A record buffer larger than this is not kept for the next record. */
#define LONG_RECORD (4u << 20)

static int read_error(GError **error)
{
	g_set_error(error, ENTX_ERROR, ENTX_ERR_IO, "read error: %s", g_strerror(errno));
	return -1;
}

/* Appends n bytes to the document unless that takes it over the limit,
 * after which the document only counts its size. */
static void append(entx_reader *r, entx_record *rec, const char *s, size_t n)
{
	rec->size += n;
	if (r->max_size > 0 && rec->size > r->max_size) {
		rec->oversized = TRUE;
		g_string_truncate(r->doc, 0);
		return;
	}
	g_string_append_len(r->doc, s, n);
}

static void finish(entx_reader *r, entx_record *rec)
{
	if (rec->oversized)
		g_string_truncate(r->doc, 0);
	rec->text = r->doc->str;
	rec->len = r->doc->len;
}

static int read_whole(entx_reader *r, entx_record *rec, GError **error)
{
	if (r->started)
		return 0;
	r->started = TRUE;
	char buf[65536];
	size_t n = 0;
	while ((n = fread(buf, 1, sizeof buf, r->fp)) > 0)
		append(r, rec, buf, n);
	if (ferror(r->fp))
		return read_error(error);
	rec->line = 1;
	finish(r, rec);
	return 1;
}

/* One record ending in delim (line or NUL-separated). */
static int read_delimited(entx_reader *r, entx_record *rec, int delim, GError **error)
{
	/* The last record was long: give its memory back before waiting for
	 * the next, which may be short and a long time coming (not when the
	 * next is already there: it would only be allocated again). */
	if (r->line_cap > LONG_RECORD && !entx_reader_ready(r)) {
		free(r->line);
		r->line = NULL;
		r->line_cap = 0;
	}
	errno = 0;
	ssize_t n = getdelim(&r->line, &r->line_cap, delim, r->fp);
	if (n < 0)
		return ferror(r->fp) ? read_error(error) : 0;
	rec->line = ++r->line_no;
	if (n > 0 && r->line[n - 1] == delim)
		n--;
	if (delim == '\n' && n > 0 && r->line[n - 1] == '\r')
		n--;
	rec->size = (size_t)n;
	if (r->max_size > 0 && rec->size > r->max_size) {
		rec->oversized = TRUE;
		finish(r, rec);
		return 1;
	}
	/* The record is the line itself: no copy. */
	r->line[n] = '\0';
	rec->text = r->line;
	rec->len = (size_t)n;
	return 1;
}

char *entx_reader_take_text(entx_reader *r, const entx_record *rec)
{
	char *text = NULL;
	if (rec->text == r->line) {
		/* A line read in place (read_delimited). */
		text = r->line;
		r->line = NULL;
		r->line_cap = 0;
	} else {
		text = g_string_free(r->doc, FALSE);
		r->doc = g_string_sized_new(4096);
	}
	return text;
}

gboolean entx_text_is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isspace(s[i]))
			return FALSE;
	return TRUE;
}

static int read_paragraph(entx_reader *r, entx_record *rec, GError **error)
{
	ssize_t n = 0;
	for (;;) {
		errno = 0;
		n = getline(&r->line, &r->line_cap, r->fp);
		if (n < 0) {
			if (ferror(r->fp))
				return read_error(error);
			break;
		}
		r->line_no++;
		if (entx_text_is_blank(r->line, (size_t)n)) {
			if (rec->line != 0)
				break; /* the blank line ends the paragraph */
			continue;  /* blank lines before a paragraph */
		}
		if (rec->line == 0)
			rec->line = r->line_no;
		append(r, rec, r->line, (size_t)n);
	}
	if (rec->line == 0)
		return 0;
	/* The paragraph's final line break belongs to the separator. */
	if (!rec->oversized && r->doc->len > 0 && r->doc->str[r->doc->len - 1] == '\n')
		g_string_truncate(r->doc, r->doc->len - 1);
	finish(r, rec);
	return 1;
}

int entx_reader_next(entx_reader *r, entx_record *rec, GError **error)
{
	memset(rec, 0, sizeof *rec);
	g_string_truncate(r->doc, 0);
	switch (r->split) {
	case ENTX_SPLIT_NONE:
		return read_whole(r, rec, error);
	case ENTX_SPLIT_LINE:
		return read_delimited(r, rec, '\n', error);
	case ENTX_SPLIT_NUL:
		return read_delimited(r, rec, '\0', error);
	case ENTX_SPLIT_BLANK:
		return read_paragraph(r, rec, error);
	}
	return 0;
}
