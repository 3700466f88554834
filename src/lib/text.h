/* Small text helpers for input checking: UTF-8 validity and length,
 * trimming, and a strict integer parser. */
#ifndef WIJZER_TEXT_H
#define WIJZER_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lib/arena.h"

int utf8_valid(const char *s);
size_t utf8_len(const char *s);                /* code points */
char *text_trim(Arena *a, const char *s);      /* NULL stays NULL; also strips \r */
int text_is_blank(const char *s);
int parse_int64(const char *s, int64_t *out);  /* whole string, base 10 */
/* Parses "12,50", "12.50", "1.250,00", "€ 25" as cents. */
int parse_euros(const char *s, int64_t *cents);
/* Formats cents as "€ 1.250,00" (Dutch). */
const char *format_euros(Arena *a, int64_t cents);
/* Formats a whole number the Dutch way: "100.038". */
const char *format_count(Arena *a, int64_t n);

#endif
