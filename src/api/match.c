/* The matching engine in the API (issue 5):
 *   GET  /api/v1/initiatives/{id}/suggestions
 *        → {"initiatives":[…],"organisations":[…],"goals":[…],"officials":[…],"funds":[…]}
 *        each item {"id" or "code", "title" or "name", "score", "reasons":[…]}; officials
 *        show only their public profile (name, expertise), never e-mail or phone;
 *   POST /api/v1/initiatives/{id}/suggestions/confirm {"kind","target"}
 *   POST /api/v1/initiatives/{id}/suggestions/dismiss {"kind","target"}
 * Staff and the initiator see suggestions; staff confirm and dismiss
 * them (domain/match.h checks). */
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/match.h"

static json_t *item(const Suggestion *s)
{
    json_t *reasons = json_array();
    for (size_t i = 0; i < s->n_reasons; i++)
        json_array_append_new(reasons, api_str(s->reasons[i]));
    json_t *o = json_object();
    if (s->kind == SUG_INITIATIVE || s->kind == SUG_OFFICIAL)
        json_object_set_new(o, "id", json_integer((json_int_t)s->id));
    else
        json_object_set_new(o, "code", api_str(s->target));
    json_object_set_new(o, s->kind == SUG_INITIATIVE || s->kind == SUG_GOAL ? "title" : "name", api_str(s->name));
    if (s->kind == SUG_OFFICIAL)
        json_object_set_new(o, "expertise", api_str(s->detail));
    else if (s->kind == SUG_INITIATIVE)
        json_object_set_new(o, "area", api_str(s->detail));
    json_object_set_new(o, "score", json_integer(s->score));
    json_object_set_new(o, "reasons", reasons);
    return o;
}

void api_suggestions(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Suggestions sg;
    Status s = match_suggestions(&r->ctx, id, &sg);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = json_object();
    for (int k = 0; k < SUG_KIND_COUNT_; k++) {
        json_t *a = json_array();
        for (size_t i = 0; i < sg.n[k]; i++)
            json_array_append_new(a, item(&sg.items[k][i]));
        json_object_set_new(o, suggestion_kind_plural((SuggestionKind)k), a);
    }
    api_json(r, 200, o);
}

static void act(Request *r, int confirm)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    json_t *jk = json_object_get(body, "kind"), *jt = json_object_get(body, "target");
    const char *kind = json_is_string(jk) ? arena_strdup(r->arena, json_string_value(jk)) : NULL;
    const char *target = NULL;
    if (json_is_string(jt))
        target = arena_strdup(r->arena, json_string_value(jt));
    else if (json_is_integer(jt))
        target = arena_printf(r->arena, "%lld", (long long)json_integer_value(jt));
    json_decref(body);
    Status s = confirm ? match_confirm(&r->ctx, id, kind, target, &e) : match_dismiss(&r->ctx, id, kind, target, &e);
    if (s == STATUS_OK) {
        api_json(r, 200, json_pack("{s:o, s:o, s:s}", "kind", api_str(kind), "target", api_str(target), "result",
                                   confirm ? "confirmed" : "dismissed"));
        return;
    }
    if (s == ERR_FORBIDDEN)
        e.summary = "Alleen een medewerker van de gemeente kan suggesties bevestigen of weghalen.";
    else if (s == ERR_NOT_FOUND && !e.n && confirm)
        e.summary = "Dit initiatief of deze suggestie bestaat niet (meer).";
    api_status(r, s, &e);
}

void api_suggestion_confirm(Request *r)
{
    act(r, 1);
}

void api_suggestion_dismiss(Request *r)
{
    act(r, 0);
}
