/* What a domain call tells its caller. Pages and the API turn a Status
 * into a page or a JSON error in one place each (web/layout.c,
 * api/api.c). Field errors name the field and say in plain Dutch what is
 * wrong with it. */
#ifndef WIJZER_STATUS_H
#define WIJZER_STATUS_H

#include <stddef.h>

typedef enum Status {
    STATUS_OK = 0,
    ERR_INVALID,      /* 422: see the field errors */
    ERR_UNAUTHORIZED, /* 401: not logged in / bad token */
    ERR_FORBIDDEN,    /* 403 */
    ERR_NOT_FOUND,    /* 404 */
    ERR_CONFLICT,     /* 409: e.g. a transition that is not allowed now */
    ERR_RATE_LIMITED, /* 429 */
    ERR_INTERNAL,     /* 500 */
} Status;

enum { FIELD_ERRORS_MAX = 32 };

typedef struct FieldErrors {
    const char *field[FIELD_ERRORS_MAX];
    const char *message[FIELD_ERRORS_MAX];
    size_t n;
    const char *summary; /* optional message for the whole request */
} FieldErrors;

void errors_add(FieldErrors *e, const char *field, const char *message);
const char *errors_get(const FieldErrors *e, const char *field);

/* A store result as a status: DB_OK is OK, DB_DONE (no such row) is
 * ERR_NOT_FOUND, anything else ERR_INTERNAL. */
Status status_from_db(int rc);

#endif
