#include "domain/initiatives.h"

#include <stdlib.h>
#include <string.h>

#include "domain/reference.h"
#include "lib/dates.h"
#include "lib/html.h"
#include "lib/text.h"
#include "store/store.h"
#include "store/store_match.h"

/* Checks one text field: required, valid UTF-8, length in characters. */
static const char *check_text(Arena *a, const char **value, int required, size_t min, size_t max, FieldErrors *e,
                              const char *field, const char *what)
{
    const char *v = text_trim(a, *value);
    *value = v;
    if (!v || !*v) {
        if (required)
            errors_add(e, field, arena_printf(a, "Vul %s in.", what));
        return v;
    }
    if (!utf8_valid(v)) {
        errors_add(e, field, "Deze tekst bevat tekens die we niet kunnen lezen.");
        return v;
    }
    size_t n = utf8_len(v);
    if (n < min)
        errors_add(e, field, arena_printf(a, "Gebruik minstens %zu tekens voor %s.", min, what));
    else if (n > max)
        errors_add(e, field, arena_printf(a, "Gebruik hoogstens %zu tekens voor %s (nu %zu).", max, what, n));
    return v;
}

static int area_exists(Ctx *c, const char *code)
{
    Area *areas;
    size_t n;
    if (store_areas(c->db, c->arena, c->tenant->id, &areas, &n) != DB_OK)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(areas[i].code, code) == 0)
            return 1;
    return 0;
}

static const CodeName *find_code(const CodeName *v, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].code, code) == 0)
            return &v[i];
    return NULL;
}

static void check_help(Ctx *c, HelpInput *h, const CodeName *kinds, size_t n_kinds, FieldErrors *e,
                       const char *prefix)
{
    Arena *a = c->arena;
    if (!h->kind || !*h->kind)
        errors_add(e, arena_printf(a, "%s.kind", prefix), "Kies wat voor hulp u nodig hebt.");
    else if (!find_code(kinds, n_kinds, h->kind))
        errors_add(e, arena_printf(a, "%s.kind", prefix), "Deze soort hulp kennen we niet.");
    check_text(a, &h->description, 1, 3, HELP_DESCRIPTION_MAX, e, arena_printf(a, "%s.description", prefix),
               "wat u nodig hebt");
    if (h->amount && !text_is_blank(h->amount)) {
        if (!parse_euros(h->amount, &h->amount_cents))
            errors_add(e, arena_printf(a, "%s.amount_cents", prefix),
                       "Schrijf het bedrag als getal, bijvoorbeeld 250 of 250,50.");
    } else if (h->amount) {
        h->amount_cents = -1;
    }
    if (h->amount_cents > AMOUNT_MAX_CENTS)
        errors_add(e, arena_printf(a, "%s.amount_cents", prefix), "Het bedrag is te hoog (hoogstens € 1.000.000).");
    else if (h->amount_cents == 0 || h->amount_cents < -1)
        errors_add(e, arena_printf(a, "%s.amount_cents", prefix), "Het bedrag moet meer dan € 0 zijn.");
}

