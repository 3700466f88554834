/* The directory pages: "Wie kan helpen?" (/wie-helpt), the municipal goals
 * as a tree (/doelen, /doelen/{code}) with the admin's form for portfolio
 * holder, department and themes, the portfolio holders (/wethouders) and
 * places (/plekken) with the admin's form. Organisations are in
 * organisations.c, officials in officials.c. Markup from docs/markup.md;
 * nobody's e-mail or phone appears on any of them. */
#include <string.h>

#include "domain/process.h"
#include "domain/reference.h"
#include "lib/text.h"
#include "web/directory_web.h"

/* ------------------------------------------------------------------ */
/* Shared pieces (directory_web.h)                                     */
/* ------------------------------------------------------------------ */

void dw_status_page(Request *r, Status s, const char *what)
{
    switch (s) {
    case ERR_NOT_FOUND:
        web_error(r, 404, arena_printf(r->arena, "We kunnen %s niet vinden. Kijk op de pagina ‘Wie kan helpen?’ "
                                                 "voor alle doelen, organisaties, plekken en ambtenaren.",
                                       what));
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag u niet aanpassen. Alleen leden van de organisatie, de ambtenaar zelf of een "
                          "beheerder kunnen dat.");
        break;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_CONFLICT:
        web_error(r, 409, "Dit kan nu niet. Probeer het nog eens met een andere naam.");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

const char *dw_arg(Request *r, const char *name)
{
    const char *v = req_arg(r, name);
    return v ? text_trim(r->arena, v) : NULL;
}

size_t dw_args(Request *r, const char *name, const char **out, size_t max)
{
    return r->form ? form_get_all(r->form, name, out, max) : 0;
}

void dw_fact_html_begin(Request *r, const char *key)
{
    OUTF(&r->out, "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%s</dt>"
                  "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">",
         key);
}

void dw_fact_html_end(Request *r)
{
    out_html(&r->out, HTML("</dd></div>\n"));
}

void dw_fact(Request *r, const char *key, const char *value)
{
    dw_fact_html_begin(r, key);
    out_text(&r->out, value);
    dw_fact_html_end(r);
}

void dw_badges(Request *r, const CodeName *v, size_t n)
{
    if (!n)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"wijzer-badges\">"));
    for (size_t i = 0; i < n; i++)
        OUTF(b, "<data class=\"nl-data-badge\" value=\"%s\">%s</data> ", v[i].code, v[i].name);
    out_html(b, HTML("</p>\n"));
}

void dw_text(Request *r, const char *text)
{
    Buf *b = &r->out;
    const char *p = text;
    while (p && *p) {
        const char *end = strstr(p, "\n\n");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *para = text_trim(r->arena, arena_printf(r->arena, "%.*s", (int)len, p));
        if (para && *para)
            OUTF(b, "<p class=\"nl-paragraph wijzer-pre-line\">%s</p>\n", para);
        p = end ? end + 2 : NULL;
    }
}

Option *dw_options(Request *r, char kind, size_t *n)
{
    CodeName *v = NULL;
    Area *areas = NULL;
    size_t nv = 0;
    *n = 0;
    Status s = kind == 't'   ? reference_themes(&r->ctx, &v, &nv)
               : kind == 'h' ? reference_help_kinds(&r->ctx, &v, &nv)
                             : reference_areas(&r->ctx, &areas, &nv);
    Option *o = arena_alloc(r->arena, (nv + 1) * sizeof *o);
    if (s != STATUS_OK)
        return o;
    for (size_t i = 0; i < nv; i++) {
        if (kind == 'w') {
            if (strcmp(areas[i].kind, "wijk") == 0)
                o[(*n)++] = (Option){ areas[i].code, areas[i].name, NULL };
        } else {
            o[(*n)++] = (Option){ v[i].code, v[i].name, NULL };
        }
    }
    return o;
}

