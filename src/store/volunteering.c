/* Volunteering's tables (store_volunteering.h). */
#include <string.h>

#include "store/store.h"
#include "store/store_volunteering.h"

static const char *dup(Arena *a, Stmt *st, int col)
{
    const char *s = col_text(st, col);
    return arena_strdup(a, s ? s : "");
}

/* NULL for NULL or "". */
static const char *dup_opt(Arena *a, Stmt *st, int col)
{
    const char *s = col_text(st, col);
    return s && *s ? arena_strdup(a, s) : NULL;
}

static void bind_opt_text(Stmt *st, const char *v)
{
    stmt_text(st, v && *v ? v : NULL);
}

static void bind_opt_int(Stmt *st, int64_t v)
{
    if (v)
        stmt_int(st, v);
    else
        stmt_null(st);
}

static int finish(int rc)
{
    return rc == DB_DONE ? DB_OK : rc;
}

/* "a,b,c" → {"a","b","c"}. */
static void split_csv(Arena *a, const char *s, const char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s || !*s)
        return;
    size_t cap = 0;
    const char **v = NULL;
    while (*s) {
        const char *end = strchr(s, ',');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len) {
            if (*n == cap)
                v = arena_grow(a, v, &cap, sizeof *v);
            v[(*n)++] = arena_strndup(a, s, len);
        }
        s += len;
        if (*s == ',')
            s++;
    }
    *out = v;
}

static const char *join_csv(Arena *a, const char **v, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + 1;
    char *s = arena_alloc(a, len), *p = s;
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        size_t k = strlen(v[i]);
        memcpy(p, v[i], k);
        p += k;
    }
    *p = 0;
    return s;
}

/* ---- Vacancies ---------------------------------------------------------- */

static void read_vac(Stmt *st, Arena *a, Vacancy *v)
{
    memset(v, 0, sizeof *v);
    v->id = col_int(st, 0);
    v->organisation = dup_opt(a, st, 1);
    v->organisation_name = col_is_null(st, 2) ? v->organisation : dup(a, st, 2);
    v->initiative_id = col_is_null(st, 3) ? 0 : col_int(st, 3);
    v->initiative_title = dup_opt(a, st, 4);
    v->title = dup(a, st, 5);
    v->tasks = dup(a, st, 6);
    v->offer = dup(a, st, 7);
    v->skills = dup(a, st, 8);
    v->theme = dup_opt(a, st, 9);
    v->theme_name = col_is_null(st, 10) ? v->theme : dup(a, st, 10);
    v->area = dup_opt(a, st, 11);
    v->area_name = col_is_null(st, 12) ? v->area : dup(a, st, 12);
    v->from_home = (int)col_int(st, 13);
    v->date = dup_opt(a, st, 14);
    v->hours = (int)col_int(st, 15);
    v->hours_per_week = (int)col_int(st, 16);
    v->period_start = dup_opt(a, st, 17);
    v->period_end = dup_opt(a, st, 18);
    v->times = (int)col_int(st, 19);
    v->places = (int)col_int(st, 20);
    v->suits = (int)col_int(st, 21);
    v->contact = dup(a, st, 22);
    int s = vacancy_state_parse(col_text(st, 23));
    v->state = s < 0 ? VAC_CLOSED : (VacancyState)s;
    v->closes_on = dup_opt(a, st, 24);
    v->accepted = col_int(st, 25);
    v->created_by = col_is_null(st, 26) ? 0 : col_int(st, 26);
    v->created_at = col_int(st, 27);
    v->updated_at = col_int(st, 28);
}

