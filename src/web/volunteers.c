/* The volunteer's own pages: "Mijn vrijwilligersprofiel"
 * (/vrijwilligerswerk/profiel: skills, themes, wijken, availability as a
 * table of checkboxes, one-off or recurring, visible or not) with her
 * responses, and "Voor u" (/vrijwilligerswerk/voor-u: open vacancies
 * ranked for her, with the reasons). Plus the pieces the volunteering
 * pages share (volunteering_web.h). Markup from docs/markup.md. */
#include <string.h>

#include "domain/volunteer_match.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "web/directory_web.h"
#include "web/volunteering_web.h"

static const char *const part_labels[VOL_PARTS] = { "Ochtend", "Middag", "Avond" };
static const char *const day_labels[VOL_DAYS] = { "Maandag", "Dinsdag", "Woensdag", "Donderdag",
                                                  "Vrijdag", "Zaterdag", "Zondag" };

int64_t vw_param_id(Request *r, int i)
{
    int64_t id;
    if (!r->params[i] || !parse_int64(r->params[i], &id) || id <= 0)
        return 0;
    return id;
}

void vw_status_page(Request *r, Status s, const char *what)
{
    switch (s) {
    case ERR_NOT_FOUND:
        web_error(r, 404, arena_printf(r->arena, "We kunnen %s niet vinden. Kijk bij Vrijwilligerswerk voor alle "
                                                 "open vacatures.",
                                       what));
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag u niet doen. Alleen leden van de organisatie, de initiatiefnemer of een "
                          "beheerder kunnen dat.");
        break;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_CONFLICT:
        web_error(r, 409, "Dit kan nu niet meer: de vacature is vol of gesloten, of er is al over besloten. Ga "
                          "terug en kijk opnieuw.");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

void vw_slots_grid(Request *r, const char *name, const char *caption, const char *hint, const char *error, int mask)
{
    Buf *b = &r->out;
    OUTF(b, "<div class=\"utrecht-form-field%s\">\n", error ? " utrecht-form-field--invalid" : "");
    if (hint)
        OUTF(b, "<p class=\"utrecht-form-field-description\" id=\"%s-uitleg\">%s</p>\n", name, hint);
    if (error)
        OUTF(b, "<p class=\"utrecht-form-field-error-message\" id=\"%s-fout\">"
                "<span class=\"wijzer-visually-hidden\">Fout: </span>%s</p>\n",
             name, error);
    OUTF(b, "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"%s-caption\" tabindex=\"0\">\n"
            "<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" id=\"%s-caption\">%s</caption>\n"
            "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
            "<th class=\"utrecht-table__header-cell\" scope=\"col\">Dag</th>",
         name, name, caption);
    for (int p = 0; p < VOL_PARTS; p++)
        OUTF(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>", part_labels[p]);
    out_html(b, HTML("</tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (int d = 0; d < VOL_DAYS; d++) {
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>",
             day_labels[d]);
        for (int p = 0; p < VOL_PARTS; p++) {
            OUTF(b, "<td class=\"utrecht-table__cell\"><input class=\"utrecht-checkbox utrecht-checkbox--html-input "
                    "utrecht-checkbox--custom\" type=\"checkbox\" id=\"%s-%d-%d\" name=\"%s\" value=\"%d-%d\" "
                    "aria-label=\"%s\"",
                 name, d, p, name, d, p, vol_slot_name(d * VOL_PARTS + p));
            if (error)
                OUTF(b, " aria-describedby=\"%s-fout\"", name);
            else if (hint)
                OUTF(b, " aria-describedby=\"%s-uitleg\"", name);
            if (mask & vol_bit(d, p))
                out_html(b, HTML(" checked"));
            out_html(b, HTML("></td>"));
        }
        out_html(b, HTML("</tr>\n"));
    }
    out_html(b, HTML("</tbody>\n</table>\n</div>\n</div>\n"));
}

int vw_slots_read(Request *r, const char *name, int *bad)
{
    const char *v[VOL_DAYS * VOL_PARTS + 1];
    size_t n = dw_args(r, name, v, VOL_DAYS * VOL_PARTS + 1);
    int mask = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = v[i];
        if (strlen(s) == 3 && s[0] >= '0' && s[0] < '0' + VOL_DAYS && s[1] == '-' && s[2] >= '0' &&
            s[2] < '0' + VOL_PARTS)
            mask |= vol_bit(s[0] - '0', s[2] - '0');
        else if (bad)
            *bad = 1;
    }
    return mask;
}

const char *vw_slots_words(Arena *a, int mask)
{
    const char *s = "";
    for (int bit = 0; bit < VOL_DAYS * VOL_PARTS; bit++)
        if (mask & (1 << bit))
            s = *s ? arena_printf(a, "%s, %s", s, vol_slot_name(bit)) : vol_slot_name(bit);
    return s;
}

/* "1 december 2026" for "2026-12-01"; the text itself when it is not a date. */
static const char *day_words(Arena *a, const char *iso)
{
    int64_t day;
    return date_parse_iso(iso, &day) ? date_nl(a, day) : iso;
}

const char *vw_time_words(Arena *a, const Vacancy *v)
{
    if (v->date) {
        int64_t day;
        const char *when = date_parse_iso(v->date, &day)
                               ? arena_printf(a, "%s %s", vol_day_name(date_weekday(day)), date_nl(a, day))
                               : v->date;
        return arena_printf(a, "Eenmalig: %s, %d uur", when, v->hours);
    }
    const char *s = arena_printf(a, "Vast: %d uur per week", v->hours_per_week);
    if (v->period_start && v->period_end)
        s = arena_printf(a, "%s, van %s tot %s", s, day_words(a, v->period_start), day_words(a, v->period_end));
    else if (v->period_start)
        s = arena_printf(a, "%s, vanaf %s", s, day_words(a, v->period_start));
    return s;
}

/* ------------------------------------------------------------------ */
/* GET/POST /vrijwilligerswerk/profiel                                  */
/* ------------------------------------------------------------------ */

static const char *profile_field_id(Arena *a, const char *field)
{
    (void)a;
    if (strcmp(field, "skills") == 0)
        return "vaardigheden";
    if (strcmp(field, "themes") == 0)
        return "themas";
    if (strcmp(field, "areas") == 0)
        return "wijken";
    if (strcmp(field, "availability") == 0)
        return "tijd-0-0";
    if (strcmp(field, "preference") == 0)
        return "voorkeur";
    return NULL;
}

static void my_responses(Request *r)
{
    Buf *b = &r->out;
    VolResponse *v;
    size_t n = 0;
    if (volunteer_my_responses(&r->ctx, &v, &n) != STATUS_OK || !n)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Mijn reacties</h2>\n<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                "href=\"/vrijwilligerswerk/%lld\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span>"
                "<span>%s</span></p>\n",
             (long long)v[i].vacancy_id, v[i].vacancy_title, response_state_label(v[i].state),
             date_nl(r->arena, date_day(v[i].created_at)));
        if (v[i].state == RESP_NEW) {
            OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/reacties/%lld\">\n", (long long)v[i].id);
            form_csrf(r);
            out_html(b, HTML("<input type=\"hidden\" name=\"besluit\" value=\"intrekken\">"
                             "<button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                             "<span class=\"nl-button__label\">Reactie intrekken</span></button></form>\n"));
        } else if (v[i].placement_id) {
            OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/plaatsingen/%lld/einde\">\n",
                 (long long)v[i].placement_id);
            form_csrf(r);
            out_html(b, HTML("<button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                             "<span class=\"nl-button__label\">Stoppen met dit vrijwilligerswerk</span></button>"
                             "</form>\n"));
        }
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}

