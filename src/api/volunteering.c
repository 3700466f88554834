/* Volunteering in the API: vacancies (public list with filters, posting by
 * a member of the organisation or the initiator), responses, the
 * volunteer's own profile and "for you", and the search of visible
 * profiles for organisation members. Contact details of a volunteer appear
 * only in the responses to a vacancy, for those who manage it. */
#include <string.h>

#include "api/api.h"
#include "api/json.h"
#include "api/routes.h"
#include "domain/volunteer_match.h"
#include "domain/volunteering.h"
#include "lib/dates.h"
#include "lib/text.h"

static const char *const day_codes[VOL_DAYS] = { "monday", "tuesday", "wednesday", "thursday",
                                                 "friday", "saturday", "sunday" };
static const char *const part_codes[VOL_PARTS] = { "morning", "afternoon", "evening" };

/* ["tuesday_afternoon", …] */
static json_t *slots_json(int mask)
{
    json_t *a = json_array();
    for (int d = 0; d < VOL_DAYS; d++)
        for (int p = 0; p < VOL_PARTS; p++)
            if (mask & vol_bit(d, p)) {
                char s[32];
                snprintf(s, sizeof s, "%s_%s", day_codes[d], part_codes[p]);
                json_array_append_new(a, json_string(s));
            }
    return a;
}

static int slot_parse(const char *s)
{
    for (int d = 0; d < VOL_DAYS; d++)
        for (int p = 0; p < VOL_PARTS; p++) {
            size_t n = strlen(day_codes[d]);
            if (strncmp(s, day_codes[d], n) == 0 && s[n] == '_' && strcmp(s + n + 1, part_codes[p]) == 0)
                return vol_bit(d, p);
        }
    return 0;
}

static int read_slots(json_t *body, const char *key, int *out, FieldErrors *e)
{
    json_t *v = json_object_get(body, key), *x;
    if (!v || json_is_null(v))
        return 0;
    static const char msg[] = "Geef een lijst zoals [\"tuesday_afternoon\", \"saturday_morning\"]: een dag (monday tot "
                              "en met sunday) en een dagdeel (morning, afternoon, evening).";
    if (!json_is_array(v)) {
        errors_add(e, key, msg);
        return 0;
    }
    size_t i;
    int mask = 0;
    json_array_foreach(v, i, x) {
        int b = json_is_string(x) ? slot_parse(json_string_value(x)) : 0;
        if (!b) {
            errors_add(e, key, msg);
            return 0;
        }
        mask |= b;
    }
    *out = mask;
    return 1;
}

static json_t *suits_json(int mask)
{
    json_t *a = json_array();
    for (int i = 0; i < VOL_SUITS_COUNT; i++)
        if (mask & (1 << i))
            json_array_append_new(a, json_string(vol_suits_code(i)));
    return a;
}

static json_t *codes_json(const char **v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

/* A list of strings; NULL when absent. */
static const char **read_codes(Request *r, json_t *body, const char *key, size_t *n, FieldErrors *e)
{
    json_t *v = json_object_get(body, key), *x;
    *n = 0;
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v) || json_array_size(v) > 60) {
        errors_add(e, key, "Geef een lijst met codes.");
        return NULL;
    }
    const char **out = arena_alloc(r->arena, (json_array_size(v) + 1) * sizeof *out);
    size_t i;
    json_array_foreach(v, i, x) {
        if (!json_is_string(x)) {
            errors_add(e, key, "Geef een lijst met codes.");
            return NULL;
        }
        out[(*n)++] = arena_strdup(r->arena, json_string_value(x));
    }
    return out;
}

static int read_int(json_t *body, const char *key, int *out, FieldErrors *e, const char *msg)
{
    json_t *v = json_object_get(body, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < -1000000 || json_integer_value(v) > 1000000) {
        errors_add(e, key, msg);
        return 0;
    }
    *out = (int)json_integer_value(v);
    return 1;
}

static json_t *profile_object(const VolunteerProfile *p, int own);

