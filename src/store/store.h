/* Typed access to the data, on top of db.h. These functions map rows to
 * the model's structs and back; they know no rules (those are in
 * domain/). Every function takes the tenant, and every query filters on
 * it. Returns DB_OK, DB_DONE (not found) or an error from db.h. */
#ifndef WIJZER_STORE_H
#define WIJZER_STORE_H

#include "domain/model.h"
#include "lib/arena.h"
#include "store/db.h"

/* Tenants and settings */
int store_tenant_upsert(Db *db, const char *code, const char *name, const char *host);
int store_tenant_by_code(Db *db, Arena *a, const char *code, Tenant *out);
int store_tenant_by_host(Db *db, Arena *a, const char *host, Tenant *out);
int store_tenant_first(Db *db, Arena *a, Tenant *out);
int store_tenant_list(Db *db, Arena *a, Tenant **out, size_t *n); /* in order of creation */
const char *store_setting_get(Db *db, Arena *a, int64_t tenant, const char *key); /* NULL if unset */
/* The same, kept per thread for one data version (Ctx.data_version; < 0: read). */
const char *store_setting_get_at(Db *db, Arena *a, int64_t tenant, const char *key, int64_t version);
int store_setting_set(Db *db, int64_t tenant, const char *key, const char *value);

/* Reference data */
int store_areas(Db *db, Arena *a, int64_t tenant, Area **out, size_t *n);
int store_themes(Db *db, Arena *a, int64_t tenant, CodeName **out, size_t *n);
int store_help_kinds(Db *db, Arena *a, int64_t tenant, CodeName **out, size_t *n);
int store_sdgs(Db *db, Arena *a, CodeName **out, size_t *n);

/* Users, sessions, tokens, log-in attempts */
int store_user_insert(Db *db, int64_t tenant, const User *u, int64_t now, int64_t *id);
int store_user_by_email(Db *db, Arena *a, int64_t tenant, const char *email, User *out);
int store_user_by_id(Db *db, Arena *a, int64_t tenant, int64_t id, User *out);
int store_user_set_password(Db *db, int64_t tenant, int64_t id, const char *hash);
int store_staff(Db *db, Arena *a, int64_t tenant, User **out, size_t *n);
int store_session_insert(Db *db, const char *id_hash, int64_t tenant, int64_t user, const char *csrf, int64_t now,
                         int64_t expires);
int store_session_get(Db *db, Arena *a, const char *id_hash, int64_t tenant, int64_t now, User *user,
                      const char **csrf);
int store_session_delete(Db *db, const char *id_hash, int64_t tenant);
int store_session_purge(Db *db, int64_t now);
int store_token_insert(Db *db, const char *id_hash, int64_t tenant, int64_t user, int64_t now);
int store_token_get(Db *db, Arena *a, const char *id_hash, int64_t tenant, User *user);
int store_login_attempt_get(Db *db, int64_t tenant, const char *key, int64_t *window_start, int64_t *count);
int store_login_attempt_set(Db *db, int64_t tenant, const char *key, int64_t window_start, int64_t count);
int store_login_attempt_clear(Db *db, int64_t tenant, const char *key);
/* System-wide (the purge job): attempts whose window began at or before `before`. */
int store_login_attempt_purge(Db *db, int64_t before);

/* Initiatives */
int store_initiative_insert(Db *db, int64_t tenant, const Initiative *in, int64_t now, int64_t *id);
int store_initiative_update(Db *db, int64_t tenant, const Initiative *in, int64_t now);
/* Replaces the themes, SDGs and links with those in `in`. */
int store_initiative_set_tags(Db *db, int64_t tenant, const Initiative *in);
/* Loads everything: themes, SDGs, links, help requests. DB_DONE if absent. */
int store_initiative_get(Db *db, Arena *a, int64_t tenant, int64_t id, Initiative *out);
/* The same; version >= 0 is store_data_version() as read before the
 * request's first statement (Ctx.data_version): the names of themes, SDGs
 * and help kinds then come from what this thread kept for that version. */
int store_initiative_get_at(Db *db, Arena *a, int64_t tenant, int64_t id, int64_t version, Initiative *out);
/* Tidies the search index after a bulk load (SQLite: FTS5 optimize;
 * PostgreSQL: ANALYZE). Slow; not inside a transaction. */
