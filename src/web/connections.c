/* Connections on the pages (issue 5): the "Verbonden met" section of an
 * initiative's page (the goals it serves, the organisations that help it,
 * the initiatives it works with) with small forms to add and take away a
 * connection, and the other side: the initiatives connected to a goal or
 * an organisation. Who may change what is the domain's rule
 * (domain/connections.h); the forms only show for those who may. Markup
 * from docs/markup.md; no JavaScript. */
#include <string.h>

#include "domain/connections.h"
#include "domain/directory.h"
#include "domain/initiatives.h"
#include "lib/text.h"
#include "web/pages.h"

/* Above this many organisations the form asks for the code instead of
 * offering a select. */
enum { ORG_SELECT_MAX = 100 };

/* What was sent to a form of the section, to show it again with its
 * error. kind: which form ("goal", "organisation", "initiative"). */
typedef struct ConnForms {
    FieldErrors errors;
    const char *kind, *target;
} ConnForms;

static const char *conn_url(Request *r, int64_t id)
{
    return arena_printf(r->arena, "/initiatieven/%lld", (long long)id);
}

static const char *field_id(Arena *a, const char *field)
{
    (void)a;
    if (strcmp(field, "goal") == 0)
        return "conn-goal";
    if (strcmp(field, "organisation") == 0)
        return "conn-organisation";
    if (strcmp(field, "initiative") == 0)
        return "conn-initiative";
    return NULL;
}

static void submit(Request *r, int primary, const char *label, const char *hidden_tail)
{
    OUTF(&r->out, "<button class=\"nl-button nl-button--%s\" type=\"submit\"><span class=\"nl-button__label\">%s",
         primary ? "primary" : "secondary", label);
    if (hidden_tail)
        OUTF(&r->out, "<span class=\"wijzer-visually-hidden\"> %s</span>", hidden_tail);
    out_html(&r->out, HTML("</span></button>"));
}

/* A "Weghalen" button for one connection. */
static void remove_form(Request *r, int64_t id, const Connection *x)
{
    OUTF(&r->out, "<form method=\"post\" action=\"/initiatieven/%lld/verbindingen/weghalen\">\n", (long long)id);
    form_csrf(r);
    OUTF(&r->out,
         "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"target\" value=\"%s\">",
         connection_kind_code(x->kind), x->target);
    submit(r, 0, "Weghalen", arena_printf(r->arena, "verbinding met ‘%s’", x->name));
    out_html(&r->out, HTML("\n</form>\n"));
}

/* What the visitor may connect without being allowed everything: her
 * organisations (a member) and her own initiatives (an initiator). */
typedef struct Own {
    CodeName *orgs;
    size_t n_orgs;
    InitiativePage initiatives;
} Own;

/* May the visitor take this connection away? Staff and the initiator
 * always; a member only her organisation's; the initiator of the partner
 * initiative that link. */
static int may_remove(int may_edit, const Connection *x, const Own *own)
{
    if (may_edit)
        return 1;
    if (x->kind == CONN_ORGANISATION) {
        for (size_t i = 0; i < own->n_orgs; i++)
            if (strcmp(own->orgs[i].code, x->target) == 0)
                return 1;
    } else if (x->kind == CONN_INITIATIVE) {
        int64_t id;
        for (size_t i = 0; parse_int64(x->target, &id) && i < own->initiatives.n; i++)
            if (own->initiatives.items[i].id == id)
                return 1;
    }
    return 0;
}

