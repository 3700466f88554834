#include "domain/reference.h"

#include "store/store.h"

static Status from_db(int rc)
{
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status reference_areas(Ctx *c, Area **out, size_t *n)
{
    return from_db(store_areas(c->db, c->arena, c->tenant->id, out, n));
}

Status reference_themes(Ctx *c, CodeName **out, size_t *n)
{
    return from_db(store_themes(c->db, c->arena, c->tenant->id, out, n));
}

Status reference_help_kinds(Ctx *c, CodeName **out, size_t *n)
{
    return from_db(store_help_kinds(c->db, c->arena, c->tenant->id, out, n));
}

Status reference_sdgs(Ctx *c, CodeName **out, size_t *n)
{
    return from_db(store_sdgs(c->db, c->arena, out, n));
}
