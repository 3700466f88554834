/* The objects the API answers with. Privacy is decided here once: the
 * initiator's e-mail and phone are never written, the name only through
 * initiative_public_name(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"
#include "lib/dates.h"
#include "lib/html.h"

json_t *api_str(const char *s)
{
    json_t *v = s ? json_string(s) : NULL;
    return v ? v : json_null();
}

static json_t *time_or_null(Request *r, int64_t t)
{
    return t ? api_str(datetime_iso(r->arena, t)) : json_null();
}

/* A tree from what a writer below writes, for callers that build their
 * answer with jansson: one writer per object, so both show the same. */
static json_t *as_tree(Buf *b)
{
    json_t *v = json_loadb(b->data, b->len, 0, NULL);
    buf_free(b);
    return v ? v : json_null();
}

/* An ISO time (datetime_iso), or null for 0; written without printf. */
static void put_time(JsonOut *o, const char *key, Arena *a, int64_t t)
{
    if (!t) {
        jout_null(o, key);
        return;
    }
    int64_t day = date_day(t), s = t - day * 86400;
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        jout_str(o, key, datetime_iso(a, t));
        return;
    }
    int v[6] = { y, m, d, (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60) };
    char text[] = "\"0000-00-00T00:00:00Z\"";
    static const unsigned char at[6] = { 1, 6, 9, 12, 15, 18 };
    for (int i = 0; i < 6; i++) {
        char *p = text + at[i] + (i == 0 ? 3 : 1);
        for (int x = v[i], k = i == 0 ? 4 : 2; k > 0; k--, x /= 10)
            *p-- = (char)('0' + x % 10);
    }
    jout_raw(o, key, text, sizeof text - 1);
}

static void put_code_name(JsonOut *o, const char *key, const char *code, const char *name)
{
    jout_object(o, key);
    jout_str(o, "code", code);
    jout_str(o, "name", name);
    jout_end_object(o);
}

/* The fields a list item and the whole object share. */
static void put_base(JsonOut *o, Arena *a, const Initiative *in)
{
    jout_int(o, "id", in->id);
    jout_str(o, "title", in->title);
    jout_str(o, "summary", in->summary);
    put_code_name(o, "area", in->area_code, in->area_name);
    jout_str(o, "state", state_code(in->state));
    jout_str(o, "state_label", state_label(in->state));
    jout_str(o, "initiator", initiative_public_name(in));
    put_time(o, "created_at", a, in->created_at);
    put_time(o, "submitted_at", a, in->submitted_at);
    /* "/initiatieven/%lld", without printf */
    char url[48] = "\"/initiatieven/", num[24], *p = num + sizeof num;
    size_t n = 15;
    uint64_t u = in->id < 0 ? 0 - (uint64_t)in->id : (uint64_t)in->id;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (in->id < 0)
        *--p = '-';
    memcpy(url + n, p, (size_t)(num + sizeof num - p));
    n += (size_t)(num + sizeof num - p);
    url[n++] = '"';
    jout_raw(o, "url", url, n);
}

void api_write_initiative_item(JsonOut *o, const char *key, Request *r, const Initiative *in)
{
    jout_object(o, key);
    put_base(o, r->arena, in);
    if (in->snippet) {
        /* The store marks matches with \x01 and \x02; clients get
         * HTML-safe text with <mark>, the same as the list page shows. */
        Buf b;
        buf_init(&b);
        out_marked(&b, in->snippet);
        jout_str(o, "snippet", buf_cstr(&b));
        buf_free(&b);
    }
    jout_end_object(o);
}

json_t *api_initiative_item(Request *r, const Initiative *in)
{
    Buf b;
    JsonOut o;
    buf_init(&b);
    jout_init(&o, &b);
    api_write_initiative_item(&o, NULL, r, in);
    return as_tree(&b);
}

void api_write_help(JsonOut *o, const char *key, const HelpRequest *h)
{
    jout_object(o, key);
    jout_int(o, "id", h->id);
    jout_str(o, "kind", h->kind);
    jout_str(o, "kind_name", h->kind_name);
    jout_str(o, "description", h->description);
    if (h->amount_cents >= 0)
        jout_int(o, "amount_cents", h->amount_cents);
    else
        jout_null(o, "amount_cents");
    jout_str(o, "state", help_state_code(h->state));
    jout_str(o, "state_label", help_state_label(h->state));
    jout_end_object(o);
}