const char **dw_codes(Request *r, const CodeName *v, size_t n)
{
    const char **c = arena_alloc(r->arena, (n + 1) * sizeof *c);
    for (size_t i = 0; i < n; i++)
        c[i] = v[i].code;
    return c;
}

const char *dw_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "name", "name" },           { "kind", "kind" },         { "description", "description" },
        { "offer", "offer" },         { "contact", "contact" },   { "website", "website" },
        { "themes", "themes" },       { "help_kinds", "help_kinds" }, { "areas", "areas" },
        { "expertise", "expertise" }, { "holder", "holder" },     { "department", "department" },
        { "address", "address" },     { "activities", "activities" }, { "area", "area" },
        { "portfolio", "portfolio" },
    };
    (void)a;
    for (size_t i = 0; field && i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

void dw_button(Request *r, const char *label)
{
    OUTF(&r->out, "<div class=\"wijzer-actions\"><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                  "<span class=\"nl-button__label\">%s</span></button></div>\n",
         label);
}

void dw_link_button(Request *r, const char *href, const char *label)
{
    out_html(&r->out, HTML("<a class=\"nl-button nl-button--secondary\" href=\""));
    out_url(&r->out, href);
    OUTF(&r->out, "\"><span class=\"nl-button__label\">%s</span></a>", label);
}

static int is_admin(Request *r)
{
    return r->ctx.user && r->ctx.user->role == ROLE_ADMIN;
}

/* ------------------------------------------------------------------ */
/* GET /wie-helpt                                                      */
/* ------------------------------------------------------------------ */

void page_who_helps(Request *r)
{
    Buf *b = &r->out;
    Goal *goals = NULL;
    Place *places = NULL;
    Official *officials = NULL;
    size_t ng = 0, np = 0, no = 0;
    OrganisationPage orgs = { 0 };
    if (directory_goals(&r->ctx, &goals, &ng) != STATUS_OK || directory_places(&r->ctx, NULL, &places, &np) != STATUS_OK
        || directory_officials(&r->ctx, NULL, NULL, &officials, &no) != STATUS_OK
        || directory_organisations(&r->ctx, &(OrganisationFilter){ .per_page = 1 }, &orgs) != STATUS_OK) {
        dw_status_page(r, ERR_INTERNAL, "");
        return;
    }
    page_begin(r, "Wie kan helpen?", "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Wie kan helpen?</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Hier vindt u wie u verder kan helpen met uw "
                     "initiatief: organisaties in de gemeente, plekken in de wijk, ambtenaren en de doelen van de "
                     "gemeente.</p>\n<p class=\"nl-paragraph\">Weet u niet waar u moet zoeken? <a class=\"nl-link\" "
                     "href=\"/wegwijzer\">Beantwoord drie korte vragen in de wegwijzer</a>.</p>\n"
                     "<ul class=\"wijzer-cards\">\n"));
    OUTF(b, "<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/organisaties\">Organisaties</a></h2>\n<p class=\"nl-paragraph\">Verenigingen, stichtingen en "
            "welzijnswerk die kunnen helpen met mensen, ruimte, geld of kennis.</p>\n<div class=\"wijzer-card__footer\">"
            "<data class=\"nl-data-badge\" value=\"%lld\">%lld %s</data></div></li>\n",
         (long long)orgs.total, (long long)orgs.total, orgs.total == 1 ? "organisatie" : "organisaties");
    OUTF(b, "<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/plekken\">Plekken in de wijk</a></h2>\n<p class=\"nl-paragraph\">Wijkcentra en buurthuizen: waar "
            "ze zijn en wat er gebeurt.</p>\n<div class=\"wijzer-card__footer\">"
            "<data class=\"nl-data-badge\" value=\"%zu\">%zu %s</data></div></li>\n",
         np, np, np == 1 ? "plek" : "plekken");
    OUTF(b, "<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/ambtenaren\">Ambtenaren</a></h2>\n<p class=\"nl-paragraph\">Wie bij de gemeente wat weet, en "
            "voor welke wijken.</p>\n<div class=\"wijzer-card__footer\">"
            "<data class=\"nl-data-badge\" value=\"%zu\">%zu %s</data></div></li>\n",
         no, no, no == 1 ? "ambtenaar" : "ambtenaren");
    OUTF(b, "<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/doelen\">Doelen van de gemeente</a></h2>\n<p class=\"nl-paragraph\">Waar de gemeente aan werkt, "
            "uit welk beleid dat komt en wie verantwoordelijk is.</p>\n<div class=\"wijzer-card__footer\">"
            "<data class=\"nl-data-badge\" value=\"%zu\">%zu %s</data></div></li>\n",
         ng, ng, ng == 1 ? "doel" : "doelen");
    out_html(b, HTML("<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                     "href=\"/beursvloer\">Beursvloer</a></h2>\n<p class=\"nl-paragraph\">Organisaties, bedrijven en "
                     "serviceclubs vragen en bieden kennis, handen of middelen, en maken samen een afspraak.</p></li>\n"
                     "<li class=\"wijzer-card\"><h2 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                     "href=\"/vrijwilligerswerk\">Vrijwilligerswerk</a></h2>\n<p class=\"nl-paragraph\">Helpen bij een "
                     "organisatie of initiatief: een dag, een middag of elke week.</p></li>\n"
                     "</ul>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph\">Wat er in elke wijk gebeurt en welke initiatieven bij welk doel "
                     "horen: <a class=\"nl-link\" href=\"/overzicht\">Overzicht van de gemeente</a>, met een kaart "
                     "van de wijken.</p>\n"));
    CodeName *mine = NULL;
    size_t nm = 0;
    if (r->ctx.user && directory_memberships(&r->ctx, r->ctx.user->id, &mine, &nm) == STATUS_OK && nm) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Uw organisaties</h2>\n"
                         "<p class=\"nl-paragraph\">U bent lid en houdt hun pagina bij.</p>\n<ul>\n"));
        for (size_t i = 0; i < nm; i++)
            OUTF(b, "<li><a class=\"nl-link\" href=\"/organisaties/%s\">%s</a></li>\n", mine[i].code, mine[i].name);
        out_html(b, HTML("</ul>\n"));
    }
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /doelen                                                         */
/* ------------------------------------------------------------------ */