/* Checks the fields that are present; for a new initiative all are. */
static void check_input(Ctx *c, InitiativeInput *in, int creating, FieldErrors *e)
{
    Arena *a = c->arena;
    if (creating || in->present.title)
        check_text(a, &in->title, 1, 3, TITLE_MAX, e, "title", "een titel");
    if (creating || in->present.summary)
        check_text(a, &in->summary, 1, 10, SUMMARY_MAX, e, "summary", "een korte samenvatting");
    if (creating || in->present.description) {
        check_text(a, &in->description, 0, 0, DESCRIPTION_MAX, e, "description", "de beschrijving");
        if (!in->description)
            in->description = "";
    }
    if (creating || in->present.area) {
        in->area = text_trim(a, in->area);
        if (!in->area || !*in->area)
            errors_add(e, "area", "Kies de wijk of buurt.");
        else if (!area_exists(c, in->area))
            errors_add(e, "area", "Deze wijk of buurt kennen we niet.");
    }
    if (in->too_many)
        errors_add(e, "themes", "U hebt te veel keuzes gemaakt.");
    if (in->n_themes > THEMES_MAX)
        errors_add(e, "themes", arena_printf(a, "Kies hoogstens %d thema's.", THEMES_MAX));
    CodeName *themes;
    size_t n_themes;
    store_themes(c->db, a, c->tenant->id, &themes, &n_themes);
    for (size_t i = 0; i < in->n_themes && i < THEMES_MAX; i++)
        if (!find_code(themes, n_themes, in->themes[i]))
            errors_add(e, "themes", "Een van de gekozen thema's kennen we niet.");
    if (in->n_sdgs > SDGS_MAX)
        errors_add(e, "sdgs", arena_printf(a, "Kies hoogstens %d werelddoelen.", SDGS_MAX));
    for (size_t i = 0; i < in->n_sdgs && i < SDGS_MAX; i++) {
        int64_t v;
        if (!parse_int64(in->sdgs[i], &v) || v < 1 || v > 17)
            errors_add(e, "sdgs", "Werelddoelen zijn de nummers 1 tot en met 17.");
    }
    if (in->n_links > LINKS_MAX)
        errors_add(e, "links", arena_printf(a, "Geef hoogstens %d links.", LINKS_MAX));
    for (size_t i = 0; i < in->n_links && i < LINKS_MAX; i++) {
        const char *u = in->links[i].url = text_trim(a, in->links[i].url);
        if (!u || strlen(u) > URL_MAX || !utf8_valid(u)
            || (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0) || strchr(u, ' '))
            errors_add(e, "links", "Een link moet beginnen met https:// of http:// en mag geen spaties bevatten.");
        if (!in->links[i].kind || !*in->links[i].kind)
            in->links[i].kind = "website";
    }
    if (in->n_help > HELP_MAX)
        errors_add(e, "help_requests", arena_printf(a, "Vraag hoogstens %d soorten hulp tegelijk.", HELP_MAX));
    CodeName *kinds;
    size_t n_kinds;
    store_help_kinds(c->db, a, c->tenant->id, &kinds, &n_kinds);
    for (size_t i = 0; i < in->n_help && i < HELP_MAX; i++)
        check_help(c, &in->help[i], kinds, n_kinds, e, arena_printf(a, "help_requests[%zu]", i));
}

/* Copies the input's tag lists into the initiative's shape. */
static void input_tags(Arena *a, const InitiativeInput *in, Initiative *out)
{
    out->n_themes = in->n_themes;
    out->themes = arena_alloc(a, (in->n_themes + 1) * sizeof *out->themes);
    for (size_t i = 0; i < in->n_themes; i++)
        out->themes[i].code = in->themes[i];
    out->n_sdgs = in->n_sdgs;
    out->sdgs = arena_alloc(a, (in->n_sdgs + 1) * sizeof *out->sdgs);
    for (size_t i = 0; i < in->n_sdgs; i++)
        out->sdgs[i].code = in->sdgs[i];
    out->n_links = in->n_links;
    out->links = arena_alloc(a, (in->n_links + 1) * sizeof *out->links);
    for (size_t i = 0; i < in->n_links; i++)
        out->links[i] = in->links[i];
}

Status initiative_create(Ctx *c, InitiativeInput *in, FieldErrors *e, int64_t *id)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    check_input(c, in, 1, e);
    if (e->n)
        return ERR_INVALID;
    Initiative n = { 0 };
    n.title = in->title;
    n.summary = in->summary;
    n.description = in->description;
    n.area_code = in->area;
    n.state = in->as_idea ? ST_IDEE : ST_INGEDIEND;
    n.initiator_id = c->user->id;
    n.show_name = in->show_name;
    n.submitted_at = in->as_idea ? 0 : c->now;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_initiative_insert(c->db, c->tenant->id, &n, c->now, &n.id);
    if (rc == DB_OK) {
        input_tags(c->arena, in, &n);
        rc = store_initiative_set_tags(c->db, c->tenant->id, &n);
    }
    for (size_t i = 0; rc == DB_OK && i < in->n_help; i++) {
        HelpRequest h = { .kind = in->help[i].kind,
                          .description = in->help[i].description,
                          .amount_cents = in->help[i].amount_cents,
                          .state = HELP_OPEN };
        int64_t hid;
        rc = store_help_request_insert(c->db, c->tenant->id, n.id, &h, c->now, &hid);
    }
    if (rc == DB_OK)
        rc = store_timeline_insert(c->db, c->tenant->id, n.id, c->now, ST_NONE, n.state, c->user->id,
                                   in->as_idea ? "Idee gedeeld." : "Initiatief ingediend.");
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    *id = n.id;
    return STATUS_OK;
}

int initiative_is_initiator(const Ctx *c, const Initiative *in)
{
    return c->user && c->user->id == in->initiator_id;
}

int initiative_may_edit(const Ctx *c, const Initiative *in)
{
    return c->user && (initiative_is_initiator(c, in) || role_is_staff(c->user->role));
}

