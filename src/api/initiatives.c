/* /api/v1/initiatives: the JSON twin of the initiative pages. Each
 * handler checks the id and the person, reads the body, calls the domain
 * and answers with the one initiative object of json_out.c. */
#include <limits.h>
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/objects.h"
#include "api/routes.h"
#include "domain/reference.h"
#include "lib/form.h"
#include "lib/text.h"

enum { Q_MAX = 200, PER_PAGE_DEFAULT = 20, PER_PAGE_MAX = 100 };

/* Starts a JSON answer written straight into the response (json.h). */
static void json_answer(Request *r, int status, JsonOut *o)
{
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    buf_reset(&r->out);
    jout_init(o, &r->out);
}

/* Answers with the initiative as it is now (after a change). */
static void send_initiative(Request *r, int64_t id, int status)
{
    Initiative in;
    Status s = initiative_get(&r->ctx, id, &in);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    if (status == 201)
        resp_header(r, "Location", arena_printf(r->arena, "/api/v1/initiatives/%lld", (long long)id));
    JsonOut o;
    json_answer(r, status, &o);
    api_write_initiative(&o, NULL, r, &in);
}

/* Loads the initiative and checks that this person may change it (the
 * initiator or staff); answers 404 or 403 itself. */
static int load_editable(Request *r, int64_t id, Initiative *in)
{
    Status s = initiative_get(&r->ctx, id, in);
    if (s == STATUS_OK && !initiative_may_edit(&r->ctx, in)) {
        FieldErrors e = { .summary = "Alleen de initiatiefnemer en medewerkers van de gemeente mogen dit." };
        api_status(r, ERR_FORBIDDEN, &e);
        return 0;
    }
    if (s != STATUS_OK)
        api_status(r, s, NULL);
    return s == STATUS_OK;
}

/* ---- The list ------------------------------------------------------ */