static void my_invitations(Request *r)
{
    Buf *b = &r->out;
    Invitation *v;
    size_t n = 0;
    if (volunteer_my_invitations(&r->ctx, &v, &n) != STATUS_OK || !n)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Uitnodigingen</h2>\n<p class=\"nl-paragraph\">"
                     "Organisaties vonden uw profiel en vragen of u wilt helpen. Neemt u een uitnodiging aan, dan "
                     "krijgt de organisatie uw naam, e-mailadres en telefoonnummer.</p>\n<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                "href=\"/vrijwilligerswerk/%lld\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span></p>\n",
             (long long)v[i].vacancy_id, v[i].vacancy_title, invitation_state_label(v[i].state));
        if (*v[i].message)
            dw_text(r, v[i].message);
        if (v[i].state == INV_INVITED) {
            OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/uitnodigingen/%lld\" class=\"wijzer-actions\">\n",
                 (long long)v[i].id);
            form_csrf(r);
            OUTF(b, "<button class=\"nl-button nl-button--primary\" type=\"submit\" name=\"besluit\" value=\"ja\">"
                    "<span class=\"nl-button__label\">Ja, ik help mee<span class=\"wijzer-visually-hidden\">: %s</span>"
                    "</span></button>\n<button class=\"nl-button nl-button--secondary\" type=\"submit\" name=\"besluit\" "
                    "value=\"nee\"><span class=\"nl-button__label\">Nee, dank u<span class=\"wijzer-visually-hidden\">: "
                    "%s</span></span></button>\n</form>\n",
                 v[i].vacancy_title, v[i].vacancy_title);
        }
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}