Status initiative_get(Ctx *c, int64_t id, Initiative *out)
{
    return status_from_db(store_initiative_get_at(c->db, c->arena, c->tenant->id, id,
                                           c->data_version_known ? c->data_version : -1, out));
}

Status initiative_update(Ctx *c, int64_t id, InitiativeInput *in, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Initiative cur;
    Status s = initiative_get(c, id, &cur);
    if (s != STATUS_OK)
        return s;
    if (!initiative_may_edit(c, &cur))
        return ERR_FORBIDDEN;
    check_input(c, in, 0, e);
    if (in->n_help)
        errors_add(e, "help_requests", "Voeg hulpvragen apart toe.");
    if (e->n)
        return ERR_INVALID;
    if (in->present.title)
        cur.title = in->title;
    if (in->present.summary)
        cur.summary = in->summary;
    if (in->present.description)
        cur.description = in->description;
    if (in->present.area)
        cur.area_code = in->area;
    if (in->present.show_name)
        cur.show_name = in->show_name;
    /* Tags not sent stay as they are: copy the current ones into the input. */
    if (!in->present.themes) {
        in->n_themes = cur.n_themes < THEMES_MAX ? cur.n_themes : THEMES_MAX;
        for (size_t i = 0; i < in->n_themes; i++)
            in->themes[i] = cur.themes[i].code;
    }
    if (!in->present.sdgs) {
        in->n_sdgs = cur.n_sdgs < SDGS_MAX ? cur.n_sdgs : SDGS_MAX;
        for (size_t i = 0; i < in->n_sdgs; i++)
            in->sdgs[i] = cur.sdgs[i].code;
    }
    if (!in->present.links) {
        in->n_links = cur.n_links < LINKS_MAX ? cur.n_links : LINKS_MAX;
        for (size_t i = 0; i < in->n_links; i++)
            in->links[i] = cur.links[i];
    }
    input_tags(c->arena, in, &cur);
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_initiative_update(c->db, c->tenant->id, &cur, c->now);
    if (rc == DB_OK)
        rc = store_initiative_set_tags(c->db, c->tenant->id, &cur);
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status initiative_themes(Ctx *c, int64_t id, CodeName **out, size_t *n)
{
    return status_from_db(store_initiative_themes(c->db, c->arena, c->tenant->id, id, out, n));
}

Status initiative_page_themes(Ctx *c, InitiativePage *pg)
{
    CodeName *all;
    size_t n_all;
    Status s = reference_themes(c, &all, &n_all);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_initiative_page_themes(c->db, c->arena, c->tenant->id, all, n_all, pg));
}

Status initiative_timeline(Ctx *c, int64_t id, TimelineEvent **out, size_t *n)
{
    Initiative cur;
    Status s = initiative_get(c, id, &cur);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_timeline(c->db, c->arena, c->tenant->id, id, out, n));
}

