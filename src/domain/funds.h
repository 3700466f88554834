/* Funds and committee assessment (capability 2: Vlietwensen, Budget
 * Wijkinitiatieven). A fund has a budget per year, a versioned criteria
 * set (its afwegingskader), rules for applicants and a committee of
 * members with one chair. Initiators apply from their initiative; the
 * committee scores per criterion, the chair decides; payments and
 * repayments are ledger entries, and the ledger (budget, committed, paid,
 * remaining) is derived from those entries only and never goes negative.
 *
 * Permissions are checked here, not in pages or endpoints:
 *   - anyone (also logged out): fund_list, fund_get, fund_ledger,
 *     fund_criteria, fund_decisions_public, fund_use_by_*;
 *   - the initiator of the initiative: applies, sees her own applications,
 *     supplies information, withdraws, reports;
 *   - committee members of that fund: see the fund's applications, score,
 *     declare a conflict of interest, ask for information, review reports;
 *     a member with a declared conflict gets ERR_FORBIDDEN for scoring,
 *     deciding and seeing the scores of that application;
 *   - the chair (a member too): decides, creates rounds, sees all scores;
 *   - officials, coordinators and admins (role_is_staff): read everything,
 *     record payments; admins also change funds, budgets and criteria.
 * Not logged in → ERR_UNAUTHORIZED where a person is needed. */
#ifndef WIJZER_DOMAIN_FUNDS_H
#define WIJZER_DOMAIN_FUNDS_H

#include "domain/context.h"
#include "domain/files.h"
#include "domain/status.h"

enum {
    APP_LINES_MAX = 20,           /* budget lines per application */
    APP_LINE_DESCRIPTION_MAX = 200,
    APP_TEXT_MAX = 2000,          /* own contribution, info request/answer, remarks */
    DECISION_TEXT_MAX = 4000,     /* motivation, conditions, referral */
    REPORT_STORY_MAX = 10000,
    CRITERIA_MAX = 20,
    FUND_TEXT_MAX = 4000,
    SCORE_MIN = 1,
    SCORE_MAX = 5,
    DECISION_WEEKS_DEFAULT = 8,
};

/* ---- states ---- */

typedef enum AppState {
    APP_INGEDIEND,
    APP_IN_BEOORDELING,
    APP_BESLUIT,
    APP_UITBETAALD,
    APP_VERANTWOORD,
    APP_INGETROKKEN,
    APP_COUNT_,
    APP_NONE = -1
} AppState;

const char *app_state_code(AppState s);    /* "in_beoordeling" */
const char *app_state_label(AppState s);   /* "In beoordeling" */
const char *app_state_explain(AppState s); /* one plain sentence for the applicant */
AppState app_state_parse(const char *code); /* APP_NONE when unknown */

typedef enum Outcome { OUTCOME_NONE, OUTCOME_GRANTED, OUTCOME_REJECTED, OUTCOME_REFERRED, OUTCOME_COUNT_ } Outcome;

const char *outcome_code(Outcome o);  /* "", "granted", "rejected", "referred" */
const char *outcome_label(Outcome o); /* "", "Toegekend", "Afgewezen", "Doorverwezen" */
int outcome_parse(const char *code);  /* -1 when unknown; "" and NULL → -1 */

typedef enum LedgerKind { LEDGER_COMMIT, LEDGER_RELEASE, LEDGER_PAYMENT, LEDGER_REPAYMENT, LEDGER_COUNT_ } LedgerKind;

const char *ledger_kind_code(LedgerKind k);  /* "commit", "release", "payment", "repayment" */
const char *ledger_kind_label(LedgerKind k); /* "Toegezegd", "Vrijgevallen", "Uitbetaald", "Terugbetaald" */

/* ---- shapes ---- */

typedef struct Criterion {
    const char *code, *name, *question;
} Criterion;

typedef struct CriteriaSet {
    int version;        /* from 1; each change makes a new version */
    int64_t created_at; /* unix seconds */
    Criterion *items;
    size_t n;
} CriteriaSet;

