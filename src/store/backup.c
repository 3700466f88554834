/* Backup and restore (db.h). SQLite: the online backup API, which copies
 * page by page from one connection to another while the server goes on.
 * PostgreSQL has its own tools for this (pg_dump, pg_restore); we point
 * there rather than imitate them. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/engine.h"

enum {
    BACKUP_STEP_PAGES = 256, /* 1 MB at 4 KiB pages: short steps, so writers never wait long */
    BUSY_WAIT_MS = 10,
    BUSY_GIVE_UP_MS = 30000,
};

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Only plain files are replaced or written into: as root, renaming a
 * back-up onto /dev/null (or a device) would replace the device. */
static int special_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* The URL is not repeated: it may hold a password. */
static int pg_refuse(const char *url, const char *what, char *err, size_t errlen)
{
    if (engine_for_url(url) != &pg_engine)
        return 0;
    if (strcmp(what, "backup") == 0)
        snprintf(err, errlen, "een PostgreSQL-database maakt u een back-up van met pg_dump, bijvoorbeeld:\n"
                              "  pg_dump --format=custom --file=wijzer.dump \"$WIJZER_DB\"\n"
                              "(zie README, Backup)");
    else
        snprintf(err, errlen, "een PostgreSQL-database zet u terug met pg_restore, bijvoorbeeld:\n"
                              "  pg_restore --clean --if-exists --no-owner --dbname=\"$WIJZER_DB\" wijzer.dump\n"
                              "(zie README, Backup)");
    return 1;
}

static sqlite3 *open_file(const char *path, int create, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "kan %s niet openen: %s", path, db ? sqlite3_errmsg(db) : "geen geheugen");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

/* Runs one statement that returns a single text value into out. */
static int query_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    int ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok)
        snprintf(out, n, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
    sqlite3_finalize(st);
    return ok;
}

/* A wijzer database has the foundation migration recorded; with deep,
 * also its pages hold together (a full read: for copies, not for the live
 * database). */
static int check_wijzer(sqlite3 *db, const char *path, int deep, char *err, size_t errlen)
{
    char v[256];
    if (!query_text(db, "SELECT max(version) FROM schema_migrations WHERE version LIKE '001\\_%' ESCAPE '\\'", v,
                    sizeof v)
        || !*v) {
        snprintf(err, errlen, "%s is geen database van wijzer (geen schema_migrations): %s", path,
                 sqlite3_errmsg(db));
        return 0;
    }
    if (deep && (!query_text(db, "PRAGMA quick_check", v, sizeof v) || strcmp(v, "ok") != 0)) {
        snprintf(err, errlen, "%s is beschadigd: %s", path, *v ? v : sqlite3_errmsg(db));
        return 0;
    }
    return 1;
}

/* Copies src into dst in steps of `step` pages (-1: all at once). */
static int copy(sqlite3 *dst, sqlite3 *src, int step, BackupReport *rep, char *err, size_t errlen)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        snprintf(err, errlen, "kopiëren kan niet beginnen: %s", sqlite3_errmsg(dst));
        return DB_ERROR;
    }
    int rc;
    long waited = 0;
    for (;;) {
        rc = sqlite3_backup_step(b, step);
        rep->steps++;
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_OK)
            continue;
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < BUSY_GIVE_UP_MS) {
            sleep_ms(BUSY_WAIT_MS);
            waited += BUSY_WAIT_MS;
            continue;
        }
        break;
    }
    rep->pages = sqlite3_backup_pagecount(b);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        snprintf(err, errlen, "kopiëren mislukt: %s", sqlite3_errstr(rc));
        return DB_ERROR;
    }
    char ps[32];
    rep->bytes = rep->pages * (query_text(src, "PRAGMA page_size", ps, sizeof ps) ? (int64_t)atoll(ps) : 4096);
    return DB_OK;
}

static void remove_side_files(const char *path)
{
    static const char *const suffix[] = { "-wal", "-shm", "-journal" };
    char side[4200];
    for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
        snprintf(side, sizeof side, "%s%s", path, suffix[i]);
        unlink(side);
    }
}