static void goal_meta(Request *r, const Goal *g)
{
    Buf *b = &r->out;
    OUTF(b, "<p class=\"wijzer-card__meta\"><span>Uit: %s</span>", g->source_document);
    if (g->holder_name)
        OUTF(b, "<span>Wethouder: %s</span>", g->holder_name);
    if (g->department && *g->department)
        OUTF(b, "<span>Afdeling: %s</span>", g->department);
    out_html(b, HTML("</p>\n"));
}

void page_goals(Request *r)
{
    Goal *goals = NULL;
    size_t n = 0;
    Status s = directory_goals(&r->ctx, &goals, &n);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "de doelen");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Doelen van de gemeente", "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/doelen", "Doelen", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Doelen van de gemeente</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Waar de gemeente aan werkt. Bij elk doel staat uit "
                     "welk beleidsstuk het komt, welke wethouder verantwoordelijk is en welke afdeling eraan werkt. "
                     "Draagt uw initiatief bij aan een doel? Zeg het bij uw aanvraag.</p>\n"
                     "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/wethouders\">Alle wethouders en hun "
                     "portefeuilles</a></p>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen doelen vastgelegd.</p>\n"));
        page_end(r);
        return;
    }
    /* Nested lists: the tree's shape is in the markup, for everyone. */
    int depth = -1;
    for (size_t i = 0; i < n; i++) {
        const Goal *g = &goals[i];
        if (g->depth > depth) {
            out_html(b, depth < 0 ? HTML("<ul class=\"wijzer-tree\">\n") : HTML("\n<ul>\n"));
        } else {
            out_html(b, HTML("</li>\n"));
            for (int d = depth; d > g->depth; d--)
                out_html(b, HTML("</ul>\n</li>\n"));
        }
        depth = g->depth;
        OUTF(b, "<li><a class=\"nl-link\" href=\"/doelen/%s\">%s</a>\n", g->code, g->title);
        goal_meta(r, g);
    }
    out_html(b, HTML("</li>\n"));
    for (int d = depth; d > 0; d--)
        out_html(b, HTML("</ul>\n</li>\n"));
    out_html(b, HTML("</ul>\n"));
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /doelen/{code}, /doelen/{code}/bewerken, POST /doelen/{code}    */
/* ------------------------------------------------------------------ */

