/* Pieces the volunteering pages share (vacancies.c, volunteers.c), made
 * in volunteers.c: the table of checkboxes for days × parts of the day,
 * reading it back from a form, the error page of a failed domain call and
 * a vacancy's time in words. Every helper escapes what it is given. */
#ifndef WIJZER_WEB_VOLUNTEERING_WEB_H
#define WIJZER_WEB_VOLUNTEERING_WEB_H

#include "domain/volunteering.h"
#include "web/forms.h"
#include "web/pages.h"

/* A table (days as rows, morning/afternoon/evening as columns) of
 * checkboxes named `name` with values "day-part"; the first box's id is
 * "<name>-0-0" (for the error summary). */
void vw_slots_grid(Request *r, const char *name, const char *caption, const char *hint, const char *error, int mask);
/* The mask the grid sent; *bad set when a value is not a slot. */
int vw_slots_read(Request *r, const char *name, int *bad);
void vw_status_page(Request *r, Status s, const char *what);
/* "Eenmalig: zaterdag 12 december 2026, 4 uur" or "Vast: 3 uur per week". */
const char *vw_time_words(Arena *a, const Vacancy *v);
/* "maandagochtend, dinsdagavond"; "" when none. */
const char *vw_slots_words(Arena *a, int mask);
int64_t vw_param_id(Request *r, int i);

#endif
