/* suites.h: one Check suite per library module. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *buf_suite(void);
Suite *text_suite(void);
Suite *uscc_suite(void);
Suite *xml_suite(void);
Suite *org_suite(void);
Suite *repo_suite(void);
Suite *stdnum_suite(void);
Suite *csv_suite(void);
Suite *claim_suite(void);
Suite *draft_suite(void);
Suite *ballot_suite(void);
Suite *comment_suite(void);
Suite *diff_suite(void);
Suite *sync_suite(void);

#endif
