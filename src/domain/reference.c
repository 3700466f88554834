#include "domain/reference.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "store/store.h"

/* Reference data changes only when `wijzer init` (or `tenant add`) runs,
 * yet the list page needs the areas and themes on every view: a tenth of
 * its time. So each list is kept per tenant for REF_FRESH_MS; a request
 * gets its own copy (in its arena), so the cache can be refreshed while
 * older copies are still in use. A change shows within that time, in
 * every process. */
enum { REF_FRESH_MS = 2000, REF_SLOTS = 32 };

typedef enum RefKind { REF_AREAS, REF_THEMES, REF_HELP_KINDS, REF_SDGS } RefKind;

typedef struct RefSlot {
    RefKind kind;
    int64_t tenant;
    int64_t loaded_ms;
    Arena *arena;   /* owns items and their strings */
    void *items;    /* Area[] or CodeName[] */
    size_t n;
} RefSlot;

static pthread_mutex_t ref_lock = PTHREAD_MUTEX_INITIALIZER;
static RefSlot ref_slots[REF_SLOTS];
static size_t ref_next; /* the slot a new list replaces when all are taken */

static Status from_db(int rc)
{
    return rc == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static const char *dup(Arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

/* Copies n items of the kind's type from src into arena a. */
static void *copy_items(Arena *a, RefKind kind, const void *src, size_t n)
{
    if (kind == REF_AREAS) {
        const Area *s = src;
        Area *d = arena_alloc(a, (n + 1) * sizeof *d);
        for (size_t i = 0; i < n; i++)
            d[i] = (Area){ dup(a, s[i].code), dup(a, s[i].name), dup(a, s[i].kind), dup(a, s[i].parent),
                           dup(a, s[i].town) };
        return d;
    }
    const CodeName *s = src;
    CodeName *d = arena_alloc(a, (n + 1) * sizeof *d);
    for (size_t i = 0; i < n; i++)
        d[i] = (CodeName){ dup(a, s[i].code), dup(a, s[i].name), dup(a, s[i].description) };
    return d;
}

static int load(Ctx *c, RefKind kind, void **out, size_t *n)
{
    switch (kind) {
    case REF_AREAS: return store_areas(c->db, c->arena, c->tenant->id, (Area **)out, n);
    case REF_THEMES: return store_themes(c->db, c->arena, c->tenant->id, (CodeName **)out, n);
    case REF_HELP_KINDS: return store_help_kinds(c->db, c->arena, c->tenant->id, (CodeName **)out, n);
    case REF_SDGS: return store_sdgs(c->db, c->arena, (CodeName **)out, n);
    }
    return DB_ERROR;
}

static Status cached(Ctx *c, RefKind kind, void **out, size_t *n)
{
    int64_t tenant = kind == REF_SDGS ? 0 : c->tenant->id, now = now_ms();
    pthread_mutex_lock(&ref_lock);
    for (size_t i = 0; i < REF_SLOTS; i++) {
        RefSlot *s = &ref_slots[i];
        if (s->arena && s->kind == kind && s->tenant == tenant && now - s->loaded_ms < REF_FRESH_MS) {
            *out = copy_items(c->arena, kind, s->items, s->n);
            *n = s->n;
            pthread_mutex_unlock(&ref_lock);
            return STATUS_OK;
        }
    }
    pthread_mutex_unlock(&ref_lock);

    int rc = load(c, kind, out, n);
    if (rc != DB_OK)
        return from_db(rc);
    Arena *a = arena_new();
    void *items = copy_items(a, kind, *out, *n);
    Arena *old = NULL;
    pthread_mutex_lock(&ref_lock);
    RefSlot *slot = NULL;
    for (size_t i = 0; i < REF_SLOTS && !slot; i++)
        if (ref_slots[i].arena && ref_slots[i].kind == kind && ref_slots[i].tenant == tenant)
            slot = &ref_slots[i];
    for (size_t i = 0; i < REF_SLOTS && !slot; i++)
        if (!ref_slots[i].arena)
            slot = &ref_slots[i];
    if (!slot)
        slot = &ref_slots[ref_next++ % REF_SLOTS];
    old = slot->arena;
    *slot = (RefSlot){ kind, tenant, now, a, items, *n };
    pthread_mutex_unlock(&ref_lock);
    if (old)
        arena_free(old);
    return STATUS_OK;
}

Status reference_areas(Ctx *c, Area **out, size_t *n)
{
    return cached(c, REF_AREAS, (void **)out, n);
}

Status reference_themes(Ctx *c, CodeName **out, size_t *n)
{
    return cached(c, REF_THEMES, (void **)out, n);
}

Status reference_help_kinds(Ctx *c, CodeName **out, size_t *n)
{
    return cached(c, REF_HELP_KINDS, (void **)out, n);
}

Status reference_sdgs(Ctx *c, CodeName **out, size_t *n)
{
    return cached(c, REF_SDGS, (void **)out, n);
}
