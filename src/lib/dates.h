/* Calendar arithmetic for deadlines: days since 1970-01-01 (UTC civil
 * days), Dutch working days (weekends and national holidays off) and
 * Dutch date formatting. Pure functions; "now" is passed in. */
#ifndef WIJZER_DATES_H
#define WIJZER_DATES_H

#include <stdint.h>

#include "lib/arena.h"

int64_t date_now(void);                        /* unix seconds */
int64_t date_day(int64_t unix_seconds);        /* civil day number */
int64_t date_from_ymd(int y, int m, int d);    /* civil day number */
void date_to_ymd(int64_t day, int *y, int *m, int *d);
int date_weekday(int64_t day);                 /* 0 = Monday ... 6 = Sunday */
int date_is_holiday(int64_t day);              /* Dutch national holidays */
int date_is_working_day(int64_t day);
int64_t date_add_working_days(int64_t day, int n);
const char *date_iso(Arena *a, int64_t day);   /* 2026-11-23 */
const char *date_nl(Arena *a, int64_t day);    /* 23 november 2026 */
const char *datetime_iso(Arena *a, int64_t unix_seconds); /* 2026-11-23T08:56:26Z */
int date_parse_iso(const char *s, int64_t *day); /* 1 on success */

#endif