void page_goal(Request *r)
{
    Goal g, *children, *path;
    size_t nc, np;
    Status s = directory_goal(&r->ctx, r->params[0], &g, &children, &nc, &path, &np);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "dit doel");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, g.title, "wiehelpt");
    web_breadcrumb(r, "/doelen", "Doelen", arena_printf(r->arena, "/doelen/%s", g.code), g.title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", g.title);
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    dw_fact(r, "Uit het beleidsstuk", g.source_document);
    if (np) {
        dw_fact_html_begin(r, "Hoort bij");
        OUTF(b, "<a class=\"nl-link\" href=\"/doelen/%s\">%s</a>", path[np - 1].code, path[np - 1].title);
        dw_fact_html_end(r);
    }
    dw_fact_html_begin(r, "Wethouder");
    if (g.holder_name)
        OUTF(b, "%s <span class=\"wijzer-muted\">(%s)</span>", g.holder_name, g.holder_portfolio);
    else
        out_html(b, HTML("Nog niet bekend"));
    dw_fact_html_end(r);
    dw_fact(r, "Afdeling", *g.department ? g.department : "Nog niet bekend");
    if (g.n_themes) {
        dw_fact_html_begin(r, "Thema's");
        for (size_t k = 0; k < g.n_themes; k++)
            OUTF(b, "%s%s", k ? ", " : "", g.themes[k].name);
        dw_fact_html_end(r);
    }
    out_html(b, HTML("</dl>\n"));
    if (nc) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Onderdelen van dit doel</h2>\n<ul>\n"));
        for (size_t i = 0; i < nc; i++)
            OUTF(b, "<li><a class=\"nl-link\" href=\"/doelen/%s\">%s</a></li>\n", children[i].code, children[i].title);
        out_html(b, HTML("</ul>\n"));
    }
    web_connected_initiatives(r, 0, g.code);
    if (directory_may_edit_goals(r->ctx.user)) {
        out_html(b, HTML("<p class=\"wijzer-actions\">"));
        dw_link_button(r, arena_printf(r->arena, "/doelen/%s/bewerken", g.code), "Wethouder en afdeling aanpassen");
        out_html(b, HTML("</p>\n"));
    }
    page_end(r);
}

