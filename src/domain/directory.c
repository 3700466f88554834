/* The directory: see directory.h for who may do what. */
#include "domain/directory.h"

#include <string.h>

#include "domain/accounts.h"
#include "domain/checks.h"
#include "domain/process.h"
#include "domain/reference.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_directory.h"

/* ---- Rules ------------------------------------------------------------- */

int directory_may_edit_goals(const User *u)
{
    return u && u->role == ROLE_ADMIN;
}

int directory_may_edit_official(const User *u, const Official *o)
{
    if (!u || !o)
        return 0;
    if (u->role == ROLE_ADMIN)
        return 1;
    return u->id == o->id && role_is_staff(u->role);
}

int directory_may_edit_organisation(const User *u, int is_member)
{
    return u && (u->role == ROLE_ADMIN || is_member);
}

static ptrdiff_t goal_index(const Goal *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return (ptrdiff_t)i;
    return -1;
}

/* A goal is a root when its parent is unknown or when walking up from it
 * comes back to it (a loop); walking stops after n steps. */
static int is_root(const Goal *v, size_t n, size_t i)
{
    ptrdiff_t p = goal_index(v, n, v[i].parent);
    for (size_t steps = 0; p >= 0; steps++) {
        if ((size_t)p == i || steps > n)
            return 1;
        p = goal_index(v, n, v[p].parent);
    }
    return goal_index(v, n, v[i].parent) < 0;
}

static void place_children(const Goal *in, size_t n, const char *parent, int depth, Goal *out, size_t *k,
                           unsigned char *done)
{
    for (size_t i = 0; i < n; i++) {
        if (done[i] || !in[i].parent || strcmp(in[i].parent, parent) != 0)
            continue;
        done[i] = 1;
        size_t at = (*k)++;
        out[at] = in[i];
        out[at].depth = depth;
        out[at].n_children = 0;
        place_children(in, n, in[i].code, depth + 1, out, k, done);
        for (size_t j = 0; j < n; j++)
            if (in[j].parent && strcmp(in[j].parent, in[i].code) == 0)
                out[at].n_children++;
    }
}

void directory_goal_tree(const Goal *in, size_t n, Goal *out)
{
    unsigned char done_small[256];
    unsigned char *done = n <= sizeof done_small ? done_small : NULL;
    Arena *a = NULL;
    if (!done) {
        a = arena_new();
        done = arena_alloc(a, n);
    }
    memset(done, 0, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (done[i] || !is_root(in, n, i))
            continue;
        done[i] = 1;
        size_t at = k++;
        out[at] = in[i];
        out[at].depth = 0;
        out[at].parent = goal_index(in, n, in[i].parent) >= 0 ? in[i].parent : NULL;
        out[at].n_children = 0;
        place_children(in, n, in[i].code, 1, out, &k, done);
        for (size_t j = 0; j < n; j++)
            if (in[j].parent && strcmp(in[j].parent, in[i].code) == 0 && j != i)
                out[at].n_children++;
    }
    if (a)
        arena_free(a);
}

const char *directory_slug(Arena *a, const char *name)
{
    size_t len = name ? strlen(name) : 0;
    char *s = arena_alloc(a, len + 1);
    size_t k = 0;
    int dash = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (dash && k)
                s[k++] = '-';
            s[k++] = (char)ch;
            dash = 0;
        } else if (ch < 0x80 || (ch & 0xC0) == 0xC0) {
            dash = 1; /* a separator, or the first byte of a non-ASCII letter */
        }
    }
    s[k] = 0;
    if (k > 60)
        s[60] = 0;
    return s;
}

/* ---- Checks ------------------------------------------------------------ */

