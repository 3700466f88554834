/* Checks of what people type, shared by the domain modules: each finds
 * the problem, names the field and says in plain Dutch what to do. */
#ifndef WIJZER_CHECKS_H
#define WIJZER_CHECKS_H

#include <stddef.h>

#include "domain/status.h"
#include "lib/arena.h"

/* Trims value and checks it: filled in when required ("Vul {what} in."),
 * readable UTF-8, at most max characters. Returns the trimmed text; ""
 * when nothing was typed. */
const char *check_text(Arena *a, const char *value, int required, size_t max, FieldErrors *e, const char *field,
                       const char *what);

#endif