static void goal_form(Request *r, const Goal *g, const FieldErrors *e, const GoalInput *in)
{
    Buf *b = &r->out;
    Holder *h = NULL;
    size_t nh = 0;
    directory_holders(&r->ctx, &h, &nh);
    const char *title = arena_printf(r->arena, "Wethouder en afdeling: %s", g->title);
    page_begin(r, form_title(r, title, e), "wiehelpt");
    web_breadcrumb(r, "/doelen", "Doelen", arena_printf(r->arena, "/doelen/%s", g->code), g->title,
                   arena_printf(r->arena, "/doelen/%s/bewerken", g->code), "Aanpassen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, e, dw_field_id);
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/doelen/%s\" novalidate>\n", g->code);
    form_csrf(r);
    Option *o = arena_alloc(r->arena, (nh + 1) * sizeof *o);
    o[0] = (Option){ "", "Nog niet bekend", NULL };
    for (size_t i = 0; i < nh; i++)
        o[i + 1] = (Option){ h[i].code, arena_printf(r->arena, "%s (%s)", h[i].name, h[i].portfolio), NULL };
    form_select(r, &(Field){ .id = "holder", .label = "Wethouder", .value = in->holder_code,
                             .error = errors_get(e, "holder"),
                             .hint = "Een nieuwe wethouder voegt u toe op de pagina Wethouders." },
                o, nh + 1);
    form_text(r, &(Field){ .id = "department", .label = "Verantwoordelijke afdeling", .optional = 1,
                           .value = in->department, .error = errors_get(e, "department") });
    size_t nt;
    Option *themes = dw_options(r, 't', &nt);
    form_checkboxes(r, &(Field){ .id = "themes", .label = "Thema's", .optional = 1,
                                 .hint = "Initiatieven met deze thema's dragen misschien bij aan dit doel.",
                                 .error = errors_get(e, "themes") },
                    themes, nt, in->themes, in->n_themes);
    dw_button(r, "Opslaan");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

static int load_goal_admin(Request *r, Goal *g)
{
    Goal *children, *path;
    size_t nc, np;
    Status s = directory_goal(&r->ctx, r->params[0], g, &children, &nc, &path, &np);
    if (s == STATUS_OK && !directory_may_edit_goals(r->ctx.user))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        dw_status_page(r, s, "dit doel");
        return 0;
    }
    return 1;
}

void page_goal_edit(Request *r)
{
    Goal g;
    if (load_goal_admin(r, &g))
        goal_form(r, &g, &(FieldErrors){ 0 },
                  &(GoalInput){ g.holder_code, g.department, dw_codes(r, g.themes, g.n_themes), g.n_themes });
}

void page_goal_update(Request *r)
{
    Goal g;
    if (!load_goal_admin(r, &g))
        return;
    FieldErrors e = { 0 };
    const char **themes = arena_alloc(r->arena, (DIR_CHOICES_MAX + 1) * sizeof *themes);
    GoalInput in = { dw_arg(r, "holder"), dw_arg(r, "department"), themes, 0 };
    in.n_themes = dw_args(r, "themes", themes, DIR_CHOICES_MAX + 1);
    Status s = directory_goal_update(&r->ctx, g.code, &in, &e);
    if (s == ERR_INVALID) {
        r->status = 422;
        goal_form(r, &g, &e, &in);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "dit doel");
    } else {
        flash_set(r, "opgeslagen");
        resp_redirect(r, arena_printf(r->arena, "/doelen/%s", g.code));
    }
}

/* ------------------------------------------------------------------ */
/* GET /wethouders, POST /wethouders (admin)                            */
/* ------------------------------------------------------------------ */

