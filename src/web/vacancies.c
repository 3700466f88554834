/* The vacancy pages of volunteering: the list with filters
 * (/vrijwilligerswerk), one vacancy with the respond form and, for those
 * who manage it, the responses (accept, decline) and placements (end);
 * posting a vacancy (/vrijwilligerswerk/nieuw) by a member of the
 * organisation or the initiator of an initiative; closing and reopening. The volunteer's own pages are in
 * volunteers.c. Markup from docs/markup.md. */
#include <string.h>

#include "domain/directory.h"
#include "domain/initiatives.h"
#include "domain/volunteer_match.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "web/directory_web.h"
#include "web/volunteering_web.h"

static const Option suits_options[] = {
    { "youth", "Jongeren", NULL },
    { "older", "Ouderen", NULL },
    { "learning_dutch", "Mensen die Nederlands leren", NULL },
    { "newcomers", "Nieuwkomers", NULL },
    { "labour_distance", "Mensen met afstand tot werk", NULL },
};

static Option *with_all(Request *r, const char *all, const Option *o, size_t n, size_t *out_n)
{
    Option *v = arena_alloc(r->arena, (n + 1) * sizeof *v);
    v[0] = (Option){ "", all, NULL };
    memcpy(v + 1, o, n * sizeof *v);
    *out_n = n + 1;
    return v;
}

static void suits_text(Buf *b, int suits)
{
    int first = 1;
    for (int i = 0; i < VOL_SUITS_COUNT; i++)
        if (suits & (1 << i)) {
            OUTF(b, "%s%s", first ? "" : ", ", vol_suits_label(i));
            first = 0;
        }
}

static void vacancy_card(Request *r, const Vacancy *v)
{
    Buf *b = &r->out;
    OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/vrijwilligerswerk/%lld\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span>"
            "<span>Van %s</span><span>%s</span></p>\n<p class=\"nl-paragraph\">%s</p>\n",
         (long long)v->id, v->title, v->date ? "Eenmalig" : "Vast",
         v->organisation ? v->organisation_name : v->initiative_title,
         v->area ? v->area_name : "Vanuit huis", vw_time_words(r->arena, v));
    out_html(b, HTML("</li>\n"));
}

/* ------------------------------------------------------------------ */
/* GET /vrijwilligerswerk                                               */
/* ------------------------------------------------------------------ */