int store_search_optimize(Db *db);
/* Fills the themes of every initiative on a page (in->themes is non-NULL
 * afterwards, also when it has none), named and ordered as in `all` (the
 * tenant's themes): one small query per initiative, no join or sort. */
int store_initiative_page_themes(Db *db, Arena *a, int64_t tenant, const CodeName *all, size_t n_all,
                                 InitiativePage *pg);
/* Just the themes of one initiative, for lists and exports. */
int store_initiative_themes(Db *db, Arena *a, int64_t tenant, int64_t id, CodeName **out, size_t *n);
/* The oldest initiative with this title (the demo finds its own by title). */
int store_initiative_find_by_title(Db *db, int64_t tenant, const char *title, int64_t *id);
/* Moves state only if it still is `from` (DB_DONE otherwise). contact 0
 * leaves the contact person as is; submitted_at 0 leaves it as is. */
int store_initiative_set_state(Db *db, int64_t tenant, int64_t id, ProcState from, ProcState to, int64_t now,
                               int64_t submitted_at, int64_t contact);
int store_help_request_insert(Db *db, int64_t tenant, int64_t initiative, const HelpRequest *h, int64_t now,
                              int64_t *id);
int store_help_request_set_state(Db *db, int64_t tenant, int64_t initiative, int64_t id, HelpState state);
int store_timeline_insert(Db *db, int64_t tenant, int64_t initiative, int64_t at, ProcState from, ProcState to,
                          int64_t by, const char *note);
int store_timeline(Db *db, Arena *a, int64_t tenant, int64_t initiative, TimelineEvent **out, size_t *n);
/* The list with filters; f->q goes through full-text search when set. */
int store_initiative_list(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, InitiativePage *out);
/* Its total alone. */
int store_initiative_count(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, int64_t *total);
/* At most limit items with an id below after (0: from the newest), newest
 * first, with the filters (not f->q); out->total is 0. */
int store_initiative_list_after(Db *db, Arena *a, int64_t tenant, const InitiativeFilter *f, int64_t after, int limit,
                                InitiativePage *out);
int store_initiatives_by_initiator(Db *db, Arena *a, int64_t tenant, int64_t user, InitiativePage *out);
int store_initiative_queue(Db *db, Arena *a, int64_t tenant, const char *area, int64_t contact, InitiativePage *out);
int store_state_counts(Db *db, int64_t tenant, int64_t counts[ST_COUNT_]);

/* Reference-data loading (wijzer init) */
int store_area_upsert(Db *db, int64_t tenant, const Area *ar, const char *cbs_code, int position);
int store_theme_upsert(Db *db, int64_t tenant, const char *code, const char *nl, const char *en, int position);
int store_help_kind_upsert(Db *db, int64_t tenant, const char *code, const char *nl, const char *en,
                           const char *description, int position);
int store_sdg_upsert(Db *db, int number, const char *nl, const char *en);
int store_organisation_upsert(Db *db, int64_t tenant, const char *code, const char *name, const char *kind,
                              const char *description);
int store_place_upsert(Db *db, int64_t tenant, const char *code, const char *name, const char *kind,
                       const char *organisation, const char *town);
int store_goal_upsert(Db *db, int64_t tenant, const char *code, const char *title, const char *source,
                      const char *parent);

/* Background jobs: system-wide rows, one per job name (store/jobs.c). */
typedef struct JobRow {
    const char *name;
    int64_t next_run_at, locked_until, last_run_at, runs; /* 0: never / not locked */
    const char *locked_by, *last_by;                      /* NULL when none */
    int last_ok;
} JobRow;
/* Adds the job, due at first_run, unless it exists. */
int store_job_ensure(Db *db, const char *name, int64_t first_run);
/* Names of the jobs due at `now` and not locked by a live claim. */
int store_jobs_due(Db *db, Arena *a, int64_t now, const char ***names, size_t *n);
/* Claims a due job for `owner` until `until`: DB_OK when this caller won
 * it, DB_DONE when it was not due or another process has it. */
int store_job_claim(Db *db, const char *name, const char *owner, int64_t now, int64_t until);
/* Records a run by `owner` and frees the job until next_run. */
int store_job_finish(Db *db, const char *name, const char *owner, int64_t now, int64_t next_run, int ok);
int store_jobs(Db *db, Arena *a, JobRow **out, size_t *n);
/* Moves the job's next run to `at` (DB_DONE: no such job). */
int store_job_set_due(Db *db, const char *name, int64_t at);

#endif