Status initiative_transition(Ctx *c, int64_t id, ProcState to, const char *note, int64_t contact, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Initiative cur;
    Status s = initiative_get(c, id, &cur);
    if (s != STATUS_OK)
        return s;
    int initiator = initiative_is_initiator(c, &cur);
    if (!role_is_staff(c->user->role) && !initiator)
        return ERR_FORBIDDEN;
    if (to == ST_NONE) {
        errors_add(e, "to", "Deze stap kennen we niet.");
        return ERR_INVALID;
    }
    if (!process_allowed(cur.state, to)) {
        e->summary = arena_printf(c->arena, "Van \"%s\" kan het initiatief niet naar \"%s\".", state_label(cur.state),
                                  state_label(to));
        return ERR_CONFLICT;
    }
    if (!process_may(c->user->role, initiator, cur.state, to))
        return ERR_FORBIDDEN;
    note = text_trim(c->arena, note);
    check_text(c->arena, &note, 0, 0, NOTE_MAX, e, "note", "de toelichting");
    if ((to == ST_AFGEWEZEN || to == ST_DOORVERWEZEN || to == ST_GESTOPT) && text_is_blank(note))
        errors_add(e, "note", "Schrijf kort waarom, zodat de initiatiefnemer het begrijpt.");
    int64_t contact_id = 0;
    if (to == ST_INTAKE) {
        contact_id = contact ? contact : c->user->id;
        User u;
        if (store_user_by_id(c->db, c->arena, c->tenant->id, contact_id, &u) != DB_OK || !role_is_staff(u.role))
            errors_add(e, "contact", "Kies een medewerker van de gemeente als contactpersoon.");
    }
    if (e->n)
        return ERR_INVALID;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_initiative_set_state(c->db, c->tenant->id, id, cur.state, to, c->now,
                                        to == ST_INGEDIEND ? c->now : 0, contact_id);
    if (rc == DB_OK)
        rc = store_timeline_insert(c->db, c->tenant->id, id, c->now, cur.state, to, c->user->id, note);
    if (rc == DB_DONE) {
        db_rollback(c->db);
        e->summary = "Iemand anders heeft het initiatief net een stap verder gezet. Bekijk de nieuwe stand.";
        return ERR_CONFLICT;
    }
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status initiative_set_contact(Ctx *c, int64_t id, int64_t contact, FieldErrors *e)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!role_is_staff(c->user->role))
        return ERR_FORBIDDEN;
    Initiative cur;
    Status s = initiative_get(c, id, &cur);
    if (s != STATUS_OK)
        return s;
    User u;
    if (store_user_by_id(c->db, c->arena, c->tenant->id, contact, &u) != DB_OK || !role_is_staff(u.role)) {
        errors_add(e, "target", "Kies een medewerker van de gemeente als contactpersoon.");
        return ERR_INVALID;
    }
    if (cur.contact_id == contact)
        return STATUS_OK;
    if (db_begin(c->db) != DB_OK)
        return ERR_INTERNAL;
    int rc = store_initiative_set_contact(c->db, c->tenant->id, id, contact, c->now);
    if (rc == DB_OK)
        rc = store_timeline_insert(c->db, c->tenant->id, id, c->now, cur.state, cur.state, c->user->id,
                                   arena_printf(c->arena, "Vaste contactpersoon is nu %s.", u.name));
    if (rc != DB_OK || db_commit(c->db) != DB_OK) {
        db_rollback(c->db);
        return rc == DB_DONE ? ERR_NOT_FOUND : ERR_INTERNAL;
    }
    return STATUS_OK;
}

Status initiative_add_help(Ctx *c, int64_t id, HelpInput *h, FieldErrors *e, int64_t *help_id)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    Initiative cur;
    Status s = initiative_get(c, id, &cur);
    if (s != STATUS_OK)
        return s;
    if (!initiative_may_edit(c, &cur))
        return ERR_FORBIDDEN;
    if (cur.n_help >= HELP_MAX) {
        errors_add(e, "help_requests", arena_printf(c->arena, "Een initiatief heeft hoogstens %d hulpvragen.", HELP_MAX));
        return ERR_INVALID;
    }
    CodeName *kinds;
    size_t n_kinds;
    store_help_kinds(c->db, c->arena, c->tenant->id, &kinds, &n_kinds);
    check_help(c, h, kinds, n_kinds, e, "help_request");
    /* The API and the form name the fields without the prefix. */
    for (size_t i = 0; i < e->n; i++)
        if (strncmp(e->field[i], "help_request.", 13) == 0)
            e->field[i] += 13;
    if (e->n)
        return ERR_INVALID;
    HelpRequest r = { .kind = h->kind, .description = h->description, .amount_cents = h->amount_cents, .state = HELP_OPEN };
    return status_from_db(store_help_request_insert(c->db, c->tenant->id, id, &r, c->now, help_id));
}

Status initiative_set_help_state(Ctx *c, int64_t id, int64_t help_id, HelpState st)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!role_is_staff(c->user->role))
        return ERR_FORBIDDEN;
    return status_from_db(store_help_request_set_state(c->db, c->tenant->id, id, help_id, st));
}

int initiative_page_reachable(int page, int per_page)
{
    return page >= 1 && per_page >= 1 && (int64_t)(page - 1) * per_page < LIST_OFFSET_MAX;
}

int initiative_last_page(int64_t total, int per_page)
{
    if (per_page < 1)
        return 1;
    int64_t shown = total < LIST_OFFSET_MAX ? total : LIST_OFFSET_MAX;
    int64_t last = (shown + per_page - 1) / per_page;
    return last < 1 ? 1 : (int)last;
}

const char *initiative_reach_label(Arena *a)
{
    return format_count(a, LIST_OFFSET_MAX);
}