void page_vacancies(Request *r)
{
    VacancyFilter f = { 0 };
    f.q = dw_arg(r, "zoek");
    f.theme = dw_arg(r, "thema");
    f.area = dw_arg(r, "wijk");
    const char *kind = dw_arg(r, "soort"), *suits = dw_arg(r, "voor"), *home = dw_arg(r, "thuis");
    if (f.q && !*f.q)
        f.q = NULL;
    if (f.theme && !*f.theme)
        f.theme = NULL;
    if (f.area && !*f.area)
        f.area = NULL;
    if (kind && strcmp(kind, "eenmalig") == 0)
        f.kind = VAC_KIND_ONE_OFF;
    else if (kind && strcmp(kind, "vast") == 0)
        f.kind = VAC_KIND_RECURRING;
    f.suits = vol_suits_parse(suits);
    f.from_home = home && strcmp(home, "1") == 0;
    Vacancy *v;
    size_t n;
    Status s = vacancy_list(&r->ctx, &f, &v, &n);
    if (s != STATUS_OK) {
        vw_status_page(r, s, "het vrijwilligerswerk");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Vrijwilligerswerk", "vrijwilligers");
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Vrijwilligerswerk</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Organisaties en initiatieven in de gemeente zoeken "
                     "mensen die willen helpen. Een dag of een middag, of elke week.</p>\n"));
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    if (r->ctx.user) {
        dw_link_button(r, "/vrijwilligerswerk/voor-u", "Voor u");
        dw_link_button(r, "/vrijwilligerswerk/profiel", "Mijn vrijwilligersprofiel");
        dw_link_button(r, "/vrijwilligerswerk/nieuw", "Vacature plaatsen");
    } else
        dw_link_button(r, "/inloggen?terug=/vrijwilligerswerk/profiel", "Log in en maak een profiel");
    out_html(b, HTML("</div>\n"));
    out_html(b, HTML("<form class=\"wijzer-filters\" method=\"get\" action=\"/vrijwilligerswerk\" role=\"search\" "
                     "aria-label=\"Vrijwilligerswerk zoeken\">\n"));
    form_text(r, &(Field){ .id = "f-zoek", .name = "zoek", .label = "Zoekwoord", .type = "search", .value = f.q });
    size_t nt, nw, n2 = 0;
    Option *to = dw_options(r, 't', &nt), *wo = dw_options(r, 'w', &nw);
    form_select(r, &(Field){ .id = "f-thema", .name = "thema", .label = "Thema", .value = f.theme },
                with_all(r, "Alle thema's", to, nt, &n2), nt + 1);
    form_select(r, &(Field){ .id = "f-wijk", .name = "wijk", .label = "Wijk", .value = f.area },
                with_all(r, "Alle wijken", wo, nw, &n2), nw + 1);
    static const Option kinds[] = { { "", "Eenmalig en vast", NULL },
                                    { "eenmalig", "Eenmalig (een dag of dagdeel)", NULL },
                                    { "vast", "Vast (elke week)", NULL } };
    form_select(r, &(Field){ .id = "f-soort", .name = "soort", .label = "Hoe vaak", .value = kind }, kinds, 3);
    form_select(r, &(Field){ .id = "f-voor", .name = "voor", .label = "Geschikt voor", .value = suits },
                with_all(r, "Iedereen", suits_options, VOL_SUITS_COUNT, &n2), VOL_SUITS_COUNT + 1);
    form_checkbox(r, &(Field){ .id = "f-thuis", .name = "thuis", .label = "Alleen werk vanuit huis" }, f.from_home);
    out_html(b, HTML("<div><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Zoeken</span></button></div>\n</form>\n"));
    int filtered = f.q || f.theme || f.area || f.kind || f.suits || f.from_home;
    OUTF(b, "<p class=\"nl-paragraph\"><strong>%zu %s</strong>", n, n == 1 ? "vacature" : "vacatures");
    if (filtered)
        out_html(b, HTML(" · <a class=\"nl-link\" href=\"/vrijwilligerswerk\">Wis de filters</a>"));
    out_html(b, HTML("</p>\n"));
    if (!n)
        out_html(b, filtered ? HTML("<p class=\"nl-paragraph\">Niets gevonden. Kies minder filters.</p>\n")
                             : HTML("<p class=\"nl-paragraph\">Er staan nu geen open vacatures.</p>\n"));
    else {
        out_html(b, HTML("<h2 class=\"wijzer-visually-hidden\">Resultaten</h2>\n<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < n; i++)
            vacancy_card(r, &v[i]);
        out_html(b, HTML("</ul>\n"));
    }
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /vrijwilligerswerk/{id}                                          */
/* ------------------------------------------------------------------ */

/* A visible volunteer as a card (heading level 4 under an h3): name, skills, time, why she fits, and the invite
 * button unless she was invited already. Never contact details. */
static void volunteer_card(Request *r, const Vacancy *v, const VolunteerProfile *p, const char *const *reasons,
                           size_t n_reasons, const Invitation *inv, size_t ni, const VolResponse *rs, size_t nr)
{
    Buf *b = &r->out;
    int invited = 0, responded = 0;
    for (size_t k = 0; k < ni; k++)
        invited |= inv[k].user_id == p->user_id;
    for (size_t k = 0; k < nr; k++)
        responded |= rs[k].user_id == p->user_id;
    OUTF(b, "<li class=\"wijzer-card\">\n<h4 class=\"nl-heading nl-heading--level-4\">%s</h4>\n", p->name);
    if (*p->skills)
        OUTF(b, "<p class=\"nl-paragraph\">Kan: %s</p>\n", p->skills);
    if (p->availability)
        OUTF(b, "<p class=\"nl-paragraph\">Tijd: %s</p>\n", vw_slots_words(r->arena, p->availability));
    if (n_reasons) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Waarom: "));
        for (size_t k = 0; k < n_reasons; k++)
            OUTF(b, "%s%s", k ? ", " : "", reasons[k]);
        out_html(b, HTML(".</p>\n"));
    }
    if (responded)
        out_html(b, HTML("<p class=\"nl-paragraph\">Heeft al gereageerd: zie de reacties.</p>\n"));
    else if (invited)
        out_html(b, HTML("<p class=\"nl-paragraph\">Al uitgenodigd.</p>\n"));
    else {
        OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/%lld/uitnodigen\">\n", (long long)v->id);
        form_csrf(r);
        OUTF(b, "<input type=\"hidden\" name=\"vrijwilliger\" value=\"%lld\">"
                "<button class=\"nl-button nl-button--secondary\" type=\"submit\"><span class=\"nl-button__label\">"
                "Uitnodigen<span class=\"wijzer-visually-hidden\">: %s</span></span></button></form>\n",
             (long long)p->user_id, p->name);
    }
    out_html(b, HTML("</li>\n"));
}

/* The manager sees who fits, searches visible profiles (?zoek=) and invites; she sees
 * names and skills, never contact details, and the invitations sent. */
