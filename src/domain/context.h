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
} Ctx;

#endif