json_t *api_help_object(const HelpRequest *h)
{
    Buf b;
    JsonOut o;
    buf_init(&b);
    jout_init(&o, &b);
    api_write_help(&o, NULL, h);
    return as_tree(&b);
}

static void put_tags(JsonOut *o, const Initiative *in)
{
    jout_array(o, "themes");
    for (size_t i = 0; i < in->n_themes; i++)
        put_code_name(o, NULL, in->themes[i].code, in->themes[i].name);
    jout_end_array(o);
    jout_array(o, "sdgs");
    for (size_t i = 0; i < in->n_sdgs; i++) {
        jout_object(o, NULL);
        jout_int(o, "number", strtoll(in->sdgs[i].code, NULL, 10));
        jout_str(o, "name", in->sdgs[i].name);
        jout_end_object(o);
    }
    jout_end_array(o);
    jout_array(o, "links");
    for (size_t i = 0; i < in->n_links; i++) {
        jout_object(o, NULL);
        jout_str(o, "kind", in->links[i].kind);
        jout_str(o, "url", in->links[i].url);
        jout_end_object(o);
    }
    jout_end_array(o);
}

void api_write_initiative_head(JsonOut *o, const char *key, Arena *a, const Initiative *in)
{
    jout_object(o, key);
    put_base(o, a, in);
    jout_str(o, "description", in->description);
    jout_bool(o, "show_name", in->show_name);
    put_time(o, "updated_at", a, in->updated_at);
    put_time(o, "state_since", a, in->state_since);
    put_tags(o, in);
    jout_array(o, "help_requests");
    for (size_t i = 0; i < in->n_help; i++)
        api_write_help(o, NULL, &in->help[i]);
    jout_end_array(o);
    if (in->contact_id && in->contact_name) {
        jout_object(o, "contact");
        jout_str(o, "name", in->contact_name);
        jout_end_object(o);
    } else {
        jout_null(o, "contact");
    }
}

void api_write_initiative_tail(JsonOut *o, Ctx *c, ProcState state, int64_t state_since, int64_t submitted_at)
{
    Initiative in = { .state = state, .state_since = state_since, .submitted_at = submitted_at };
    Deadline d = initiative_deadline(c, &in);
    if (!d.active) {
        jout_null(o, "deadline");
    } else {
        jout_object(o, "deadline");
        jout_str(o, "state", state_code(state));
        jout_str(o, "what", d.what);
        jout_str(o, "due", date_iso(c->arena, d.due_day));
        jout_int(o, "days_left", d.days_left);
        jout_bool(o, "overdue", d.days_left < 0);
        jout_end_object(o);
    }
    jout_end_object(o);
}

void api_write_initiative(JsonOut *o, const char *key, Request *r, const Initiative *in)
{
    api_write_initiative_head(o, key, r->arena, in);
    api_write_initiative_tail(o, &r->ctx, in->state, in->state_since, in->submitted_at);
}

json_t *api_initiative_object(Request *r, const Initiative *in)
{
    Buf b;
    JsonOut o;
    buf_init(&b);
    jout_init(&o, &b);
    api_write_initiative(&o, NULL, r, in);
    return as_tree(&b);
}

json_t *api_timeline_event(Request *r, const Initiative *in, const TimelineEvent *ev)
{
    /* Only the initiator and staff move an initiative, so an actor who is
     * not staff is the initiator: shown as the public name or a role. */
    const char *by = ev->by_name;
    if (by && !role_is_staff(ev->by_role)) {
        const char *name = initiative_public_name(in);
        by = name ? name : "Initiatiefnemer";
    }
    json_t *o = json_object();
    json_object_set_new(o, "at", time_or_null(r, ev->at));
    json_object_set_new(o, "from", ev->from == ST_NONE ? json_null() : api_str(state_code(ev->from)));
    json_object_set_new(o, "to", api_str(state_code(ev->to)));
    json_object_set_new(o, "by", api_str(by));
    json_object_set_new(o, "note", ev->note && *ev->note ? api_str(ev->note) : json_null());
    return o;
}