static void invite_section(Request *r, const Vacancy *v)
{
    Buf *b = &r->out;
    if (!volunteer_may_search(&r->ctx))
        return;
    Invitation *inv;
    VolResponse *rs;
    size_t ni = 0, nr = 0;
    if (vacancy_invitations(&r->ctx, v->id, &inv, &ni) != STATUS_OK ||
        vacancy_responses(&r->ctx, v->id, &rs, &nr) != STATUS_OK)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"uitnodigen\">Vrijwilligers uitnodigen</h2>\n"
                     "<p class=\"nl-paragraph\">Zoek vrijwilligers die hun profiel zichtbaar maakten. U ziet hun naam "
                     "en wat ze kunnen; hun e-mailadres en telefoonnummer ziet u pas als zij de uitnodiging "
                     "aannemen.</p>\n"));
    if (ni) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Uitgenodigd: "));
        for (size_t i = 0; i < ni; i++)
            OUTF(b, "%s%s (%s)", i ? ", " : "", inv[i].name, invitation_state_label(inv[i].state));
        out_html(b, HTML(".</p>\n"));
    }
    const char *q = dw_arg(r, "zoek");
    OUTF(b, "<form class=\"wijzer-filters\" method=\"get\" action=\"/vrijwilligerswerk/%lld#uitnodigen\" "
            "role=\"search\" aria-label=\"Vrijwilligers zoeken\">\n",
         (long long)v->id);
    form_text(r, &(Field){ .id = "v-zoek", .name = "zoek", .label = "Wat moet iemand kunnen?", .type = "search",
                           .hint = "Bijvoorbeeld: koken. Leeg laten toont iedereen.", .value = q });
    out_html(b, HTML("<div><button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Vrijwilligers zoeken</span></button></div>\n</form>\n"));
    if (!q) {
        VolFit *fit;
        size_t nf = 0;
        if (vacancy_fitting_volunteers(&r->ctx, v->id, &fit, &nf) != STATUS_OK || !nf)
            return;
        out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Wie past bij deze vacature?</h3>\n"
                         "<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < nf; i++)
            volunteer_card(r, v, &fit[i].p, fit[i].reasons, fit[i].n_reasons, inv, ni, rs, nr);
        out_html(b, HTML("</ul>\n"));
        return;
    }
    VolunteerProfile *p;
    size_t n = 0;
    if (volunteer_search(&r->ctx, q, &p, &n) != STATUS_OK)
        return;
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Niemand gevonden. Probeer een ander woord.</p>\n"));
        return;
    }
    out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Gevonden vrijwilligers</h3>\n"
                     "<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++)
        volunteer_card(r, v, &p[i], NULL, 0, inv, ni, rs, nr);
    out_html(b, HTML("</ul>\n"));
}