static json_t *vacancy_object(Request *r, const Vacancy *v)
{
    json_t *o = json_pack("{s:I, s:o, s:o, s:o, s:o, s:b, s:o, s:i, s:i, s:o, s:s, s:o, s:o, s:b}", "id",
                          (json_int_t)v->id, "title", api_str(v->title), "tasks", api_str(v->tasks), "offer",
                          api_str(v->offer), "skills", api_str(v->skills), "from_home", v->from_home, "contact",
                          api_str(v->contact), "places", v->places, "accepted", (int)v->accepted, "suits",
                          suits_json(v->suits), "state", vacancy_state_code(v->state), "closes_on",
                          api_str(v->closes_on), "created_at", api_str(datetime_iso(r->arena, v->created_at)),
                          "open_for_responses", vacancy_takes_responses(&r->ctx, v));
    json_object_set_new(o, "organisation",
                        v->organisation ? json_pack("{s:o, s:o}", "code", api_str(v->organisation), "name",
                                                    api_str(v->organisation_name))
                                        : json_null());
    json_object_set_new(o, "initiative",
                        v->initiative_id ? json_pack("{s:I, s:o}", "id", (json_int_t)v->initiative_id, "title",
                                                     api_str(v->initiative_title))
                                         : json_null());
    json_object_set_new(o, "theme",
                        v->theme ? json_pack("{s:o, s:o}", "code", api_str(v->theme), "name", api_str(v->theme_name))
                                 : json_null());
    json_object_set_new(o, "area",
                        v->area ? json_pack("{s:o, s:o}", "code", api_str(v->area), "name", api_str(v->area_name))
                                : json_null());
    if (v->date)
        json_object_set_new(o, "time", json_pack("{s:s, s:o, s:i, s:o}", "kind", "one_off", "date", api_str(v->date),
                                                 "hours", v->hours, "slots", slots_json(v->times)));
    else
        json_object_set_new(o, "time", json_pack("{s:s, s:i, s:o, s:o, s:o}", "kind", "recurring", "hours_per_week",
                                                 v->hours_per_week, "period_start", api_str(v->period_start),
                                                 "period_end", api_str(v->period_end), "slots",
                                                 slots_json(v->times)));
    return o;
}

/* ---- GET /vacancies ------------------------------------------------------ */

void api_vacancies(Request *r)
{
    FieldErrors e = { 0 };
    VacancyFilter f = { 0 };
    f.q = api_query_text(r, "q");
    f.theme = api_query_text(r, "theme");
    f.area = api_query_text(r, "area");
    f.organisation = api_query_text(r, "organisation");
    const char *v;
    if ((v = api_query_text(r, "kind"))) {
        if (strcmp(v, "one_off") == 0)
            f.kind = VAC_KIND_ONE_OFF;
        else if (strcmp(v, "recurring") == 0)
            f.kind = VAC_KIND_RECURRING;
        else
            errors_add(&e, "kind", "Kies one_off (eenmalig) of recurring (vast).");
    }
    if ((v = api_query_text(r, "suits"))) {
        f.suits = vol_suits_parse(v);
        if (!f.suits)
            errors_add(&e, "suits", "Kies youth, older, learning_dutch, newcomers of labour_distance.");
    }
    if ((v = api_query_text(r, "from_home"))) {
        if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
            f.from_home = 1;
        else if (strcmp(v, "false") != 0 && strcmp(v, "0") != 0)
            errors_add(&e, "from_home", "Geef true of false.");
    }
    if (e.n) {
        api_status(r, ERR_INVALID, &e);
        return;
    }
    Vacancy *items;
    size_t n;
    Status s = vacancy_list(&r->ctx, &f, &items, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, vacancy_object(r, &items[i]));
    api_json(r, 200, json_pack("{s:o, s:I}", "items", a, "total", (json_int_t)n));
}

/* ---- GET /vacancies/{id} ------------------------------------------------- */

static json_t *response_object(Request *r, const VolResponse *x, int contact)
{
    json_t *o = json_pack("{s:I, s:I, s:o, s:s, s:o, s:o}", "id", (json_int_t)x->id, "vacancy_id",
                          (json_int_t)x->vacancy_id, "message", api_str(x->message), "state",
                          response_state_code(x->state), "created_at", api_str(datetime_iso(r->arena, x->created_at)),
                          "placement_id", x->placement_id ? json_integer(x->placement_id) : json_null());
    if (contact)
        json_object_set_new(o, "volunteer", json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)x->user_id, "name",
                                                      api_str(x->name), "email", api_str(x->email), "phone",
                                                      api_str(x->phone)));
    return o;
}