typedef struct Fund {
    int64_t id;
    const char *code, *name;
    const char *organisation, *organisation_name; /* owning organisation (code, name) */
    const char *description;   /* what the fund is for */
    const char *who_may_apply; /* rules shown to applicants, plain text */
    const char *exclusions;    /* what is not funded, plain text, one item per line */
    const char *cadence;       /* "tweewekelijkse beoordeling door vijf inwoners" */
    int64_t max_amount_cents;  /* most one application may ask */
    int decision_weeks;        /* decision term (8) */
    int criteria_version;      /* the current version */
    int64_t budget_cents;      /* this year's budget (0 when none set) */
    int year;                  /* the year budget_cents is for */
} Fund;

/* Per fund and year. All derived from ledger entries:
 *   committed = commit - release - payment  (granted, not yet paid)
 *   paid      = payment - repayment
 *   remaining = budget - committed - paid   (never negative) */
typedef struct Ledger {
    const char *fund_code;
    int year;
    int64_t budget_cents, committed_cents, paid_cents, remaining_cents;
    int closed; /* the year is over and fully accounted for */
    int unset;  /* no budget has been set for the year (yet) */
} Ledger;
typedef Ledger FundYear;

typedef struct LedgerEntry {
    int64_t id;
    int year;
    int64_t at;                       /* unix seconds */
    LedgerKind kind;
    int64_t amount_cents;             /* always > 0; kind says the direction */
    int64_t application_id;           /* 0: none */
    const char *initiative_title;     /* NULL when none */
    const char *note, *by_name;
} LedgerEntry;

typedef struct BudgetLine {
    const char *description;
    int64_t amount_cents;
} BudgetLine;

typedef struct Report {
    int64_t submitted_at;      /* 0: no report yet */
    int participants;          /* how many took part */
    int reach;                 /* how many people were reached */
    int64_t costs_cents;       /* costs actually made */
    const char *story;
    const char *photo_url;     /* NULL when none */
    FileInfo *photos;          /* uploaded with the report (domain/files.h), oldest first */
    size_t n_photos;
    int accepted;              /* 1 once the committee accepted it */
    const char *review_note;   /* the committee's question or remark; NULL when none */
    int64_t reviewed_at;       /* 0: not reviewed */
} Report;

/* What the acting person may do with an application (filled by
 * application_get and the lists). */
typedef struct AppRights {
    int applicant;  /* initiator of the initiative */
    int member;     /* member of the fund's committee */
    int chair;
    int staff;      /* official, coordinator, admin */
    int conflict;   /* the acting member declared a conflict of interest */
    int may_score, may_decide, may_request_info, may_supply_info, may_withdraw, may_pay, may_report,
        may_review_report;
} AppRights;

typedef struct Application {
    int64_t id;
    const char *fund_code, *fund_name;
    int64_t initiative_id;
    const char *initiative_title;
    const char *area_code, *area_name;   /* of the initiative */
    int64_t help_request_id;             /* its `geld` help request */
    int64_t applicant_id;
    const char *applicant_name, *applicant_email;
    int year;                            /* the budget year it counts against */

    int64_t amount_cents;                /* asked; equals the lines' total */
    BudgetLine *lines;
    size_t n_lines;
    const char *own_contribution;        /* in words */
    int64_t own_contribution_cents;      /* 0: none */
    int own_contribution_hours;          /* 0: none */
    int64_t needed_by;                   /* civil day (lib/dates.h) */

    AppState state;
    int64_t submitted_at, state_since;   /* unix seconds; submitted_at is the receipt (Awb 4:3a) */

    /* The decision clock (Awb 4:13/4:15): due_day moves on by the days
     * the clock was paused when information is supplied. */
    int64_t decision_due_day;            /* civil day */
    int64_t paused_since;                /* unix seconds; 0: running */
    int64_t paused_days;                 /* days paused so far (closed pauses) */
    const char *info_request;            /* the open or last question; NULL when none */
    int64_t info_requested_at;
    const char *info_response;           /* NULL when not supplied (yet) */
    int64_t info_supplied_at;

    /* The decision (outcome OUTCOME_NONE before). */
    Outcome outcome;
    int64_t granted_cents;               /* 0 unless granted */
    const char *motivation, *conditions, *referral;
    int criteria_version;                /* version it is (was) assessed under */
    int64_t decided_at;
    const char *decided_by_name;

    int64_t paid_cents;                  /* payments minus repayments */
    int64_t round_id;                    /* 0: not on an agenda */
    int64_t round_day;                   /* civil day of that meeting; 0 */
    const char *withdraw_reason;

    Report report;
    AppRights me;
} Application;

