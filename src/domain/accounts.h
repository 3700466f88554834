/* Accounts: sign-up, log-in with rate limiting, sessions, CSRF tokens and
 * API bearer tokens. Passwords are hashed with argon2id (libsodium);
 * session ids and tokens are random and stored only as SHA-256 hashes. */
#ifndef WIJZER_ACCOUNTS_H
#define WIJZER_ACCOUNTS_H

#include "domain/context.h"
#include "domain/status.h"

enum {
    PASSWORD_MIN = 10,
    PASSWORD_MAX = 200,
    USER_NAME_MAX = 100,
    EMAIL_MAX = 254,
    SESSION_DAYS = 14,
    LOGIN_WINDOW_SECONDS = 15 * 60,
    LOGIN_MAX_PER_EMAIL = 5,     /* failed tries per window */
    LOGIN_MAX_PER_CLIENT = 30,
};

int accounts_init(void); /* libsodium; 0 on success */

/* Hashes a password (argon2id, bounded concurrency). 0 on success. */
int password_hash(const char *password, char *out, size_t outlen);
int password_verify(const char *hash, const char *password);

int email_valid(const char *email);
/* Lowercases and trims an e-mail address. */
char *email_normalise(Arena *a, const char *email);

/* Field names: name, email, password, password2. */
Status account_signup(Ctx *c, const char *name, const char *email, const char *password, const char *password2,
                      FieldErrors *e, User *out);
/* Creates a user of any role (command line). */
Status account_add(Ctx *c, const char *name, const char *email, const char *password, Role role, FieldErrors *e,
                   int64_t *id);
/* client: the caller's address, for the per-client limit. */
Status account_login(Ctx *c, const char *email, const char *password, const char *client, User *out);

/* Sessions: the cookie value goes to the browser, only its hash is kept. */
Status session_start(Ctx *c, int64_t user, const char **cookie, const char **csrf);
Status session_find(Ctx *c, const char *cookie, User *user, const char **csrf);
void session_end(Ctx *c, const char *cookie);

Status token_create(Ctx *c, int64_t user, const char **token);
Status token_find(Ctx *c, const char *token, User *user);

/* Random URL-safe string of n random bytes. */
const char *random_token(Arena *a, size_t n);
/* Constant-time comparison of two NUL-terminated strings. */
int secure_equal(const char *a, const char *b);

#endif
