/* test_diff.c: the token diff and the redline of drafts (st_diff.h). */
#include <config.h>

#include "st_diff.h"
#include "suites.h"

Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	return s;
}