static int code_known(const CodeName *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

static int area_known(const Area *v, size_t n, const char *code)
{
    for (size_t i = 0; code && i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

/* Checks a list of theme, help-kind or area codes against the reference
 * data; kind: 't', 'h' or 'a'. */
static void check_codes(Ctx *c, char kind, const char *const *codes, size_t n, FieldErrors *e, const char *field)
{
    if (n > DIR_CHOICES_MAX) {
        errors_add(e, field, arena_printf(c->arena, "Kies hoogstens %d.", DIR_CHOICES_MAX));
        return;
    }
    CodeName *v = NULL;
    Area *areas = NULL;
    size_t nv = 0;
    Status s = kind == 't'   ? reference_themes(c, &v, &nv)
               : kind == 'h' ? reference_help_kinds(c, &v, &nv)
                             : reference_areas(c, &areas, &nv);
    if (s != STATUS_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        int ok = kind == 'a' ? area_known(areas, nv, codes[i]) : code_known(v, nv, codes[i]);
        if (!ok) {
            errors_add(e, field,
                       kind == 't'   ? "Dit thema kennen we niet."
                       : kind == 'h' ? "Deze soort hulp kennen we niet."
                                     : "Deze wijk of buurt kennen we niet.");
            return;
        }
    }
}

static int website_ok(const char *u)
{
    return !*u || ((strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0) && !strchr(u, ' '));
}

/* ---- Goals and holders ------------------------------------------------- */

Status directory_goals(Ctx *c, Goal **out, size_t *n)
{
    Goal *flat;
    int rc = store_goals(c->db, c->arena, c->tenant->id, &flat, n);
    if (rc != DB_OK)
        return ERR_INTERNAL;
    *out = arena_alloc(c->arena, (*n ? *n : 1) * sizeof **out);
    directory_goal_tree(flat, *n, *out);
    return STATUS_OK;
}

Status directory_goal(Ctx *c, const char *code, Goal *out, Goal **children, size_t *n_children, Goal **path,
                      size_t *n_path)
{
    Goal *all;
    size_t n;
    Status s = directory_goals(c, &all, &n);
    if (s != STATUS_OK)
        return s;
    ptrdiff_t at = goal_index(all, n, code);
    if (at < 0)
        return ERR_NOT_FOUND;
    *out = all[at];
    *children = arena_alloc(c->arena, (out->n_children + 1) * sizeof **children);
    *n_children = 0;
    for (size_t i = (size_t)at + 1; i < n && all[i].depth > out->depth; i++)
        if (all[i].depth == out->depth + 1)
            (*children)[(*n_children)++] = all[i];
    *path = arena_alloc(c->arena, ((size_t)out->depth + 1) * sizeof **path);
    *n_path = (size_t)out->depth;
    /* Walking back in tree order, the nearest goal one level up is the parent. */
    int want = out->depth - 1;
    for (ptrdiff_t i = at - 1; i >= 0 && want >= 0; i--)
        if (all[i].depth == want)
            (*path)[want--] = all[i];
    return STATUS_OK;
}

Status directory_holders(Ctx *c, Holder **out, size_t *n)
{
    return status_from_db(store_holders(c->db, c->arena, c->tenant->id, out, n));
}

static int holder_known(Ctx *c, const char *code)
{
    Holder *v;
    size_t n;
    if (store_holders(c->db, c->arena, c->tenant->id, &v, &n) != DB_OK)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

Status directory_goal_update(Ctx *c, const char *code, const GoalInput *in, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!directory_may_edit_goals(c->user))
        return ERR_FORBIDDEN;
    const char *holder = text_trim(c->arena, in->holder_code);
    if (holder && *holder && !holder_known(c, holder))
        errors_add(e, "holder", "Kies een wethouder uit de lijst.");
    const char *department = check_text(c->arena, in->department, 0, DIR_SHORT_MAX, e, "department", "de afdeling");
    check_codes(c, 't', in->themes, in->n_themes, e, "themes");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_goal_set_owner(c->db, c->tenant->id, code, holder, department);
    if (rc == DB_OK)
        rc = store_goal_set_themes(c->db, c->tenant->id, code, in->themes, in->n_themes);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return status_from_db(rc);
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status directory_holder_save(Ctx *c, const char *code, const char *name, const char *portfolio, FieldErrors *e,
                             const char **code_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!directory_may_edit_goals(c->user))
        return ERR_FORBIDDEN;
    Holder *v;
    size_t n;
    if (store_holders(c->db, c->arena, c->tenant->id, &v, &n) != DB_OK)
        return ERR_INTERNAL;
    int position = (int)n + 1;
    if (code && *code) {
        int found = 0;
        for (size_t i = 0; i < n; i++)
            if (strcmp(v[i].code, code) == 0) {
                found = 1;
                position = (int)i + 1;
            }
        if (!found)
            return ERR_NOT_FOUND;
    }
    name = check_text(c->arena, name, 1, DIR_NAME_MAX, e, "name", "de naam");
    portfolio = check_text(c->arena, portfolio, 1, DIR_TEXT_MAX, e, "portfolio", "de portefeuille");
    if (e->n)
        return ERR_INVALID;
    if (!code || !*code) {
        code = directory_slug(c->arena, name);
        if (!*code)
            code = arena_printf(c->arena, "wethouder-%d", position);
        for (size_t i = 0; i < n; i++)
            if (strcmp(v[i].code, code) == 0)
                code = arena_printf(c->arena, "%s-%d", code, position);
    }
    Holder h = { code, name, portfolio };
    if (store_holder_upsert(c->db, c->tenant->id, &h, position) != DB_OK)
        return ERR_INTERNAL;
    if (code_out)
        *code_out = code;
    return STATUS_OK;
}

/* ---- Organisations ----------------------------------------------------- */

Status directory_organisations(Ctx *c, const OrganisationFilter *f, OrganisationPage *out)
{
    OrganisationFilter g = *f;
    if (g.page < 1)
        g.page = 1;
    if (g.per_page < 1 || g.per_page > DIR_PER_PAGE_MAX)
        g.per_page = DIR_PER_PAGE_DEFAULT;
    int rc = store_organisations(c->db, c->arena, c->tenant->id, &g, out);
    for (size_t i = 0; rc == DB_OK && i < out->n; i++)
        rc = store_organisation_lists(c->db, c->arena, c->tenant->id, &out->items[i]);
    return status_from_db(rc);
}

Status directory_organisation(Ctx *c, const char *code, Organisation *out)
{
    int rc = store_organisation_get(c->db, c->arena, c->tenant->id, code, out);
    if (rc == DB_OK)
        rc = store_organisation_lists(c->db, c->arena, c->tenant->id, out);
    return status_from_db(rc);
}

int directory_is_member(Ctx *c, const char *organisation, int64_t user)
{
    return user && store_org_member_get(c->db, c->tenant->id, organisation, user) == DB_OK;
}

/* Checks and trims what was typed; the result goes into *ok. */
static void check_org_input(Ctx *c, const OrganisationInput *in, OrganisationInput *ok, FieldErrors *e)
{
    *ok = *in;
    ok->name = check_text(c->arena, in->name, 1, DIR_NAME_MAX, e, "name", "de naam");
    ok->kind = check_text(c->arena, in->kind, 1, DIR_SHORT_MAX, e, "kind", "wat voor organisatie het is");
    ok->description = check_text(c->arena, in->description, 1, DIR_TEXT_MAX, e, "description",
                                 "wat de organisatie doet");
    ok->offer = check_text(c->arena, in->offer, 0, DIR_TEXT_MAX, e, "offer", "wat u aanbiedt");
    ok->contact = check_text(c->arena, in->contact, 0, DIR_TEXT_MAX, e, "contact", "hoe men contact opneemt");
    ok->website = check_text(c->arena, in->website, 0, DIR_SHORT_MAX, e, "website", "de website");
    if (!errors_get(e, "website") && !website_ok(ok->website))
        errors_add(e, "website", "Een website begint met https:// of http:// en heeft geen spaties.");
    check_codes(c, 't', in->themes, in->n_themes, e, "themes");
    check_codes(c, 'h', in->help_kinds, in->n_help_kinds, e, "help_kinds");
    check_codes(c, 'a', in->areas, in->n_areas, e, "areas");
}

Status directory_organisation_update(Ctx *c, const char *code, const OrganisationInput *in, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Organisation o;
    Status s = status_from_db(store_organisation_get(c->db, c->arena, c->tenant->id, code, &o));
    if (s != STATUS_OK)
        return s;
    if (!directory_may_edit_organisation(c->user, directory_is_member(c, code, c->user->id)))
        return ERR_FORBIDDEN;
    OrganisationInput ok;
    check_org_input(c, in, &ok, e);
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_organisation_update(c->db, c->tenant->id, code, &ok, c->now);
    if (rc == DB_OK)
        rc = store_organisation_set_lists(c->db, c->tenant->id, code, &ok);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return status_from_db(rc);
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status directory_organisation_create(Ctx *c, const OrganisationInput *in, FieldErrors *e, const char **code_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    OrganisationInput ok;
    check_org_input(c, in, &ok, e);
    if (e->n)
        return ERR_INVALID;
    const char *base = directory_slug(c->arena, ok.name);
    /* "nieuw" is the registration form's address (/organisaties/nieuw). */
    if (!*base || strcmp(base, "nieuw") == 0)
        base = *base ? "organisatie-nieuw" : "organisatie";
    const char *code = base;
    Organisation existing;
    for (int i = 2; store_organisation_get(c->db, c->arena, c->tenant->id, code, &existing) == DB_OK; i++) {
        if (i > 99)
            return ERR_CONFLICT;
        code = arena_printf(c->arena, "%s-%d", base, i);
    }
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_organisation_insert(c->db, c->tenant->id, code, &ok, c->now);
    if (rc == DB_OK)
        rc = store_organisation_set_lists(c->db, c->tenant->id, code, &ok);
    if (rc == DB_OK)
        rc = store_org_member_add(c->db, c->tenant->id, code, c->user->id, c->now);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    if (db_commit(c->db) != DB_OK)
        return ERR_INTERNAL;
    *code_out = code;
    return STATUS_OK;
}

Status directory_member_add(Ctx *c, const char *organisation, int64_t user)
{
    Organisation o;
    Status s = status_from_db(store_organisation_get(c->db, c->arena, c->tenant->id, organisation, &o));
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_org_member_add(c->db, c->tenant->id, organisation, user, c->now));
}

Status directory_memberships(Ctx *c, int64_t user, CodeName **out, size_t *n)
{
    return status_from_db(store_orgs_of_user(c->db, c->arena, c->tenant->id, user, out, n));
}

Status directory_members(Ctx *c, const char *organisation, CodeName **out, size_t *n)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!directory_may_edit_organisation(c->user, directory_is_member(c, organisation, c->user->id)))
        return ERR_FORBIDDEN;
    return status_from_db(store_org_members(c->db, c->arena, c->tenant->id, organisation, out, n));
}

Status directory_member_add_by_email(Ctx *c, const char *organisation, const char *email, FieldErrors *e,
                                     int64_t *user_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Organisation o;
    Status s = status_from_db(store_organisation_get(c->db, c->arena, c->tenant->id, organisation, &o));
    if (s != STATUS_OK)
        return s;
    if (!directory_may_edit_organisation(c->user, directory_is_member(c, organisation, c->user->id)))
        return ERR_FORBIDDEN;
    email = email_normalise(c->arena, email);
    if (!email || !*email) {
        errors_add(e, "email", "Vul het e-mailadres in van wie u wilt toevoegen.");
        return ERR_INVALID;
    }
    User u;
    int rc = store_user_by_email(c->db, c->arena, c->tenant->id, email, &u);
    if (rc == DB_DONE) {
        errors_add(e, "email", "Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.");
        return ERR_INVALID;
    }
    if (rc != DB_OK)
        return ERR_INTERNAL;
    if (user_out)
        *user_out = u.id;
    return status_from_db(store_org_member_add(c->db, c->tenant->id, organisation, u.id, c->now));
}

Status directory_member_remove(Ctx *c, const char *organisation, int64_t user)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Organisation o;
    Status s = status_from_db(store_organisation_get(c->db, c->arena, c->tenant->id, organisation, &o));
    if (s != STATUS_OK)
        return s;
    if (!directory_may_edit_organisation(c->user, directory_is_member(c, organisation, c->user->id)))
        return ERR_FORBIDDEN;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t n = 0;
    int rc = store_org_member_get(c->db, c->tenant->id, organisation, user);
    if (rc == DB_OK)
        rc = store_org_member_count(c->db, c->tenant->id, organisation, &n);
    if (rc == DB_OK && n <= 1) {
        db_rollback(c->db);
        return ERR_CONFLICT;
    }
    if (rc == DB_OK)
        rc = store_org_member_remove(c->db, c->tenant->id, organisation, user);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return status_from_db(rc);
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

/* ---- Places ------------------------------------------------------------ */

Status directory_places(Ctx *c, const char *organisation, Place **out, size_t *n)
{
    return status_from_db(store_places(c->db, c->arena, c->tenant->id, organisation, out, n));
}

Status directory_place(Ctx *c, const char *code, Place *out)
{
    return status_from_db(store_place_get(c->db, c->arena, c->tenant->id, code, out));
}

Status directory_place_set_details(Ctx *c, const char *code, const char *address, const char *activities,
                                   const char *area, FieldErrors *e)
{
    /* No user: loading data (demo); otherwise an admin. */
    if (c->user && c->user->role != ROLE_ADMIN)
        return ERR_FORBIDDEN;
    address = check_text(c->arena, address, 0, DIR_SHORT_MAX, e, "address", "het adres");
    activities = check_text(c->arena, activities, 0, DIR_TEXT_MAX, e, "activities", "wat er gebeurt");
    area = text_trim(c->arena, area);
    if (area && *area)
        check_codes(c, 'a', (const char *const[]){ area }, 1, e, "area");
    if (e->n)
        return ERR_INVALID;
    return status_from_db(store_place_set_details(c->db, c->tenant->id, code, address, activities, area));
}

/* ---- Officials --------------------------------------------------------- */

Status directory_officials(Ctx *c, const char *theme, const char *area, Official **out, size_t *n)
{
    return status_from_db(store_officials(c->db, c->arena, c->tenant->id, theme, area, out, n));
}

Status directory_official(Ctx *c, int64_t id, Official *out)
{
    Status s = status_from_db(store_official_get(c->db, c->arena, c->tenant->id, id, out));
    if (s == STATUS_OK && !role_is_staff(out->role) && !out->updated_at)
        return ERR_NOT_FOUND; /* residents have no public profile */
    return s;
}

Status directory_official_update(Ctx *c, int64_t id, const OfficialInput *in, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Official o;
    Status s = directory_official(c, id, &o);
    if (s != STATUS_OK)
        return s;
    if (!directory_may_edit_official(c->user, &o))
        return ERR_FORBIDDEN;
    OfficialInput ok = *in;
    ok.expertise = check_text(c->arena, in->expertise, 0, DIR_TEXT_MAX, e, "expertise", "uw kennis en taken");
    check_codes(c, 't', in->themes, in->n_themes, e, "themes");
    check_codes(c, 'a', in->areas, in->n_areas, e, "areas");
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    if (store_official_save(c->db, c->tenant->id, id, &ok, c->now) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}
