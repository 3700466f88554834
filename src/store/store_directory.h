/* Typed access to the directory (issue 5) on top of db.h: goals and
 * portfolio holders, organisations with their themes, help kinds, wijken
 * and members, places, officials' public profiles. Knows no rules
 * (domain/directory.c has them). Every function takes the tenant and every
 * query filters on it. Returns DB_OK, DB_DONE (not found) or an error. */
#ifndef WIJZER_STORE_DIRECTORY_H
#define WIJZER_STORE_DIRECTORY_H

#include "domain/directory.h"
#include "lib/arena.h"
#include "store/db.h"

int store_holder_upsert(Db *db, int64_t tenant, const Holder *h, int position);
int store_holders(Db *db, Arena *a, int64_t tenant, Holder **out, size_t *n);

/* In the stored order (position, code), with their themes; depth and
 * n_children unset. */
int store_goals(Db *db, Arena *a, int64_t tenant, Goal **out, size_t *n);
int store_goal_set_themes(Db *db, int64_t tenant, const char *code, const char *const *themes, size_t n);
/* DB_DONE when there is no such goal. */
int store_goal_set_owner(Db *db, int64_t tenant, const char *code, const char *holder, const char *department);
int store_goal_set_position(Db *db, int64_t tenant, const char *code, int position);

/* Without themes, help kinds and areas: store_organisation_lists adds them. */
int store_organisations(Db *db, Arena *a, int64_t tenant, const OrganisationFilter *f, OrganisationPage *out);
int store_organisation_get(Db *db, Arena *a, int64_t tenant, const char *code, Organisation *out);
int store_organisation_lists(Db *db, Arena *a, int64_t tenant, Organisation *o);
int store_organisation_insert(Db *db, int64_t tenant, const char *code, const OrganisationInput *in, int64_t now);
int store_organisation_update(Db *db, int64_t tenant, const char *code, const OrganisationInput *in, int64_t now);
/* Only offer, contact and website, without marking the page as edited
 * (loading data). */
int store_organisation_details(Db *db, int64_t tenant, const char *code, const OrganisationInput *in);
/* Replaces the themes, help kinds and areas with those in `in`. */
int store_organisation_set_lists(Db *db, int64_t tenant, const char *code, const OrganisationInput *in);
int store_org_member_add(Db *db, int64_t tenant, const char *code, int64_t user, int64_t now);
/* DB_OK when a member, DB_DONE when not. */
int store_org_member_get(Db *db, int64_t tenant, const char *code, int64_t user);
int store_org_members(Db *db, Arena *a, int64_t tenant, const char *code, CodeName **out, size_t *n);
/* DB_DONE when she was no member. */
int store_org_member_remove(Db *db, int64_t tenant, const char *code, int64_t user);
int store_org_member_count(Db *db, int64_t tenant, const char *code, int64_t *n);
int store_orgs_of_user(Db *db, Arena *a, int64_t tenant, int64_t user, CodeName **out, size_t *n);

int store_places(Db *db, Arena *a, int64_t tenant, const char *organisation, Place **out, size_t *n);
int store_place_get(Db *db, Arena *a, int64_t tenant, const char *code, Place *out);
int store_place_set_details(Db *db, int64_t tenant, const char *code, const char *address, const char *activities,
                            const char *area);
int store_place_set_position(Db *db, int64_t tenant, const char *code, int position);

/* With themes and areas. */
int store_officials(Db *db, Arena *a, int64_t tenant, const char *theme, const char *area, Official **out, size_t *n);
int store_official_get(Db *db, Arena *a, int64_t tenant, int64_t id, Official *out);
int store_official_save(Db *db, int64_t tenant, int64_t id, const OfficialInput *in, int64_t now);

#endif