Status initiative_list(Ctx *c, const InitiativeFilter *f, InitiativePage *out)
{
    InitiativeFilter g = *f;
    if (g.page < 1)
        g.page = 1;
    if (g.per_page < 1)
        g.per_page = 20;
    if (!initiative_page_reachable(g.page, g.per_page))
        return ERR_INVALID;
    /* A page that straddles the reach stops at it: the offset's cost is
     * bounded, and so is what the pages show together. */
    int64_t offset = (int64_t)(g.page - 1) * g.per_page;
    int64_t keep = LIST_OFFSET_MAX - offset < g.per_page ? LIST_OFFSET_MAX - offset : g.per_page;
    Status s = status_from_db(store_initiative_list(c->db, c->arena, c->tenant->id, &g, out));
    if (s == STATUS_OK && (int64_t)out->n > keep)
        out->n = (size_t)keep;
    return s;
}

Status initiative_count(Ctx *c, const InitiativeFilter *f, int64_t *total)
{
    return status_from_db(store_initiative_count(c->db, c->arena, c->tenant->id, f, total));
}

Status initiative_list_after(Ctx *c, const InitiativeFilter *f, int64_t after, InitiativePage *out, int *more)
{
    *more = 0;
    if (f->q || after < 0)
        return ERR_INVALID;
    int per_page = f->per_page > 0 ? f->per_page : 20;
    /* One more than asked for says whether there is more. */
    Status s = status_from_db(store_initiative_list_after(c->db, c->arena, c->tenant->id, f, after, per_page + 1, out));
    if (s == STATUS_OK && out->n > (size_t)per_page) {
        out->n = (size_t)per_page;
        *more = 1;
    }
    return s;
}

Status initiative_mine(Ctx *c, InitiativePage *out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    return status_from_db(store_initiatives_by_initiator(c->db, c->arena, c->tenant->id, c->user->id, out));
}

DeadlineRules deadline_rules(Ctx *c)
{
    DeadlineRules r = { 10, 8 };
    int64_t v, version = c->data_version_known ? c->data_version : -1;
    if (parse_int64(store_setting_get_at(c->db, c->arena, c->tenant->id, "deadline.intake_working_days", version), &v)
        && v > 0 && v < 366)
        r.intake_working_days = (int)v;
    if (parse_int64(store_setting_get_at(c->db, c->arena, c->tenant->id, "deadline.decision_weeks", version), &v)
        && v > 0 && v < 105)
        r.decision_weeks = (int)v;
    return r;
}

Deadline initiative_deadline(Ctx *c, const Initiative *in)
{
    if (!process_has_deadline(in->state))
        return (Deadline){ 0 }; /* without reading the rules (settings) */
    DeadlineRules r = deadline_rules(c);
    return process_deadline(&r, in->state, in->state_since, in->submitted_at, c->now);
}

const char *initiative_public_name(const Initiative *in)
{
    return in->show_name ? in->initiator_name : NULL;
}

typedef struct QueueItem {
    Initiative in;
    Deadline d;
} QueueItem;

/* Intake first (nobody has looked yet), overdue on top within each
 * group, then the soonest deadline. */
static int queue_cmp(const void *x, const void *y)
{
    const QueueItem *a = x, *b = y;
    int ai = a->in.state == ST_INGEDIEND, bi = b->in.state == ST_INGEDIEND;
    int ao = a->d.days_left < 0, bo = b->d.days_left < 0;
    if (ai != bi)
        return bi - ai;
    if (ao != bo)
        return bo - ao;
    if (a->d.due_day != b->d.due_day)
        return a->d.due_day < b->d.due_day ? -1 : 1;
    return a->in.id < b->in.id ? -1 : a->in.id > b->in.id;
}

Status initiative_queue(Ctx *c, const char *area, int only_mine, InitiativePage *out, Deadline **deadlines)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    if (!role_is_staff(c->user->role))
        return ERR_FORBIDDEN;
    int rc = store_initiative_queue(c->db, c->arena, c->tenant->id, area, only_mine ? c->user->id : 0, out);
    if (rc != DB_OK)
        return ERR_INTERNAL;
    DeadlineRules r = deadline_rules(c);
    QueueItem *items = arena_alloc(c->arena, (out->n + 1) * sizeof *items);
    for (size_t i = 0; i < out->n; i++) {
        items[i].in = out->items[i];
        items[i].d = process_deadline(&r, out->items[i].state, out->items[i].state_since, out->items[i].submitted_at,
                                      c->now);
    }
    qsort(items, out->n, sizeof *items, queue_cmp);
    *deadlines = arena_alloc(c->arena, (out->n + 1) * sizeof **deadlines);
    for (size_t i = 0; i < out->n; i++) {
        out->items[i] = items[i].in;
        (*deadlines)[i] = items[i].d;
    }
    return STATUS_OK;
}
