/* Tenants, settings, users, sessions, API tokens and log-in attempts. */
#include <stdlib.h>
#include <string.h>

#include "domain/process.h"
#include "lib/thread_exit.h"
#include "store/store.h"

static int read_tenant(Stmt *st, Arena *a, Tenant *out)
{
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        out->id = col_int(st, 0);
        out->code = arena_strdup(a, col_text(st, 1));
        out->name = arena_strdup(a, col_text(st, 2));
        out->host = arena_strdup(a, col_text(st, 3));
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_tenant_upsert(Db *db, const char *code, const char *name, const char *host)
{
    Stmt *st = db_stmt(db, Q_TENANT_INSERT);
    stmt_text(st, code);
    stmt_text(st, name);
    stmt_text(st, host);
    return stmt_run(st);
}

int store_tenant_by_code(Db *db, Arena *a, const char *code, Tenant *out)
{
    Stmt *st = db_stmt(db, Q_TENANT_BY_CODE);
    stmt_text(st, code);
    return read_tenant(st, a, out);
}

int store_tenant_by_host(Db *db, Arena *a, const char *host, Tenant *out)
{
    Stmt *st = db_stmt(db, Q_TENANT_BY_HOST);
    stmt_text(st, host);
    return read_tenant(st, a, out);
}

int store_tenant_first(Db *db, Arena *a, Tenant *out)
{
    return read_tenant(db_stmt(db, Q_TENANT_FIRST), a, out);
}

int store_tenant_list(Db *db, Arena *a, Tenant **out, size_t *n)
{
    size_t cap = 0;
    Tenant *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_TENANT_LIST);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        Tenant *t = &v[(*n)++];
        t->id = col_int(st, 0);
        t->code = arena_strdup(a, col_text(st, 1));
        t->name = arena_strdup(a, col_text(st, 2));
        t->host = arena_strdup(a, col_text(st, 3));
    }
    stmt_reset(st);
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

const char *store_setting_get(Db *db, Arena *a, int64_t tenant, const char *key)
{
    Stmt *st = db_stmt(db, Q_SETTING_GET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    const char *v = stmt_step(st) == DB_ROW ? arena_strdup(a, col_text(st, 0)) : NULL;
    stmt_reset(st);
    return v;
}

/* Only the CLI changes settings (wijzer setting), yet every initiative
 * shown reads its deadline rules: what was read is kept per thread for one
 * data version (Ctx.data_version), so it is never older than the database. */
enum { SETTING_MEMO_MAX = 8 };

typedef struct SettingMemo {
    int64_t version, tenant;
    size_t n;
    char *key[SETTING_MEMO_MAX], *value[SETTING_MEMO_MAX]; /* value NULL: not set */
} SettingMemo;

static _Thread_local SettingMemo setting_memo = { .version = -1 };

static void setting_memo_clear(void)
{
    for (size_t i = 0; i < setting_memo.n; i++) {
        free(setting_memo.key[i]);
        free(setting_memo.value[i]);
    }
    setting_memo = (SettingMemo){ .version = -1 };
}

const char *store_setting_get_at(Db *db, Arena *a, int64_t tenant, const char *key, int64_t version)
{
    SettingMemo *m = &setting_memo;
    if (version < 0)
        return store_setting_get(db, a, tenant, key);
    if (m->version != version || m->tenant != tenant) {
        setting_memo_clear();
        *m = (SettingMemo){ .version = version, .tenant = tenant };
        thread_exit_call(setting_memo_clear);
    }
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->key[i], key) == 0)
            return m->value[i] ? arena_strdup(a, m->value[i]) : NULL;
    Stmt *st = db_stmt(db, Q_SETTING_GET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    int rc = stmt_step(st);
    const char *v = rc == DB_ROW ? arena_strdup(a, col_text(st, 0)) : NULL;
    stmt_reset(st);
    if ((rc == DB_ROW || rc == DB_DONE) && m->n < SETTING_MEMO_MAX) {
        m->key[m->n] = xstrdup(key);
        m->value[m->n++] = v ? xstrdup(v) : NULL;
    }
    return v;
}