typedef struct ApplicationDeadline {
    int active;          /* 0: decided or withdrawn */
    int paused;          /* waiting for the applicant's information */
    int64_t due_day;     /* civil day; while paused: the day it would be if she answered today */
    int64_t days_left;   /* negative: overdue */
} ApplicationDeadline;

typedef struct Assessment {
    int64_t application_id, member_id;
    const char *member_name;
    const char *criterion;
    int score;           /* 1..5 */
    const char *remark;  /* "" when none */
    int64_t at;
} Assessment;

typedef struct Conflict {
    int64_t application_id, member_id;
    const char *member_name, *reason;
    int64_t at;
} Conflict;

typedef struct Member {
    int64_t user_id;
    const char *name, *email;
    int chair;
} Member;

/* The chair's side-by-side view. scores[r * n_members + m] is member m's
 * score on criterion r (0: not scored); remarks likewise ("" none).
 * Members with a conflict are listed in conflicts and left out of
 * members. average and spread (max - min) per criterion over the scores
 * given; count 0 → average 0. */
typedef struct CriterionSummary {
    Criterion criterion;
    int count;
    double average;
    int min, max, spread;
} CriterionSummary;

typedef struct ScoreSheet {
    int criteria_version;
    CriterionSummary *rows;
    size_t n_rows;
    Member *members;
    size_t n_members;
    int *scores;
    const char **remarks;
    Conflict *conflicts;
    size_t n_conflicts;
    double average; /* over all scores given */
} ScoreSheet;

typedef struct Payment {
    int64_t id, application_id;
    int64_t amount_cents; /* > 0 */
    int repayment;        /* 1: money paid back to the fund */
    const char *note, *by_name;
    int64_t at;
} Payment;

typedef struct Round {
    int64_t id;
    const char *fund_code;
    int64_t meeting_day; /* civil day */
    const char *note;
    size_t n_agenda;     /* applications on its agenda */
} Round;

typedef struct PublicDecision {
    int64_t application_id;
    const char *initiative_title, *area_name; /* wijk or buurt; no personal data */
    Outcome outcome;
    int64_t granted_cents;
    const char *motivation;
    int64_t decided_at;
    int criteria_version;
} PublicDecision;

/* One bar of the budget-use chart: granted (committed + paid) per wijk or theme. */
typedef struct UseRow {
    const char *code, *name;
    int64_t granted_cents, paid_cents;
    int64_t count; /* granted applications */
} UseRow;

/* ---- inputs ---- */

typedef struct BudgetLineInput {
    const char *description;
    const char *amount;   /* as typed ("250,50"); NULL: use amount_cents */
    int64_t amount_cents; /* -1: none */
} BudgetLineInput;

/* What an initiator sends. Amounts as typed (forms) or in cents (API):
 * the text wins when non-NULL. amount may be left out (NULL and
 * amount_cents -1): then it is the total of the lines. */
typedef struct ApplicationInput {
    const char *amount;
    int64_t amount_cents;
    BudgetLineInput lines[APP_LINES_MAX + 1];
    size_t n_lines;
    int too_many_lines;
    const char *own_contribution;      /* required: what she puts in herself */
    const char *own_contribution_amount; /* as typed; NULL: use _cents */
    int64_t own_contribution_cents;    /* 0 or -1: none */
    int64_t own_contribution_hours;    /* 0 or -1: none */
    const char *needed_by;             /* "2026-12-31" (ISO), required, not in the past */
} ApplicationInput;

