#include "domain/accounts.h"

#include <ctype.h>
#include <pthread.h>
#include <semaphore.h>
#include <sodium.h>
#include <string.h>

#include "domain/process.h"
#include "lib/text.h"
#include "store/store.h"

/* argon2id at the INTERACTIVE limits needs 64 MiB and ~60 ms: let two
 * run at once and make the rest wait, so a burst of log-ins cannot
 * exhaust memory. */
static sem_t hash_slots;
/* Checked against when an e-mail address is unknown, so the answer takes
 * as long as for a wrong password. Made at the first log-in, not at start:
 * every command (and `serve`) would otherwise spend 60 ms and 64 MiB on it,
 * which is most of the server's peak memory. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
    char pw[33];
    randombytes_buf(pw, 16);
    sodium_bin2hex(pw, sizeof pw, (const unsigned char *)pw, 16);
    if (password_hash(pw, dummy_hash, sizeof dummy_hash) != 0)
        dummy_hash[0] = 0; /* password_verify then fails, as it should */
}

int password_hash(const char *password, char *out, size_t outlen);

int accounts_init(void)
{
    static int done;
    if (done)
        return 0;
    if (sodium_init() < 0)
        return -1;
    sem_init(&hash_slots, 0, 2);
    done = 1;
    return 0;
}

int password_hash(const char *password, char *out, size_t outlen)
{
    if (outlen < crypto_pwhash_STRBYTES)
        return -1;
    sem_wait(&hash_slots);
    int rc = crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sem_post(&hash_slots);
    return rc;
}

int password_verify(const char *hash, const char *password)
{
    if (!hash || !*hash)
        return 0;
    sem_wait(&hash_slots);
    int ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
    sem_post(&hash_slots);
    return ok;
}

int email_valid(const char *email)
{
    if (!email)
        return 0;
    size_t n = strlen(email);
    const char *at = strchr(email, '@');
    if (n < 3 || n > EMAIL_MAX || !at || at == email || strchr(at + 1, '@'))
        return 0;
    const char *dot = strrchr(at, '.');
    if (!dot || dot == at + 1 || dot[1] == 0)
        return 0;
    for (const char *p = email; *p; p++)
        if (isspace((unsigned char)*p) || *p == '<' || *p == '>' || *p == '"' || *p == ',')
            return 0;
    return 1;
}

