/* Volunteering: see volunteering.h for the states, who may do what and
 * the privacy rules. */
#include "domain/volunteering.h"

#include <stdio.h>
#include <string.h>

#include "domain/checks.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/process.h"
#include "domain/reference.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_volunteering.h"

/* ---- Rules ------------------------------------------------------------- */

static const char *const vac_codes[VAC_STATE_COUNT_] = { "open", "filled", "closed" };
static const char *const vac_labels[VAC_STATE_COUNT_] = { "Open", "Vol", "Gesloten" };
static const char *const resp_codes[RESP_STATE_COUNT_] = { "new", "accepted", "declined", "withdrawn" };
static const char *const resp_labels[RESP_STATE_COUNT_] = { "Nieuw", "Aangenomen", "Afgewezen", "Ingetrokken" };
static const char *const pref_codes[] = { "any", "one_off", "recurring" };
static const char *const day_names[VOL_DAYS] = { "maandag", "dinsdag", "woensdag", "donderdag",
                                                 "vrijdag", "zaterdag", "zondag" };
static const char *const part_names[VOL_PARTS] = { "ochtend", "middag", "avond" };
static const char *const suits_codes[VOL_SUITS_COUNT] = { "youth", "older", "learning_dutch", "newcomers",
                                                          "labour_distance" };
static const char *const suits_labels[VOL_SUITS_COUNT] = { "jongeren", "ouderen", "mensen die Nederlands leren",
                                                           "nieuwkomers", "mensen met afstand tot werk" };

const char *vacancy_state_code(VacancyState s)
{
    return s >= 0 && s < VAC_STATE_COUNT_ ? vac_codes[s] : "";
}

const char *vacancy_state_label(VacancyState s)
{
    return s >= 0 && s < VAC_STATE_COUNT_ ? vac_labels[s] : "";
}

int vacancy_state_parse(const char *code)
{
    for (int i = 0; code && i < VAC_STATE_COUNT_; i++)
        if (strcmp(code, vac_codes[i]) == 0)
            return i;
    return -1;
}

const char *response_state_code(ResponseState s)
{
    return s >= 0 && s < RESP_STATE_COUNT_ ? resp_codes[s] : "";
}

const char *response_state_label(ResponseState s)
{
    return s >= 0 && s < RESP_STATE_COUNT_ ? resp_labels[s] : "";
}

int response_state_parse(const char *code)
{
    for (int i = 0; code && i < RESP_STATE_COUNT_; i++)
        if (strcmp(code, resp_codes[i]) == 0)
            return i;
    return -1;
}

const char *vol_preference_code(VolPreference p)
{
    return p >= VOL_PREF_ANY && p <= VOL_PREF_RECURRING ? pref_codes[p] : "any";
}

int vol_preference_parse(const char *code)
{
    for (int i = 0; code && i < 3; i++)
        if (strcmp(code, pref_codes[i]) == 0)
            return i;
    return -1;
}

int vol_bit(int day, int part)
{
    if (day < 0 || day >= VOL_DAYS || part < 0 || part >= VOL_PARTS)
        return 0;
    return 1 << (day * VOL_PARTS + part);
}

const char *vol_day_name(int day)
{
    return day >= 0 && day < VOL_DAYS ? day_names[day] : "";
}

const char *vol_part_name(int part)
{
    return part >= 0 && part < VOL_PARTS ? part_names[part] : "";
}

/* Static strings, so that a pure caller needs no arena. */
const char *vol_slot_name(int bit)
{
    static const char *const names[VOL_DAYS * VOL_PARTS] = {
        "maandagochtend", "maandagmiddag", "maandagavond",   "dinsdagochtend", "dinsdagmiddag",
        "dinsdagavond",   "woensdagochtend", "woensdagmiddag", "woensdagavond", "donderdagochtend",
        "donderdagmiddag", "donderdagavond", "vrijdagochtend", "vrijdagmiddag",  "vrijdagavond",
        "zaterdagochtend", "zaterdagmiddag", "zaterdagavond",  "zondagochtend",  "zondagmiddag",
        "zondagavond",
    };
    return bit >= 0 && bit < VOL_DAYS * VOL_PARTS ? names[bit] : "";
}

