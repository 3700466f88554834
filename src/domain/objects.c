/* Prepared API objects (objects.h). */
#include "domain/objects.h"

#include "store/store.h"

Status object_get(Ctx *c, int64_t id, int64_t format, StoredObject *out)
{
    return status_from_db(store_object_get(c->db, c->arena, c->tenant->id, id, format, out));
}

Status objects_todo(Ctx *c, size_t max, ObjectTodo **out, size_t *n)
{
    return status_from_db(store_object_todo(c->db, c->arena, max, out, n));
}

Status objects_other_format(Ctx *c, int64_t after, int64_t format, size_t max, ObjectTodo **out, size_t *n)
{
    return status_from_db(store_object_other_format(c->db, c->arena, after, format, max, out, n));
}

Status object_initiative(Ctx *c, const ObjectTodo *t, Initiative *out)
{
    return status_from_db(store_initiative_get(c->db, c->arena, t->tenant_id, t->initiative_id, out));
}

Status objects_put(Ctx *c, const ObjectTodo *t, const StoredObject *o, size_t n, int64_t format, size_t *kept)
{
    *kept = 0;
    if (n == 0)
        return STATUS_OK;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    for (size_t i = 0; i < n; i++) {
        int k = 0;
        if (store_object_put(c->db, &t[i], format, &o[i], &k) != DB_OK) {
            db_rollback(c->db);
            *kept = 0;
            return ERR_INTERNAL;
        }
        *kept += (size_t)k;
    }
    if (db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        *kept = 0;
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

static const char KIND[] = "initiative";

Status objects_format(Ctx *c, int64_t *format)
{
    return status_from_db(store_object_format_get(c->db, KIND, format));
}

Status objects_set_format(Ctx *c, int64_t format)
{
    return status_from_db(store_object_format_set(c->db, KIND, format));
}

Status objects_counts(Ctx *c, int64_t *made, int64_t *waiting)
{
    return status_from_db(store_object_counts(c->db, made, waiting));
}