static void holders_page(Request *r, const FieldErrors *e, const char *code, const char *name, const char *portfolio)
{
    Holder *h = NULL;
    Goal *goals = NULL;
    size_t nh = 0, ng = 0;
    if (directory_holders(&r->ctx, &h, &nh) != STATUS_OK || directory_goals(&r->ctx, &goals, &ng) != STATUS_OK) {
        dw_status_page(r, ERR_INTERNAL, "");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, form_title(r, "Wethouders", e), "wiehelpt");
    web_breadcrumb(r, "/doelen", "Doelen", "/wethouders", "Wethouders", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Wethouders</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Wie in het college verantwoordelijk is voor welke "
                     "doelen.</p>\n"));
    form_error_summary(r, e, dw_field_id);
    if (!nh)
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen wethouders vastgelegd.</p>\n"));
    for (size_t i = 0; i < nh; i++) {
        OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"wethouder-%s\">%s</h2>\n"
                "<p class=\"nl-paragraph\">Portefeuille: %s</p>\n",
             h[i].code, h[i].name, h[i].portfolio);
        int any = 0;
        for (size_t k = 0; k < ng; k++) {
            if (!goals[k].holder_code || strcmp(goals[k].holder_code, h[i].code) != 0)
                continue;
            if (!any)
                out_html(b, HTML("<ul>\n"));
            any = 1;
            OUTF(b, "<li><a class=\"nl-link\" href=\"/doelen/%s\">%s</a></li>\n", goals[k].code, goals[k].title);
        }
        out_html(b, any ? HTML("</ul>\n") : HTML("<p class=\"nl-paragraph wijzer-muted\">Nog geen doelen.</p>\n"));
    }
    if (is_admin(r)) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"toevoegen\">Wethouder toevoegen of "
                         "aanpassen</h2>\n<form class=\"utrecht-form wijzer-flow\" method=\"post\" "
                         "action=\"/wethouders\" novalidate>\n"));
        form_csrf(r);
        Option *o = arena_alloc(r->arena, (nh + 1) * sizeof *o);
        o[0] = (Option){ "", "Nieuwe wethouder", NULL };
        for (size_t i = 0; i < nh; i++)
            o[i + 1] = (Option){ h[i].code, h[i].name, NULL };
        form_select(r, &(Field){ .id = "code", .label = "Welke wethouder", .value = code }, o, nh + 1);
        form_text(r, &(Field){ .id = "name", .label = "Naam", .required = 1, .value = name,
                               .error = errors_get(e, "name") });
        form_text(r, &(Field){ .id = "portfolio", .label = "Portefeuille", .required = 1, .value = portfolio,
                               .error = errors_get(e, "portfolio") });
        dw_button(r, "Opslaan");
        out_html(b, HTML("</form>\n"));
    }
    page_end(r);
}

void page_holders(Request *r)
{
    holders_page(r, &(FieldErrors){ 0 }, NULL, NULL, NULL);
}

void page_holder_save(Request *r)
{
    FieldErrors e = { 0 };
    const char *code = dw_arg(r, "code"), *name = dw_arg(r, "name"), *portfolio = dw_arg(r, "portfolio");
    const char *saved = NULL;
    Status s = directory_holder_save(&r->ctx, code, name, portfolio, &e, &saved);
    if (s == ERR_INVALID) {
        r->status = 422;
        holders_page(r, &e, code, name, portfolio);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze wethouder");
    } else {
        flash_set(r, "opgeslagen");
        resp_redirect(r, arena_printf(r->arena, "/wethouders#wethouder-%s", saved));
    }
}

/* ------------------------------------------------------------------ */
/* GET /plekken, /plekken/{code}, /plekken/{code}/bewerken, POST        */
/* ------------------------------------------------------------------ */

void dw_place_card(Request *r, const Place *p)
{
    Buf *b = &r->out;
    OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\">"
            "<a class=\"nl-link\" href=\"/plekken/%s\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span>",
         p->code, p->name, p->kind);
    if (*p->address)
        OUTF(b, "<span>%s</span>", p->address);
    else
        OUTF(b, "<span>%s</span>", p->town);
    out_html(b, HTML("</p>\n"));
    if (*p->activities)
        OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", p->activities);
    out_html(b, HTML("</li>\n"));
}

void page_places(Request *r)
{
    Place *v = NULL;
    size_t n = 0;
    Status s = directory_places(&r->ctx, NULL, &v, &n);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "de plekken");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Plekken in de wijk", "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/plekken", "Plekken", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Plekken in de wijk</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Wijkcentra, buurthuizen en andere plekken waar u "
                     "terecht kunt: om mensen te ontmoeten, voor een ruimte of voor hulp.</p>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen plekken vastgelegd.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < n; i++) {
            /* The card's heading sits under the h1 here: h2. */
            const Place *p = &v[i];
            OUTF(b, "<li class=\"wijzer-card\">\n<h2 class=\"nl-heading nl-heading--level-3\">"
                    "<a class=\"nl-link\" href=\"/plekken/%s\">%s</a></h2>\n<p class=\"wijzer-card__meta\">"
                    "<span>%s</span><span>%s</span></p>\n",
                 p->code, p->name, p->kind, *p->address ? p->address : p->town);
            if (*p->activities)
                OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", p->activities);
            out_html(b, HTML("</li>\n"));
        }
        out_html(b, HTML("</ul>\n"));
    }
    page_end(r);
}

