/* cli.c: option parsing, usage and messages shared by the commands. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "st_repo.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_text.h"

void cli_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	(void)cli;
	fflush(stdout);
	fputs("stdtool: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
	st_buf msg = ST_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	st_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	fflush(stdout);
	fputs("stdtool: ", stderr);
	fprintf(stderr, _("%s; see '%s --help'"), msg.ptr, cli->prog);
	fputc('\n', stderr);
	st_buf_dispose(&msg);
	return EXIT_USAGE;
}

int cli_fail(const struct cli *cli, int code)
{
	const char *msg = st_error_last();

	cli_error(cli, "%s", *msg ? msg : _("unknown error"));
	return code == ST_EINVALID ? EXIT_USAGE : EXIT_RUNTIME;
}

int cli_fail_runtime(const struct cli *cli)
{
	return cli_fail(cli, ST_ERROR);
}

void cli_pad(st_buf *out, const char *text, size_t width)
{
	size_t w = st_utf8_width(text);

	st_buf_puts(out, text);
	if (w < width)
		st_buf_pad(out, width - w);
}

int cli_format(const struct cli *cli, const char *format, int *xml)
{
	if (!format || strcmp(format, "text") == 0)
		*xml = 0;
	else if (strcmp(format, "xml") == 0)
		*xml = 1;
	else
		return cli_usage_error(cli, _("unknown format '%s' (expected text or xml)"), format);
	return 0;
}

static void option_label(st_buf *out, const struct option *o)
{
	if (o->short_name)
		st_buf_printf(out, "-%c, ", o->short_name);
	st_buf_printf(out, "--%s", o->long_name);
	if (o->type == OPTION_STRING || o->type == OPTION_LIST)
		st_buf_printf(out, " %s", st_gettext(o->argh));
}

void print_usage(FILE *fp, const struct option *options,
		 const char *const *usage, const struct cli *cli)
{
	const struct option *o;
	st_buf line = ST_BUF_INIT;
	size_t i, width = st_utf8_width("-h, --help");

	for (i = 0; usage[i]; i++) {
		st_buf_clear(&line);
		st_buf_puts(&line, cli->prog);
		/* An empty synopsis is no message: gettext maps "" to its header. */
		if (*usage[i])
			st_buf_printf(&line, " %s", _(usage[i]));
		fprintf(fp, i == 0 ? _("usage: %s\n") : _("   or: %s\n"), line.ptr);
	}
	if (!options) {
		st_buf_dispose(&line);
		return;
	}
	for (o = options; o->type != OPTION_END; o++) {
		st_buf_clear(&line);
		option_label(&line, o);
		if (st_utf8_width(line.ptr) > width)
			width = st_utf8_width(line.ptr);
	}
	fputc('\n', fp);
	for (o = options; o->type != OPTION_END; o++) {
		st_buf_clear(&line);
		st_buf_puts(&line, "    ");
		{
			st_buf label = ST_BUF_INIT;
			option_label(&label, o);
			cli_pad(&line, label.ptr, width + 2);
			st_buf_dispose(&label);
		}
		fprintf(fp, "%s%s\n", line.ptr, _(o->help));
	}
	st_buf_clear(&line);
	st_buf_puts(&line, "    ");
	cli_pad(&line, "-h, --help", width + 2);
	fprintf(fp, "%s%s\n", line.ptr, _("show this help"));
	st_buf_dispose(&line);
}

static const struct option *find_long(const struct option *options,
				      const char *name, size_t len)
{
	const struct option *o;

	for (o = options; o && o->type != OPTION_END; o++)
		if (strlen(o->long_name) == len && strncmp(o->long_name, name, len) == 0)
			return o;
	return NULL;
}

static const struct option *find_short(const struct option *options, char c)
{
	const struct option *o;

	for (o = options; o && o->type != OPTION_END; o++)
		if (o->short_name == c)
			return o;
	return NULL;
}