static void manage_section(Request *r, const Vacancy *v)
{
    Buf *b = &r->out;
    VolResponse *rs;
    Placement *ps;
    size_t nr = 0, np = 0;
    if (vacancy_responses(&r->ctx, v->id, &rs, &nr) != STATUS_OK ||
        vacancy_placements(&r->ctx, v->id, &ps, &np) != STATUS_OK)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"reacties\">Reacties</h2>\n"));
    OUTF(b, "<p class=\"nl-paragraph\">%lld van de %d plekken zijn bezet. U ziet de contactgegevens van wie "
            "reageerde; bel of mail haar om kennis te maken.</p>\n",
         (long long)v->accepted, v->places);
    if (!nr)
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen reacties.</p>\n"));
    else
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < nr; i++) {
        const VolResponse *x = &rs[i];
        OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\">%s</h3>\n"
                "<p class=\"wijzer-card__meta\"><span>%s</span><span>%s</span></p>\n",
             x->name, response_state_label(x->state), date_nl(r->arena, date_day(x->created_at)));
        out_html(b, HTML("<p class=\"nl-paragraph\">E-mail: <a class=\"nl-link\" href=\"mailto:"));
        out_attr(b, x->email);
        OUTF(b, "\">%s</a>", x->email);
        if (x->phone)
            OUTF(b, " · Telefoon: %s", x->phone);
        out_html(b, HTML("</p>\n"));
        dw_text(r, x->message);
        if (x->state == RESP_NEW) {
            OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/reacties/%lld\" class=\"wijzer-actions\">\n",
                 (long long)x->id);
            form_csrf(r);
            OUTF(b, "<input type=\"hidden\" name=\"vacature\" value=\"%lld\">\n", (long long)v->id);
            if (v->accepted < v->places && v->state != VAC_CLOSED)
                OUTF(b, "<button class=\"nl-button nl-button--primary\" type=\"submit\" name=\"besluit\" "
                        "value=\"aannemen\"><span class=\"nl-button__label\">Aannemen<span class=\"wijzer-visually-"
                        "hidden\">: %s</span></span></button>\n",
                     x->name);
            OUTF(b, "<button class=\"nl-button nl-button--secondary\" type=\"submit\" name=\"besluit\" "
                    "value=\"afwijzen\"><span class=\"nl-button__label\">Afwijzen<span class=\"wijzer-visually-"
                    "hidden\">: %s</span></span></button>\n</form>\n",
                 x->name);
        }
        out_html(b, HTML("</li>\n"));
    }
    if (nr)
        out_html(b, HTML("</ul>\n"));
    if (np) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Vrijwilligers aan het werk</h2>\n"
                         "<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < np; i++) {
            OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\">%s</h3>\n"
                    "<p class=\"wijzer-card__meta\"><span>Begonnen %s</span>",
                 ps[i].name, date_nl(r->arena, date_day(ps[i].started_at)));
            if (ps[i].ended_at)
                OUTF(b, "<span>Gestopt %s</span>", date_nl(r->arena, date_day(ps[i].ended_at)));
            out_html(b, HTML("</p>\n"));
            if (!ps[i].ended_at) {
                OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/plaatsingen/%lld/einde\">\n",
                     (long long)ps[i].id);
                form_csrf(r);
                OUTF(b, "<input type=\"hidden\" name=\"vacature\" value=\"%lld\">\n", (long long)v->id);
                OUTF(b, "<button class=\"nl-button nl-button--secondary\" type=\"submit\"><span "
                        "class=\"nl-button__label\">Beëindigen<span class=\"wijzer-visually-hidden\">: %s</span></span>"
                        "</button></form>\n",
                     ps[i].name);
            }
            out_html(b, HTML("</li>\n"));
        }
        out_html(b, HTML("</ul>\n"));
    }
    invite_section(r, v);
    OUTF(b, "<form method=\"post\" action=\"/vrijwilligerswerk/%lld/status\">\n", (long long)v->id);
    form_csrf(r);
    if (v->state == VAC_CLOSED)
        out_html(b, HTML("<input type=\"hidden\" name=\"open\" value=\"1\"><button class=\"nl-button "
                         "nl-button--secondary\" type=\"submit\"><span class=\"nl-button__label\">Vacature weer "
                         "openen</span></button></form>\n"));
    else
        out_html(b, HTML("<input type=\"hidden\" name=\"open\" value=\"0\"><button class=\"nl-button "
                         "nl-button--secondary\" type=\"submit\"><span class=\"nl-button__label\">Vacature "
                         "sluiten</span></button></form>\n"));
}

static void vacancy_page(Request *r, int64_t id, const char *message, const FieldErrors *e)
{
    Vacancy v;
    Status s = vacancy_get(&r->ctx, id, &v);
    if (s != STATUS_OK) {
        vw_status_page(r, s, "deze vacature");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, form_title(r, v.title, e), "vrijwilligers");
    web_breadcrumb(r, "/vrijwilligerswerk", "Vrijwilligerswerk", arena_printf(r->arena, "/vrijwilligerswerk/%lld",
                                                                              (long long)id),
                   v.title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", v.title);
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    if (v.organisation) {
        dw_fact_html_begin(r, "Organisatie");
        out_html(b, HTML("<a class=\"nl-link\" href=\"/organisaties/"));
        out_attr(b, v.organisation);
        OUTF(b, "\">%s</a>", v.organisation_name);
        dw_fact_html_end(r);
    } else {
        dw_fact_html_begin(r, "Initiatief");
        OUTF(b, "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a>", (long long)v.initiative_id,
             v.initiative_title);
        dw_fact_html_end(r);
    }
    dw_fact(r, "Wanneer", vw_time_words(r->arena, &v));
    if (v.times && !v.date)
        dw_fact(r, "Dagdelen", vw_slots_words(r->arena, v.times));
    dw_fact(r, "Waar", v.area ? (v.from_home ? arena_printf(r->arena, "%s, of vanuit huis", v.area_name) : v.area_name)
                              : "Vanuit huis");
    dw_fact(r, "Aantal mensen", arena_printf(r->arena, "%d", v.places));
    if (v.theme)
        dw_fact(r, "Thema", v.theme_name);
    if (v.suits) {
        dw_fact_html_begin(r, "Geschikt voor");
        suits_text(b, v.suits);
        dw_fact_html_end(r);
    }
    if (v.closes_on) {
        int64_t d;
        dw_fact(r, "Reageren kan tot en met", date_parse_iso(v.closes_on, &d) ? date_nl(r->arena, d) : v.closes_on);
    }
    dw_fact(r, "Status", vacancy_state_label(v.state));
    out_html(b, HTML("</dl>\n<h2 class=\"nl-heading nl-heading--level-2\">Wat gaat u doen?</h2>\n"));
    dw_text(r, v.tasks);
    if (*v.offer) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wat krijgt u ervoor terug?</h2>\n"));
        dw_text(r, v.offer);
    }
    if (*v.skills) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wat is handig om te kunnen?</h2>\n"));
        dw_text(r, v.skills);
    }
    if (*v.contact) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Contact</h2>\n"));
        dw_text(r, v.contact);
    }
    int manager = vacancy_may_manage(&r->ctx, &v);
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"reageren\">Reageren</h2>\n"));
    int64_t mine = 0;
    VolResponse *rs;
    size_t nr = 0;
    if (r->ctx.user && volunteer_my_responses(&r->ctx, &rs, &nr) == STATUS_OK)
        for (size_t i = 0; i < nr; i++)
            if (rs[i].vacancy_id == id)
                mine = i + 1;
    if (mine)
        OUTF(b, "<p class=\"nl-paragraph\">U heeft gereageerd op %s. Status: %s. <a class=\"nl-link\" "
                "href=\"/vrijwilligerswerk/profiel\">Bekijk uw reacties</a>.</p>\n",
             date_nl(r->arena, date_day(rs[mine - 1].created_at)), response_state_label(rs[mine - 1].state));
    else if (!vacancy_takes_responses(&r->ctx, &v))
        out_html(b, HTML("<p class=\"nl-paragraph\">Op deze vacature kunt u niet meer reageren: zij is vol of "
                         "gesloten.</p>\n"));
    else if (!r->ctx.user)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/inloggen?terug=/vrijwilligerswerk/%lld\">Log "
                "in</a> om te reageren. Heeft u nog geen account? <a class=\"nl-link\" href=\"/registreren\">Maak er "
                "een</a>.</p>\n",
             (long long)id);
    else {
        out_html(b, HTML("<p class=\"nl-paragraph\">Als u reageert, krijgt de organisatie uw naam, e-mailadres en "
                         "telefoonnummer, zodat zij contact met u kan opnemen.</p>\n"));
        form_error_summary(r, e, NULL);
        OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/vrijwilligerswerk/%lld/reageren\" "
                "novalidate>\n",
             (long long)id);
        form_csrf(r);
        form_textarea(r, &(Field){ .id = "bericht", .label = "Uw bericht aan de organisatie", .required = 1,
                                   .rows = 4, .hint = "Vertel kort wie u bent en waarom u wilt helpen.",
                                   .value = message, .error = errors_get(e, "message") });
        dw_button(r, "Reactie versturen");
        out_html(b, HTML("</form>\n"));
    }
    if (manager)
        manage_section(r, &v);
    page_end(r);
}