void page_place(Request *r)
{
    Place p;
    Status s = directory_place(&r->ctx, r->params[0], &p);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "deze plek");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, p.name, "wiehelpt");
    web_breadcrumb(r, "/plekken", "Plekken", arena_printf(r->arena, "/plekken/%s", p.code), p.name, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", p.name);
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    dw_fact(r, "Soort plek", p.kind);
    dw_fact(r, "Adres", *p.address ? p.address : arena_printf(r->arena, "In %s; het adres is nog niet bekend", p.town));
    if (p.area_name)
        dw_fact(r, "Wijk", p.area_name);
    if (p.organisation_name) {
        dw_fact_html_begin(r, "Beheerd door");
        OUTF(b, "<a class=\"nl-link\" href=\"/organisaties/%s\">%s</a>", p.organisation_code, p.organisation_name);
        dw_fact_html_end(r);
    }
    out_html(b, HTML("</dl>\n<h2 class=\"nl-heading nl-heading--level-2\">Wat gebeurt er?</h2>\n"));
    if (*p.activities)
        dw_text(r, p.activities);
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Dat is nog niet beschreven. Vraag het de beheerder.</p>\n"));
    if (is_admin(r)) {
        out_html(b, HTML("<p class=\"wijzer-actions\">"));
        dw_link_button(r, arena_printf(r->arena, "/plekken/%s/bewerken", p.code), "Plek aanpassen");
        out_html(b, HTML("</p>\n"));
    }
    page_end(r);
}

static void place_form(Request *r, const Place *p, const FieldErrors *e, const char *address, const char *activities,
                       const char *area)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "%s aanpassen", p->name);
    page_begin(r, form_title(r, title, e), "wiehelpt");
    web_breadcrumb(r, "/plekken", "Plekken", arena_printf(r->arena, "/plekken/%s", p->code), p->name,
                   arena_printf(r->arena, "/plekken/%s/bewerken", p->code), "Aanpassen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, e, dw_field_id);
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/plekken/%s\" novalidate>\n", p->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "address", .label = "Adres", .optional = 1, .value = address,
                           .hint = "Straat, huisnummer en plaats.", .error = errors_get(e, "address") });
    form_textarea(r, &(Field){ .id = "activities", .label = "Wat gebeurt er?", .optional = 1, .rows = 5,
                               .value = activities, .error = errors_get(e, "activities") });
    web_area_select(r, &(Field){ .id = "area", .label = "Wijk", .optional = 1, .value = area,
                                 .error = errors_get(e, "area") },
                    "Geen wijk");
    dw_button(r, "Opslaan");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

static int load_place_admin(Request *r, Place *p)
{
    Status s = directory_place(&r->ctx, r->params[0], p);
    if (s == STATUS_OK && !is_admin(r))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        dw_status_page(r, s, "deze plek");
        return 0;
    }
    return 1;
}

void page_place_edit(Request *r)
{
    Place p;
    if (load_place_admin(r, &p))
        place_form(r, &p, &(FieldErrors){ 0 }, p.address, p.activities, p.area_code);
}

void page_place_update(Request *r)
{
    Place p;
    if (!load_place_admin(r, &p))
        return;
    FieldErrors e = { 0 };
    const char *address = dw_arg(r, "address"), *activities = dw_arg(r, "activities"), *area = dw_arg(r, "area");
    Status s = directory_place_set_details(&r->ctx, p.code, address, activities, area, &e);
    if (s == ERR_INVALID) {
        r->status = 422;
        place_form(r, &p, &e, address, activities, area);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze plek");
    } else {
        flash_set(r, "opgeslagen");
        resp_redirect(r, arena_printf(r->arena, "/plekken/%s", p.code));
    }
}