int vol_overlap(int availability, int vacancy_times)
{
    availability &= VOL_AVAIL_ALL;
    if (!vacancy_times)
        return availability;
    return availability & vacancy_times & VOL_AVAIL_ALL;
}

const char *vol_suits_code(int index)
{
    return index >= 0 && index < VOL_SUITS_COUNT ? suits_codes[index] : "";
}

const char *vol_suits_label(int index)
{
    return index >= 0 && index < VOL_SUITS_COUNT ? suits_labels[index] : "";
}

int vol_suits_parse(const char *code)
{
    for (int i = 0; code && i < VOL_SUITS_COUNT; i++)
        if (strcmp(code, suits_codes[i]) == 0)
            return 1 << i;
    return 0;
}

/* ---- Checks ------------------------------------------------------------ */

static const char *today(Ctx *c)
{
    return date_iso(c->arena, date_day(c->now));
}

/* NULL when empty; an error when not a date. */
static const char *check_date(Ctx *c, const char *value, FieldErrors *e, const char *field, int64_t *day)
{
    const char *v = text_trim(c->arena, value);
    if (!v || !*v)
        return NULL;
    int64_t d;
    if (!date_parse_iso(v, &d)) {
        errors_add(e, field, "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-12-12.");
        return NULL;
    }
    if (day)
        *day = d;
    return date_iso(c->arena, d);
}

static int theme_known(Ctx *c, const char *code)
{
    CodeName *t;
    size_t n;
    if (reference_themes(c, &t, &n) != STATUS_OK)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].code, code) == 0)
            return 1;
    return 0;
}

static int area_known(Ctx *c, const char *code)
{
    Area *a;
    size_t n;
    if (reference_areas(c, &a, &n) != STATUS_OK)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i].code, code) == 0)
            return 1;
    return 0;
}

static int is_coordinator(const User *u)
{
    return u && (u->role == ROLE_ADMIN || u->role == ROLE_COORDINATOR);
}

static int initiator_of(Ctx *c, int64_t initiative)
{
    Initiative in;
    return initiative && initiative_get(c, initiative, &in) == STATUS_OK && initiative_is_initiator(c, &in);
}

int vacancy_may_manage(Ctx *c, const Vacancy *v)
{
    if (!c->user)
        return 0;
    if (is_coordinator(c->user))
        return 1;
    if (v->organisation && directory_is_member(c, v->organisation, c->user->id))
        return 1;
    return initiator_of(c, v->initiative_id);
}

int vacancy_takes_responses(const Ctx *c, const Vacancy *v)
{
    if (v->state != VAC_OPEN)
        return 0;
    char t[16];
    int y, m, d;
    date_to_ymd(date_day(c->now), &y, &m, &d);
    snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
    if (v->closes_on && strcmp(v->closes_on, t) < 0)
        return 0;
    if (v->date && strcmp(v->date, t) < 0)
        return 0;
    return 1;
}

/* ---- Vacancies ---------------------------------------------------------- */