void page_vacancy(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    if (!id) {
        vw_status_page(r, ERR_NOT_FOUND, "deze vacature");
        return;
    }
    vacancy_page(r, id, NULL, &(FieldErrors){ 0 });
}

void page_vacancy_respond(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    const char *message = dw_arg(r, "bericht");
    FieldErrors e = { 0 };
    Status s = id ? vacancy_respond(&r->ctx, id, message, &e, NULL) : ERR_NOT_FOUND;
    if (s == ERR_INVALID) {
        r->status = 422;
        vacancy_page(r, id, message, &e);
    } else if (s != STATUS_OK) {
        vw_status_page(r, s, "deze vacature");
    } else {
        flash_set(r, "vacature_reactie");
        resp_redirect(r, arena_printf(r->arena, "/vrijwilligerswerk/%lld", (long long)id));
    }
}

void page_vacancy_status(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    const char *open = dw_arg(r, "open");
    Status s = id ? vacancy_set_open(&r->ctx, id, open && strcmp(open, "1") == 0) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        vw_status_page(r, s, "deze vacature");
        return;
    }
    flash_set(r, "vacature_status");
    resp_redirect(r, arena_printf(r->arena, "/vrijwilligerswerk/%lld", (long long)id));
}

/* Back to the vacancy the form came from (field "vacature"), or to the
 * volunteer's profile with her responses. */
static void back(Request *r)
{
    int64_t v;
    const char *s = dw_arg(r, "vacature");
    if (s && parse_int64(s, &v) && v > 0)
        resp_redirect(r, arena_printf(r->arena, "/vrijwilligerswerk/%lld#reacties", (long long)v));
    else
        resp_redirect(r, "/vrijwilligerswerk/profiel");
}

void page_response_decide(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    const char *what = dw_arg(r, "besluit");
    Status s = ERR_NOT_FOUND;
    int withdraw = what && strcmp(what, "intrekken") == 0;
    if (!id)
        s = ERR_NOT_FOUND;
    else if (withdraw)
        s = response_withdraw(&r->ctx, id);
    else if (what && (strcmp(what, "aannemen") == 0 || strcmp(what, "afwijzen") == 0))
        s = response_decide(&r->ctx, id, strcmp(what, "aannemen") == 0);
    else
        s = ERR_CONFLICT;
    if (s != STATUS_OK) {
        vw_status_page(r, s, "deze reactie");
        return;
    }
    flash_set(r, "vacature_besluit");
    back(r);
}

