/* Typed access for the Wegwijzer (issue 5) on top of db.h. Knows no rules
 * beyond the points in the SQL (domain/wegwijzer.c explains them).
 * Returns DB_OK or an error. */
#ifndef WIJZER_STORE_WEGWIJZER_H
#define WIJZER_STORE_WEGWIJZER_H

#include "domain/directory.h"
#include "lib/arena.h"
#include "store/db.h"

typedef struct WwOrgRow {
    Organisation org; /* without created_at, edited_at and the lists */
    int need, theme;  /* 1: offers the help, has the theme */
    int area;         /* 1 works in the wijk, 0 everywhere, -1 elsewhere */
    int score;
} WwOrgRow;

/* need, theme, area: codes or NULL; best first, at most limit. */
int store_wegwijzer_organisations(Db *db, Arena *a, int64_t tenant, const char *need, const char *theme,
                                  const char *area, int limit, WwOrgRow **out, size_t *n);

/* The officials with a public profile, with their themes and areas. */
int store_wegwijzer_officials(Db *db, Arena *a, int64_t tenant, Official **out, size_t *n);

#endif
