/*
 * cli.h: what the commands share: the invocation context, exit statuses,
 * option tables that both parse and print usage, and message output.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "st_buf.h"

enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,  /* a completed check found problems */
	EXIT_RUNTIME = 128, /* the command could not do its job */
	EXIT_USAGE = 129    /* the command line or a value on it is wrong */
};

/* The invocation: set up by main(), read by every command. */
struct cli {
	const char *datadir; /* schemas/, templates/, policies/ live here */
	const char *author;  /* --author, or NULL */
	const char *prog;    /* "stdtool org add": for messages and usage */
};

enum option_type {
	OPTION_END = 0,
	OPTION_STRING, /* takes a value: const char ** */
	OPTION_FLAG,   /* no value: int *, set to 1 */
	OPTION_LIST    /* takes a value, may be repeated: struct cli_list * */
};

/* The values of a repeatable option, in order; free with cli_list_dispose(). */
struct cli_list {
	const char **items;
	size_t n, alloc;
};

void cli_list_dispose(struct cli_list *list);

struct option {
	enum option_type type;
	char short_name;       /* or 0 */
	const char *long_name; /* without the dashes */
	void *value;
	const char *argh;      /* name of the value in usage, e.g. "CODE" */
	const char *help;      /* N_() marked */
	int required;
};

#define OPT_STRING(s, l, v, a, h) { OPTION_STRING, (s), (l), (v), (a), (h), 0 }
#define OPT_REQUIRED(s, l, v, a, h) { OPTION_STRING, (s), (l), (v), (a), (h), 1 }
#define OPT_FLAG(s, l, v, h) { OPTION_FLAG, (s), (l), (v), NULL, (h), 0 }
#define OPT_LIST(s, l, v, a, h) { OPTION_LIST, (s), (l), (v), (a), (h), 0 }
#define OPT_END() { OPTION_END, 0, NULL, NULL, NULL, NULL, 0 }

/*
 * Parses argv[1..] against 'options', moving operands (non-options) to the
 * front of argv.  'usage' is the synopsis line(s) (N_() marked,
 * NULL-terminated).  Returns the number of operands, or:
 *   -EXIT_USAGE after printing a one-line error,
 *   -1 after printing the help (for -h/--help; exit 0).
 * 'min' and 'max' bound the number of operands (max < 0: unbounded).
 */
int parse_options(int argc, char **argv, const struct option *options,
		  const char *const *usage, const struct cli *cli, int min, int max);

void print_usage(FILE *fp, const struct option *options,
		 const char *const *usage, const struct cli *cli);

/* "stdtool: message" on stderr. */
void cli_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A usage error: "stdtool: message; see 'stdtool CMD --help'". */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Prints the library's last error and maps its code to an exit status:
 * a malformed value is a usage error, everything else a runtime error.
 */
int cli_fail(const struct cli *cli, int code);
/* Prints the last error as a runtime failure: for data already committed. */
int cli_fail_runtime(const struct cli *cli);

/* Writes 'text' padded with spaces to 'width' terminal columns. */
void cli_pad(st_buf *out, const char *text, size_t width);

/* Operand check for "--format": returns 0 and sets *xml, or a usage error. */
int cli_format(const struct cli *cli, const char *format, int *xml);

/* A command's subcommands, dispatched by cli_dispatch(). */
struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli *cli);
};

/*
 * Runs the subcommand named by argv[1]; prints 'usage' for none, -h or
 * --help.  'prog' is the buffer that holds "stdtool CMD SUB" meanwhile.
 */
int cli_dispatch(int argc, char **argv, struct cli *cli, const struct subcommand *table,
		 size_t n, const char *const *usage, char *prog, size_t prog_size);

/*
 * Writes 'data' to standard output, or atomically to 'path' (a temporary
 * file renamed into place, so a reader never sees half a file).
 */
int cli_write_output(const struct cli *cli, const char *path, const char *data, size_t len);

/*
 * The same, for output written as it is made: cli_stream_begin() opens
 * standard output (path NULL) or a temporary file beside 'path' (a device
 * or pipe is written in place), cli_stream_write() (an st_write_fn) writes,
 * and cli_stream_end() renames the file into place when 'ok', or removes
 * it.  Both return an exit status, and print the error themselves.
 */
struct cli_stream {
	const struct cli *cli;
	const char *path;
	int fd;
	char *staged;
	int failed;
};
int cli_stream_begin(struct cli_stream *s, const struct cli *cli, const char *path);
int cli_stream_write(const char *data, size_t len, void *payload);
int cli_stream_end(struct cli_stream *s, int ok);

/*
 * The same in two steps, for output that must exist only if a commit is
 * made: cli_output_stage() writes a temporary file beside 'path' (its name
 * into *staged, to free), cli_output_publish() renames it into place, and
 * cli_output_discard() removes it.  A 'path' that exists and is not a
 * regular file (a device such as /dev/null, a pipe) is never replaced:
 * nothing is staged and publishing writes 'data' to it directly.
 */
int cli_output_stage(const struct cli *cli, const char *path, const char *data, size_t len, char **staged);
int cli_output_publish(const struct cli *cli, char *staged, const char *path,
		       const char *data, size_t len);
void cli_output_discard(char *staged);

#endif