void page_placement_end(Request *r)
{
    int64_t id = vw_param_id(r, 0);
    Status s = id ? placement_end(&r->ctx, id) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        vw_status_page(r, s, "dit vrijwilligerswerk");
        return;
    }
    flash_set(r, "plaatsing_einde");
    back(r);
}

/* ------------------------------------------------------------------ */
/* GET/POST /vrijwilligerswerk/nieuw                                    */
/* ------------------------------------------------------------------ */

static const char *vacancy_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "organisation", "organisatie" }, { "initiative_id", "organisatie" }, { "title", "titel" },
        { "tasks", "taken" },              { "offer", "aanbod" },              { "skills", "vaardigheden" },
        { "theme", "thema" },              { "area", "wijk" },                 { "date", "datum" },
        { "hours", "uren" },               { "hours_per_week", "uren-week" },  { "period_start", "van" },
        { "period_end", "tot" },           { "places", "plekken" },            { "suits", "voor" },
        { "contact", "contact" },          { "closes_on", "sluit" },           { "times", "dagdelen-0-0" },
    };
    (void)a;
    for (size_t i = 0; field && i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* The form as typed: numbers stay text so that nothing is lost. */
typedef struct VacancyForm {
    VacancyInput in;
    const char *hours, *hours_per_week, *places;
    const char **suits;
    size_t n_suits;
} VacancyForm;

static void vacancy_form(Request *r, const VacancyForm *vf, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *title = "Vacature plaatsen";
    page_begin(r, form_title(r, title, e), "vrijwilligers");
    web_breadcrumb(r, "/vrijwilligerswerk", "Vrijwilligerswerk", "/vrijwilligerswerk/nieuw", "Vacature plaatsen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    CodeName *m = NULL;
    size_t nm = 0;
    int coordinator = r->ctx.user->role == ROLE_ADMIN || r->ctx.user->role == ROLE_COORDINATOR;
    Option *orgs;
    size_t no = 0;
    if (coordinator) {
        OrganisationPage pg;
        OrganisationFilter f = { .per_page = DIR_PER_PAGE_MAX, .page = 1 };
        if (directory_organisations(&r->ctx, &f, &pg) != STATUS_OK)
            pg.n = 0;
        orgs = arena_alloc(r->arena, (pg.n + 1) * sizeof *orgs);
        for (size_t i = 0; i < pg.n; i++)
            orgs[no++] = (Option){ pg.items[i].code, pg.items[i].name, NULL };
    } else {
        if (directory_memberships(&r->ctx, r->ctx.user->id, &m, &nm) != STATUS_OK)
            nm = 0;
        InitiativePage mine = { 0 };
        if (initiative_mine(&r->ctx, &mine) != STATUS_OK)
            mine.n = 0;
        orgs = arena_alloc(r->arena, (nm + mine.n + 1) * sizeof *orgs);
        for (size_t i = 0; i < nm; i++)
            orgs[no++] = (Option){ m[i].code, m[i].name, "Organisaties" };
        /* an initiator posts for her initiative: value "initiatief-ID" */
        for (size_t i = 0; i < mine.n; i++)
            orgs[no++] = (Option){ arena_printf(r->arena, "initiatief-%lld", (long long)mine.items[i].id),
                                   mine.items[i].title, "Uw initiatieven" };
        if (!nm || !mine.n)
            for (size_t i = 0; i < no; i++)
                orgs[i].group = NULL;
    }
    if (!no) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Alleen leden van een organisatie en initiatiefnemers kunnen hier "
                         "een vacature plaatsen. U bent nog geen lid van een organisatie.</p>\n<p class=\"nl-paragraph\">Vraag een "
                         "lid van uw organisatie om u toe te voegen, of <a class=\"nl-link\" "
                         "href=\"/organisaties/nieuw\">meld uw organisatie aan</a>.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<p class=\"nl-paragraph\">Wat u hier schrijft, is openbaar. Zet er geen privégegevens van "
                     "anderen in.</p>\n"));
    form_error_summary(r, e, vacancy_field_id);
    out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/vrijwilligerswerk/nieuw\" "
                     "novalidate>\n"));
    form_csrf(r);
    size_t n2 = 0;
    const VacancyInput *in = &vf->in;
    Option *oo = no > 1 ? with_all(r, "Kies een organisatie of initiatief", orgs, no, &n2) : orgs;
    if (no <= 1)
        n2 = no;
    form_select(r, &(Field){ .id = "organisatie", .label = "Namens wie?", .required = 1,
                             .hint = "Uw organisatie, of uw initiatief.",
                             .value = in->initiative_id ? arena_printf(r->arena, "initiatief-%lld",
                                                                       (long long)in->initiative_id)
                                                        : in->organisation,
                             .error = errors_get(e, "organisation") },
                oo, n2);
    form_text(r, &(Field){ .id = "titel", .label = "Korte titel", .required = 1, .value = in->title,
                           .hint = "Bijvoorbeeld: Helpen bij de buurtmaaltijd.", .error = errors_get(e, "title") });
    form_textarea(r, &(Field){ .id = "taken", .label = "Wat gaat de vrijwilliger doen?", .required = 1, .rows = 4,
                               .value = in->tasks, .error = errors_get(e, "tasks") });
    form_textarea(r, &(Field){ .id = "aanbod", .label = "Wat krijgt de vrijwilliger ervan terug?", .optional = 1,
                               .rows = 3, .hint = "Bijvoorbeeld: een gezellig team, een maaltijd, een reiskosten"
                                                   "vergoeding.",
                               .value = in->offer, .error = errors_get(e, "offer") });
    form_textarea(r, &(Field){ .id = "vaardigheden", .label = "Wat is handig om te kunnen?", .optional = 1, .rows = 2,
                               .hint = "Zet een komma tussen de dingen. Bijvoorbeeld: koken, Arabisch.",
                               .value = in->skills, .error = errors_get(e, "skills") });
    size_t nt, nw;
    Option *to = dw_options(r, 't', &nt), *wo = dw_options(r, 'w', &nw);
    form_select(r, &(Field){ .id = "thema", .label = "Thema", .optional = 1, .value = in->theme,
                             .error = errors_get(e, "theme") },
                with_all(r, "Geen thema", to, nt, &n2), nt + 1);
    form_select(r, &(Field){ .id = "wijk", .label = "In welke wijk?", .value = in->area,
                             .hint = "Kies ‘Geen wijk’ als het helemaal vanuit huis kan.",
                             .error = errors_get(e, "area") },
                with_all(r, "Geen wijk", wo, nw, &n2), nw + 1);
    form_checkbox(r, &(Field){ .id = "thuis", .label = "Dit kan (ook) vanuit huis" }, in->from_home);
    form_fieldset_begin(r, &(Field){ .id = "eenmalig", .label = "Eenmalig: één dag",
                                     .hint = "Vul dit in voor een klus op één dag. Anders de uren per week "
                                             "hieronder." });
    form_text(r, &(Field){ .id = "datum", .label = "Datum", .type = "date", .value = in->date,
                           .hint = "Bijvoorbeeld 2026-12-12.", .error = errors_get(e, "date") });
    form_text(r, &(Field){ .id = "uren", .label = "Hoeveel uur?", .inputmode = "numeric",
                           .css = "utrecht-textbox--numeric", .value = vf->hours, .error = errors_get(e, "hours") });
    form_fieldset_end(r);
    form_fieldset_begin(r, &(Field){ .id = "vast", .label = "Vast: elke week" });
    form_text(r, &(Field){ .id = "uren-week", .label = "Hoeveel uur per week?", .inputmode = "numeric",
                           .css = "utrecht-textbox--numeric", .value = vf->hours_per_week,
                           .error = errors_get(e, "hours_per_week") });
    form_text(r, &(Field){ .id = "van", .label = "Vanaf", .type = "date", .optional = 1, .value = in->period_start,
                           .error = errors_get(e, "period_start") });
    form_text(r, &(Field){ .id = "tot", .label = "Tot en met", .type = "date", .optional = 1, .value = in->period_end,
                           .error = errors_get(e, "period_end") });
    form_fieldset_end(r);
    vw_slots_grid(r, "dagdelen", "Op welke dagdelen?", "Niet verplicht. Leeg laten als het in overleg kan.",
                  errors_get(e, "times"), in->times);
    form_text(r, &(Field){ .id = "plekken", .label = "Hoeveel mensen zoekt u?", .inputmode = "numeric",
                           .css = "utrecht-textbox--numeric", .value = vf->places, .error = errors_get(e, "places") });
    form_checkboxes(r, &(Field){ .id = "voor", .label = "Voor wie is dit ook geschikt?", .optional = 1,
                                 .error = errors_get(e, "suits") },
                    suits_options, VOL_SUITS_COUNT, vf->suits, vf->n_suits);
    form_textarea(r, &(Field){ .id = "contact", .label = "Hoe neemt iemand contact op?", .optional = 1, .rows = 2,
                               .hint = "Reacties via deze website komen altijd bij u aan. Zet hier eventueel een "
                                       "telefoonnummer of e-mailadres van de organisatie.",
                               .value = in->contact, .error = errors_get(e, "contact") });
    form_text(r, &(Field){ .id = "sluit", .label = "Reageren kan tot en met", .type = "date", .optional = 1,
                           .value = in->closes_on, .error = errors_get(e, "closes_on") });
    dw_button(r, "Vacature plaatsen");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