typedef struct DecisionInput {
    const char *outcome;  /* "granted", "rejected", "referred" */
    const char *amount;   /* as typed; NULL: use amount_cents */
    int64_t amount_cents; /* granted only; -1: the full amount asked */
    const char *motivation;  /* required: plain language */
    const char *conditions;  /* granted only, optional */
    const char *referral;    /* referred: to which fund or partner (required) */
} DecisionInput;

typedef struct ReportInput {
    const char *participants, *reach; /* as typed; NULL: use the ints */
    int64_t participants_n, reach_n;  /* -1: none */
    const char *costs;                /* as typed; NULL: use costs_cents */
    int64_t costs_cents;              /* -1: none */
    const char *story;                /* required */
    const char *photo_url;            /* optional https:// link */
    const PhotoInput *photos;         /* added to those sent before; at most REPORT_PHOTOS_MAX in all */
    size_t n_photos;
} ReportInput;

/* Admin changes; only the present fields are touched. */
typedef struct FundInput {
    const char *name, *description, *who_may_apply, *exclusions, *cadence;
    const char *max_amount;       /* as typed; NULL: use max_amount_cents */
    int64_t max_amount_cents;
    int64_t decision_weeks;
    struct {
        int name, description, who_may_apply, exclusions, cadence, max_amount, decision_weeks;
    } present;
} FundInput;

typedef struct CriterionInput {
    const char *code, *name, *question;
} CriterionInput;

/* ---- funds ---- */

Status fund_list(Ctx *c, Fund **out, size_t *n);
Status fund_get(Ctx *c, const char *code, Fund *out);
/* year 0: the current year (of c->now). A year without budget has
 * budget 0. */
Status fund_ledger(Ctx *c, const char *code, int year, Ledger *out);
/* Every year with a budget or entries, newest first. */
Status fund_years(Ctx *c, const char *code, Ledger **out, size_t *n);
/* Entries of a year (0: current), oldest first: members, staff. */
Status fund_ledger_entries(Ctx *c, const char *code, int year, LedgerEntry **out, size_t *n);
/* The same as CSV text (UTF-8 without byte order mark: the caller adds
 * one for a download; CRLF rows) with a header row (datum, soort, aanvraag,
 * initiatief, bedrag, toelichting, door); soort is the kind's code
 * (commit, release, payment, repayment) and says the direction; bedrag is
 * always positive, as 1250.50 (a leading minus would be escaped as a
 * spreadsheet formula). */
Status fund_ledger_csv(Ctx *c, const char *code, int year, const char **csv);
/* Admin. Field names: name, description, who_may_apply, exclusions,
 * cadence, max_amount_cents, decision_weeks. */
Status fund_update(Ctx *c, const char *code, FundInput *in, FieldErrors *e);
/* Admin: sets a year's budget. Refused (ERR_CONFLICT, summary) when
 * below what is already committed and paid that year. Field: budget_cents. */
Status fund_set_budget(Ctx *c, const char *code, int year, int64_t budget_cents, FieldErrors *e);
/* Admin: closes a year that is fully accounted for (nothing committed). */
Status fund_close_year(Ctx *c, const char *code, int year, FieldErrors *e);

/* version 0: the current one. */
Status fund_criteria(Ctx *c, const char *code, int version, CriteriaSet *out);
/* Admin: replaces the criteria with a new version (the old one stays for
 * the decisions made under it). Fields: criteria, criteria[i].code /
 * .name / .question. */
Status criteria_set_replace(Ctx *c, const char *code, const CriterionInput *items, size_t n, FieldErrors *e,
                            int *version);

/* ---- committee ---- */

Status fund_members(Ctx *c, const char *code, Member **out, size_t *n);
/* Admin, or the command line (c->user NULL): makes the user a member, or
 * the chair (the fund has one chair: a new chair makes the old one a
 * member). Adding again updates chair. */
