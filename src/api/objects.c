/* The initiative objects made ahead of time (objects.h). A kept body is
 * api_write_initiative_head() of the initiative, byte for byte; an answer
 * from it adds the tail (the deadline of today) as api_write_initiative()
 * does, so both ways give the same text (tests/unit/test_objects.c). */
#include "api/objects.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "api/json.h"
#include "domain/objects.h"
#include "domain/process.h"

/* ---- The format ------------------------------------------------------ */

static int64_t format_id;
static pthread_once_t format_once = PTHREAD_ONCE_INIT;

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* A sample with every part filled and text that needs escaping, written
 * once for each state: labels, order of members, escaping and numbers all
 * count. */
static void format_compute(void)
{
    Arena *a = arena_new();
    CodeName themes[] = { { .code = "groen", .name = "Groen \"en\" natuur" },
                          { .code = "jeugd", .name = "Kinderen / jongeren" } };
    CodeName sdgs[] = { { .code = "4", .name = "Kwaliteitsonderwijs" } };
    Link links[] = { { "website", "https://example.org/?a=1&b=<2>" } };
    HelpRequest help[HELP_COUNT_];
    for (int i = 0; i < HELP_COUNT_; i++)
        help[i] = (HelpRequest){ 10 + i, "geld", "Geld", "Één\tregel\n\x01", i % 2 ? -1 : 12345, (HelpState)i };
    Initiative in = { .id = 123456789, .title = "Bankje ‘bij’ de \\ vijver", .summary = "Kort\u2028samengevat",
                      .description = "Regel 1\n\nRegel 2 — é ü", .area_code = "voorburg-noord",
                      .area_name = "Voorburg-Noord", .initiator_id = 7, .initiator_name = "Anna de Vries",
                      .show_name = 1, .contact_id = 8, .contact_name = "Piet Ambtenaar",
                      .created_at = 1700000000, .updated_at = 1700003600, .state_since = 1700007200,
                      .submitted_at = 1700001000, .themes = themes, .n_themes = 2, .sdgs = sdgs, .n_sdgs = 1,
                      .links = links, .n_links = 1, .help = help, .n_help = HELP_COUNT_ };
    uint64_t h = 1469598103934665603ULL;
    for (int s = 0; s < ST_COUNT_; s++) {
        in.state = (ProcState)s;
        in.show_name = s % 2;
        Buf b;
        JsonOut o;
        buf_init(&b);
        jout_init(&o, &b);
        api_write_initiative_head(&o, NULL, a, &in);
        h = fnv(h, b.data, b.len);
        buf_free(&b);
    }
    arena_free(a);
    format_id = (int64_t)(h >> 1) ? (int64_t)(h >> 1) : 1;
}

int64_t api_objects_format(void)
{
    pthread_once(&format_once, format_compute);
    return format_id;
}

/* ---- Answering --------------------------------------------------------- */

int api_object_send(Request *r, int64_t id)
{
    StoredObject so;
    if (object_get(&r->ctx, id, api_objects_format(), &so) != STATUS_OK)
        return 0;
    ProcState state = state_parse(so.state);
    if (state == ST_NONE)
        return 0;
    r->status = 200;
    r->content_type = "application/json; charset=utf-8";
    resp_header(r, "X-Object", "kept"); /* for operators and tests: the same bytes either way */
    buf_reset(&r->out);
    buf_add(&r->out, so.body, so.len);
    JsonOut o;
    jout_init(&o, &r->out);
    o.comma = 1; /* inside the object the body left open */
    api_write_initiative_tail(&o, &r->ctx, state, so.state_since, so.submitted_at);
    return 1;
}

/* ---- Making ------------------------------------------------------------ */

/* The rows of one round: those without a body, or else, while a sweep
 * runs, the next ones in another format. */
static Status round_rows(Ctx *c, ObjectRound *st, int64_t format, ObjectTodo **t, size_t *n)
{
    if (!st->checked) {
        int64_t have = 0;
        Status s = objects_format(c, &have);
        if (s != STATUS_OK)
            return s;
        st->sweep_after = have == format ? -1 : 0;
        st->checked = 1;
    }
    Status s = objects_todo(c, OBJECTS_BATCH, t, n);
    if (s != STATUS_OK || *n > 0 || st->sweep_after < 0)
        return s;
    s = objects_other_format(c, st->sweep_after, format, OBJECTS_BATCH, t, n);
    if (s != STATUS_OK)
        return s;
    if (*n == 0) { /* every body is in this format now */
        s = objects_set_format(c, format);
        if (s == STATUS_OK)
            st->sweep_after = -1;
        return s;
    }
    st->sweep_after = (*t)[*n - 1].initiative_id;
    return STATUS_OK;
}

/* One round: reads the rows, makes their bodies, keeps them. *rows is how
 * many rows there were (0: nothing left to do). */
static Status round_make(Ctx *c, ObjectRound *st, size_t *rows, size_t *kept)
{
    int64_t format = api_objects_format();
    ObjectTodo *t;
    size_t n;
    *kept = 0;
    Status s = round_rows(c, st, format, &t, &n);
    *rows = n;
    if (s != STATUS_OK || n == 0)
        return s;
    StoredObject *o = arena_alloc(c->arena, n * sizeof *o);
    ObjectTodo *ready = arena_alloc(c->arena, n * sizeof *ready);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        Initiative in;
        s = object_initiative(c, &t[i], &in);
        if (s == ERR_NOT_FOUND)
            continue; /* gone meanwhile: its row went with it */
        if (s != STATUS_OK)
            return s;
        Buf b;
        JsonOut out;
        buf_init(&b);
        jout_init(&out, &b);
        api_write_initiative_head(&out, NULL, c->arena, &in);
        o[k] = (StoredObject){ .state = state_code(in.state),
                               .state_since = in.state_since,
                               .submitted_at = in.submitted_at,
                               .body = arena_strdup(c->arena, buf_cstr(&b)),
                               .len = b.len };
        buf_free(&b);
        ready[k++] = t[i];
    }
    return objects_put(c, ready, o, k, format, kept);
}

static long elapsed_ms(const struct timespec *from)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - from->tv_sec) * 1000 + (now.tv_nsec - from->tv_nsec) / 1000000;
}

Status api_objects_make(Db *db, ObjectRound *st, int64_t now, long budget_ms, size_t *made)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    *made = 0;
    for (;;) {
        Arena *a = arena_new();
        Ctx c = { .db = db, .arena = a, .now = now };
        size_t rows = 0, kept = 0;
        Status s = round_make(&c, st, &rows, &kept);
        arena_free(a);
        *made += kept;
        if (s != STATUS_OK)
            return s;
        if (rows == 0 && st->sweep_after < 0)
            return STATUS_OK;
        if (rows > 0 && kept == 0)
            return STATUS_OK; /* all changed meanwhile (or are gone): the next tick tries again */
        if (budget_ms >= 0 && elapsed_ms(&start) >= budget_ms)
            return STATUS_OK;
    }
}