Status vacancy_create(Ctx *c, const VacancyInput *in, FieldErrors *e, int64_t *id_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    VacancyInput ok = *in;
    Arena *a = c->arena;
    ok.organisation = text_trim(a, in->organisation);
    if (ok.organisation && !*ok.organisation)
        ok.organisation = NULL;
    int forbidden = 0;
    if (ok.organisation && in->initiative_id)
        errors_add(e, "organisation", "Kies een organisatie óf een initiatief, niet allebei.");
    else if (ok.organisation) {
        Organisation org;
        if (directory_organisation(c, ok.organisation, &org) != STATUS_OK)
            errors_add(e, "organisation", "Deze organisatie kennen we niet.");
        else if (!is_coordinator(c->user) && !directory_is_member(c, ok.organisation, c->user->id))
            forbidden = 1;
    } else if (in->initiative_id) {
        Initiative ini;
        if (initiative_get(c, in->initiative_id, &ini) != STATUS_OK)
            errors_add(e, "initiative_id", "Dit initiatief kennen we niet.");
        else if (!is_coordinator(c->user) && !initiative_is_initiator(c, &ini))
            forbidden = 1;
    } else
        errors_add(e, "organisation", "Kies de organisatie waarvoor u deze vacature plaatst.");
    if (forbidden)
        return ERR_FORBIDDEN;

    ok.title = check_text(a, in->title, 1, VOL_TITLE_MAX, e, "title", "een korte titel");
    ok.tasks = check_text(a, in->tasks, 1, VOL_TEXT_MAX, e, "tasks", "de taken");
    ok.offer = check_text(a, in->offer, 0, VOL_TEXT_MAX, e, "offer", "wat u de vrijwilliger biedt");
    ok.skills = check_text(a, in->skills, 0, VOL_TEXT_MAX, e, "skills", "de vaardigheden");
    ok.contact = check_text(a, in->contact, 0, VOL_TEXT_MAX, e, "contact", "hoe iemand contact opneemt");

    ok.theme = text_trim(a, in->theme);
    if (ok.theme && !*ok.theme)
        ok.theme = NULL;
    if (ok.theme && !theme_known(c, ok.theme))
        errors_add(e, "theme", "Kies een thema uit de lijst.");
    ok.area = text_trim(a, in->area);
    if (ok.area && !*ok.area)
        ok.area = NULL;
    if (ok.area && !area_known(c, ok.area))
        errors_add(e, "area", "Kies een wijk of buurt uit de lijst.");
    else if (!ok.area && !in->from_home)
        errors_add(e, "area", "Kies de wijk waar het werk is, of kies dat het vanuit huis kan.");

    int64_t now_day = date_day(c->now), day = 0, start = 0, end = 0;
    ok.date = check_date(c, in->date, e, "date", &day);
    ok.period_start = check_date(c, in->period_start, e, "period_start", &start);
    ok.period_end = check_date(c, in->period_end, e, "period_end", &end);
    ok.closes_on = check_date(c, in->closes_on, e, "closes_on", NULL);
    if (ok.date) {
        if (in->hours_per_week)
            errors_add(e, "date", "Kies een datum (eenmalig) óf uren per week (vast), niet allebei.");
        else if (day < now_day)
            errors_add(e, "date", "Deze datum is al voorbij.");
        if (in->hours < 1 || in->hours > VOL_HOURS_MAX)
            errors_add(e, "hours", "Vul in hoeveel uur het duurt: 1 tot en met 24.");
        ok.hours_per_week = 0;
        ok.period_start = ok.period_end = NULL;
    } else if (!errors_get(e, "date")) {
        if (in->hours_per_week < 1 || in->hours_per_week > VOL_HOURS_WEEK_MAX)
            errors_add(e, "hours_per_week",
                       "Vul een datum in (eenmalig) of het aantal uur per week (1 tot en met 60).");
        if (ok.period_start && ok.period_end && end < start)
            errors_add(e, "period_end", "Het einde ligt voor het begin.");
        ok.hours = 0;
    }
    if (in->places == 0)
        ok.places = 1;
    else if (in->places < 1 || in->places > VOL_PLACES_MAX)
        errors_add(e, "places", "Vul in hoeveel mensen u zoekt: 1 tot en met 500.");
    if (in->suits & ~VOL_SUITS_ALL)
        errors_add(e, "suits", "Kies uit jongeren, ouderen, mensen die Nederlands leren, nieuwkomers of mensen met "
                               "afstand tot werk.");
    if (in->times & ~VOL_AVAIL_ALL)
        errors_add(e, "times", "Kies dagen en dagdelen uit de tabel.");
    if (e->n)
        return ERR_INVALID;
    /* A one-day task happens on its weekday. */
    if (ok.date && !ok.times)
        ok.times = vol_bit(date_weekday(day), 0) | vol_bit(date_weekday(day), 1) | vol_bit(date_weekday(day), 2);
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_vac_insert(c->db, c->tenant->id, &ok, c->user->id, c->now, id_out);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status vacancy_get(Ctx *c, int64_t id, Vacancy *out)
{
    Status s = status_from_db(store_vac_get(c->db, c->arena, c->tenant->id, id, out));
    if (s == STATUS_OK && out->state == VAC_CLOSED && !vacancy_may_manage(c, out))
        return ERR_NOT_FOUND;
    return s;
}

Status vacancy_list(Ctx *c, const VacancyFilter *f, Vacancy **out, size_t *n)
{
    VacancyFilter g = *f;
    if (g.limit < 1 || g.limit > VOL_LIST_MAX)
        g.limit = VOL_LIST_MAX;
    return status_from_db(store_vac_list(c->db, c->arena, c->tenant->id, today(c), &g, out, n));
}

Status vacancy_set_open(Ctx *c, int64_t id, int open)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Vacancy v;
    Status s = status_from_db(store_vac_get(c->db, c->arena, c->tenant->id, id, &v));
    if (s != STATUS_OK)
        return s;
    if (!vacancy_may_manage(c, &v))
        return ERR_FORBIDDEN;
    VacancyState to = !open ? VAC_CLOSED : v.accepted >= v.places ? VAC_FILLED : VAC_OPEN;
    return status_from_db(store_vac_set_state(c->db, c->tenant->id, id, to, c->now));
}

