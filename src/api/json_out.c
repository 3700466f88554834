/* The objects the API answers with. Privacy is decided here once: the
 * initiator's e-mail and phone are never written, the name only through
 * initiative_public_name(). */
#include <stdlib.h>

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

static json_t *code_name(const char *code, const char *name)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", api_str(code));
    json_object_set_new(o, "name", api_str(name));
    return o;
}

/* The store marks matches with \x01 and \x02; clients get HTML-safe
 * text with <mark>, the same as the list page shows. */
static json_t *snippet(const char *s)
{
    Buf b;
    buf_init(&b);
    out_marked(&b, s);
    json_t *v = api_str(buf_cstr(&b));
    buf_free(&b);
    return v;
}

/* The fields a list item and the whole object share. */
static json_t *initiative_base(Request *r, const Initiative *in)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(in->id));
    json_object_set_new(o, "title", api_str(in->title));
    json_object_set_new(o, "summary", api_str(in->summary));
    json_object_set_new(o, "area", code_name(in->area_code, in->area_name));
    json_object_set_new(o, "state", api_str(state_code(in->state)));
    json_object_set_new(o, "state_label", api_str(state_label(in->state)));
    json_object_set_new(o, "initiator", api_str(initiative_public_name(in)));
    json_object_set_new(o, "created_at", time_or_null(r, in->created_at));
    json_object_set_new(o, "submitted_at", time_or_null(r, in->submitted_at));
    json_object_set_new(o, "url", api_str(arena_printf(r->arena, "/initiatieven/%lld", (long long)in->id)));
    return o;
}

json_t *api_initiative_item(Request *r, const Initiative *in)
{
    json_t *o = initiative_base(r, in);
    if (in->snippet)
        json_object_set_new(o, "snippet", snippet(in->snippet));
    return o;
}

json_t *api_help_object(const HelpRequest *h)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(h->id));
    json_object_set_new(o, "kind", api_str(h->kind));
    json_object_set_new(o, "kind_name", api_str(h->kind_name));
    json_object_set_new(o, "description", api_str(h->description));
    json_object_set_new(o, "amount_cents", h->amount_cents >= 0 ? json_integer(h->amount_cents) : json_null());
    json_object_set_new(o, "state", api_str(help_state_code(h->state)));
    json_object_set_new(o, "state_label", api_str(help_state_label(h->state)));
    return o;
}

static void put_tags(json_t *o, const Initiative *in)
{
    json_t *themes = json_array(), *sdgs = json_array(), *links = json_array();
    for (size_t i = 0; i < in->n_themes; i++)
        json_array_append_new(themes, code_name(in->themes[i].code, in->themes[i].name));
    for (size_t i = 0; i < in->n_sdgs; i++)
        json_array_append_new(sdgs, json_pack("{s:I, s:o}", "number", (json_int_t)strtoll(in->sdgs[i].code, NULL, 10),
                                              "name", api_str(in->sdgs[i].name)));
    for (size_t i = 0; i < in->n_links; i++)
        json_array_append_new(links, json_pack("{s:o, s:o}", "kind", api_str(in->links[i].kind), "url",
                                               api_str(in->links[i].url)));
    json_object_set_new(o, "themes", themes);
    json_object_set_new(o, "sdgs", sdgs);
    json_object_set_new(o, "links", links);
}

static json_t *deadline(Request *r, const Initiative *in)
{
    Deadline d = initiative_deadline(&r->ctx, in);
    if (!d.active)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "state", api_str(state_code(in->state)));
    json_object_set_new(o, "what", api_str(d.what));
    json_object_set_new(o, "due", api_str(date_iso(r->arena, d.due_day)));
    json_object_set_new(o, "days_left", json_integer(d.days_left));
    json_object_set_new(o, "overdue", json_boolean(d.days_left < 0));
    return o;
}

json_t *api_initiative_object(Request *r, const Initiative *in)
{
    json_t *o = initiative_base(r, in);
    json_object_set_new(o, "description", api_str(in->description));
    json_object_set_new(o, "show_name", json_boolean(in->show_name));
    json_object_set_new(o, "updated_at", time_or_null(r, in->updated_at));
    json_object_set_new(o, "state_since", time_or_null(r, in->state_since));
    put_tags(o, in);
    json_t *help = json_array();
    for (size_t i = 0; i < in->n_help; i++)
        json_array_append_new(help, api_help_object(&in->help[i]));
    json_object_set_new(o, "help_requests", help);
    json_t *contact = json_null();
    if (in->contact_id && in->contact_name)
        contact = json_pack("{s:o}", "name", api_str(in->contact_name));
    json_object_set_new(o, "contact", contact);
    json_object_set_new(o, "deadline", deadline(r, in));
    return o;
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