static void profile_form(Request *r, const VolunteerInput *in, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *title = "Mijn vrijwilligersprofiel";
    page_begin(r, form_title(r, title, e), "vrijwilligers");
    web_breadcrumb(r, "/vrijwilligerswerk", "Vrijwilligerswerk", "/vrijwilligerswerk/profiel", "Mijn profiel", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    out_html(b, HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Vertel wat u kunt en wanneer u tijd heeft. Dan "
                     "laten we bij <a class=\"nl-link\" href=\"/vrijwilligerswerk/voor-u\">Voor u</a> het "
                     "vrijwilligerswerk zien dat bij u past.</p>\n"));
    form_error_summary(r, e, profile_field_id);
    out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/vrijwilligerswerk/profiel\" "
                     "novalidate>\n"));
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "vaardigheden", .label = "Wat kunt u goed?", .optional = 1, .rows = 3,
                               .hint = "Zet een komma tussen de dingen. Bijvoorbeeld: koken, tuinieren, Arabisch.",
                               .value = in->skills, .error = errors_get(e, "skills") });
    size_t nt, nw;
    Option *to = dw_options(r, 't', &nt), *wo = dw_options(r, 'w', &nw);
    form_checkboxes(r, &(Field){ .id = "themas", .label = "Waar wilt u zich voor inzetten?", .optional = 1,
                                 .error = errors_get(e, "themes") },
                    to, nt, in->themes, in->n_themes);
    form_checkboxes(r, &(Field){ .id = "wijken", .label = "In welke wijken wilt u helpen?", .optional = 1,
                                 .error = errors_get(e, "areas") },
                    wo, nw, in->areas, in->n_areas);
    vw_slots_grid(r, "tijd", "Wanneer heeft u tijd?", "Vink de dagdelen aan waarop u meestal kunt.",
                  errors_get(e, "availability"), in->availability);
    static const Option prefs[] = {
        { "any", "Allebei is goed", NULL },
        { "one_off", "Liever eenmalig: een dag of een middag meehelpen", NULL },
        { "recurring", "Liever vast: elke week of elke maand", NULL },
    };
    form_radios(r, &(Field){ .id = "voorkeur", .label = "Eenmalig of vast?", .value = vol_preference_code(in->preference),
                             .error = errors_get(e, "preference") },
                prefs, 3);
    static const Option vis[] = {
        { "ja", "Ja, organisaties mogen mijn profiel zien", NULL },
        { "nee", "Nee, alleen ik zie mijn profiel", NULL },
    };
    form_radios(r, &(Field){ .id = "zichtbaar", .label = "Mogen organisaties u vinden?",
                             .hint = "Bij ‘ja’ zien leden van organisaties uw naam, wat u kunt en wanneer u tijd "
                                     "heeft. Zij kunnen u dan vragen om te helpen. Uw e-mailadres en telefoonnummer "
                                     "zien zij pas als u zelf reageert op een vacature.",
                             .value = in->visible ? "ja" : "nee" },
                vis, 2);
    dw_button(r, "Profiel opslaan");
    out_html(b, HTML("</form>\n"));
    my_invitations(r);
    my_responses(r);
    page_end(r);
}

void page_volunteer_profile(Request *r)
{
    VolunteerProfile p;
    Status s = volunteer_profile_get(&r->ctx, &p);
    if (s != STATUS_OK) {
        vw_status_page(r, s, "uw profiel");
        return;
    }
    VolunteerInput in = { .skills = p.skills, .themes = p.themes, .n_themes = p.n_themes, .areas = p.areas,
                          .n_areas = p.n_areas, .availability = p.availability, .preference = p.preference,
                          .visible = p.visible };
    profile_form(r, &in, &(FieldErrors){ 0 });
}