/* ---- Profiles ----------------------------------------------------------- */

Status volunteer_profile_get(Ctx *c, VolunteerProfile *out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    int rc = store_vol_profile_get(c->db, c->arena, c->tenant->id, c->user->id, out);
    if (rc == DB_DONE) {
        memset(out, 0, sizeof *out);
        out->user_id = c->user->id;
        out->name = c->user->name;
        out->skills = "";
        return STATUS_OK;
    }
    return status_from_db(rc);
}

Status volunteer_profile_save(Ctx *c, const VolunteerInput *in, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    VolunteerInput ok = *in;
    ok.skills = check_text(c->arena, in->skills, 0, VOL_TEXT_MAX, e, "skills", "uw vaardigheden");
    for (size_t i = 0; i < in->n_themes; i++)
        if (!in->themes[i] || !theme_known(c, in->themes[i])) {
            errors_add(e, "themes", "Kies thema's uit de lijst.");
            break;
        }
    for (size_t i = 0; i < in->n_areas; i++)
        if (!in->areas[i] || !area_known(c, in->areas[i])) {
            errors_add(e, "areas", "Kies wijken uit de lijst.");
            break;
        }
    if (in->n_themes > 50)
        errors_add(e, "themes", "Kies hoogstens 50 thema's.");
    if (in->n_areas > 50)
        errors_add(e, "areas", "Kies hoogstens 50 wijken.");
    if (in->availability & ~VOL_AVAIL_ALL || in->availability < 0)
        errors_add(e, "availability", "Kies dagen en dagdelen uit de tabel.");
    if (in->preference < VOL_PREF_ANY || in->preference > VOL_PREF_RECURRING)
        errors_add(e, "preference", "Kies eenmalig, vast of allebei.");
    if (e->n)
        return ERR_INVALID;
    return status_from_db(store_vol_profile_save(c->db, c->tenant->id, c->user->id, &ok, c->now));
}

int volunteer_may_search(Ctx *c)
{
    if (!c->user)
        return 0;
    if (role_is_staff(c->user->role))
        return 1;
    CodeName *m;
    size_t n = 0;
    return directory_memberships(c, c->user->id, &m, &n) == STATUS_OK && n > 0;
}

Status volunteer_search(Ctx *c, const char *q, VolunteerProfile **out, size_t *n)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!volunteer_may_search(c))
        return ERR_FORBIDDEN;
    const char *t = text_trim(c->arena, q);
    return status_from_db(store_vol_search(c->db, c->arena, c->tenant->id, t ? t : "", out, n));
}

/* ---- Responses and placements ------------------------------------------ */

