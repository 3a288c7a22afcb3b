/* helpers.h: scratch folders and Git checks for the unit tests. */
#ifndef HELPERS_H
#define HELPERS_H

#include <stddef.h>

/* A new empty folder under $TMPDIR; free() the result, then rm_tree it. */
char *scratch_dir(void);
void rm_tree(const char *path);
/* The source tree, where schemas/ lives. */
const char *datadir(void);
/* Runs a shell command; returns its exit status. */
int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes a file; returns 0 on success. */
int write_file(const char *path, const char *content);
int file_exists(const char *path);
/* Prints N valid Guangdong USCCs into out[i] (19 bytes each). */
void make_uscc(char out[19], unsigned n);

#endif
