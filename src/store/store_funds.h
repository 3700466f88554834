/* Typed access to funds, applications, assessments, rounds and the
 * ledger (issue 4), on top of db.h. Knows no rules: domain/funds.c has
 * them. Every function takes the tenant and every query filters on it.
 * Returns DB_OK, DB_DONE (not found / guard not met) or an error. */
#ifndef WIJZER_STORE_FUNDS_H
#define WIJZER_STORE_FUNDS_H

#include "domain/funds.h"
#include "lib/arena.h"
#include "store/db.h"

/* Funds. year: which year's budget goes into Fund.budget_cents. */
int store_fund_upsert(Db *db, int64_t tenant, const Fund *f, int64_t *id);
int store_fund_list(Db *db, Arena *a, int64_t tenant, int year, Fund **out, size_t *n);
int store_fund_get(Db *db, Arena *a, int64_t tenant, const char *code, int year, Fund *out);
int store_fund_update(Db *db, int64_t tenant, const Fund *f);
int store_fund_set_criteria_version(Db *db, int64_t tenant, int64_t fund, int version);
int store_funds_of_member(Db *db, Arena *a, int64_t tenant, int64_t user, int year, Fund **out, size_t *n);

/* Years. ensure: only when absent (loading reference data). */
int store_fund_year_set(Db *db, int64_t tenant, int64_t fund, int year, int64_t budget_cents, int ensure);
/* DB_DONE when the year has no row. lock: inside a transaction, holds the
 * row until it ends (PostgreSQL FOR UPDATE; SQLite's writer lock does it). */
int store_fund_year_get(Db *db, int64_t tenant, int64_t fund, int year, int lock, int64_t *budget, int *closed);
int store_fund_year_close(Db *db, int64_t tenant, int64_t fund, int year);
int store_fund_years(Db *db, Arena *a, int64_t tenant, int64_t fund, Ledger **out, size_t *n);

/* Criteria */
int store_criteria_get(Db *db, Arena *a, int64_t tenant, int64_t fund, int version, CriteriaSet *out);
int store_criterion_insert(Db *db, int64_t tenant, int64_t fund, int version, int position, const Criterion *c,
                           int64_t now);

/* Committee */
int store_member_upsert(Db *db, int64_t tenant, int64_t fund, int64_t user, int chair, int64_t now);
int store_member_clear_chair(Db *db, int64_t tenant, int64_t fund);
int store_member_delete(Db *db, int64_t tenant, int64_t fund, int64_t user);
int store_member_list(Db *db, Arena *a, int64_t tenant, int64_t fund, Member **out, size_t *n);
/* DB_OK with *chair set when a member; DB_DONE when not. */
int store_member_get(Db *db, int64_t tenant, int64_t fund, int64_t user, int *chair);

/* Ledger */
int store_ledger_sums(Db *db, int64_t tenant, int64_t fund, int year, int64_t *committed, int64_t *paid);
int store_ledger_application_sums(Db *db, int64_t tenant, int64_t application, int64_t *committed, int64_t *paid);
int store_ledger_entries(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, LedgerEntry **out, size_t *n);
/* application 0: none; by 0: nobody (loading data). */
int store_ledger_insert(Db *db, int64_t tenant, int64_t fund, int year, int64_t at, LedgerKind kind, int64_t amount,
                        int64_t application, const char *note, int64_t by, int64_t *id);

/* Rounds */
int store_round_insert(Db *db, int64_t tenant, int64_t fund, int64_t day, const char *note, int64_t now, int64_t *id);
int store_round_list(Db *db, Arena *a, int64_t tenant, int64_t fund, Round **out, size_t *n);
int store_round_get(Db *db, Arena *a, int64_t tenant, int64_t id, Round *out);
int store_round_assign_open(Db *db, int64_t tenant, int64_t fund, int64_t round);
/* The first round from `day` to `until`; DB_DONE when none. */
int store_round_next(Db *db, int64_t tenant, int64_t fund, int64_t day, int64_t until, int64_t *id);

/* Applications. insert uses: initiative_id, help_request_id, applicant_id,
 * year, amount_cents, lines, own_contribution*, needed_by, submitted_at,
 * decision_due_day, criteria_version, round_id. */
int store_application_insert(Db *db, int64_t tenant, int64_t fund, const Application *a, int64_t *id);
int store_application_get(Db *db, Arena *a, int64_t tenant, int64_t id, Application *out); /* with lines */
/* Lists (without lines). state NULL: all. */
int store_application_list_fund(Db *db, Arena *a, int64_t tenant, const char *fund, const char *state,
                                Application **out, size_t *n);
int store_application_list_initiative(Db *db, Arena *a, int64_t tenant, int64_t initiative, Application **out,
                                      size_t *n);
int store_application_list_applicant(Db *db, Arena *a, int64_t tenant, int64_t user, Application **out, size_t *n);
int store_application_list_round(Db *db, Arena *a, int64_t tenant, int64_t round, Application **out, size_t *n);
int store_application_open_for(Db *db, int64_t tenant, int64_t fund, int64_t initiative, int64_t *id);
int store_application_set_state(Db *db, int64_t tenant, int64_t id, AppState from, AppState to, int64_t now);
int store_application_set_round(Db *db, int64_t tenant, int64_t id, int64_t round);
int store_application_set_help(Db *db, int64_t tenant, int64_t id, int64_t help);
int store_application_pause(Db *db, int64_t tenant, int64_t id, const char *question, int64_t now);
int store_application_resume(Db *db, int64_t tenant, int64_t id, const char *answer, int64_t now, int64_t days);
/* Records the decision (uses outcome, granted_cents, motivation,
 * conditions, referral, criteria_version, year); only from ingediend or
 * in_beoordeling (DB_DONE otherwise). */
int store_application_decide(Db *db, int64_t tenant, int64_t id, const Application *d, int64_t by, int64_t now);
int store_application_withdraw(Db *db, int64_t tenant, int64_t id, AppState from, const char *reason, int64_t now);
int store_application_report(Db *db, int64_t tenant, int64_t id, const Report *r);
int store_application_report_review(Db *db, int64_t tenant, int64_t id, int accepted, const char *note, int64_t now);

/* Assessments and conflicts */
int store_assessment_upsert(Db *db, int64_t tenant, const Assessment *s);
int store_assessment_list(Db *db, Arena *a, int64_t tenant, int64_t application, Assessment **out, size_t *n);
int store_assessment_delete_member(Db *db, int64_t tenant, int64_t application, int64_t member);
int store_conflict_insert(Db *db, int64_t tenant, int64_t application, int64_t member, const char *reason,
                          int64_t now);
int store_conflict_list(Db *db, Arena *a, int64_t tenant, int64_t application, Conflict **out, size_t *n);

/* Public */
int store_decisions_public(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, PublicDecision **out,
                           size_t *n);
int store_use_by_area(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, UseRow **out, size_t *n);
int store_use_by_theme(Db *db, Arena *a, int64_t tenant, int64_t fund, int year, UseRow **out, size_t *n);

#endif