void page_vacancy_new(Request *r)
{
    VacancyForm vf = { .places = "1" };
    vf.in.organisation = dw_arg(r, "organisatie");
    vacancy_form(r, &vf, &(FieldErrors){ 0 });
}

static int form_int(const char *s, int *out, FieldErrors *e, const char *field, const char *msg)
{
    int64_t v;
    if (!s || !*s)
        return 0;
    if (!parse_int64(s, &v) || v < 0 || v > 100000) {
        errors_add(e, field, msg);
        return 0;
    }
    *out = (int)v;
    return 1;
}

void page_vacancy_create(Request *r)
{
    VacancyForm vf = { 0 };
    VacancyInput *in = &vf.in;
    in->organisation = dw_arg(r, "organisatie");
    int64_t ini;
    if (in->organisation && strncmp(in->organisation, "initiatief-", 11) == 0 &&
        parse_int64(in->organisation + 11, &ini) && ini > 0) {
        in->initiative_id = ini;
        in->organisation = NULL;
    }
    in->title = dw_arg(r, "titel");
    in->tasks = dw_arg(r, "taken");
    in->offer = dw_arg(r, "aanbod");
    in->skills = dw_arg(r, "vaardigheden");
    in->theme = dw_arg(r, "thema");
    in->area = dw_arg(r, "wijk");
    const char *home = dw_arg(r, "thuis");
    in->from_home = home && strcmp(home, "1") == 0;
    in->date = dw_arg(r, "datum");
    in->period_start = dw_arg(r, "van");
    in->period_end = dw_arg(r, "tot");
    in->contact = dw_arg(r, "contact");
    in->closes_on = dw_arg(r, "sluit");
    vf.hours = dw_arg(r, "uren");
    vf.hours_per_week = dw_arg(r, "uren-week");
    vf.places = dw_arg(r, "plekken");
    FieldErrors e = { 0 };
    form_int(vf.hours, &in->hours, &e, "hours", "Vul het aantal uur in als een heel getal, bijvoorbeeld 4.");
    form_int(vf.hours_per_week, &in->hours_per_week, &e, "hours_per_week",
             "Vul het aantal uur per week in als een heel getal, bijvoorbeeld 3.");
    if (!form_int(vf.places, &in->places, &e, "places", "Vul het aantal mensen in als een heel getal."))
        in->places = 0;
    else if (in->places == 0)
        errors_add(&e, "places", "Vul in hoeveel mensen u zoekt: 1 of meer.");
    int bad = 0;
    in->times = vw_slots_read(r, "dagdelen", &bad);
    if (bad)
        errors_add(&e, "times", "Kies dagen en dagdelen uit de tabel.");
    const char **suits = arena_alloc(r->arena, (VOL_SUITS_COUNT + 2) * sizeof *suits);
    vf.suits = suits;
    vf.n_suits = dw_args(r, "voor", suits, VOL_SUITS_COUNT + 1);
    for (size_t i = 0; i < vf.n_suits; i++) {
        int bit = vol_suits_parse(suits[i]);
        if (!bit) {
            errors_add(&e, "suits", "Kies uit de lijst.");
            break;
        }
        in->suits |= bit;
    }
    int64_t id = 0;
    Status s = vacancy_create(&r->ctx, in, &e, &id);
    if (s == ERR_INVALID || (s == STATUS_OK && e.n)) {
        r->status = 422;
        vacancy_form(r, &vf, &e);
    } else if (s != STATUS_OK) {
        vw_status_page(r, s, "deze organisatie");
    } else {
        flash_set(r, "vacature_geplaatst");
        resp_redirect(r, arena_printf(r->arena, "/vrijwilligerswerk/%lld", (long long)id));
    }
}

/* ------------------------------------------------------------------ */
/* POST /vrijwilligerswerk/{id}/uitnodigen                              */
/* ------------------------------------------------------------------ */

void page_vacancy_invite(Request *r)
{
    int64_t id = vw_param_id(r, 0), volunteer = 0;
    const char *who = dw_arg(r, "vrijwilliger");
    if (!who || !parse_int64(who, &volunteer))
        volunteer = 0;
    FieldErrors e = { 0 };
    Status s = id ? vacancy_invite(&r->ctx, id, volunteer, NULL, &e, NULL) : ERR_NOT_FOUND;
    if (s == ERR_INVALID)
        web_error(r, 422, "Deze vrijwilliger kunt u niet uitnodigen: haar profiel is niet (meer) zichtbaar.");
    else if (s != STATUS_OK)
        vw_status_page(r, s, "deze vacature");
    else {
        flash_set(r, "vacature_uitnodiging");
        resp_redirect(r, arena_printf(r->arena, "/vrijwilligerswerk/%lld#uitnodigen", (long long)id));
    }
}