Status fund_member_add(Ctx *c, const char *code, int64_t user, int chair);
Status fund_member_remove(Ctx *c, const char *code, int64_t user);
/* Whether the acting person is a member / the chair of the fund. */
int member_is(Ctx *c, const char *fund_code);
int chair_is(Ctx *c, const char *fund_code);
/* The funds the acting person is a member of. */
Status fund_mine(Ctx *c, Fund **out, size_t *n);

/* ---- applications ---- */

/* The initiator applies for her initiative. Sends the receipt at once:
 * state ingediend, submitted_at now, decision due in decision_weeks.
 * Links (or creates) the initiative's `geld` help request. Field names:
 * amount_cents, lines, lines[i].description, lines[i].amount_cents,
 * own_contribution, own_contribution_cents, own_contribution_hours,
 * needed_by, initiative. ERR_CONFLICT (summary) when the initiative has
 * an open application at this fund already. */
Status application_create(Ctx *c, const char *fund_code, int64_t initiative, ApplicationInput *in, FieldErrors *e,
                          int64_t *id);
/* ERR_FORBIDDEN unless applicant, member of the fund or staff. */
Status application_get(Ctx *c, int64_t id, Application *out);
ApplicationDeadline application_deadline(Ctx *c, const Application *a);
/* Members and staff; state APP_NONE: all. Open ones by deadline first. */
Status application_list_for_fund(Ctx *c, const char *fund_code, AppState state, Application **out, size_t *n);
/* The initiator and staff see all; members those of their funds; anyone
 * else (also logged out) an empty list, STATUS_OK: the initiative's page
 * can always ask. */
Status application_list_for_initiative(Ctx *c, int64_t initiative, Application **out, size_t *n);
Status application_mine(Ctx *c, Application **out, size_t *n);
/* Member (without conflict), chair or staff: asks the applicant for
 * missing information; the decision clock pauses (Awb 4:15). Field: question.
 * ERR_CONFLICT when decided, withdrawn or already waiting. */
Status application_request_info(Ctx *c, int64_t id, const char *question, FieldErrors *e);
/* The applicant answers; the clock runs again and the due day moves on
 * by the days it stood still. Field: answer. */
Status application_supply_info(Ctx *c, int64_t id, const char *answer, FieldErrors *e);
/* The applicant withdraws (before the decision, or after a grant before
 * any payment: the commitment is released). */
Status application_withdraw(Ctx *c, int64_t id, const char *reason);
/* A member or the chair takes it in assessment (ingediend →
 * in_beoordeling); also happens on the first score or on an agenda. */
Status application_start(Ctx *c, int64_t id);

/* ---- assessment ---- */

/* A member (not conflicted) scores one criterion of the application's
 * criteria version, 1..5, with an optional remark; again replaces.
 * Fields: criterion, score, remark. ERR_CONFLICT once decided. */
Status assessment_set(Ctx *c, int64_t application, const char *criterion, int score, const char *remark,
                      FieldErrors *e);
/* The acting member's own scores. */
Status assessment_mine(Ctx *c, int64_t application, Assessment **out, size_t *n);
/* A member declares a conflict of interest: from then on she cannot
 * score, decide or see the scores of this application; her earlier
 * scores are removed. Field: reason (optional). */
Status conflict_declare(Ctx *c, int64_t application, const char *reason, FieldErrors *e);
Status application_conflicts(Ctx *c, int64_t application, Conflict **out, size_t *n);
/* The chair (not conflicted) and staff; members see it after the
 * decision. */
Status application_scores(Ctx *c, int64_t application, ScoreSheet *out);

/* ---- decision, payment, accountability ---- */

/* The chair (not conflicted) decides. Fields: outcome, amount_cents,
 * motivation, conditions, referral. Granted: 0 < amount <= asked; the
 * amount is committed in the ledger of the application's year;
 * ERR_CONFLICT (summary) when that would make remaining negative (also
 * when two decisions race) or when already decided. Records the criteria
 * version; the help request follows (toegezegd / afgewezen). */
