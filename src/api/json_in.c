/* Reading JSON bodies into the domain's inputs. Only JSON types are
 * checked here (a member of the wrong type is a 422 naming it); what a
 * value may be is the domain's rule. Strings are copied into the
 * request's arena, so the body can be released right after reading. */
#include <string.h>

#include "api/json.h"

#define MSG_TEXT "Dit moet tekst zijn."
#define MSG_CODES "Dit moet een lijst met codes (tekst) zijn."
#define MSG_NUMBERS "Dit moet een lijst met nummers zijn."
#define MSG_LINKS "Dit moet een lijst zijn als [{\"kind\": \"website\", \"url\": \"https://…\"}]."
#define MSG_BOOL "Dit moet true of false zijn."
#define MSG_CENTS "Dit moet een bedrag in hele centen zijn, of null."

enum { LINK_KIND_MAX = 40 };

static const char *field_name(Request *r, const char *prefix, const char *name)
{
    return *prefix ? arena_printf(r->arena, "%s.%s", prefix, name) : name;
}

/* Returns 1 when the member is there (null gives NULL). */
static int read_text(Request *r, json_t *obj, const char *key, const char *field, const char **out, FieldErrors *e)
{
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (json_is_string(v))
        *out = arena_strdup(r->arena, json_string_value(v));
    else if (json_is_null(v))
        *out = NULL;
    else
        errors_add(e, field, MSG_TEXT);
    return 1;
}

int api_read_text(Request *r, json_t *obj, const char *key, const char **out, FieldErrors *e)
{
    return read_text(r, obj, key, key, out, e);
}

int api_read_id(json_t *obj, const char *key, int64_t *out, FieldErrors *e)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 1)
        errors_add(e, key, "Dit moet een nummer (id) zijn.");
    else
        *out = json_integer_value(v);
    return 1;
}

int api_read_bool(json_t *obj, const char *key, int *out, FieldErrors *e)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return 0;
    if (json_is_boolean(v))
        *out = json_is_true(v);
    else
        errors_add(e, key, MSG_BOOL);
    return 1;
}

/* A tag is on or off, so a repeated code counts once (the store would
 * refuse it twice). One more than the maximum is kept so that the domain
 * can say there are too many. */
static void add_unique(const char **v, size_t *n, size_t cap, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(v[i], s) == 0)
            return;
    if (*n < cap)
        v[(*n)++] = s;
}

/* The list member key: absent returns 0; null is an empty list. */
static json_t *list_member(json_t *obj, const char *key, int *present, FieldErrors *e, const char *msg)
{
    json_t *v = json_object_get(obj, key);
    *present = v != NULL;
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v)) {
        errors_add(e, key, msg);
        return NULL;
    }
    return v;
}

static int read_themes(Request *r, json_t *obj, InitiativeInput *in, FieldErrors *e)
{
    int present;
    json_t *v = list_member(obj, "themes", &present, e, MSG_CODES), *x;
    size_t i;
    json_array_foreach(v, i, x) {
        if (!json_is_string(x)) {
            errors_add(e, "themes", MSG_CODES);
            break;
        }
        add_unique(in->themes, &in->n_themes, THEMES_MAX + 1, arena_strdup(r->arena, json_string_value(x)));
    }
    return present;
}

static int read_sdgs(Request *r, json_t *obj, InitiativeInput *in, FieldErrors *e)
{
    int present;
    json_t *v = list_member(obj, "sdgs", &present, e, MSG_NUMBERS), *x;
    size_t i;
    json_array_foreach(v, i, x) {
        if (!json_is_integer(x)) {
            errors_add(e, "sdgs", MSG_NUMBERS);
            break;
        }
        add_unique(in->sdgs, &in->n_sdgs, SDGS_MAX + 1,
                   arena_printf(r->arena, "%lld", (long long)json_integer_value(x)));
    }
    return present;
}

static int read_links(Request *r, json_t *obj, InitiativeInput *in, FieldErrors *e)
{
    int present;
    json_t *v = list_member(obj, "links", &present, e, MSG_LINKS), *x;
    size_t i;
    json_array_foreach(v, i, x) {
        json_t *url = json_object_get(x, "url"), *kind = json_object_get(x, "kind");
        if (!json_is_object(x) || !json_is_string(url) || (kind && !json_is_null(kind) && !json_is_string(kind))) {
            errors_add(e, "links", MSG_LINKS);
            break;
        }
        const char *k = json_is_string(kind) ? json_string_value(kind) : NULL;
        if (k && strlen(k) > LINK_KIND_MAX) {
            errors_add(e, "links", "De soort van een link is te lang (bijvoorbeeld website, facebook, instagram).");
            break;
        }
        if (in->n_links < LINKS_MAX + 1)
            in->links[in->n_links++] = (Link){ arena_strdup(r->arena, k), arena_strdup(r->arena, json_string_value(url)) };
    }
    return present;
}

static int read_show_name(json_t *obj, InitiativeInput *in, FieldErrors *e)
{
    json_t *v = json_object_get(obj, "show_name");
    if (!v)
        return 0;
    if (json_is_boolean(v))
        in->show_name = json_is_true(v);
    else
        errors_add(e, "show_name", MSG_BOOL);
    return 1;
}

void api_read_help(Request *r, json_t *obj, const char *prefix, HelpInput *h, FieldErrors *e)
{
    memset(h, 0, sizeof *h);
    h->amount_cents = -1;
    read_text(r, obj, "kind", field_name(r, prefix, "kind"), &h->kind, e);
    read_text(r, obj, "description", field_name(r, prefix, "description"), &h->description, e);
    json_t *amount = json_object_get(obj, "amount_cents");
    if (!amount || json_is_null(amount))
        return;
    const char *field = field_name(r, prefix, "amount_cents");
    if (!json_is_integer(amount))
        errors_add(e, field, MSG_CENTS);
    else if (json_integer_value(amount) < 1)
        /* -1 means "no amount" to the domain: never let a client send it. */
        errors_add(e, field, "Het bedrag moet meer dan € 0 zijn.");
    else
        h->amount_cents = json_integer_value(amount);
}

static void read_help_list(Request *r, json_t *obj, InitiativeInput *in, FieldErrors *e)
{
    int present;
    json_t *v = list_member(obj, "help_requests", &present, e, "Dit moet een lijst met hulpvragen zijn."), *x;
    size_t i;
    json_array_foreach(v, i, x) {
        const char *prefix = arena_printf(r->arena, "help_requests[%zu]", i);
        if (!json_is_object(x)) {
            errors_add(e, prefix, "Dit moet een hulpvraag zijn: {\"kind\", \"description\", \"amount_cents\"}.");
            continue;
        }
        if (in->n_help == HELP_MAX + 1)
            break;
        api_read_help(r, x, prefix, &in->help[in->n_help++], e);
    }
}

void api_read_initiative(Request *r, json_t *body, InitiativeInput *in, FieldErrors *e)
{
    memset(in, 0, sizeof *in);
    in->show_name = 1;
    in->present.title = api_read_text(r, body, "title", &in->title, e);
    in->present.summary = api_read_text(r, body, "summary", &in->summary, e);
    in->present.description = api_read_text(r, body, "description", &in->description, e);
    in->present.area = api_read_text(r, body, "area", &in->area, e);
    in->present.themes = read_themes(r, body, in, e);
    in->present.sdgs = read_sdgs(r, body, in, e);
    in->present.links = read_links(r, body, in, e);
    in->present.show_name = read_show_name(body, in, e);
    read_help_list(r, body, in, e);
}
