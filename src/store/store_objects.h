/* Typed access to the prepared API objects (initiative_objects; see
 * migrations/sqlite/013) on top of db.h. The store keeps bytes and
 * numbers; what goes in the body is written by api/objects.c. Returns
 * DB_OK or an error unless said otherwise. */
#ifndef WIJZER_STORE_OBJECTS_H
#define WIJZER_STORE_OBJECTS_H

#include "lib/arena.h"
#include "store/db.h"

/* One object as kept: what the deadline is worked out from, and the JSON
 * before it (body, len bytes, in the arena). */
typedef struct StoredObject {
    const char *state;
    int64_t state_since, submitted_at;
    const char *body;
    size_t len;
} StoredObject;

/* An object to (re)make: which initiative and the gen it had. */
typedef struct ObjectTodo {
    int64_t initiative_id, tenant_id, gen;
} ObjectTodo;

/* DB_OK with *out, or DB_DONE when there is no body in this format. */
int store_object_get(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t format, StoredObject *out);
/* Up to max rows without a body, by id. */
int store_object_todo(Db *db, Arena *a, size_t max, ObjectTodo **out, size_t *n);
/* Up to max rows with a body in another format than `format`, with an id
 * above `after`, by id. */
int store_object_other_format(Db *db, Arena *a, int64_t after, int64_t format, size_t max, ObjectTodo **out,
                              size_t *n);
/* Keeps the body unless the row changed since t was read: *kept 1 or 0. */
int store_object_put(Db *db, const ObjectTodo *t, int64_t format, const StoredObject *o, int *kept);
/* The format the bodies have (*format 0 when none is recorded). */
int store_object_format_get(Db *db, const char *kind, int64_t *format);
int store_object_format_set(Db *db, const char *kind, int64_t format);
/* How many objects are made and how many wait. */
int store_object_counts(Db *db, int64_t *made, int64_t *waiting);

#endif