Status application_decide(Ctx *c, int64_t id, DecisionInput *in, FieldErrors *e);
/* Staff or the chair records a payment (or with repayment=1 money paid
 * back). A payment is at most what is still committed; the first one
 * moves the application to uitbetaald and the help request to geleverd.
 * A repayment at most what was paid. ERR_CONFLICT (summary) when the
 * application's year is closed. Fields: amount_cents, note. */
Status payment_add(Ctx *c, int64_t application, const char *amount, int64_t amount_cents, int repayment,
                   const char *note, FieldErrors *e, int64_t *id);
Status payment_list(Ctx *c, int64_t application, Payment **out, size_t *n);
/* The applicant reports after a grant (state besluit+granted or
 * uitbetaald). Fields: participants, reach, costs_cents, story, photo_url,
 * photos (JPEG or PNG by their bytes, at most PHOTO_BYTES_MAX each and
 * REPORT_PHOTOS_MAX with those of earlier submissions; photos_check). */
Status report_submit(Ctx *c, int64_t application, ReportInput *in, FieldErrors *e);
/* The applicant adds photos to the report she sent (the API's upload;
 * the form sends them with the report). The report counts as sent again
 * now. ERR_CONFLICT (summary) before a report or once it is accepted.
 * Field: photos. */
Status report_photos_add(Ctx *c, int64_t application, const PhotoInput *photos, size_t n, FieldErrors *e);
/* The applicant takes a photo away again, while she may still report.
 * ERR_NOT_FOUND when the file is not one of this report's photos. */
Status report_photo_remove(Ctx *c, int64_t application, int64_t file);
/* Chair, members (not conflicted) or staff: accepts the report → state
 * verantwoord; whatever is still committed is released. */
Status report_accept(Ctx *c, int64_t application, const char *note);
/* … or asks for more (the report stays open for a new submission).
 * Field: note (required). */
Status report_more(Ctx *c, int64_t application, const char *note, FieldErrors *e);

/* ---- rounds ---- */

/* Newest meeting first. Members and staff. */
Status round_list(Ctx *c, const char *fund_code, Round **out, size_t *n);
/* The chair or staff. date: ISO day. Puts every open application of the
 * fund that is not on an agenda yet on this one. Fields: meeting_date, note. */
Status round_create(Ctx *c, const char *fund_code, const char *date, const char *note, FieldErrors *e, int64_t *id);
Status round_get(Ctx *c, int64_t id, Round *out);
/* The applications on the agenda, soonest deadline first. */
Status round_agenda(Ctx *c, int64_t round, Application **out, size_t *n);
/* The chair or staff moves an open application onto a round's agenda. */
Status round_add_application(Ctx *c, int64_t round, int64_t application);

/* ---- public ---- */

/* Decisions of a year (0: current), newest first; no personal data. */
Status fund_decisions_public(Ctx *c, const char *fund_code, int year, PublicDecision **out, size_t *n);
/* Budget use of a year by wijk (a buurt counts for its wijk) and by
 * theme (an initiative with two themes counts for both), largest first. */
Status fund_use_by_area(Ctx *c, const char *fund_code, int year, UseRow **out, size_t *n);
Status fund_use_by_theme(Ctx *c, const char *fund_code, int year, UseRow **out, size_t *n);

/* The year (e.g. 2026) of a unix time, in UTC. */
int fund_year_of(int64_t unix_seconds);

/* ---- reference data (setup.c) ---- */

/* Maximum per application for a fund loaded from funds.csv, which has
 * none: € 5.000. The seeds name no maximum; this is our documented choice
 * (most buurtinitiatieven ask a few hundred to a few thousand euros), and
 * an admin changes it per fund (fund_update). */
#define FUND_DEFAULT_MAX_CENTS 500000LL

/* Loads funds.csv and criteria.csv: each fund with its rules, criteria
 * version 1 and this year's budget (budget_eur_per_year). Running it again
 * keeps what an admin changed. Runs inside the caller's transaction (if
 * any). err names the file on failure. */
Status fund_setup_reference(Ctx *c, const char **err);

#endif
/* FUNDS_H_READY */
