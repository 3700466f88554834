#include "lib/dates.h"

#include <stdio.h>
#include <time.h>

int64_t date_now(void)
{
    return (int64_t)time(NULL);
}

int64_t date_day(int64_t t)
{
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_to_ymd(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

int date_weekday(int64_t day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int64_t w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int64_t easter_sunday(int y)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int dd = ((h + l - 7 * m + 114) % 31) + 1;
    return date_from_ymd(y, month, dd);
}

int date_is_holiday(int64_t day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    if ((m == 1 && d == 1) || (m == 12 && (d == 25 || d == 26)))
        return 1;
    /* Koningsdag: 27 April, or the 26th when the 27th is a Sunday. */
    int64_t kd = date_from_ymd(y, 4, 27);
    if (date_weekday(kd) == 6)
        kd--;
    if (day == kd)
        return 1;
    /* Bevrijdingsdag is a day off for government once every five years. */
    if (m == 5 && d == 5 && y % 5 == 0)
        return 1;
    int64_t e = easter_sunday(y);
    return day == e - 2 || day == e + 1 || day == e + 39 || day == e + 50;
}

int date_is_working_day(int64_t day)
{
    return date_weekday(day) < 5 && !date_is_holiday(day);
}

int64_t date_add_working_days(int64_t day, int n)
{
    while (n > 0) {
        day++;
        if (date_is_working_day(day))
            n--;
    }
    return day;
}

const char *date_iso(Arena *a, int64_t day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

const char *date_nl(Arena *a, int64_t day)
{
    static const char *const months[] = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
                                          "augustus", "september", "oktober", "november", "december" };
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return arena_printf(a, "%d %s %d", d, months[m - 1], y);
}

const char *datetime_iso(Arena *a, int64_t t)
{
    int64_t day = date_day(t);
    int64_t s = t - day * 86400;
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(s / 3600), (int)(s / 60 % 60),
                        (int)(s % 60));
}

int date_parse_iso(const char *s, int64_t *day)
{
    int y, m, d, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] != 0)
        return 0;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    int64_t z = date_from_ymd(y, m, d);
    int yy, mm, dd;
    date_to_ymd(z, &yy, &mm, &dd);
    if (yy != y || mm != m || dd != d)
        return 0;
    *day = z;
    return 1;
}