void api_vacancy(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Vacancy v;
    Status s = vacancy_get(&r->ctx, id, &v);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *o = vacancy_object(r, &v);
    if (vacancy_may_manage(&r->ctx, &v)) {
        VolResponse *rs;
        Placement *ps;
        size_t nr = 0, np = 0;
        if (vacancy_responses(&r->ctx, id, &rs, &nr) != STATUS_OK ||
            vacancy_placements(&r->ctx, id, &ps, &np) != STATUS_OK) {
            json_decref(o);
            api_status(r, ERR_INTERNAL, NULL);
            return;
        }
        json_t *a = json_array(), *b = json_array();
        for (size_t i = 0; i < nr; i++)
            json_array_append_new(a, response_object(r, &rs[i], 1));
        for (size_t i = 0; i < np; i++)
            json_array_append_new(
                b, json_pack("{s:I, s:{s:I, s:o}, s:o, s:o}", "id", (json_int_t)ps[i].id, "volunteer", "id",
                             (json_int_t)ps[i].user_id, "name", api_str(ps[i].name), "started_at",
                             api_str(datetime_iso(r->arena, ps[i].started_at)), "ended_at",
                             ps[i].ended_at ? api_str(datetime_iso(r->arena, ps[i].ended_at)) : json_null()));
        json_object_set_new(o, "responses", a);
        json_object_set_new(o, "placements", b);
        VolFit *fit;
        size_t nf = 0;
        if (vacancy_fitting_volunteers(&r->ctx, id, &fit, &nf) != STATUS_OK)
            nf = 0;
        json_t *c = json_array();
        for (size_t i = 0; i < nf; i++) {
            json_t *why = json_array();
            for (size_t k = 0; k < fit[i].n_reasons; k++)
                json_array_append_new(why, json_string(fit[i].reasons[k]));
            json_t *p = profile_object(&fit[i].p, 0);
            json_object_set_new(p, "score", json_integer(fit[i].score));
            json_object_set_new(p, "reasons", why);
            json_array_append_new(c, p);
        }
        json_object_set_new(o, "fitting_volunteers", c);
    }
    api_json(r, 200, o);
}

/* ---- POST /vacancies ----------------------------------------------------- */

void api_vacancy_create(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    VacancyInput in = { 0 };
    FieldErrors e = { 0 };
    api_read_text(r, body, "organisation", &in.organisation, &e);
    api_read_id(body, "initiative_id", &in.initiative_id, &e);
    api_read_text(r, body, "title", &in.title, &e);
    api_read_text(r, body, "tasks", &in.tasks, &e);
    api_read_text(r, body, "offer", &in.offer, &e);
    api_read_text(r, body, "skills", &in.skills, &e);
    api_read_text(r, body, "theme", &in.theme, &e);
    api_read_text(r, body, "area", &in.area, &e);
    api_read_text(r, body, "date", &in.date, &e);
    api_read_text(r, body, "period_start", &in.period_start, &e);
    api_read_text(r, body, "period_end", &in.period_end, &e);
    api_read_text(r, body, "contact", &in.contact, &e);
    api_read_text(r, body, "closes_on", &in.closes_on, &e);
    api_read_bool(body, "from_home", &in.from_home, &e);
    read_int(body, "hours", &in.hours, &e, "Geef het aantal uur als geheel getal.");
    read_int(body, "hours_per_week", &in.hours_per_week, &e, "Geef het aantal uur per week als geheel getal.");
    read_int(body, "places", &in.places, &e, "Geef het aantal mensen als geheel getal.");
    read_slots(body, "slots", &in.times, &e);
    size_t ns = 0;
    const char **suits = read_codes(r, body, "suits", &ns, &e);
    for (size_t i = 0; i < ns; i++) {
        int b = vol_suits_parse(suits[i]);
        if (!b) {
            errors_add(&e, "suits", "Kies uit youth, older, learning_dutch, newcomers en labour_distance.");
            break;
        }
        in.suits |= b;
    }
    json_decref(body);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : vacancy_create(&r->ctx, &in, &e, &id);
    Vacancy v;
    if (s == STATUS_OK)
        s = vacancy_get(&r->ctx, id, &v);
    if (s != STATUS_OK) {
        if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van de organisatie of de initiatiefnemer kunnen een vacature plaatsen.";
        api_status(r, s, &e);
        return;
    }
    resp_header(r, "Location", arena_printf(r->arena, "/api/v1/vacancies/%lld", (long long)id));
    api_json(r, 201, vacancy_object(r, &v));
}

/* ---- POST /vacancies/{id}/responses -------------------------------------- */