static void list_kind(Request *r, const Initiative *in, const Connection *v, size_t n, ConnectionKind kind,
                      const char *heading, int may_edit, const Own *own)
{
    Buf *b = &r->out;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += v[i].kind == kind;
    if (!count)
        return;
    OUTF(b, "<h3 class=\"nl-heading nl-heading--level-3\">%s</h3>\n<ul class=\"wijzer-cards\">\n", heading);
    for (size_t i = 0; i < n; i++) {
        const Connection *x = &v[i];
        if (x->kind != kind)
            continue;
        out_html(b, HTML("<li class=\"wijzer-card\">\n<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\""));
        if (kind == CONN_GOAL)
            out_url(b, arena_printf(r->arena, "/doelen/%s", x->target));
        else if (kind == CONN_ORGANISATION)
            out_url(b, arena_printf(r->arena, "/organisaties/%s", x->target));
        else
            out_url(b, arena_printf(r->arena, "/initiatieven/%s", x->target));
        OUTF(b, "\">%s</a></p>\n", x->name);
        if (kind == CONN_INITIATIVE && x->state) {
            out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
            web_state_badge(b, state_parse(x->state));
            out_html(b, HTML("</div>\n"));
        }
        if (may_remove(may_edit, x, own))
            remove_form(r, in->id, x);
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}

static void form_begin(Request *r, const Initiative *in, const char *kind, const char *heading)
{
    OUTF(&r->out, "<h3 class=\"nl-heading nl-heading--level-4\">%s</h3>\n"
                  "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven/%lld/verbindingen\" "
                  "novalidate>\n<input type=\"hidden\" name=\"kind\" value=\"%s\">\n",
         heading, (long long)in->id, kind);
    form_csrf(r);
}

static void form_end(Request *r, const char *label)
{
    out_html(&r->out, HTML("<div class=\"wijzer-actions\">"));
    submit(r, 0, label, NULL);
    out_html(&r->out, HTML("</div>\n</form>\n"));
}

/* The value typed into one form, when that form failed. */
static const char *sent(const ConnForms *cf, const char *kind)
{
    return cf && cf->kind && strcmp(cf->kind, kind) == 0 ? cf->target : NULL;
}

static void goal_form(Request *r, const Initiative *in, const ConnForms *cf)
{
    Goal *g = NULL;
    size_t n = 0;
    if (directory_goals(&r->ctx, &g, &n) != STATUS_OK || !n)
        return;
    Option *o = arena_alloc(r->arena, (n + 1) * sizeof *o);
    o[0] = (Option){ "", "Kies een doel", NULL };
    for (size_t i = 0; i < n; i++) {
        const char *indent = "";
        for (int d = 0; d < g[i].depth && d < 4; d++)
            indent = arena_printf(r->arena, "%s– ", indent);
        o[i + 1] = (Option){ g[i].code, arena_printf(r->arena, "%s%s", indent, g[i].title), NULL };
    }
    form_begin(r, in, "goal", "Doel van de gemeente toevoegen");
    form_select(r, &(Field){ .id = "conn-goal", .name = "goal", .label = "Doel",
                             .hint = "Aan welk doel van de gemeente draagt dit initiatief bij?",
                             .value = sent(cf, "goal"), .error = cf ? errors_get(&cf->errors, "goal") : NULL },
                o, n + 1);
    form_end(r, "Doel toevoegen");
}

/* may_edit: every organisation; otherwise only the visitor's own. */
static void organisation_form(Request *r, const Initiative *in, const ConnForms *cf, int may_edit,
                              const CodeName *mine, size_t n_mine)
{
    const char *error = cf ? errors_get(&cf->errors, "organisation") : NULL;
    const char *hint = "Welke organisatie helpt dit initiatief?";
    if (!may_edit) {
        if (!n_mine)
            return;
        Option *o = arena_alloc(r->arena, (n_mine + 1) * sizeof *o);
        o[0] = (Option){ "", "Kies uw organisatie", NULL };
        for (size_t i = 0; i < n_mine; i++)
            o[i + 1] = (Option){ mine[i].code, mine[i].name, NULL };
        form_begin(r, in, "organisation", "Uw organisatie helpt mee");
        form_select(r, &(Field){ .id = "conn-organisation", .name = "organisation", .label = "Organisatie",
                                 .hint = "U kunt alleen een organisatie kiezen waarvan u lid bent.",
                                 .value = sent(cf, "organisation"), .error = error },
                    o, n_mine + 1);
        form_end(r, "Organisatie toevoegen");
        return;
    }
    OrganisationPage pg = { 0 };
    OrganisationFilter f = { .page = 1, .per_page = ORG_SELECT_MAX };
    if (directory_organisations(&r->ctx, &f, &pg) != STATUS_OK)
        return;
    form_begin(r, in, "organisation", "Organisatie toevoegen");
    if (pg.total > ORG_SELECT_MAX) {
        form_text(r, &(Field){ .id = "conn-organisation", .name = "organisation", .label = "Code van de organisatie",
                               .hint = "De code staat achter /organisaties/ in het adres van de pagina van de "
                                       "organisatie. Zoek de organisatie op de pagina Organisaties.",
                               .value = sent(cf, "organisation"), .error = error });
        out_html(&r->out, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/organisaties\">"
                               "Organisaties zoeken</a></p>\n"));
    } else {
        Option *o = arena_alloc(r->arena, (pg.n + 1) * sizeof *o);
        o[0] = (Option){ "", "Kies een organisatie", NULL };
        for (size_t i = 0; i < pg.n; i++)
            o[i + 1] = (Option){ pg.items[i].code, pg.items[i].name, NULL };
        form_select(r, &(Field){ .id = "conn-organisation", .name = "organisation", .label = "Organisatie",
                                 .hint = hint, .value = sent(cf, "organisation"), .error = error },
                    o, pg.n + 1);
    }
    form_end(r, "Organisatie toevoegen");
}