Status vacancy_respond(Ctx *c, int64_t vacancy, const char *message, FieldErrors *e, int64_t *id_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Vacancy v;
    Status s = vacancy_get(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    const char *m = check_text(c->arena, message, 1, VOL_MESSAGE_MAX, e, "message",
                               "een kort bericht aan de organisatie");
    if (e->n)
        return ERR_INVALID;
    if (!vacancy_takes_responses(c, &v)) {
        e->summary = "Deze vacature is gesloten of al vol.";
        return ERR_CONFLICT;
    }
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t old;
    int rc = store_vol_response_find(c->db, c->tenant->id, vacancy, c->user->id, &old);
    if (rc == DB_OK) {
        db_rollback(c->db);
        e->summary = "U heeft al op deze vacature gereageerd.";
        return ERR_CONFLICT;
    }
    if (rc == DB_DONE)
        rc = store_vol_response_insert(c->db, c->tenant->id, vacancy, c->user->id, m, c->now, id_out);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

static Status managed(Ctx *c, int64_t vacancy, Vacancy *v)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Status s = status_from_db(store_vac_get(c->db, c->arena, c->tenant->id, vacancy, v));
    if (s != STATUS_OK)
        return s;
    return vacancy_may_manage(c, v) ? STATUS_OK : ERR_FORBIDDEN;
}

Status vacancy_responses(Ctx *c, int64_t vacancy, VolResponse **out, size_t *n)
{
    Vacancy v;
    Status s = managed(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_vol_responses_of_vacancy(c->db, c->arena, c->tenant->id, vacancy, out, n));
}

Status volunteer_my_responses(Ctx *c, VolResponse **out, size_t *n)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    return status_from_db(store_vol_responses_of_user(c->db, c->arena, c->tenant->id, c->user->id, out, n));
}

Status vacancy_placements(Ctx *c, int64_t vacancy, Placement **out, size_t *n)
{
    Vacancy v;
    Status s = managed(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_vol_placements_of_vacancy(c->db, c->arena, c->tenant->id, vacancy, out, n));
}

Status response_decide(Ctx *c, int64_t response, int accept)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    VolResponse r;
    Status s = status_from_db(store_vol_response_get(c->db, c->arena, c->tenant->id, response, &r));
    if (s != STATUS_OK)
        return s;
    Vacancy v;
    if ((s = managed(c, r.vacancy_id, &v)) != STATUS_OK)
        return s;
    if (r.state != RESP_NEW)
        return ERR_CONFLICT;
    if (accept && (v.state == VAC_CLOSED || v.accepted >= v.places))
        return ERR_CONFLICT;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_vol_response_set_state(c->db, c->tenant->id, response, RESP_NEW,
                                          accept ? RESP_ACCEPTED : RESP_DECLINED, c->now);
    if (rc == DB_OK && accept)
        rc = store_vol_placement_insert(c->db, c->tenant->id, v.id, r.user_id, c->now, NULL);
    if (rc == DB_OK && accept && v.accepted + 1 >= v.places)
        rc = store_vac_set_state(c->db, c->tenant->id, v.id, VAC_FILLED, c->now);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return rc == DB_DONE ? ERR_CONFLICT : ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status response_withdraw(Ctx *c, int64_t response)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    VolResponse r;
    Status s = status_from_db(store_vol_response_get(c->db, c->arena, c->tenant->id, response, &r));
    if (s != STATUS_OK)
        return s;
    if (r.user_id != c->user->id)
        return ERR_NOT_FOUND;
    int rc = store_vol_response_set_state(c->db, c->tenant->id, response, RESP_NEW, RESP_WITHDRAWN, c->now);
    return rc == DB_DONE ? ERR_CONFLICT : status_from_db(rc);
}

Status placement_end(Ctx *c, int64_t placement)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Placement p;
    Status s = status_from_db(store_vol_placement_get(c->db, c->arena, c->tenant->id, placement, &p));
    if (s != STATUS_OK)
        return s;
    Vacancy v;
    s = status_from_db(store_vac_get(c->db, c->arena, c->tenant->id, p.vacancy_id, &v));
    if (s != STATUS_OK)
        return s;
    if (p.user_id != c->user->id && !vacancy_may_manage(c, &v))
        return ERR_FORBIDDEN;
    if (p.ended_at)
        return ERR_CONFLICT;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_vol_placement_end(c->db, c->tenant->id, placement, c->user->id, c->now);
    if (rc == DB_OK && v.state == VAC_FILLED)
        rc = store_vac_set_state(c->db, c->tenant->id, v.id, VAC_OPEN, c->now);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return rc == DB_DONE ? ERR_CONFLICT : ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

/* ---- Invitations ----------------------------------------------------------- */

static const char *const inv_codes[INV_STATE_COUNT_] = { "invited", "accepted", "declined" };
static const char *const inv_labels[INV_STATE_COUNT_] = { "Uitgenodigd", "Aangenomen", "Afgeslagen" };

const char *invitation_state_code(InvitationState s)
{
    return s >= 0 && s < INV_STATE_COUNT_ ? inv_codes[s] : "";
}

