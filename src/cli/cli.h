/* The command line: option parsing shared by every command, and opening
 * the database for one. Exit codes: 0 success, 1 failure, 2 usage. */
#ifndef WIJZER_CLI_H
#define WIJZER_CLI_H

#include <stddef.h>

#include "domain/context.h"
#include "store/db.h"

enum { EXIT_USAGE = 2 };

typedef struct CliOpt {
    const char *name;    /* "--db" */
    const char *arg;     /* "FILE", or NULL for a flag */
    const char *help;
    const char **value;  /* for options with an argument */
    int *flag;           /* for flags */
} CliOpt;

/* Parses argv (after the command words). Returns -1 when all is well,
 * otherwise the exit code to use (0 after --help, 2 on a usage error). */
int cli_parse(int argc, char **argv, const CliOpt *opts, size_t n, const char *usage, const char *about);
void cli_print_help(const CliOpt *opts, size_t n, const char *usage, const char *about);

/* Opens the store, migrates when asked, finds the default tenant and
 * fills c (arena, db, tenant, now). Prints a message and returns 0 on
 * failure. */
typedef struct CliDb {
    Store *store;
    Db *db;
    Tenant tenant;
    Ctx ctx;
} CliDb;
int cli_open(CliDb *d, const char *path, int migrate);
/* As cli_open, for the municipality with this code (--tenant CODE); NULL
 * means the default one. */
int cli_open_tenant(CliDb *d, const char *path, int migrate, const char *tenant);
void cli_close(CliDb *d);
/* The --tenant option's line in a command's help. */
#define CLI_TENANT_HELP "De gemeente, met haar code (wijzer tenant list); standaard leidschendam-voorburg."

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_setting(int argc, char **argv);
int cmd_tenant(int argc, char **argv);
int cmd_jobs(int argc, char **argv);
int cmd_suggestions(int argc, char **argv);
int cmd_volunteers(int argc, char **argv); /* cmd_volunteers.c */
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);

#endif
