/* Pieces the fund pages share (funds.c, fund_admin.c, applications.c,
 * committee.c, committee_application.c), made in funds_shared.c: the
 * error page of a failed domain call, dates, money, the application's
 * state and deadline, key/value facts, the budget lines table, the
 * decision, payments and report. Every helper escapes what it is given. */
#ifndef WIJZER_WEB_FUNDS_WEB_H
#define WIJZER_WEB_FUNDS_WEB_H

#include "domain/funds.h"
#include "web/pages.h"

/* The {…} path parameter i as a positive id; 0 when it is not one. */
int64_t fw_param_id(Request *r, int i);
/* Any status but OK becomes an error page; 409 shows e->summary when set. */
void fw_status_page(Request *r, Status s, const FieldErrors *e);
/* <time datetime="2026-11-23">23 november 2026</time> */
void fw_day(Request *r, int64_t day);
/* Cents as typed in a form: "1250,50" (no euro sign, no thousands dots). */
const char *fw_cents_input(Arena *a, int64_t cents);
/* Renames every field error "x" to "prefix.x", so that one page can hold
 * several forms whose domain calls use the same field names. */
void fw_errors_prefix(Request *r, FieldErrors *e, const char *prefix);
/* The form value of name, trimmed; NULL when absent. */
const char *fw_arg(Request *r, const char *name);

void fw_fact_begin(Request *r, const char *key);
void fw_fact_end(Request *r);
void fw_fact(Request *r, const char *key, const char *value);

void fw_app_badge(Buf *b, const Application *a);
/* "Besluit uiterlijk …", or, while the clock stands still, the notice
 * that it waits for the applicant. */
void fw_app_deadline(Request *r, const Application *a);
/* The read-only table of an application's budget lines with its total. */
void fw_lines_table(Request *r, const Application *a, const char *id);
/* The decision as the applicant and the public read it: outcome, amount,
 * motivation, conditions, referral and the criteria version (a link). */
void fw_decision(Request *r, const Application *a);
/* The payments of an application as a table; nothing when none. */
void fw_payments(Request *r, const Application *a);
/* The submitted report (verantwoording); nothing when none. */
void fw_report(Request *r, const Application *a);
void fw_button(Request *r, const char *kind, const char *name, const char *value, const char *label);

#endif