static int set_option(const struct option *o, const char *value, const struct cli *cli)
{
	if (o->type == OPTION_FLAG) {
		*(int *)o->value = 1;
		return 0;
	}
	if (!value)
		return cli_usage_error(cli, _("option '--%s' needs a value"), o->long_name);
	if (o->type == OPTION_LIST) {
		struct cli_list *list = o->value;
		if (st_array_grow(&list->items, &list->alloc, list->n, sizeof(*list->items)) < 0) {
			cli_fail(cli, ST_ERROR);
			return -1;
		}
		list->items[list->n++] = value;
		return 0;
	}
	*(const char **)o->value = value;
	return 0;
}

void cli_list_dispose(struct cli_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

int parse_options(int argc, char **argv, const struct option *options,
		  const char *const *usage, const struct cli *cli, int min, int max)
{
	const struct option *o;
	int i, operands = 0, only_operands = 0;

	for (i = 1; i < argc; i++) {
		char *arg = argv[i];

		if (only_operands || arg[0] != '-' || arg[1] == '\0') {
			argv[operands++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_operands = 1;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			print_usage(stdout, options, usage, cli);
			return -1;
		}
		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			if (!(o = find_long(options, name, len)))
				return -cli_usage_error(cli, _("unknown option '%s'"), arg);
			if (o->type == OPTION_FLAG && eq)
				return -cli_usage_error(cli, _("option '--%s' takes no value"),
							o->long_name);
			if (o->type != OPTION_FLAG && !eq && i + 1 >= argc)
				return -cli_usage_error(cli, _("option '--%s' needs a value"),
							o->long_name);
			if (set_option(o, eq ? eq + 1 : (o->type != OPTION_FLAG ? argv[++i] : NULL),
				       cli) != 0)
				return -EXIT_USAGE;
			continue;
		}
		/* One short option, or several flags, or -xVALUE. */
		for (arg++; *arg; arg++) {
			if (!(o = find_short(options, *arg)))
				return -cli_usage_error(cli, _("unknown option '-%c'"), *arg);
			if (o->type == OPTION_FLAG) {
				*(int *)o->value = 1;
				continue;
			}
			if (arg[1]) {
				if (set_option(o, arg + 1, cli) != 0)
					return -EXIT_USAGE;
			} else if (i + 1 < argc) {
				if (set_option(o, argv[++i], cli) != 0)
					return -EXIT_USAGE;
			} else {
				return -cli_usage_error(cli, _("option '--%s' needs a value"),
							o->long_name);
			}
			break;
		}
	}
	for (o = options; o && o->type != OPTION_END; o++)
		if (o->required && o->type == OPTION_STRING && !*(const char **)o->value)
			return -cli_usage_error(cli, _("missing required option '--%s'"),
						o->long_name);
	if (operands < min)
		return -cli_usage_error(cli, _("missing operand"));
	if (max >= 0 && operands > max)
		return -cli_usage_error(cli, _("unexpected operand '%s'"), argv[max]);
	return operands;
}

int cli_open_repo(struct st_repo **out, const struct cli *cli)
{
	char cwd[4096];
	int error;

	/* Name the folder itself in messages, not ".". */
	error = st_repo_open(out, getcwd(cwd, sizeof(cwd)) ? cwd : ".", cli->datadir);

	return error < 0 ? cli_fail(cli, error) : 0;
}

int cli_dispatch(int argc, char **argv, struct cli *cli, const struct subcommand *table,
		 size_t n, const char *const *usage, char *prog, size_t prog_size)
{
	size_t i;

	if (argc < 2) {
		print_usage(stderr, NULL, usage, cli);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_usage(stdout, NULL, usage, cli);
		return EXIT_OK;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(argv[1], table[i].name) == 0) {
			snprintf(prog, prog_size, "%s %s", cli->prog, argv[1]);
			cli->prog = prog;
			return table[i].fn(argc - 1, argv + 1, cli);
		}
	}
	return cli_usage_error(cli, _("unknown subcommand '%s'"), argv[1]);
}