static int theme_known(Request *r, const char *code)
{
    CodeName *v = NULL;
    size_t n = 0;
    reference_themes(&r->ctx, &v, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

static int area_known(Request *r, const char *code)
{
    Area *v = NULL;
    size_t n = 0;
    reference_areas(&r->ctx, &v, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return 1;
    return 0;
}

static void check_filter(Request *r, const InitiativeFilter *f, FieldErrors *e)
{
    if (f->q && !utf8_valid(f->q))
        errors_add(e, "q", "Deze zoekvraag bevat tekens die we niet kunnen lezen.");
    else if (f->q && utf8_len(f->q) > Q_MAX)
        errors_add(e, "q", "Zoek met hoogstens 200 tekens.");
    if (f->state && state_parse(f->state) == ST_NONE)
        errors_add(e, "state", "Deze stap kennen we niet.");
    if (f->area && !area_known(r, f->area))
        errors_add(e, "area", "Deze wijk of buurt kennen we niet.");
    if (f->theme && !theme_known(r, f->theme))
        errors_add(e, "theme", "Dit thema kennen we niet.");
}

/* The URL of the batch after the item `last`, with the same filters. */
static const char *next_url(Request *r, const InitiativeFilter *f, int64_t last)
{
    Buf q;
    buf_init(&q);
    buf_puts(&q, arena_printf(r->arena, "/api/v1/initiatives?after=%lld&per_page=%d", (long long)last, f->per_page));
    const char *names[] = { "area", "theme", "state" }, *values[] = { f->area, f->theme, f->state };
    for (size_t i = 0; i < 3; i++)
        if (values[i]) {
            buf_puts(&q, arena_printf(r->arena, "&%s=", names[i]));
            url_encode_into(&q, values[i]);
        }
    const char *url = arena_strdup(r->arena, buf_cstr(&q));
    buf_free(&q);
    return url;
}

/* ?after=ID: 0 when absent, -1 (and an error) when not an id. */
static int64_t query_after(Request *r, FieldErrors *e)
{
    const char *v = api_query_text(r, "after");
    int64_t id;
    if (!v)
        return 0;
    if (!parse_int64(v, &id) || id < 1) {
        errors_add(e, "after", "Geef bij after het nummer (id) van een initiatief: een heel getal vanaf 1.");
        return -1;
    }
    return id;
}

/* Items, then "next" (the batch after the last item, or null) unless
 * this is a search, whose order is not by id. */
static void send_list(Request *r, const InitiativeFilter *f, const InitiativePage *p, int more, int by_page)
{
    JsonOut o;
    json_answer(r, 200, &o);
    jout_object(&o, NULL);
    jout_array(&o, "items");
    for (size_t i = 0; i < p->n; i++)
        api_write_initiative_item(&o, NULL, r, &p->items[i]);
    jout_end_array(&o);
    if (by_page) {
        jout_int(&o, "total", p->total);
        jout_int(&o, "page", f->page);
    }
    jout_int(&o, "per_page", f->per_page);
    if (!f->q) {
        if (more && p->n)
            jout_str(&o, "next", next_url(r, f, p->items[p->n - 1].id));
        else
            jout_null(&o, "next");
    }
    jout_end_object(&o);
}

void api_initiatives_list(Request *r)
{
    FieldErrors e = { 0 };
    InitiativeFilter f = { .q = api_query_text(r, "q"),
                           .area = api_query_text(r, "area"),
                           .theme = api_query_text(r, "theme"),
                           .state = api_query_text(r, "state") };
    f.page = api_query_int(r, "page", 1, 1, INT_MAX, &e, "Geef een paginanummer: een heel getal vanaf 1.");
    f.per_page =
        api_query_int(r, "per_page", PER_PAGE_DEFAULT, 1, PER_PAGE_MAX, &e, "Kies 1 tot en met 100 per pagina.");
    int64_t after = query_after(r, &e);
    check_filter(r, &f, &e);
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    if (after && f.q) {
        errors_add(&e, "after", "Met after bladert u op nummer; zoekresultaten (q) staan op volgorde van hoe goed ze "
                                "passen. Blader door zoekresultaten met page.");
        api_error(r, 400, "bad_request", "Zoeken (q) en after gaan niet samen.", &e);
        return;
    }
    if (after && api_query_text(r, "page")) {
        errors_add(&e, "after", "Gebruik page of after, niet allebei.");
        api_error(r, 400, "bad_request", "Gebruik page of after, niet allebei.", &e);
        return;
    }
    if (!initiative_page_reachable(f.page, f.per_page)) {
        errors_add(&e, "page",
                   arena_printf(r->arena,
                                "Pagina's gaan tot de nieuwste %s initiatieven: hier tot en met pagina %d. Loop de "
                                "hele lijst door met after: begin bij pagina 1 en volg next. Of kies een wijk, "
                                "thema of stap.",
                                initiative_reach_label(r->arena), initiative_last_page(LIST_OFFSET_MAX, f.per_page)));
        api_error(r, 400, "too_deep", "Zo ver terugbladeren kan niet.", &e);
        return;
    }
    InitiativePage p;
    int more = 0;
    Status s = after ? initiative_list_after(&r->ctx, &f, after, &p, &more) : initiative_list(&r->ctx, &f, &p);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    if (!after)
        more = p.n && (int64_t)(f.page - 1) * f.per_page + (int64_t)p.n < p.total;
    send_list(r, &f, &p, more, !after);
}

/* ---- One initiative ------------------------------------------------ */

/* Create, update and add-help hand the domain the type errors found so
 * far: it keeps the first error per field, adds its own, and answers
 * ERR_INVALID when there are any, so a client sees every problem at once. */

void api_initiative_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    InitiativeInput in;
    FieldErrors e = { 0 };
    api_read_initiative(r, body, &in, &e);
    json_decref(body);
    int64_t id = 0;
    Status s = initiative_create(&r->ctx, &in, &e, &id);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_initiative(r, id, 201);
}

/* From the object made ahead when there is one (api/objects.c), else made now. */
void api_initiative_get(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (id && !api_object_send(r, id))
        send_initiative(r, id, 200);
}

void api_initiative_update(Request *r)
{
    Initiative cur;
    int64_t id = api_id_param(r, 0);
    if (!id || !load_editable(r, id, &cur))
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    InitiativeInput in;
    FieldErrors e = { 0 };
    api_read_initiative(r, body, &in, &e);
    json_decref(body);
    Status s = initiative_update(&r->ctx, id, &in, &e);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_initiative(r, id, 200);
}

void api_initiative_transition(Request *r)
{
    Initiative cur;
    int64_t id = api_id_param(r, 0);
    if (!id || !load_editable(r, id, &cur))
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *to = NULL, *note = NULL;
    int64_t contact = 0;
    FieldErrors e = { 0 };
    api_read_text(r, body, "to", &to, &e);
    api_read_text(r, body, "note", &note, &e);
    api_read_id(body, "contact_id", &contact, &e);
    json_decref(body);
    if (!to || !*to)
        errors_add(&e, "to", "Kies de stap waar het initiatief naartoe gaat.");
    Status s = e.n ? ERR_INVALID : initiative_transition(&r->ctx, id, state_parse(to), note, contact, &e);
    /* The domain names the contact person "contact"; the body calls it contact_id. */
    for (size_t i = 0; i < e.n; i++)
        if (strcmp(e.field[i], "contact") == 0)
            e.field[i] = "contact_id";
    if (s == ERR_FORBIDDEN && !e.summary)
        e.summary = "Deze stap zet een medewerker van de gemeente.";
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_initiative(r, id, 200);
}

void api_initiative_timeline(Request *r)
{
    Initiative in;
    TimelineEvent *ev = NULL;
    size_t n = 0;
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Status s = initiative_get(&r->ctx, id, &in);
    if (s == STATUS_OK)
        s = initiative_timeline(&r->ctx, id, &ev, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(items, api_timeline_event(r, &in, &ev[i]));
    api_json(r, 200, json_pack("{s:o}", "items", items));
}

/* ---- Help requests ------------------------------------------------- */

/* Answers with one help request as it is now. */
static void send_help(Request *r, int64_t id, int64_t help_id, int status)
{
    Initiative in;
    Status s = initiative_get(&r->ctx, id, &in);
    for (size_t i = 0; s == STATUS_OK && i < in.n_help; i++)
        if (in.help[i].id == help_id) {
            JsonOut o;
            json_answer(r, status, &o);
            api_write_help(&o, NULL, &in.help[i]);
            return;
        }
    api_status(r, s == STATUS_OK ? ERR_NOT_FOUND : s, NULL);
}

void api_help_create(Request *r)
{
    Initiative cur;
    int64_t id = api_id_param(r, 0);
    if (!id || !load_editable(r, id, &cur))
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    HelpInput h;
    FieldErrors e = { 0 };
    api_read_help(r, body, "", &h, &e);
    json_decref(body);
    int64_t help_id = 0;
    Status s = initiative_add_help(&r->ctx, id, &h, &e, &help_id);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_help(r, id, help_id, 201);
}

void api_help_update(Request *r)
{
    int64_t id = api_id_param(r, 0);
    int64_t help_id = id ? api_id_param(r, 1) : 0;
    if (!help_id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    const char *state = NULL;
    FieldErrors e = { 0 };
    api_read_text(r, body, "state", &state, &e);
    json_decref(body);
    int hs = help_state_parse(state);
    if (hs < 0)
        errors_add(&e, "state", "Kies open, toegezegd, geleverd of afgewezen.");
    Status s = e.n ? ERR_INVALID : initiative_set_help_state(&r->ctx, id, help_id, (HelpState)hs);
    if (s != STATUS_OK)
        api_status(r, s, &e);
    else
        send_help(r, id, help_id, 200);
}