int store_setting_set(Db *db, int64_t tenant, const char *key, const char *value)
{
    Stmt *st = db_stmt(db, Q_SETTING_SET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    stmt_text(st, value);
    return stmt_run(st);
}

/* Columns: id, email, name, phone, role[, password_hash] */
static void read_user(Stmt *st, Arena *a, User *u, int with_hash)
{
    u->id = col_int(st, 0);
    u->email = arena_strdup(a, col_text(st, 1));
    u->name = arena_strdup(a, col_text(st, 2));
    u->phone = arena_strdup(a, col_text(st, 3));
    int r = role_parse(col_text(st, 4));
    u->role = r < 0 ? ROLE_RESIDENT : (Role)r;
    u->password_hash = with_hash ? arena_strdup(a, col_text(st, 5)) : NULL;
}

static int read_one_user(Stmt *st, Arena *a, User *u, int with_hash)
{
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_user(st, a, u, with_hash);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_user_insert(Db *db, int64_t tenant, const User *u, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_USER_INSERT);
    stmt_int(st, tenant);
    stmt_text(st, u->email);
    stmt_text(st, u->name);
    stmt_text(st, u->phone);
    stmt_text(st, role_code(u->role));
    stmt_text(st, u->password_hash);
    stmt_int(st, now);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *id = col_int(st, 0);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_user_by_email(Db *db, Arena *a, int64_t tenant, const char *email, User *out)
{
    Stmt *st = db_stmt(db, Q_USER_BY_EMAIL);
    stmt_int(st, tenant);
    stmt_text(st, email);
    return read_one_user(st, a, out, 1);
}

int store_user_by_id(Db *db, Arena *a, int64_t tenant, int64_t id, User *out)
{
    Stmt *st = db_stmt(db, Q_USER_BY_ID);
    stmt_int(st, tenant);
    stmt_int(st, id);
    return read_one_user(st, a, out, 1);
}

int store_user_set_password(Db *db, int64_t tenant, int64_t id, const char *hash)
{
    Stmt *st = db_stmt(db, Q_USER_SET_PASSWORD);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, hash);
    return stmt_run(st);
}

int store_staff(Db *db, Arena *a, int64_t tenant, User **out, size_t *n)
{
    size_t cap = 0;
    User *v = NULL;
    *n = 0;
    Stmt *st = db_stmt(db, Q_USER_LIST_STAFF);
    stmt_int(st, tenant);
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_user(st, a, &v[(*n)++], 0);
    }
    *out = v;
    return rc == DB_DONE ? DB_OK : rc;
}

int store_session_insert(Db *db, const char *id_hash, int64_t tenant, int64_t user, const char *csrf, int64_t now,
                         int64_t expires)
{
    Stmt *st = db_stmt(db, Q_SESSION_INSERT);
    stmt_text(st, id_hash);
    stmt_int(st, tenant);
    stmt_int(st, user);
    stmt_text(st, csrf);
    stmt_int(st, now);
    stmt_int(st, expires);
    return stmt_run(st);
}

int store_session_get(Db *db, Arena *a, const char *id_hash, int64_t tenant, int64_t now, User *user,
                      const char **csrf)
{
    Stmt *st = db_stmt(db, Q_SESSION_GET);
    stmt_text(st, id_hash);
    stmt_int(st, tenant);
    stmt_int(st, now);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_user(st, a, user, 0);
        *csrf = arena_strdup(a, col_text(st, 5));
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_session_delete(Db *db, const char *id_hash, int64_t tenant)
{
    Stmt *st = db_stmt(db, Q_SESSION_DELETE);
    stmt_text(st, id_hash);
    stmt_int(st, tenant);
    return stmt_run(st);
}

int store_session_purge(Db *db, int64_t now)
{
    Stmt *st = db_stmt(db, Q_SESSION_PURGE);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_token_insert(Db *db, const char *id_hash, int64_t tenant, int64_t user, int64_t now)
{
    Stmt *st = db_stmt(db, Q_TOKEN_INSERT);
    stmt_text(st, id_hash);
    stmt_int(st, tenant);
    stmt_int(st, user);
    stmt_int(st, now);
    return stmt_run(st);
}

int store_token_get(Db *db, Arena *a, const char *id_hash, int64_t tenant, User *user)
{
    Stmt *st = db_stmt(db, Q_TOKEN_GET);
    stmt_text(st, id_hash);
    stmt_int(st, tenant);
    return read_one_user(st, a, user, 0);
}

int store_login_attempt_get(Db *db, int64_t tenant, const char *key, int64_t *window_start, int64_t *count)
{
    Stmt *st = db_stmt(db, Q_LOGIN_ATTEMPT_GET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        *window_start = col_int(st, 0);
        *count = col_int(st, 1);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_login_attempt_set(Db *db, int64_t tenant, const char *key, int64_t window_start, int64_t count)
{
    Stmt *st = db_stmt(db, Q_LOGIN_ATTEMPT_SET);
    stmt_int(st, tenant);
    stmt_text(st, key);
    stmt_int(st, window_start);
    stmt_int(st, count);
    return stmt_run(st);
}

int store_login_attempt_clear(Db *db, int64_t tenant, const char *key)
{
    Stmt *st = db_stmt(db, Q_LOGIN_ATTEMPT_CLEAR);
    stmt_int(st, tenant);
    stmt_text(st, key);
    return stmt_run(st);
}

int store_login_attempt_purge(Db *db, int64_t before)
{
    Stmt *st = db_stmt(db, Q_LOGIN_ATTEMPT_PURGE);
    stmt_int(st, before);
    return stmt_run(st);
}
