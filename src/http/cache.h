/* Whole answers to anonymous GET requests, kept in memory while the
 * database has not changed. A list page or a search that many people
 * open is then made once instead of once per visitor.
 *
 * Only what cannot depend on who asks is kept: a GET without a Cookie or
 * an Authorization header, answered 200 without setting a cookie. An
 * answer is used only while store_data_version() is what it was when the
 * answer was made — any commit, by this process or another, makes every
 * answer old — and for at most CACHE_TTL_SECONDS, because pages show
 * times ("nog 3 dagen"). PostgreSQL has no such version: there nothing
 * is kept. */
#ifndef WIJZER_CACHE_H
#define WIJZER_CACHE_H

#include <stdint.h>

#include "http/request.h"

enum {
    CACHE_MAX_BYTES = 8 * 1024 * 1024, /* all answers together */
    CACHE_ENTRY_MAX = 256 * 1024,      /* larger answers are not kept */
    CACHE_TTL_SECONDS = 60,
};

typedef struct AnswerCache AnswerCache;

AnswerCache *cache_new(size_t max_bytes);
void cache_free(AnswerCache *c);
/* The request's key (in its arena), or NULL when it may not be kept. */
const char *cache_key(Request *r);
/* Fills r with the kept answer (status, type, headers, body, and an
 * "X-Cache: hit" header); 0 when there is none for this version. */
int cache_get(AnswerCache *c, const char *key, int64_t version, Request *r);
/* Keeps r's answer, if it may be kept. */
void cache_put(AnswerCache *c, const char *key, int64_t version, const Request *r);

#endif
