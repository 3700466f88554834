/* What every domain call needs: the connection, the request's memory, the
 * municipality, who is acting (NULL when nobody is logged in) and the
 * time. Passed explicitly; there is no global request state. */
#ifndef WIJZER_CONTEXT_H
#define WIJZER_CONTEXT_H

#include <stdint.h>

#include "domain/model.h"
#include "lib/arena.h"
#include "store/db.h"

typedef struct Ctx {
    Db *db;
    Arena *arena;
    const Tenant *tenant;
    const User *user;
    int64_t now;
    /* store_data_version() as read before the request's first statement,
     * when the engine has one (SQLite; set by the HTTP layer): what was
     * read under the same version is still true. */
    int data_version_known;
    int64_t data_version;
} Ctx;

#endif