void api_vacancy_respond(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    const char *message = NULL;
    api_read_text(r, body, "message", &message, &e);
    json_decref(body);
    int64_t rid = 0;
    Status s = e.n ? ERR_INVALID : vacancy_respond(&r->ctx, id, message, &e, &rid);
    VolResponse *mine;
    size_t n = 0;
    if (s == STATUS_OK)
        s = volunteer_my_responses(&r->ctx, &mine, &n);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (mine[i].id == rid) {
            api_json(r, 201, response_object(r, &mine[i], 0));
            return;
        }
    api_status(r, ERR_INTERNAL, NULL);
}

/* ---- PATCH /responses/{id} and POST /placements/{id}/end ---------------- */

void api_response_update(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    const char *state = NULL;
    api_read_text(r, body, "state", &state, &e);
    json_decref(body);
    int to = response_state_parse(state);
    if (!e.n && (to < 0 || to == RESP_NEW))
        errors_add(&e, "state", "Kies accepted, declined of withdrawn.");
    Status s = ERR_INVALID;
    if (!e.n)
        s = to == RESP_WITHDRAWN ? response_withdraw(&r->ctx, id) : response_decide(&r->ctx, id, to == RESP_ACCEPTED);
    if (s == ERR_CONFLICT)
        e.summary = "Dit kan niet meer: er is al over deze reactie besloten, of de vacature is vol of gesloten.";
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, json_pack("{s:I, s:s}", "id", (json_int_t)id, "state", response_state_code((ResponseState)to)));
}

void api_placement_end(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    Status s = placement_end(&r->ctx, id);
    if (s != STATUS_OK) {
        FieldErrors e = { 0 };
        if (s == ERR_CONFLICT)
            e.summary = "Deze plaatsing is al beëindigd.";
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "ended", 1));
}

/* ---- /volunteers/me ------------------------------------------------------- */

static json_t *profile_object(const VolunteerProfile *p, int own)
{
    json_t *o = json_pack("{s:I, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)p->user_id, "name", api_str(p->name),
                          "skills", api_str(p->skills), "themes", codes_json(p->themes, p->n_themes), "areas",
                          codes_json(p->areas, p->n_areas), "availability", slots_json(p->availability));
    json_object_set_new(o, "preference", json_string(vol_preference_code(p->preference)));
    if (own) {
        json_object_set_new(o, "visible", json_boolean(p->visible));
        json_object_set_new(o, "saved", json_boolean(p->exists));
    }
    return o;
}

void api_volunteer_me(Request *r)
{
    VolunteerProfile p;
    Status s = volunteer_profile_get(&r->ctx, &p);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    api_json(r, 200, profile_object(&p, 1));
}

void api_volunteer_me_update(Request *r)
{
    json_t *body = api_body(r);
    if (!body)
        return;
    VolunteerProfile old;
    Status s = volunteer_profile_get(&r->ctx, &old);
    if (s != STATUS_OK) {
        json_decref(body);
        api_status(r, s, NULL);
        return;
    }
    /* PUT of the fields given; the others stay as they were. */
    VolunteerInput in = { .skills = old.skills, .themes = old.themes, .n_themes = old.n_themes, .areas = old.areas,
                          .n_areas = old.n_areas, .availability = old.availability, .preference = old.preference,
                          .visible = old.visible };
    FieldErrors e = { 0 };
    api_read_text(r, body, "skills", &in.skills, &e);
    size_t n;
    const char **v;
    if ((v = read_codes(r, body, "themes", &n, &e)) || json_object_get(body, "themes")) {
        in.themes = v;
        in.n_themes = n;
    }
    if ((v = read_codes(r, body, "areas", &n, &e)) || json_object_get(body, "areas")) {
        in.areas = v;
        in.n_areas = n;
    }
    read_slots(body, "availability", &in.availability, &e);
    api_read_bool(body, "visible", &in.visible, &e);
    const char *pref = NULL;
    if (api_read_text(r, body, "preference", &pref, &e) && pref) {
        int p = vol_preference_parse(pref);
        if (p < 0)
            errors_add(&e, "preference", "Kies any, one_off of recurring.");
        else
            in.preference = (VolPreference)p;
    }
    json_decref(body);
    s = e.n ? ERR_INVALID : volunteer_profile_save(&r->ctx, &in, &e);
    VolunteerProfile p;
    if (s == STATUS_OK)
        s = volunteer_profile_get(&r->ctx, &p);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    api_json(r, 200, profile_object(&p, 1));
}