static void initiative_form(Request *r, const Initiative *in, const ConnForms *cf)
{
    form_begin(r, in, "initiative", "Samenwerking met een ander initiatief");
    form_text(r, &(Field){ .id = "conn-initiative", .name = "initiative", .label = "Nummer van het initiatief",
                           .hint = "Het nummer staat in het adres van de pagina van het initiatief, bijvoorbeeld 12 "
                                   "in /initiatieven/12.",
                           .inputmode = "numeric", .css = "utrecht-textbox--numeric",
                           .value = sent(cf, "initiative"),
                           .error = cf ? errors_get(&cf->errors, "initiative") : NULL });
    form_end(r, "Initiatief toevoegen");
}

/* An initiator who may not edit this initiative: one of hers works with it. */
static void own_initiative_form(Request *r, const Initiative *in, const ConnForms *cf, const Own *own)
{
    size_t n = 0;
    Option *o = arena_alloc(r->arena, (own->initiatives.n + 1) * sizeof *o);
    o[n++] = (Option){ "", "Kies uw initiatief", NULL };
    for (size_t i = 0; i < own->initiatives.n; i++)
        if (own->initiatives.items[i].id != in->id)
            o[n++] = (Option){ arena_printf(r->arena, "%lld", (long long)own->initiatives.items[i].id),
                               own->initiatives.items[i].title, NULL };
    if (n == 1)
        return;
    form_begin(r, in, "initiative", "Uw initiatief werkt hiermee samen");
    form_select(r, &(Field){ .id = "conn-initiative", .name = "initiative", .label = "Uw initiatief",
                             .value = sent(cf, "initiative"),
                             .error = cf ? errors_get(&cf->errors, "initiative") : NULL },
                o, n);
    form_end(r, "Samenwerking toevoegen");
}