int store_vac_insert(Db *db, int64_t tenant, const VacancyInput *in, int64_t user, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VAC_INSERT);
    stmt_int(st, tenant);
    bind_opt_text(st, in->organisation);
    bind_opt_int(st, in->initiative_id);
    stmt_text(st, in->title);
    stmt_text(st, in->tasks ? in->tasks : "");
    stmt_text(st, in->offer ? in->offer : "");
    stmt_text(st, in->skills ? in->skills : "");
    bind_opt_text(st, in->theme);
    bind_opt_text(st, in->area);
    stmt_int(st, in->from_home ? 1 : 0);
    bind_opt_text(st, in->date);
    stmt_int(st, in->hours);
    stmt_int(st, in->hours_per_week);
    bind_opt_text(st, in->period_start);
    bind_opt_text(st, in->period_end);
    stmt_int(st, in->times);
    stmt_int(st, in->places);
    stmt_int(st, in->suits);
    stmt_text(st, in->contact ? in->contact : "");
    bind_opt_text(st, in->closes_on);
    bind_opt_int(st, user);
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_vac_get(Db *db, Arena *a, int64_t tenant, int64_t id, Vacancy *out)
{
    Stmt *st = db_stmt(db, Q_VAC_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_vac(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_vac_list(Db *db, Arena *a, int64_t tenant, const char *today, const VacancyFilter *f, Vacancy **out,
                   size_t *n)
{
    Stmt *st = db_stmt(db, Q_VAC_LIST);
    stmt_int(st, tenant);
    stmt_text(st, today);
    stmt_text(st, f->q ? f->q : "");
    stmt_text(st, f->theme ? f->theme : "");
    stmt_text(st, f->area ? f->area : "");
    stmt_text(st, f->organisation ? f->organisation : "");
    stmt_int(st, f->kind);
    stmt_int(st, f->suits);
    stmt_int(st, f->from_home ? 1 : 0);
    stmt_int(st, f->limit);
    size_t cap = 0;
    Vacancy *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_vac(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

int store_vac_set_state(Db *db, int64_t tenant, int64_t id, VacancyState s, int64_t now)
{
    Stmt *st = db_stmt(db, Q_VAC_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, vacancy_state_code(s));
    stmt_int(st, now);
    return stmt_run(st);
}

int store_vac_find(Db *db, int64_t tenant, const char *title, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VAC_FIND);
    stmt_int(st, tenant);
    stmt_text(st, title);
    return stmt_run_id(st, id);
}

int store_vac_candidates(Db *db, Arena *a, int64_t tenant, const char *today, int availability, const char *areas,
                         const char *themes, int any_place, int limit, VolCandidate **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VAC_CANDIDATES);
    stmt_int(st, tenant);
    stmt_text(st, today);
    stmt_int(st, availability);
    stmt_text(st, areas ? areas : "");
    stmt_text(st, themes ? themes : "");
    stmt_int(st, limit);
    stmt_int(st, any_place ? 1 : 0);
    size_t cap = 0;
    VolCandidate *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        VolCandidate *c = &v[(*n)++];
        c->id = col_int(st, 0);
        c->title = dup(a, st, 1);
        c->theme = dup_opt(a, st, 2);
        c->theme_name = col_is_null(st, 3) ? c->theme : dup(a, st, 3);
        c->area = dup_opt(a, st, 4);
        c->area_name = col_is_null(st, 5) ? c->area : dup(a, st, 5);
        c->area_parent = dup_opt(a, st, 6);
        c->from_home = (int)col_int(st, 7);
        c->date = dup_opt(a, st, 8);
        c->times = (int)col_int(st, 9);
        c->skills = dup(a, st, 10);
        c->owner_name = dup(a, st, 11);
    }
    *out = v;
    return finish(rc);
}

/* ---- Profiles ----------------------------------------------------------- */

static void read_profile(Stmt *st, Arena *a, VolunteerProfile *p)
{
    memset(p, 0, sizeof *p);
    p->user_id = col_int(st, 0);
    p->name = dup(a, st, 1);
    p->skills = dup(a, st, 2);
    split_csv(a, col_text(st, 3), &p->themes, &p->n_themes);
    split_csv(a, col_text(st, 4), &p->areas, &p->n_areas);
    p->availability = (int)col_int(st, 5);
    int pref = vol_preference_parse(col_text(st, 6));
    p->preference = pref < 0 ? VOL_PREF_ANY : (VolPreference)pref;
    p->visible = col_int(st, 7) != 0;
    p->updated_at = col_int(st, 8);
    p->exists = 1;
}

int store_vol_profile_get(Db *db, Arena *a, int64_t tenant, int64_t user, VolunteerProfile *out)
{
    Stmt *st = db_stmt(db, Q_VOL_PROFILE_GET);
    stmt_int(st, tenant);
    stmt_int(st, user);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_profile(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_vol_profile_save(Db *db, int64_t tenant, int64_t user, const VolunteerInput *in, int64_t now)
{
    Arena *a = arena_new();
    Stmt *st = db_stmt(db, Q_VOL_PROFILE_UPSERT);
    stmt_int(st, tenant);
    stmt_int(st, user);
    stmt_text(st, in->skills ? in->skills : "");
    stmt_text(st, join_csv(a, in->themes, in->n_themes));
    stmt_text(st, join_csv(a, in->areas, in->n_areas));
    stmt_int(st, in->availability);
    stmt_text(st, vol_preference_code(in->preference));
    stmt_int(st, in->visible ? 1 : 0);
    stmt_int(st, now);
    int rc = stmt_run(st);
    arena_free(a);
    return rc;
}

int store_vol_search(Db *db, Arena *a, int64_t tenant, const char *q, VolunteerProfile **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_SEARCH);
    stmt_int(st, tenant);
    stmt_text(st, q ? q : "");
    size_t cap = 0;
    VolunteerProfile *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_profile(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

int store_vol_fitting(Db *db, Arena *a, int64_t tenant, int times, const char *area, const char *wijk,
                      const char *theme, int from_home, int limit, VolunteerProfile **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_FITTING);
    stmt_int(st, tenant);
    stmt_int(st, times);
    stmt_text(st, area ? area : "");
    stmt_text(st, wijk ? wijk : "");
    stmt_text(st, theme ? theme : "");
    stmt_int(st, from_home ? 1 : 0);
    stmt_int(st, limit);
    size_t cap = 0;
    VolunteerProfile *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_profile(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

/* ---- Responses ---------------------------------------------------------- */

static void read_response(Stmt *st, Arena *a, VolResponse *r)
{
    memset(r, 0, sizeof *r);
    r->id = col_int(st, 0);
    r->vacancy_id = col_int(st, 1);
    r->user_id = col_int(st, 2);
    r->vacancy_title = dup(a, st, 3);
    r->name = dup(a, st, 4);
    r->email = dup(a, st, 5);
    r->phone = dup_opt(a, st, 6);
    r->message = dup(a, st, 7);
    int s = response_state_parse(col_text(st, 8));
    r->state = s < 0 ? RESP_WITHDRAWN : (ResponseState)s;
    r->placement_id = col_is_null(st, 9) ? 0 : col_int(st, 9);
    r->created_at = col_int(st, 10);
    r->updated_at = col_int(st, 11);
}

static int read_responses(Stmt *st, Arena *a, VolResponse **out, size_t *n)
{
    size_t cap = 0;
    VolResponse *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_response(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

int store_vol_response_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, const char *message,
                              int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSE_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    stmt_int(st, user);
    stmt_text(st, message ? message : "");
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_vol_response_get(Db *db, Arena *a, int64_t tenant, int64_t id, VolResponse *out)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSE_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_response(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_vol_response_find(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSE_FIND);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    stmt_int(st, user);
    return stmt_run_id(st, id);
}

int store_vol_responses_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, VolResponse **out,
                                   size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSES_OF_VACANCY);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    return read_responses(st, a, out, n);
}

int store_vol_responses_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, VolResponse **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSES_OF_USER);
    stmt_int(st, tenant);
    stmt_int(st, user);
    return read_responses(st, a, out, n);
}

int store_vol_response_set_state(Db *db, int64_t tenant, int64_t id, ResponseState from, ResponseState to,
                                 int64_t now)
{
    Stmt *st = db_stmt(db, Q_VOL_RESPONSE_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, response_state_code(from));
    stmt_text(st, response_state_code(to));
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

/* ---- Placements ----------------------------------------------------------- */

static void read_placement(Stmt *st, Arena *a, Placement *p)
{
    memset(p, 0, sizeof *p);
    p->id = col_int(st, 0);
    p->vacancy_id = col_int(st, 1);
    p->user_id = col_int(st, 2);
    p->vacancy_title = dup(a, st, 3);
    p->name = dup(a, st, 4);
    p->started_at = col_int(st, 5);
    p->ended_at = col_is_null(st, 6) ? 0 : col_int(st, 6);
    p->ended_by = col_is_null(st, 7) ? 0 : col_int(st, 7);
}

int store_vol_placement_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VOL_PLACEMENT_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    stmt_int(st, user);
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_vol_placement_get(Db *db, Arena *a, int64_t tenant, int64_t id, Placement *out)
{
    Stmt *st = db_stmt(db, Q_VOL_PLACEMENT_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_placement(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_vol_placements_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, Placement **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_PLACEMENTS_OF_VACANCY);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    size_t cap = 0;
    Placement *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_placement(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

int store_vol_placement_end(Db *db, int64_t tenant, int64_t id, int64_t user, int64_t now)
{
    Stmt *st = db_stmt(db, Q_VOL_PLACEMENT_END);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_int(st, now);
    bind_opt_int(st, user);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}

/* ---- Invitations ----------------------------------------------------------- */

static void read_invitation(Stmt *st, Arena *a, Invitation *x)
{
    memset(x, 0, sizeof *x);
    x->id = col_int(st, 0);
    x->vacancy_id = col_int(st, 1);
    x->user_id = col_int(st, 2);
    x->vacancy_title = dup(a, st, 3);
    x->name = dup(a, st, 4);
    x->message = dup(a, st, 5);
    int s = invitation_state_parse(col_text(st, 6));
    x->state = s < 0 ? INV_DECLINED : (InvitationState)s;
    x->created_at = col_int(st, 7);
}

static int read_invitations(Stmt *st, Arena *a, Invitation **out, size_t *n)
{
    size_t cap = 0;
    Invitation *v = NULL;
    *n = 0;
    int rc;
    while ((rc = stmt_step(st)) == DB_ROW) {
        if (*n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        read_invitation(st, a, &v[(*n)++]);
    }
    *out = v;
    return finish(rc);
}

int store_vol_invitation_insert(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t by,
                                const char *message, int64_t now, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATION_INSERT);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    stmt_int(st, user);
    bind_opt_int(st, by);
    stmt_text(st, message ? message : "");
    stmt_int(st, now);
    return stmt_run_id(st, id);
}

int store_vol_invitation_get(Db *db, Arena *a, int64_t tenant, int64_t id, Invitation *out)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATION_GET);
    stmt_int(st, tenant);
    stmt_int(st, id);
    int rc = stmt_step(st);
    if (rc == DB_ROW) {
        read_invitation(st, a, out);
        rc = DB_OK;
    }
    stmt_reset(st);
    return rc;
}

int store_vol_invitation_find(Db *db, int64_t tenant, int64_t vacancy, int64_t user, int64_t *id)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATION_FIND);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    stmt_int(st, user);
    return stmt_run_id(st, id);
}

int store_vol_invitations_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, Invitation **out, size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATIONS_OF_USER);
    stmt_int(st, tenant);
    stmt_int(st, user);
    return read_invitations(st, a, out, n);
}

int store_vol_invitations_of_vacancy(Db *db, Arena *a, int64_t tenant, int64_t vacancy, Invitation **out,
                                     size_t *n)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATIONS_OF_VACANCY);
    stmt_int(st, tenant);
    stmt_int(st, vacancy);
    return read_invitations(st, a, out, n);
}

int store_vol_invitation_set_state(Db *db, int64_t tenant, int64_t id, InvitationState from, InvitationState to,
                                   int64_t now)
{
    Stmt *st = db_stmt(db, Q_VOL_INVITATION_SET_STATE);
    stmt_int(st, tenant);
    stmt_int(st, id);
    stmt_text(st, invitation_state_code(from));
    stmt_text(st, invitation_state_code(to));
    stmt_int(st, now);
    int rc = stmt_run(st);
    if (rc == DB_OK && db_changes(db) == 0)
        return DB_DONE;
    return rc;
}