void api_volunteer_matches(Request *r)
{
    VolMatch *m;
    size_t n;
    Status s = volunteer_matches(&r->ctx, &m, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *reasons = json_array();
        for (size_t k = 0; k < m[i].n_reasons; k++)
            json_array_append_new(reasons, json_string(m[i].reasons[k]));
        json_array_append_new(a, json_pack("{s:I, s:o, s:o, s:s, s:i, s:o}", "id", (json_int_t)m[i].v.id, "title",
                                           api_str(m[i].v.title), "owner", api_str(m[i].v.owner_name), "kind",
                                           m[i].v.date ? "one_off" : "recurring", "score", m[i].score, "reasons",
                                           reasons));
    }
    api_json(r, 200, json_pack("{s:o}", "items", a));
}

/* ---- GET /volunteers?q= --------------------------------------------------- */

void api_volunteers(Request *r)
{
    VolunteerProfile *v;
    size_t n;
    Status s = volunteer_search(&r->ctx, api_query_text(r, "q"), &v, &n);
    if (s != STATUS_OK) {
        FieldErrors e = { 0 };
        if (s == ERR_FORBIDDEN)
            e.summary = "Alleen leden van een organisatie kunnen vrijwilligers zoeken.";
        api_status(r, s, &e);
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, profile_object(&v[i], 0));
    api_json(r, 200, json_pack("{s:o, s:I}", "items", a, "total", (json_int_t)n));
}

/* ---- Invitations ------------------------------------------------------------ */

static json_t *invitation_object(Request *r, const Invitation *x)
{
    return json_pack("{s:I, s:{s:I, s:o}, s:{s:I, s:o}, s:o, s:s, s:o}", "id", (json_int_t)x->id, "vacancy", "id",
                     (json_int_t)x->vacancy_id, "title", api_str(x->vacancy_title), "volunteer", "id",
                     (json_int_t)x->user_id, "name", api_str(x->name), "message", api_str(x->message), "state",
                     invitation_state_code(x->state), "created_at", api_str(datetime_iso(r->arena, x->created_at)));
}

void api_vacancy_invite(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    int64_t volunteer = 0;
    const char *message = NULL;
    api_read_id(body, "volunteer_id", &volunteer, &e);
    api_read_text(r, body, "message", &message, &e);
    json_decref(body);
    if (!volunteer && !e.n)
        errors_add(&e, "volunteer_id", "Geef het nummer (id) van de vrijwilliger, uit GET /volunteers.");
    int64_t iid = 0;
    Status s = e.n ? ERR_INVALID : vacancy_invite(&r->ctx, id, volunteer, message, &e, &iid);
    Invitation *v;
    size_t n = 0;
    if (s == STATUS_OK)
        s = vacancy_invitations(&r->ctx, id, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (v[i].id == iid) {
            api_json(r, 201, invitation_object(r, &v[i]));
            return;
        }
    api_status(r, ERR_INTERNAL, NULL);
}

void api_volunteer_invitations(Request *r)
{
    Invitation *v;
    size_t n;
    Status s = volunteer_my_invitations(&r->ctx, &v, &n);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, invitation_object(r, &v[i]));
    api_json(r, 200, json_pack("{s:o}", "items", a));
}

void api_invitation_update(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    json_t *body = api_body(r);
    if (!body)
        return;
    FieldErrors e = { 0 };
    const char *state = NULL;
    api_read_text(r, body, "state", &state, &e);
    json_decref(body);
    int to = invitation_state_parse(state);
    if (!e.n && to != INV_ACCEPTED && to != INV_DECLINED)
        errors_add(&e, "state", "Kies accepted of declined.");
    int64_t rid = 0;
    Status s = e.n ? ERR_INVALID : invitation_answer(&r->ctx, id, to == INV_ACCEPTED, &rid);
    if (s == ERR_CONFLICT)
        e.summary = "Dit kan niet meer: u heeft al geantwoord, of de vacature is vol of gesloten.";
    if (s != STATUS_OK) {
        api_status(r, s, &e);
        return;
    }
    json_t *o = json_pack("{s:I, s:s}", "id", (json_int_t)id, "state", invitation_state_code((InvitationState)to));
    json_object_set_new(o, "response_id", rid ? json_integer(rid) : json_null());
    api_json(r, 200, o);
}
