/* commands.h: the entry point of each top-level command (src/cmd/). */
#ifndef COMMANDS_H
#define COMMANDS_H

#include "cli.h"

int cmd_init(int argc, char **argv, struct cli *cli);
int cmd_org(int argc, char **argv, struct cli *cli);
int cmd_check(int argc, char **argv, struct cli *cli);
int cmd_standard(int argc, char **argv, struct cli *cli);
int cmd_secretariat(int argc, char **argv, struct cli *cli);
int cmd_claim_grant(int argc, char **argv, struct cli *cli);
int cmd_import(int argc, char **argv, struct cli *cli);
int cmd_draft(int argc, char **argv, struct cli *cli);
int cmd_ballot(int argc, char **argv, struct cli *cli);
int cmd_comments(int argc, char **argv, struct cli *cli);
/* stdtool draft diff, a subcommand of cmd_draft() (cmd_draft_diff.c) */
int cmd_draft_diff(int argc, char **argv, struct cli *cli);
int cmd_hooks(int argc, char **argv, struct cli *cli);
int cmd_sync(int argc, char **argv, struct cli *cli);

/* Opens the repository around the current folder, printing any error. */
struct st_repo;
int cli_open_repo(struct st_repo **out, const struct cli *cli);

#endif
