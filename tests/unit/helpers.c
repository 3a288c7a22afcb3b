/* helpers.c: scratch folders and Git checks for the unit tests. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "st_uscc.h"

char *scratch_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path;

	if (!tmp || !*tmp)
		tmp = "/tmp";
	if (asprintf(&path, "%s/stdtool-unit.XXXXXX", tmp) < 0)
		abort();
	if (!mkdtemp(path))
		abort();
	return path;
}

int sh(const char *fmt, ...)
{
	char *cmd;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	rc = system(cmd);
	free(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : 255;
}

void rm_tree(const char *path)
{
	if (path && strncmp(path, "/tmp/", 5) == 0)
		sh("rm -rf '%s'", path);
	else if (path && getenv("TMPDIR"))
		sh("rm -rf '%s'", path);
}

const char *datadir(void)
{
	const char *d = getenv("STDTOOL_DATADIR");

	return d && *d ? d : ABS_TOP_SRCDIR;
}

int write_file(const char *path, const char *content)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	fputs(content, fp);
	return fclose(fp);
}

int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

void make_uscc(char out[19], unsigned n)
{
	char body[9];

	snprintf(body, sizeof(body), "MA%06u", n % 1000000u);
	memcpy(out, "91440300", 8);
	memcpy(out + 8, body, 8);
	out[16] = st_uscc_org_check_character(body);
	out[17] = st_uscc_check_character(out);
	out[18] = '\0';
}