char *email_normalise(Arena *a, const char *email)
{
    char *e = text_trim(a, email);
    for (char *p = e; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return e;
}

const char *random_token(Arena *a, size_t n)
{
    unsigned char raw[64];
    if (n > sizeof raw)
        n = sizeof raw;
    randombytes_buf(raw, n);
    size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = arena_alloc(a, len);
    sodium_bin2base64(out, len, raw, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

int secure_equal(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t n = strlen(a);
    if (n != strlen(b))
        return 0;
    return sodium_memcmp(a, b, n) == 0;
}

/* Only a hash of a secret is stored, so a copy of the database does not
 * let anyone log in. */
static const char *sha256_hex(Arena *a, const char *s)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
    char *hex = arena_alloc(a, sizeof h * 2 + 1);
    sodium_bin2hex(hex, sizeof h * 2 + 1, h, sizeof h);
    return hex;
}

static void check_password(const char *password, const char *password2, FieldErrors *e, Arena *a)
{
    size_t n = password ? utf8_len(password) : 0;
    if (n < PASSWORD_MIN)
        errors_add(e, "password", arena_printf(a, "Kies een wachtwoord van minstens %d tekens.", PASSWORD_MIN));
    else if (n > PASSWORD_MAX)
        errors_add(e, "password", arena_printf(a, "Kies een wachtwoord van hoogstens %d tekens.", PASSWORD_MAX));
    else if (!utf8_valid(password))
        errors_add(e, "password", "Het wachtwoord bevat tekens die we niet kunnen lezen.");
    else if (password2 && strcmp(password, password2) != 0)
        errors_add(e, "password2", "De twee wachtwoorden zijn niet gelijk.");
}

/* Name and e-mail: present, well-formed, and the address not yet taken. */
static Status check_identity(Ctx *c, const char *name, const char *email, FieldErrors *e)
{
    Arena *a = c->arena;
    if (!name || !*name)
        errors_add(e, "name", "Vul uw naam in.");
    else if (utf8_len(name) > USER_NAME_MAX || !utf8_valid(name))
        errors_add(e, "name", arena_printf(a, "Gebruik hoogstens %d tekens voor uw naam.", USER_NAME_MAX));
    if (!email || !*email)
        errors_add(e, "email", "Vul uw e-mailadres in.");
    else if (!email_valid(email))
        errors_add(e, "email", "Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.");
    if (e->n)
        return ERR_INVALID;
    User existing;
    if (store_user_by_email(c->db, a, c->tenant->id, email, &existing) == DB_OK) {
        errors_add(e, "email", "Er is al een account met dit e-mailadres. Log in of kies een ander adres.");
        return ERR_INVALID;
    }
    return STATUS_OK;
}

Status account_add(Ctx *c, const char *name, const char *email, const char *password, Role role, FieldErrors *e,
                   int64_t *id)
{
    name = text_trim(c->arena, name);
    email = email_normalise(c->arena, email);
    if (password)
        check_password(password, NULL, e, c->arena);
    Status s = check_identity(c, name, email, e);
    if (s != STATUS_OK || e->n)
        return ERR_INVALID;
    char hash[crypto_pwhash_STRBYTES] = "";
    if (password && password_hash(password, hash, sizeof hash) != 0)
        return ERR_INTERNAL;
    User u = { .email = email, .name = name, .role = role, .password_hash = password ? hash : NULL };
    int rc = store_user_insert(c->db, c->tenant->id, &u, c->now, id);
    sodium_memzero(hash, sizeof hash);
    if (rc == DB_CONSTRAINT) {
        errors_add(e, "email", "Er is al een account met dit e-mailadres. Log in of kies een ander adres.");
        return ERR_INVALID;
    }
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status account_signup(Ctx *c, const char *name, const char *email, const char *password, const char *password2,
                      FieldErrors *e, User *out)
{
    check_password(password, password2, e, c->arena);
    if (e->n) {
        /* Still report problems with name and e-mail in the same round. */
        FieldErrors more = { 0 };
        check_identity(c, text_trim(c->arena, name), email_normalise(c->arena, email), &more);
        for (size_t i = 0; i < more.n; i++)
            errors_add(e, more.field[i], more.message[i]);
        return ERR_INVALID;
    }
    int64_t id;
    Status s = account_add(c, name, email, password, ROLE_RESIDENT, e, &id);
    if (s != STATUS_OK)
        return s;
    return store_user_by_id(c->db, c->arena, c->tenant->id, id, out) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

/* Counts a failure against a key; returns 1 while the key is under max. */
static int attempts_allow(Ctx *c, const char *key, int max)
{
    int64_t start = 0, count = 0;
    if (store_login_attempt_get(c->db, c->tenant->id, key, &start, &count) != DB_OK)
        return 1;
    if (c->now - start >= LOGIN_WINDOW_SECONDS)
        return 1;
    return count < max;
}

static void attempts_fail(Ctx *c, const char *key)
{
    int64_t start = 0, count = 0;
    if (store_login_attempt_get(c->db, c->tenant->id, key, &start, &count) != DB_OK
        || c->now - start >= LOGIN_WINDOW_SECONDS) {
        start = c->now;
        count = 0;
    }
    store_login_attempt_set(c->db, c->tenant->id, key, start, count + 1);
}

Status account_login(Ctx *c, const char *email, const char *password, const char *client, User *out)
{
    Arena *a = c->arena;
    email = email_normalise(a, email);
    if (!email || !*email || !password || !*password)
        return ERR_UNAUTHORIZED;
    const char *email_key = arena_printf(a, "e:%s", sha256_hex(a, email));
    const char *client_key = arena_printf(a, "c:%s", sha256_hex(a, client ? client : "?"));
    if (!attempts_allow(c, email_key, LOGIN_MAX_PER_EMAIL) || !attempts_allow(c, client_key, LOGIN_MAX_PER_CLIENT))
        return ERR_RATE_LIMITED;
    /* Before the lookup, so also the first log-in takes as long whether
     * the address is known or not. */
    pthread_once(&dummy_once, make_dummy_hash);
    User u;
    int found = store_user_by_email(c->db, a, c->tenant->id, email, &u) == DB_OK;
    int ok = password_verify(found && u.password_hash ? u.password_hash : dummy_hash, password) && found;
    if (!ok) {
        attempts_fail(c, email_key);
        attempts_fail(c, client_key);
        return ERR_UNAUTHORIZED;
    }
    store_login_attempt_clear(c->db, c->tenant->id, email_key);
    u.password_hash = NULL;
    *out = u;
    return STATUS_OK;
}

Status session_start(Ctx *c, int64_t user, const char **cookie, const char **csrf)
{
    /* Logging in is rare enough to clear out expired sessions on the way. */
    store_session_purge(c->db, c->now);
    *cookie = random_token(c->arena, 32);
    *csrf = random_token(c->arena, 24);
    int rc = store_session_insert(c->db, sha256_hex(c->arena, *cookie), c->tenant->id, user, *csrf, c->now,
                                  c->now + SESSION_DAYS * 86400);
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status session_find(Ctx *c, const char *cookie, User *user, const char **csrf)
{
    if (!cookie || strlen(cookie) > 100)
        return ERR_UNAUTHORIZED;
    int rc = store_session_get(c->db, c->arena, sha256_hex(c->arena, cookie), c->tenant->id, c->now, user, csrf);
    if (rc == DB_OK)
        return STATUS_OK;
    return rc == DB_DONE ? ERR_UNAUTHORIZED : ERR_INTERNAL;
}

void session_end(Ctx *c, const char *cookie)
{
    if (cookie && strlen(cookie) <= 100)
        store_session_delete(c->db, sha256_hex(c->arena, cookie), c->tenant->id);
}

Status token_create(Ctx *c, int64_t user, const char **token)
{
    *token = arena_printf(c->arena, "wz_%s", random_token(c->arena, 32));
    int rc = store_token_insert(c->db, sha256_hex(c->arena, *token), c->tenant->id, user, c->now);
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status token_find(Ctx *c, const char *token, User *user)
{
    if (!token || strlen(token) > 100)
        return ERR_UNAUTHORIZED;
    int rc = store_token_get(c->db, c->arena, sha256_hex(c->arena, token), c->tenant->id, user);
    if (rc == DB_OK)
        return STATUS_OK;
    return rc == DB_DONE ? ERR_UNAUTHORIZED : ERR_INTERNAL;
}