static void section(Request *r, const Initiative *in, const ConnForms *cf)
{
    Buf *b = &r->out;
    Connection *v = NULL;
    size_t n = 0;
    if (connections_of_initiative(&r->ctx, in->id, &v, &n) != STATUS_OK)
        n = 0;
    int may_edit = connection_may_edit(&r->ctx, in);
    Own own = { 0 };
    if (!may_edit && r->ctx.user) {
        if (directory_memberships(&r->ctx, r->ctx.user->id, &own.orgs, &own.n_orgs) != STATUS_OK)
            own.n_orgs = 0;
        if (initiative_mine(&r->ctx, &own.initiatives) != STATUS_OK)
            own.initiatives.n = 0;
    }
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"verbonden\">Verbonden met</h2>\n"));
    if (!n)
        out_html(b, HTML("<p class=\"nl-paragraph\">Dit initiatief is nog niet verbonden met een doel van de gemeente, "
                         "een organisatie of een ander initiatief.</p>\n"));
    list_kind(r, in, v, n, CONN_GOAL, "Doelen van de gemeente waaraan het bijdraagt", may_edit, &own);
    list_kind(r, in, v, n, CONN_ORGANISATION, "Organisaties die helpen", may_edit, &own);
    list_kind(r, in, v, n, CONN_INITIATIVE, "Initiatieven waarmee het samenwerkt", may_edit, &own);
    if (may_edit)
        goal_form(r, in, cf);
    organisation_form(r, in, cf, may_edit, own.orgs, own.n_orgs);
    if (may_edit)
        initiative_form(r, in, cf);
    else if (r->ctx.user)
        own_initiative_form(r, in, cf, &own);
}

void web_connections_section(Request *r, const Initiative *in)
{
    section(r, in, NULL);
}

/* ------------------------------------------------------------------ */
/* POST /initiatieven/{id}/verbindingen and …/verbindingen/weghalen     */
/* ------------------------------------------------------------------ */

static int load(Request *r, Initiative *in)
{
    int64_t id;
    Status s = r->params[0] && parse_int64(r->params[0], &id) && id > 0 ? initiative_get(&r->ctx, id, in)
                                                                          : ERR_NOT_FOUND;
    if (s == ERR_NOT_FOUND)
        web_error(r, 404, "Dit initiatief bestaat niet (meer). In de lijst met initiatieven vindt u alle "
                          "initiatieven.");
    else if (s != STATUS_OK)
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
    return s == STATUS_OK;
}

static void fail_page(Request *r, Status s)
{
    switch (s) {
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag alleen de initiatiefnemer, een medewerker van de gemeente of (voor de eigen "
                          "organisatie) een lid van de organisatie.");
        break;
    case ERR_NOT_FOUND:
        web_error(r, 404, "Deze verbinding bestaat niet (meer).");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

/* The form failed: a page with just this section and the error. */
static void again(Request *r, const Initiative *in, const ConnForms *cf)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Verbindingen van ‘%s’", in->title);
    r->status = 422;
    page_begin(r, form_title(r, title, &cf->errors), "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven", conn_url(r, in->id), in->title,
                   arena_printf(r->arena, "/initiatieven/%lld/verbindingen", (long long)in->id), "Verbindingen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, &cf->errors, field_id);
    section(r, in, cf);
    out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\""));
    out_url(b, conn_url(r, in->id));
    out_html(b, HTML("\">Terug naar het initiatief</a></p>\n"));
    page_end(r);
}

/* Plain Dutch for a failed add, next to the field. */
static const char *add_error(ConnectionKind kind, Status s, const char *target)
{
    int blank = !target || text_is_blank(target);
    switch (kind) {
    case CONN_GOAL:
        if (blank)
            return "Kies een doel.";
        return s == ERR_NOT_FOUND ? "Dit doel kennen we niet. Kies een doel uit de lijst." : NULL;
    case CONN_ORGANISATION:
        if (blank)
            return "Kies een organisatie.";
        if (s == ERR_NOT_FOUND)
            return "Deze organisatie kennen we niet. Kijk op de pagina Organisaties voor de juiste code.";
        return s == ERR_FORBIDDEN ? "U kunt alleen een organisatie toevoegen waarvan u lid bent." : NULL;
    case CONN_INITIATIVE:
        if (blank)
            return "Vul het nummer van het initiatief in.";
        if (s == ERR_INVALID)
            return "Vul het nummer van een ander initiatief in, bijvoorbeeld 12.";
        if (s == ERR_NOT_FOUND)
            return "Er is geen initiatief met dit nummer.";
        return s == ERR_FORBIDDEN ? "Dit mag alleen de initiatiefnemer van een van beide initiatieven." : NULL;
    default:
        return NULL;
    }
}

