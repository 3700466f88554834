/* The answer cache (cache.h): a hash table of answers with a list from
 * most to least recently used; the least used go first when the total
 * passes its limit. One mutex: a hit copies the answer out while holding
 * it, which takes microseconds; a miss in an empty bucket and the
 * doorkeeper need no lock. */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lib/arena.h"

enum { BUCKETS = 4096, DOORKEEPER = 16384 };

typedef struct Entry {
    struct Entry *chain;       /* next in the same bucket */
    struct Entry *newer, *older;
    uint64_t hash;
    char *key;
    int64_t version;
    time_t made;
    int status;
    char *content_type;
    size_t n_headers;
    char *header_name[RESP_MAX_HEADERS], *header_value[RESP_MAX_HEADERS];
    char *body;
    size_t len, bytes;
} Entry;

struct AnswerCache {
    pthread_mutex_t lock;
    Entry *buckets[BUCKETS];
    Entry *newest, *oldest;
    size_t bytes, max_bytes;
    /* An answer is kept the second time it is asked for (within a while):
     * most of a stream of different addresses (every initiative once) is
     * asked for once, and copying those in would only push the rest out. */
    uint64_t seen[DOORKEEPER];
};

static time_t seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}

static uint64_t hash_of(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

AnswerCache *cache_new(size_t max_bytes)
{
    AnswerCache *c = xcalloc(1, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->max_bytes = max_bytes;
    return c;
}

static void entry_free(Entry *e)
{
    for (size_t i = 0; i < e->n_headers; i++) {
        free(e->header_name[i]);
        free(e->header_value[i]);
    }
    free(e->content_type);
    free(e->key);
    free(e->body);
    free(e);
}

/* Takes e out of its bucket and the list, and frees it. */
static void entry_drop(AnswerCache *c, Entry *e)
{
    Entry **p = &c->buckets[e->hash % BUCKETS];
    while (*p != e)
        p = &(*p)->chain;
    __atomic_store_n(p, e->chain, __ATOMIC_RELAXED); /* a bucket's head is read without the lock */
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    c->bytes -= e->bytes;
    entry_free(e);
}

static void make_newest(AnswerCache *c, Entry *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
}

static Entry *find(AnswerCache *c, const char *key, uint64_t h)
{
    for (Entry *e = c->buckets[h % BUCKETS]; e; e = e->chain)
        if (e->hash == h && strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

void cache_free(AnswerCache *c)
{
    if (!c)
        return;
    while (c->oldest)
        entry_drop(c, c->oldest);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

const char *cache_key(Request *r)
{
    if (strcmp(r->method, "GET") != 0 || req_header(r, "Cookie") || req_header(r, "Authorization"))
        return NULL;
    const char *host = req_header(r, "Host"), *proto = req_header(r, "X-Forwarded-Proto");
    Buf b;
    buf_init(&b);
    /* Host picks the municipality; the protocol the links. \x01 cannot be
     * typed in a header or (decoded) in an address, so keys cannot collide. */
    buf_puts(&b, host ? host : "");
    buf_putc(&b, '\x01');
    buf_puts(&b, proto ? proto : "");
    buf_putc(&b, '\x01');
    buf_puts(&b, r->path);
    for (size_t i = 0; r->query && i < r->query->count; i++) {
        buf_putc(&b, '\x01');
        buf_puts(&b, r->query->fields[i].name);
        buf_putc(&b, '\x02');
        buf_puts(&b, r->query->fields[i].value);
    }
    const char *key = arena_strdup(r->arena, buf_cstr(&b));
    buf_free(&b);
    return key;
}

int cache_get(AnswerCache *c, const char *key, int64_t version, Request *r)
{
    uint64_t h = hash_of(key);
    /* An empty bucket (most, when most addresses are asked for once) is a
     * miss without waiting for the lock; an answer kept a moment ago may
     * be missed, which is only a miss. */
    if (!__atomic_load_n(&c->buckets[h % BUCKETS], __ATOMIC_RELAXED))
        return 0;
    int hit = 0;
    pthread_mutex_lock(&c->lock);
    Entry *e = find(c, key, h);
    if (e && (e->version != version || seconds_now() - e->made > CACHE_TTL_SECONDS)) {
        entry_drop(c, e);
        e = NULL;
    }
    if (e) {
        r->status = e->status;
        r->content_type = arena_strdup(r->arena, e->content_type);
        r->n_headers = 0;
        for (size_t i = 0; i < e->n_headers; i++)
            resp_header(r, arena_strdup(r->arena, e->header_name[i]), arena_strdup(r->arena, e->header_value[i]));
        resp_header(r, "X-Cache", "hit");
        buf_reset(&r->out);
        buf_add(&r->out, e->body, e->len);
        /* Used again: the last to go. */
        if (c->newest != e) {
            e->newer->older = e->older;
            if (e->older)
                e->older->newer = e->newer;
            else
                c->oldest = e->newer;
            make_newest(c, e);
        }
        hit = 1;
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

static int may_keep(const Request *r)
{
    if (r->status != 200 || r->static_body || r->ctx.user || r->anon_csrf || !r->content_type
        || r->out.len > CACHE_ENTRY_MAX)
        return 0;
    for (size_t i = 0; i < r->n_headers; i++)
        if (strcasecmp(r->header_name[i], "Set-Cookie") == 0)
            return 0;
    return 1;
}

void cache_put(AnswerCache *c, const char *key, int64_t version, const Request *r)
{
    if (!may_keep(r))
        return;
    uint64_t h = hash_of(key);
    int again = __atomic_exchange_n(&c->seen[h % DOORKEEPER], h, __ATOMIC_RELAXED) == h;
    if (!again)
        return;
    Entry *e = xcalloc(1, sizeof *e);
    e->hash = h;
    e->key = xstrdup(key);
    e->version = version;
    e->made = seconds_now();
    e->status = r->status;
    e->content_type = xstrdup(r->content_type);
    e->n_headers = r->n_headers;
    e->bytes = sizeof *e + strlen(key) + r->out.len;
    for (size_t i = 0; i < r->n_headers; i++) {
        e->header_name[i] = xstrdup(r->header_name[i]);
        e->header_value[i] = xstrdup(r->header_value[i]);
        e->bytes += strlen(r->header_name[i]) + strlen(r->header_value[i]);
    }
    e->len = r->out.len;
    e->body = xmalloc(e->len ? e->len : 1);
    if (e->len)
        memcpy(e->body, r->out.data, e->len);
    pthread_mutex_lock(&c->lock);
    Entry *old = find(c, key, e->hash);
    if (old)
        entry_drop(c, old);
    Entry **bucket = &c->buckets[e->hash % BUCKETS];
    e->chain = *bucket;
    __atomic_store_n(bucket, e, __ATOMIC_RELEASE);
    make_newest(c, e);
    c->bytes += e->bytes;
    while (c->bytes > c->max_bytes && c->oldest && c->oldest != e)
        entry_drop(c, c->oldest);
    pthread_mutex_unlock(&c->lock);
}