int cli_output_stage(const struct cli *cli, const char *path, const char *data, size_t len, char **staged)
{
	st_buf tmp = ST_BUF_INIT;
	struct stat st;
	int fd;

	*staged = NULL;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return EXIT_OK; /* written in place when published */
	st_buf_printf(&tmp, "%s.stdtool-XXXXXX", path);
	if (tmp.failed || (fd = mkstemp(tmp.ptr)) < 0) {
		cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
		st_buf_dispose(&tmp);
		return EXIT_RUNTIME;
	}
	if (write(fd, data, len) != (ssize_t)len || fchmod(fd, 0644) < 0) {
		cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
		close(fd);
		unlink(tmp.ptr);
		st_buf_dispose(&tmp);
		return EXIT_RUNTIME;
	}
	if (close(fd) < 0) {
		cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
		unlink(tmp.ptr);
		st_buf_dispose(&tmp);
		return EXIT_RUNTIME;
	}
	*staged = st_buf_detach(&tmp);
	return EXIT_OK;
}

int cli_output_publish(const struct cli *cli, char *staged, const char *path,
		       const char *data, size_t len)
{
	int status = EXIT_OK;

	if (!staged) {
		int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
		if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) < 0) {
			cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
			if (fd >= 0)
				close(fd);
			return EXIT_RUNTIME;
		}
		return EXIT_OK;
	}
	if (rename(staged, path) < 0) {
		cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
		unlink(staged);
		status = EXIT_RUNTIME;
	}
	free(staged);
	return status;
}

void cli_output_discard(char *staged)
{
	if (staged)
		unlink(staged);
	free(staged);
}

int cli_stream_begin(struct cli_stream *s, const struct cli *cli, const char *path)
{
	st_buf tmp = ST_BUF_INIT;
	struct stat st;

	memset(s, 0, sizeof(*s));
	s->cli = cli;
	s->path = path;
	s->fd = -1;
	if (!path)
		return EXIT_OK; /* standard output */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* a device or a pipe: written in place */
		if ((s->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0) {
			cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
			return EXIT_RUNTIME;
		}
		return EXIT_OK;
	}
	st_buf_printf(&tmp, "%s.stdtool-XXXXXX", path);
	if (tmp.failed || (s->fd = mkstemp(tmp.ptr)) < 0 || fchmod(s->fd, 0644) < 0) {
		cli_error(cli, _("cannot write '%s': %s"), path, strerror(errno));
		if (s->fd >= 0) {
			close(s->fd);
			unlink(tmp.ptr);
		}
		st_buf_dispose(&tmp);
		s->fd = -1;
		return EXIT_RUNTIME;
	}
	s->staged = st_buf_detach(&tmp);
	return EXIT_OK;
}

int cli_stream_write(const char *data, size_t len, void *payload)
{
	struct cli_stream *s = payload;

	if (s->failed)
		return ST_ERROR;
	if (!s->path) {
		if (len && fwrite(data, 1, len, stdout) != len)
			s->failed = errno ? errno : EIO;
	} else {
		while (len) {
			ssize_t n = write(s->fd, data, len);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				s->failed = errno ? errno : EIO;
				break;
			}
			data += n;
			len -= (size_t)n;
		}
	}
	if (s->failed)
		return st_error_set(ST_ERROR, _("cannot write '%s': %s"),
				    s->path ? s->path : _("standard output"), strerror(s->failed));
	return 0;
}

int cli_stream_end(struct cli_stream *s, int ok)
{
	int status = EXIT_OK;

	if (s->fd >= 0 && close(s->fd) < 0 && ok) {
		cli_error(s->cli, _("cannot write '%s': %s"), s->path, strerror(errno));
		status = EXIT_RUNTIME;
	}
	s->fd = -1;
	if (s->staged) {
		if (ok && status == EXIT_OK && rename(s->staged, s->path) < 0) {
			cli_error(s->cli, _("cannot write '%s': %s"), s->path, strerror(errno));
			status = EXIT_RUNTIME;
		}
		if (!ok || status != EXIT_OK)
			unlink(s->staged);
		free(s->staged);
		s->staged = NULL;
	}
	return status;
}

int cli_write_output(const struct cli *cli, const char *path, const char *data, size_t len)
{
	char *staged = NULL;
	int status;

	if (!path) {
		fwrite(data, 1, len, stdout);
		return EXIT_OK;
	}
	if ((status = cli_output_stage(cli, path, data, len, &staged)) != EXIT_OK)
		return status;
	return cli_output_publish(cli, staged, path, data, len);
}