const char *invitation_state_label(InvitationState s)
{
    return s >= 0 && s < INV_STATE_COUNT_ ? inv_labels[s] : "";
}

int invitation_state_parse(const char *code)
{
    for (int i = 0; code && i < INV_STATE_COUNT_; i++)
        if (strcmp(code, inv_codes[i]) == 0)
            return i;
    return -1;
}

Status vacancy_invite(Ctx *c, int64_t vacancy, int64_t volunteer, const char *message, FieldErrors *e,
                      int64_t *id_out)
{
    Vacancy v;
    Status s = managed(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    const char *m = check_text(c->arena, message, 0, VOL_MESSAGE_MAX, e, "message", "uw bericht");
    VolunteerProfile p;
    int rc = volunteer > 0 ? store_vol_profile_get(c->db, c->arena, c->tenant->id, volunteer, &p) : DB_DONE;
    if (rc != DB_OK && rc != DB_DONE)
        return ERR_INTERNAL;
    if (rc == DB_DONE || !p.visible)
        errors_add(e, "volunteer_id", "Deze vrijwilliger kunt u niet uitnodigen: haar profiel is niet zichtbaar.");
    if (e->n)
        return ERR_INVALID;
    if (!vacancy_takes_responses(c, &v)) {
        e->summary = "Deze vacature is gesloten of al vol.";
        return ERR_CONFLICT;
    }
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int64_t old;
    rc = store_vol_invitation_find(c->db, c->tenant->id, vacancy, volunteer, &old);
    if (rc == DB_DONE)
        rc = store_vol_response_find(c->db, c->tenant->id, vacancy, volunteer, &old);
    if (rc == DB_OK) {
        db_rollback(c->db);
        e->summary = "Deze vrijwilliger is al uitgenodigd of heeft al gereageerd.";
        return ERR_CONFLICT;
    }
    if (rc == DB_DONE)
        rc = store_vol_invitation_insert(c->db, c->tenant->id, vacancy, volunteer, c->user->id, m, c->now, id_out);
    if (rc != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return db_commit(c->db) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

Status invitation_answer(Ctx *c, int64_t invitation, int accept, int64_t *response_out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Invitation x;
    Status s = status_from_db(store_vol_invitation_get(c->db, c->arena, c->tenant->id, invitation, &x));
    if (s != STATUS_OK)
        return s;
    if (x.user_id != c->user->id)
        return ERR_NOT_FOUND;
    if (x.state != INV_INVITED)
        return ERR_CONFLICT;
    Vacancy v;
    if ((s = status_from_db(store_vac_get(c->db, c->arena, c->tenant->id, x.vacancy_id, &v))) != STATUS_OK)
        return s;
    if (accept && !vacancy_takes_responses(c, &v))
        return ERR_CONFLICT;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_vol_invitation_set_state(c->db, c->tenant->id, invitation, INV_INVITED,
                                            accept ? INV_ACCEPTED : INV_DECLINED, c->now);
    int64_t rid = 0;
    if (rc == DB_OK && accept) {
        rc = store_vol_response_find(c->db, c->tenant->id, v.id, c->user->id, &rid);
        if (rc == DB_DONE)
            rc = store_vol_response_insert(c->db, c->tenant->id, v.id, c->user->id,
                                           "Ik neem de uitnodiging aan.", c->now, &rid);
    }
    if (rc != DB_OK) {
        db_rollback(c->db);
        return rc == DB_DONE ? ERR_CONFLICT : ERR_INTERNAL;
    }
    if (db_commit(c->db) != DB_OK)
        return ERR_INTERNAL;
    if (response_out)
        *response_out = rid;
    return STATUS_OK;
}

Status volunteer_my_invitations(Ctx *c, Invitation **out, size_t *n)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    return status_from_db(store_vol_invitations_of_user(c->db, c->arena, c->tenant->id, c->user->id, out, n));
}

Status vacancy_invitations(Ctx *c, int64_t vacancy, Invitation **out, size_t *n)
{
    Vacancy v;
    Status s = managed(c, vacancy, &v);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_vol_invitations_of_vacancy(c->db, c->arena, c->tenant->id, vacancy, out, n));
}
