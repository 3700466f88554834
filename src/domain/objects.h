/* Prepared API objects: the JSON of GET /api/v1/initiatives/{id}, made
 * ahead of time and kept in the database (initiative_objects, migration
 * sqlite/013), so that answer costs one read instead of five. The rules
 * of keeping them right live in the triggers and here:
 * - any change to what an object shows makes its row old in the same
 *   transaction (body NULL, gen + 1), so a kept body is never older than
 *   the database;
 * - a body is written only while the row's gen is still the one read
 *   before the initiative was read (objects_put);
 * - a body counts only in the format (shape) of the program that reads it.
 * What goes in the body is the API's business (api/objects.c); the
 * deadline, which depends on the day, is not in it. */
#ifndef WIJZER_OBJECTS_H
#define WIJZER_OBJECTS_H

#include "domain/context.h"
#include "domain/status.h"
#include "store/store_objects.h"

enum { OBJECTS_BATCH = 256 };

/* The kept object of initiative id in this municipality: ERR_NOT_FOUND
 * when there is none in `format` (not made yet, or changed since). */
Status object_get(Ctx *c, int64_t id, int64_t format, StoredObject *out);
/* Rows to (re)make: those without a body, and, while `sweep_after` is not
 * negative, those with a body in another format, from id sweep_after on. */
Status objects_todo(Ctx *c, size_t max, ObjectTodo **out, size_t *n);
Status objects_other_format(Ctx *c, int64_t after, int64_t format, size_t max, ObjectTodo **out, size_t *n);
/* The initiative a row is for, as it is now, in its own municipality. */
Status object_initiative(Ctx *c, const ObjectTodo *t, Initiative *out);
/* Keeps the n bodies in one transaction; *kept counts those kept (a row
 * that changed meanwhile is left for the next round). */
Status objects_put(Ctx *c, const ObjectTodo *t, const StoredObject *o, size_t n, int64_t format, size_t *kept);
/* The format the kept bodies have (0: none recorded), and setting it. */
Status objects_format(Ctx *c, int64_t *format);
Status objects_set_format(Ctx *c, int64_t format);
/* How many objects are made and how many wait. */
Status objects_counts(Ctx *c, int64_t *made, int64_t *waiting);

#endif