void page_volunteer_profile_save(Request *r)
{
    VolunteerInput in = { .skills = dw_arg(r, "vaardigheden") };
    const char **themes = arena_alloc(r->arena, 52 * sizeof *themes);
    const char **areas = arena_alloc(r->arena, 52 * sizeof *areas);
    in.themes = themes;
    in.n_themes = dw_args(r, "themas", themes, 51);
    in.areas = areas;
    in.n_areas = dw_args(r, "wijken", areas, 51);
    FieldErrors e = { 0 };
    int bad = 0;
    in.availability = vw_slots_read(r, "tijd", &bad);
    if (bad)
        errors_add(&e, "availability", "Kies dagen en dagdelen uit de tabel.");
    int pref = vol_preference_parse(dw_arg(r, "voorkeur"));
    in.preference = pref < 0 ? VOL_PREF_ANY : (VolPreference)pref;
    const char *vis = dw_arg(r, "zichtbaar");
    in.visible = vis && strcmp(vis, "ja") == 0;
    Status s = e.n ? ERR_INVALID : volunteer_profile_save(&r->ctx, &in, &e);
    if (s == ERR_INVALID) {
        r->status = 422;
        profile_form(r, &in, &e);
    } else if (s != STATUS_OK) {
        vw_status_page(r, s, "uw profiel");
    } else {
        flash_set(r, "vrijwilliger_profiel");
        resp_redirect(r, "/vrijwilligerswerk/voor-u");
    }
}

/* ------------------------------------------------------------------ */
/* GET /vrijwilligerswerk/voor-u                                        */
/* ------------------------------------------------------------------ */

void page_volunteer_for_you(Request *r)
{
    VolMatch *m;
    size_t n;
    VolunteerProfile p;
    Status s = volunteer_profile_get(&r->ctx, &p);
    if (s == STATUS_OK)
        s = volunteer_matches(&r->ctx, &m, &n);
    if (s != STATUS_OK) {
        vw_status_page(r, s, "uw profiel");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Vrijwilligerswerk voor u", "vrijwilligers");
    web_breadcrumb(r, "/vrijwilligerswerk", "Vrijwilligerswerk", "/vrijwilligerswerk/voor-u", "Voor u", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Vrijwilligerswerk voor u</h1>\n"));
    if (!p.exists) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Vul eerst <a class=\"nl-link\" href=\"/vrijwilligerswerk/profiel\">"
                         "uw vrijwilligersprofiel</a> in: wat u kunt, waar en wanneer. Dan zoeken wij wat bij u "
                         "past.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Open vacatures die passen bij "
                     "<a class=\"nl-link\" href=\"/vrijwilligerswerk/profiel\">uw profiel</a>. De best passende "
                     "staat bovenaan.</p>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">We vonden nu niets dat bij u past. Kies meer dagdelen, wijken of "
                         "thema's in uw profiel, of <a class=\"nl-link\" href=\"/vrijwilligerswerk\">bekijk alle "
                         "vacatures</a>.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<ol class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        OUTF(b, "<li class=\"wijzer-card\">\n<h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                "href=\"/vrijwilligerswerk/%lld\">%s</a></h2>\n<p class=\"wijzer-card__meta\"><span>%s</span>"
                "<span>Van %s</span></p>\n<p class=\"nl-paragraph\">Waarom voor u: ",
             (long long)m[i].v.id, m[i].v.title, m[i].v.date ? "Eenmalig" : "Vast", m[i].v.owner_name);
        for (size_t k = 0; k < m[i].n_reasons; k++)
            OUTF(b, "%s%s", k ? ", " : "", m[i].reasons[k]);
        out_html(b, HTML(".</p>\n</li>\n"));
    }
    out_html(b, HTML("</ol>\n"));
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* POST /vrijwilligerswerk/uitnodigingen/{id}                           */
/* ------------------------------------------------------------------ */

void page_invitation_answer(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    const char *what = dw_arg(r, "besluit");
    int yes = what && strcmp(what, "ja") == 0;
    Status s = !id ? ERR_NOT_FOUND : (yes || (what && strcmp(what, "nee") == 0)) ? invitation_answer(&r->ctx, id, yes, NULL)
                                                                             : ERR_CONFLICT;
    if (s != STATUS_OK) {
        vw_status_page(r, s, "deze uitnodiging");
        return;
    }
    flash_set(r, yes ? "uitnodiging_ja" : "uitnodiging_nee");
    resp_redirect(r, "/vrijwilligerswerk/profiel");
}