void page_connection_add(Request *r)
{
    Initiative in;
    if (!load(r, &in))
        return;
    ConnForms cf = { .kind = req_arg(r, "kind") };
    ConnectionKind kind;
    if (!connection_kind_parse(cf.kind, &kind)) {
        web_error(r, 400, "Kies een doel, een organisatie of een initiatief.");
        return;
    }
    cf.target = req_arg(r, cf.kind);
    Status s = text_is_blank(cf.target) ? ERR_INVALID : connection_add(&r->ctx, in.id, kind, cf.target);
    if (s == STATUS_OK) {
        flash_set(r, "verbonden");
        resp_redirect(r, arena_printf(r->arena, "/initiatieven/%lld#verbonden", (long long)in.id));
        return;
    }
    const char *msg = add_error(kind, s, cf.target);
    if (!msg) {
        fail_page(r, s);
        return;
    }
    errors_add(&cf.errors, cf.kind, msg);
    again(r, &in, &cf);
}

void page_connection_remove(Request *r)
{
    Initiative in;
    if (!load(r, &in))
        return;
    ConnectionKind kind;
    if (!connection_kind_parse(req_arg(r, "kind"), &kind) || text_is_blank(req_arg(r, "target"))) {
        web_error(r, 400, "Kies welke verbinding u wilt weghalen.");
        return;
    }
    Status s = connection_remove(&r->ctx, in.id, kind, req_arg(r, "target"));
    if (s == ERR_NOT_FOUND)
        s = STATUS_OK; /* gone already, e.g. the button pressed twice */
    if (s != STATUS_OK) {
        fail_page(r, s);
        return;
    }
    flash_set(r, "verbinding_weg");
    resp_redirect(r, arena_printf(r->arena, "/initiatieven/%lld#verbonden", (long long)in.id));
}

/* GET /initiatieven/{id}/verbindingen: the section on its own (the
 * breadcrumb of a failed form points here). */
void page_connections(Request *r)
{
    Initiative in;
    if (!load(r, &in))
        return;
    ConnForms cf = { 0 };
    again(r, &in, &cf);
    r->status = 200;
}

/* ------------------------------------------------------------------ */
/* The other side: a goal's or an organisation's page                   */
/* ------------------------------------------------------------------ */

enum { OTHER_SIDE_MAX = 50 };

void web_connected_initiatives(Request *r, int organisation, const char *code)
{
    Buf *b = &r->out;
    ConnectedInitiative *v = NULL;
    size_t n = 0;
    int64_t total = 0;
    if (connections_initiatives(&r->ctx, organisation ? CONN_ORGANISATION : CONN_GOAL, code, OTHER_SIDE_MAX, &v, &n,
                                &total) != STATUS_OK)
        return;
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"initiatieven\">%s</h2>\n",
         organisation ? "Initiatieven die deze organisatie helpt" : "Initiatieven die aan dit doel bijdragen");
    if (!n) {
        OUTF(b, "<p class=\"nl-paragraph\">Nog geen. Een initiatiefnemer of de gemeente verbindt een initiatief %s "
                "op de pagina van het initiatief.</p>\n",
             organisation ? "met deze organisatie" : "met dit doel");
        return;
    }
    if (total > (int64_t)n)
        OUTF(b, "<p class=\"nl-paragraph wijzer-muted\">%lld initiatieven; hieronder de nieuwste %zu.</p>\n",
             (long long)total, n);
    else
        OUTF(b, "<p class=\"nl-paragraph wijzer-muted\">%lld %s.</p>\n", (long long)total,
             total == 1 ? "initiatief" : "initiatieven");
    out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                "href=\"/initiatieven/%lld\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span></p>\n"
                "<div class=\"wijzer-card__footer\">",
             (long long)v[i].id, v[i].title, v[i].area_name ? v[i].area_name : "");
        web_state_badge(b, v[i].state);
        out_html(b, HTML("</div>\n</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}