int store_backup(const char *url, const char *to, int force, BackupReport *rep, char *err, size_t errlen)
{
    memset(rep, 0, sizeof *rep);
    err[0] = 0;
    if (pg_refuse(url, "backup", err, errlen))
        return DB_ERROR;
    if (!file_exists(url)) {
        snprintf(err, errlen, "database %s bestaat niet", url);
        return DB_ERROR;
    }
    if (special_file(to)) {
        snprintf(err, errlen, "%s is geen gewoon bestand; kies een bestandsnaam voor de back-up", to);
        return DB_ERROR;
    }
    if (file_exists(to) && !force) {
        snprintf(err, errlen, "%s bestaat al; kies een andere naam of overschrijf met --force", to);
        return DB_ERROR;
    }
    if (same_file(url, to)) {
        snprintf(err, errlen, "de back-up kan niet over de database zelf heen");
        return DB_ERROR;
    }
    char part[4200];
    if ((size_t)snprintf(part, sizeof part, "%s.part-%ld", to, (long)getpid()) >= sizeof part) {
        snprintf(err, errlen, "de naam %s is te lang", to);
        return DB_ERROR;
    }
    unlink(part);
    sqlite3 *src = open_file(url, 0, err, errlen), *dst = NULL;
    int rc = DB_ERROR;
    if (!src || !check_wijzer(src, url, 0, err, errlen))
        goto out;
    /* One read transaction for the whole copy: every step reads the same
     * snapshot (WAL lets the server write meanwhile), so a busy server
     * cannot make the copy start over and over. */
    if (sqlite3_exec(src, "BEGIN; SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "kan %s niet lezen: %s", url, sqlite3_errmsg(src));
        goto out;
    }
    if (!(dst = open_file(part, 1, err, errlen)) || copy(dst, src, BACKUP_STEP_PAGES, rep, err, errlen) != DB_OK)
        goto out;
    sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
    /* A back-up is one self-contained file: no -wal beside it. */
    char mode[32];
    if (!query_text(dst, "PRAGMA journal_mode = DELETE", mode, sizeof mode) || strcmp(mode, "delete") != 0
        || !check_wijzer(dst, to, 1, err, errlen)) {
        if (!*err)
            snprintf(err, errlen, "de back-up is niet goed afgesloten: %s", sqlite3_errmsg(dst));
        goto out;
    }
    if (sqlite3_close(dst) != SQLITE_OK) {
        snprintf(err, errlen, "de back-up is niet goed afgesloten: %s", sqlite3_errmsg(dst));
        goto out;
    }
    dst = NULL;
    if (force)
        remove_side_files(to);
    if (rename(part, to) != 0) {
        snprintf(err, errlen, "kan %s niet maken: %s", to, strerror(errno));
        goto out;
    }
    rc = DB_OK;
out:
    sqlite3_close(dst);
    sqlite3_close(src);
    if (rc != DB_OK) {
        unlink(part);
        remove_side_files(part);
    }
    return rc;
}

int store_restore(const char *from, const char *url, int force, BackupReport *rep, char *err, size_t errlen)
{
    memset(rep, 0, sizeof *rep);
    err[0] = 0;
    if (pg_refuse(url, "restore", err, errlen))
        return DB_ERROR;
    if (!file_exists(from)) {
        snprintf(err, errlen, "back-up %s bestaat niet", from);
        return DB_ERROR;
    }
    int exists = file_exists(url);
    if (special_file(url) || special_file(from)) {
        snprintf(err, errlen, "terugzetten kan alleen van en naar een gewoon bestand");
        return DB_ERROR;
    }
    if (exists && !force) {
        snprintf(err, errlen, "database %s bestaat al; zet terug in een nieuw bestand, of overschrijf met --force", url);
        return DB_ERROR;
    }
    if (exists && same_file(from, url)) {
        snprintf(err, errlen, "de back-up en de database zijn hetzelfde bestand");
        return DB_ERROR;
    }
    sqlite3 *src = open_file(from, 0, err, errlen), *dst = NULL;
    int rc = DB_ERROR;
    if (!src || !check_wijzer(src, from, 1, err, errlen))
        goto out;
    /* Into the database through SQLite itself, never by replacing the
     * file: a server on it (or its -wal file) then sees the restored
     * pages instead of a file swapped under it. */
    if (!(dst = open_file(url, 1, err, errlen)) || copy(dst, src, -1, rep, err, errlen) != DB_OK)
        goto out;
    if (!check_wijzer(dst, url, 0, err, errlen))
        goto out;
    rc = DB_OK;
out:
    sqlite3_close(dst);
    sqlite3_close(src);
    if (rc != DB_OK && !exists) {
        unlink(url);
        remove_side_files(url);
    }
    return rc;
}
