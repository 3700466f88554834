/* The Beursvloer pages: the hub (/beursvloer) with its events and the
 * newest requests and offers; the lists of requests (/beursvloer/vragen)
 * and offers (/beursvloer/aanbod) with filters; one request or offer with
 * its deals and the form that pairs it with an offer or request of another
 * organisation; posting a request or offer (/beursvloer/nieuw) by a member
 * of the organisation; closing and reopening a post; moving a deal; and
 * the Beursvloer section of an organisation's page. Markup from
 * docs/markup.md. The event pages are in market_event.c. */
#include <limits.h>
#include <string.h>

#include "domain/directory.h"
#include "domain/reference.h"
#include "lib/dates.h"
#include "lib/form.h"
#include "lib/text.h"
#include "web/directory_web.h"
#include "web/market_web.h"

/* ------------------------------------------------------------------ */
/* Shared pieces (market_web.h)                                         */
/* ------------------------------------------------------------------ */

int64_t mw_param_id(Request *r, int i)
{
    int64_t id;
    if (!r->params[i] || !parse_int64(r->params[i], &id) || id <= 0)
        return 0;
    return id;
}

void mw_status_page(Request *r, Status s, const char *what)
{
    switch (s) {
    case ERR_NOT_FOUND:
        web_error(r, 404, arena_printf(r->arena, "We kunnen %s niet vinden. Op de Beursvloer staan alle vragen, "
                                                 "aanbod en bijeenkomsten.",
                                       what));
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag u niet doen. Alleen leden van de organisatie, medewerkers van de gemeente of "
                          "een beheerder kunnen dat.");
        break;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_CONFLICT:
        web_error(r, 409, "Dit kan nu niet meer: de status is intussen veranderd. Ga terug en kijk opnieuw.");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

const char *mw_post_url(Arena *a, MarketSide side, int64_t id)
{
    return arena_printf(a, "/beursvloer/%s/%lld", side == MARKET_OFFER ? "aanbod" : "vragen", (long long)id);
}

static void sdg_badges(Buf *b, const MarketPost *p)
{
    for (size_t k = 0; k < p->n_sdgs; k++)
        OUTF(b, "<data class=\"nl-data-badge\" value=\"sdg-%s\"><abbr title=\"Werelddoel\">SDG</abbr> %s: %s</data> ",
             p->sdgs[k].code, p->sdgs[k].code, p->sdgs[k].name);
}

void mw_post_card_open(Request *r, const MarketPost *p)
{
    Buf *b = &r->out;
    out_html(b, HTML("<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                     "href=\""));
    out_url(b, mw_post_url(r->arena, p->side, p->id));
    OUTF(b, "\">%s</a></h3>\n<p class=\"wijzer-card__meta\"><span>%s</span><span>Van %s</span>", p->title,
         p->side == MARKET_OFFER ? "Aanbod" : "Vraag", p->organisation_name);
    if (!p->open)
        out_html(b, HTML("<span>Gesloten</span>"));
    out_html(b, HTML("</p>\n"));
    if (p->side == MARKET_REQUEST && *p->counter_offer)
        OUTF(b, "<p class=\"nl-paragraph\"><strong>Tegenprestatie:</strong> %s</p>\n", p->counter_offer);
    else
        OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", p->description);
    OUTF(b, "<div class=\"wijzer-card__footer\"><data class=\"nl-data-badge\" value=\"%s\">%s</data> ", p->kind,
         market_kind_label(p->kind));
    sdg_badges(b, p);
    out_html(b, HTML("</div>\n"));
}

void mw_post_card(Request *r, const MarketPost *p)
{
    mw_post_card_open(r, p);
    out_html(&r->out, HTML("</li>\n"));
}

static void deal_badge(Buf *b, DealState s)
{
    static const char *const css[DEAL_COUNT_] = { "ingediend", "toegekend", "afgerond", "gestopt" };
    OUTF(b, "<span class=\"utrecht-status-badge wijzer-status--%s\">%s</span>", css[s], deal_state_label(s));
}

static void deal_buttons(Request *r, const MarketDeal *d, const char *back)
{
    Buf *b = &r->out;
    static const DealState order[] = { DEAL_AFGESPROKEN, DEAL_UITGEVOERD, DEAL_GEANNULEERD };
    static const char *const words[] = { "Afgesproken", "Uitgevoerd", "Annuleren" };
    for (size_t i = 0; i < 3; i++) {
        if (!market_deal_allowed(d->state, order[i]))
            continue;
        OUTF(b, "<form class=\"wijzer-inline-form\" method=\"post\" action=\"/beursvloer/koppelingen/%lld/status\">",
             (long long)d->id);
        form_csrf(r);
        OUTF(b, "<input type=\"hidden\" name=\"terug\" value=\"%s\">"
                "<button class=\"nl-button nl-button--%s\" type=\"submit\" name=\"state\" value=\"%s\">"
                "<span class=\"nl-button__label\">%s<span class=\"wijzer-visually-hidden\"> (koppeling %lld)</span>"
                "</span></button></form>\n",
             back, order[i] == DEAL_GEANNULEERD ? "secondary" : "primary", deal_state_code(order[i]), words[i],
             (long long)d->id);
    }
}

void mw_deals_table(Request *r, const char *id, const char *caption, const MarketDeal *d, size_t n,
                    const char *back)
{
    Buf *b = &r->out;
    int any_action = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i].state < DEAL_UITGEVOERD && market_may_move_deal(&r->ctx, &d[i]))
            any_action = 1;
    OUTF(b, "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"%s-caption\" tabindex=\"0\">\n"
            "<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption wijzer-visually-hidden\" "
            "id=\"%s-caption\">%s</caption>\n<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
            "<th class=\"utrecht-table__header-cell\" scope=\"col\">Vraag</th>"
            "<th class=\"utrecht-table__header-cell\" scope=\"col\">Aanbod</th>"
            "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" scope=\"col\">"
            "Waarde</th><th class=\"utrecht-table__header-cell\" scope=\"col\">Status</th>",
         id, id, caption);
    if (any_action)
        out_html(b, HTML("<th class=\"utrecht-table__header-cell\" scope=\"col\">Volgende stap</th>"));
    out_html(b, HTML("</tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < n; i++) {
        out_html(b, HTML("<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\"><a class=\"nl-link\" "
                         "href=\""));
        out_url(b, mw_post_url(r->arena, MARKET_REQUEST, d[i].request_id));
        OUTF(b, "\">%s</a><br><span class=\"wijzer-muted\">%s</span></td>", d[i].request_title, d[i].request_org_name);
        out_html(b, HTML("<td class=\"utrecht-table__cell\"><a class=\"nl-link\" href=\""));
        out_url(b, mw_post_url(r->arena, MARKET_OFFER, d[i].offer_id));
        OUTF(b, "\">%s</a><br><span class=\"wijzer-muted\">%s</span></td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td><td class=\"utrecht-table__cell\">",
             d[i].offer_title, d[i].offer_org_name, format_euros(r->arena, d[i].value_cents));
        deal_badge(b, d[i].state);
        out_html(b, HTML("</td>"));
        if (any_action) {
            out_html(b, HTML("<td class=\"utrecht-table__cell\">"));
            if (market_may_move_deal(&r->ctx, &d[i]))
                deal_buttons(r, &d[i], back);
            out_html(b, HTML("</td>"));
        }
        out_html(b, HTML("</tr>\n"));
    }
    out_html(b, HTML("</tbody>\n</table>\n</div>\n"));
}

/* SDG options: value the number, label "3. Goede gezondheid en welzijn". */
static Option *sdg_options(Request *r, size_t *n)
{
    CodeName *v = NULL;
    size_t nv = 0;
    *n = 0;
    if (reference_sdgs(&r->ctx, &v, &nv) != STATUS_OK)
        nv = 0;
    Option *o = arena_alloc(r->arena, (nv + 1) * sizeof *o);
    for (size_t i = 0; i < nv; i++)
        o[(*n)++] = (Option){ v[i].code, arena_printf(r->arena, "%s. %s", v[i].code, v[i].name), NULL };
    return o;
}

static const Option kind_options[] = {
    { "knowledge", "Kennis", NULL },
    { "hands", "Handen", NULL },
    { "means", "Middelen", NULL },
};

/* ------------------------------------------------------------------ */
/* GET /beursvloer                                                      */
/* ------------------------------------------------------------------ */

static void newest(Request *r, MarketSide side)
{
    Buf *b = &r->out;
    MarketPage pg;
    MarketFilter f = { .side = side, .open_only = 1, .per_page = 4 };
    if (market_posts(&r->ctx, &f, &pg) != STATUS_OK)
        return;
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"%s\">%s</h2>\n",
         side == MARKET_OFFER ? "aanbod" : "vragen", side == MARKET_OFFER ? "Nieuw aanbod" : "Nieuwe vragen");
    if (!pg.n) {
        out_html(b, side == MARKET_OFFER ? HTML("<p class=\"nl-paragraph\">Er is nog geen open aanbod.</p>\n")
                                         : HTML("<p class=\"nl-paragraph\">Er zijn nog geen open vragen.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < pg.n; i++)
            mw_post_card(r, &pg.items[i]);
        out_html(b, HTML("</ul>\n"));
    }
    if (side == MARKET_OFFER)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/aanbod\">Al het aanbod (%lld)</a>"
                "</p>\n",
             (long long)pg.total);
    else
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/vragen\">Alle open vragen (%lld)"
                "</a></p>\n",
             (long long)pg.total);
}

void page_market(Request *r)
{
    Buf *b = &r->out;
    MarketEvent *ev = NULL;
    size_t ne = 0;
    Status s = market_events(&r->ctx, &ev, &ne);
    if (s != STATUS_OK) {
        mw_status_page(r, s, "de Beursvloer");
        return;
    }
    page_begin(r, "Beursvloer", "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/beursvloer", "Beursvloer", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Beursvloer</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Op de Beursvloer helpen bedrijven, serviceclubs en "
                     "maatschappelijke organisaties elkaar. Een organisatie vraagt kennis, handen of middelen en zegt "
                     "wat zij teruggeeft. Een ander biedt iets aan. Samen maken zij een afspraak.</p>\n"
                     "<p class=\"nl-paragraph\">Elke vraag hoort bij een of meer werelddoelen van de Verenigde Naties "
                     "(SDG's). Zo ziet u aan welk doel uw hulp bijdraagt.</p>\n<p class=\"wijzer-actions\">"));
    dw_link_button(r, "/beursvloer/vragen", "Bekijk de vragen");
    dw_link_button(r, "/beursvloer/aanbod", "Bekijk het aanbod");
    out_html(b, HTML("</p>\n"));
    if (r->ctx.user)
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/nieuw\">Zelf een vraag of "
                         "aanbod plaatsen</a></p>\n"));
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Wilt u zelf iets vragen of aanbieden? <a class=\"nl-link\" "
                         "href=\"/inloggen\">Log in</a> als lid van uw organisatie.</p>\n"));
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"bijeenkomsten\">Bijeenkomsten</h2>\n"));
    if (!ne) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er is nog geen Beursvloer gepland.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < ne; i++) {
            int64_t day = 0;
            date_parse_iso(ev[i].date, &day);
            OUTF(b, "<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                    "href=\"/beursvloer/evenementen/%lld\">%s</a></h3>\n<p class=\"wijzer-card__meta\">"
                    "<span><time datetime=\"%s\">%s</time></span><span>%s</span></p>\n</li>\n",
                 (long long)ev[i].id, ev[i].title, ev[i].date, date_nl(r->arena, day), ev[i].place_name);
        }
        out_html(b, HTML("</ul>\n"));
    }
    if (market_may_run_events(r->ctx.user))
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/evenementen/nieuw\">"
                         "Een Beursvloer plannen</a></p>\n"));
    newest(r, MARKET_REQUEST);
    newest(r, MARKET_OFFER);
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /beursvloer/vragen and /beursvloer/aanbod                        */
/* ------------------------------------------------------------------ */

static const char *list_url(Request *r, const MarketFilter *f, int page)
{
    Buf u;
    buf_init(&u);
    buf_puts(&u, f->side == MARKET_OFFER ? "/beursvloer/aanbod?" : "/beursvloer/vragen?");
    const char *names[] = { "soort", "organisatie", "zoek" };
    const char *values[] = { f->kind, f->organisation, f->q };
    for (size_t i = 0; i < 3; i++) {
        if (!values[i])
            continue;
        buf_puts(&u, names[i]);
        buf_puts(&u, "=");
        url_encode_into(&u, values[i]);
        buf_puts(&u, "&");
    }
    if (f->sdg)
        buf_puts(&u, arena_printf(r->arena, "sdg=%d&", f->sdg));
    if (!f->open_only)
        buf_puts(&u, "ook_gesloten=1&");
    buf_puts(&u, arena_printf(r->arena, "pagina=%d", page));
    const char *s = arena_strdup(r->arena, buf_cstr(&u));
    buf_free(&u);
    return s;
}

static void pagination(Request *r, const MarketFilter *f, int64_t total)
{
    Buf *b = &r->out;
    int last = (int)((total + f->per_page - 1) / f->per_page), cur = f->page;
    if (last <= 1 && cur <= 1)
        return;
    out_html(b, HTML("<nav class=\"utrecht-pagination\" aria-label=\"Paginering\">\n"));
    if (cur > 1) {
        out_html(b, HTML("<a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--prev\" "
                         "rel=\"prev\" href=\""));
        out_url(b, list_url(r, f, cur - 1 < last ? cur - 1 : last));
        out_html(b, HTML("\">Vorige</a>\n"));
    }
    if (cur < last) {
        out_html(b, HTML("<a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--next\" "
                         "rel=\"next\" href=\""));
        out_url(b, list_url(r, f, cur + 1));
        out_html(b, HTML("\">Volgende</a>\n"));
    }
    out_html(b, HTML("</nav>\n"));
}

static void market_list(Request *r, MarketSide side)
{
    MarketFilter f = { .side = side, .open_only = 1, .page = 1, .per_page = MARKET_PER_PAGE_DEFAULT };
    const char *kind = dw_arg(r, "soort");
    if (market_kind_valid(kind))
        f.kind = kind;
    const char *org = dw_arg(r, "organisatie");
    Organisation o;
    if (org && *org && directory_organisation(&r->ctx, org, &o) == STATUS_OK)
        f.organisation = org;
    const char *q = dw_arg(r, "zoek");
    if (q && *q)
        f.q = q;
    int64_t v;
    const char *sv = dw_arg(r, "sdg");
    if (sv && parse_int64(sv, &v) && v >= 1 && v <= 17)
        f.sdg = (int)v;
    const char *closed = dw_arg(r, "ook_gesloten");
    if (closed && strcmp(closed, "1") == 0)
        f.open_only = 0;
    const char *pv = dw_arg(r, "pagina");
    if (pv && parse_int64(pv, &v) && v >= 1 && v < INT_MAX / MARKET_PER_PAGE_MAX)
        f.page = (int)v;
    MarketPage pg;
    Status s = market_posts(&r->ctx, &f, &pg);
    if (s != STATUS_OK) {
        mw_status_page(r, s, "de Beursvloer");
        return;
    }
    Buf *b = &r->out;
    const char *title = side == MARKET_OFFER ? "Aanbod op de Beursvloer" : "Vragen op de Beursvloer";
    page_begin(r, f.page > 1 ? arena_printf(r->arena, "%s (pagina %d)", title, f.page) : title, "wiehelpt");
    web_breadcrumb(r, "/beursvloer", "Beursvloer", side == MARKET_OFFER ? "/beursvloer/aanbod" : "/beursvloer/vragen",
                   side == MARKET_OFFER ? "Aanbod" : "Vragen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    out_html(b, side == MARKET_OFFER
                    ? HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Wat bedrijven, serviceclubs en organisaties "
                           "aanbieden: kennis, handen of middelen.</p>\n")
                    : HTML("<p class=\"nl-paragraph nl-paragraph--lead\">Waar maatschappelijke organisaties hulp bij "
                           "zoeken, en wat zij teruggeven.</p>\n"));
    OUTF(b, "<form class=\"wijzer-filters\" method=\"get\" action=\"%s\" role=\"search\" aria-label=\"%s zoeken\">\n",
         side == MARKET_OFFER ? "/beursvloer/aanbod" : "/beursvloer/vragen", side == MARKET_OFFER ? "Aanbod" : "Vragen");
    form_text(r, &(Field){ .id = "f-zoek", .name = "zoek", .label = "Zoekwoord", .type = "search", .value = f.q });
    Option *ko = arena_alloc(r->arena, 4 * sizeof *ko);
    ko[0] = (Option){ "", "Alle soorten", NULL };
    memcpy(ko + 1, kind_options, sizeof kind_options);
    form_select(r, &(Field){ .id = "f-soort", .name = "soort", .label = "Soort hulp", .value = f.kind }, ko, 4);
    size_t ns;
    Option *so = sdg_options(r, &ns);
    Option *sa = arena_alloc(r->arena, (ns + 1) * sizeof *sa);
    sa[0] = (Option){ "", "Alle werelddoelen", NULL };
    memcpy(sa + 1, so, ns * sizeof *sa);
    form_select(r, &(Field){ .id = "f-sdg", .name = "sdg", .label = "Werelddoel (SDG)",
                             .value = f.sdg ? arena_printf(r->arena, "%d", f.sdg) : NULL },
                sa, ns + 1);
    form_checkbox(r, &(Field){ .id = "f-gesloten", .name = "ook_gesloten", .label = "Ook gesloten berichten tonen" },
                  !f.open_only);
    if (f.organisation)
        OUTF(b, "<input type=\"hidden\" name=\"organisatie\" value=\"%s\">\n", f.organisation);
    out_html(b, HTML("<div><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Zoeken</span></button></div>\n</form>\n"));
    int filtered = f.kind || f.organisation || f.q || f.sdg || !f.open_only;
    OUTF(b, "<p class=\"nl-paragraph\"><strong>%lld %s</strong>", (long long)pg.total,
         side == MARKET_OFFER ? (pg.total == 1 ? "aanbieding" : "aanbiedingen") : (pg.total == 1 ? "vraag" : "vragen"));
    if (f.organisation)
        OUTF(b, " van %s", o.name);
    if (filtered) {
        out_html(b, HTML(" · <a class=\"nl-link\" href=\""));
        out_url(b, side == MARKET_OFFER ? "/beursvloer/aanbod" : "/beursvloer/vragen");
        out_html(b, HTML("\">Wis de filters</a>"));
    }
    out_html(b, HTML("</p>\n"));
    if (!pg.n) {
        out_html(b, filtered ? HTML("<p class=\"nl-paragraph\">Niets gevonden. Kies minder filters.</p>\n")
                             : HTML("<p class=\"nl-paragraph\">Er staat nog niets.</p>\n"));
    } else {
        out_html(b, HTML("<h2 class=\"wijzer-visually-hidden\">Resultaten</h2>\n<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < pg.n; i++)
            mw_post_card(r, &pg.items[i]);
        out_html(b, HTML("</ul>\n"));
    }
    pagination(r, &f, pg.total);
    if (r->ctx.user)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/nieuw?soort=%s\">%s</a></p>\n",
             side == MARKET_OFFER ? "aanbod" : "vraag",
             side == MARKET_OFFER ? "Zelf iets aanbieden" : "Zelf een vraag plaatsen");
    page_end(r);
}

void page_market_requests(Request *r)
{
    market_list(r, MARKET_REQUEST);
}

void page_market_offers(Request *r)
{
    market_list(r, MARKET_OFFER);
}

/* ------------------------------------------------------------------ */
/* GET /beursvloer/vragen/{id} and /beursvloer/aanbod/{id}              */
/* ------------------------------------------------------------------ */

/* The match form as sent when it failed. */
typedef struct MatchForm {
    FieldErrors errors;
    const char *other, *value, *event;
} MatchForm;

static const char *match_field_id(Arena *a, const char *field)
{
    (void)a;
    if (strcmp(field, "request_id") == 0 || strcmp(field, "offer_id") == 0)
        return "match-other";
    if (strcmp(field, "value_cents") == 0)
        return "match-value";
    if (strcmp(field, "event_id") == 0)
        return "match-event";
    return NULL;
}

/* Who may pair this post with what: staff and the post's members with
 * any open post of the other side from another organisation; a member of
 * another organisation with her own organisation's posts. */
static void match_section(Request *r, const MarketPost *p, const MatchForm *mf)
{
    Buf *b = &r->out;
    if (!r->ctx.user || !p->open)
        return;
    int staff = market_may_run_events(r->ctx.user);
    int own = directory_is_member(&r->ctx, p->organisation, r->ctx.user->id);
    CodeName *mine = NULL;
    size_t n_mine = 0;
    if (!staff && !own && (directory_memberships(&r->ctx, r->ctx.user->id, &mine, &n_mine) != STATUS_OK || !n_mine))
        return;
    MarketSide other = p->side == MARKET_OFFER ? MARKET_REQUEST : MARKET_OFFER;
    MarketPage pg;
    MarketFilter f = { .side = other, .open_only = 1, .per_page = MARKET_PER_PAGE_MAX };
    if (market_posts(&r->ctx, &f, &pg) != STATUS_OK)
        return;
    Option *o = arena_alloc(r->arena, (pg.n + 2) * sizeof *o);
    size_t n = 0;
    o[n++] = (Option){ "", other == MARKET_OFFER ? "Kies een aanbod" : "Kies een vraag", NULL };
    for (size_t i = 0; i < pg.n; i++) {
        const MarketPost *q = &pg.items[i];
        if (strcmp(q->organisation, p->organisation) == 0)
            continue;
        int allowed = staff || own;
        for (size_t k = 0; !allowed && k < n_mine; k++)
            allowed = strcmp(mine[k].code, q->organisation) == 0;
        if (allowed)
            o[n++] = (Option){ arena_printf(r->arena, "%lld", (long long)q->id),
                               arena_printf(r->arena, "%s (%s)", q->title, q->organisation_name), NULL };
    }
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"koppelen\">%s</h2>\n",
         p->side == MARKET_REQUEST ? "Koppelen aan aanbod" : "Koppelen aan een vraag");
    if (n == 1) {
        out_html(b, p->side == MARKET_REQUEST
                        ? HTML("<p class=\"nl-paragraph\">Er is nu geen open aanbod van een andere organisatie dat u "
                               "hieraan kunt koppelen.</p>\n")
                        : HTML("<p class=\"nl-paragraph\">Er is nu geen open vraag van een andere organisatie die u "
                               "hieraan kunt koppelen.</p>\n"));
        return;
    }
    out_html(b, HTML("<p class=\"nl-paragraph\">Hebt u samen iets afgesproken? Leg de koppeling vast met de waarde in "
                     "euro's: wat de hulp waard is, ook als er geen geld bij komt kijken.</p>\n"));
    const FieldErrors *e = mf ? &mf->errors : &(FieldErrors){ 0 };
    form_error_summary(r, e, match_field_id);
    out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/beursvloer/koppelingen\" "
                     "novalidate>\n"));
    form_csrf(r);
    OUTF(b, "<input type=\"hidden\" name=\"vanaf\" value=\"%s\"><input type=\"hidden\" name=\"%s\" "
            "value=\"%lld\">\n",
         p->side == MARKET_REQUEST ? "vraag" : "aanbod", p->side == MARKET_REQUEST ? "request_id" : "offer_id",
         (long long)p->id);
    const char *other_error = errors_get(e, p->side == MARKET_REQUEST ? "offer_id" : "request_id");
    if (!other_error)
        other_error = errors_get(e, p->side == MARKET_REQUEST ? "request_id" : "offer_id");
    form_select(r, &(Field){ .id = "match-other", .name = p->side == MARKET_REQUEST ? "offer_id" : "request_id",
                             .label = p->side == MARKET_REQUEST ? "Welk aanbod?" : "Welke vraag?", .required = 1,
                             .value = mf ? mf->other : NULL, .error = other_error },
                o, n);
    form_text(r, &(Field){ .id = "match-value", .name = "value", .label = "Waarde in euro's", .required = 1,
                           .hint = "Bijvoorbeeld 250 of 1.250,50. Schat de waarde als er geen geld bij komt kijken.",
                           .inputmode = "decimal", .css = "utrecht-textbox--numeric", .value = mf ? mf->value : NULL,
                           .error = errors_get(e, "value_cents") });
    MarketEvent *ev = NULL;
    size_t ne = 0;
    if (market_events(&r->ctx, &ev, &ne) == STATUS_OK && ne) {
        Option *eo = arena_alloc(r->arena, (ne + 1) * sizeof *eo);
        eo[0] = (Option){ "", "Nee, niet op een Beursvloer", NULL };
        for (size_t i = 0; i < ne; i++)
            eo[i + 1] = (Option){ arena_printf(r->arena, "%lld", (long long)ev[i].id),
                                  arena_printf(r->arena, "%s (%s)", ev[i].title, ev[i].date), NULL };
        form_select(r, &(Field){ .id = "match-event", .name = "event_id", .label = "Gemaakt op een Beursvloer?",
                                 .optional = 1, .value = mf ? mf->event : NULL, .error = errors_get(e, "event_id") },
                    eo, ne + 1);
    }
    dw_button(r, "Koppeling voorstellen");
    out_html(b, HTML("</form>\n"));
}

static void post_page(Request *r, MarketSide side, int64_t id, const MatchForm *mf)
{
    MarketPost p;
    Status s = id ? market_post(&r->ctx, side, id, &p) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        mw_status_page(r, s, side == MARKET_OFFER ? "dit aanbod" : "deze vraag");
        return;
    }
    Buf *b = &r->out;
    const char *url = mw_post_url(r->arena, side, id);
    page_begin(r, mf && mf->errors.n ? arena_printf(r->arena, "Fout: %s", p.title) : p.title, "wiehelpt");
    web_breadcrumb(r, "/beursvloer", "Beursvloer", side == MARKET_OFFER ? "/beursvloer/aanbod" : "/beursvloer/vragen",
                   side == MARKET_OFFER ? "Aanbod" : "Vragen", url, p.title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n<p class=\"wijzer-badges\">", p.title);
    if (!p.open)
        out_html(b, HTML("<span class=\"utrecht-status-badge wijzer-status--gestopt\">Gesloten</span> "));
    OUTF(b, "<data class=\"nl-data-badge\" value=\"%s\">%s</data> ", p.kind, market_kind_label(p.kind));
    sdg_badges(b, &p);
    out_html(b, HTML("</p>\n<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    dw_fact_html_begin(r, side == MARKET_OFFER ? "Aangeboden door" : "Gevraagd door");
    OUTF(b, "<a class=\"nl-link\" href=\"/organisaties/%s\">%s</a>", p.organisation, p.organisation_name);
    dw_fact_html_end(r);
    dw_fact(r, "Soort hulp", market_kind_label(p.kind));
    dw_fact_html_begin(r, "Geplaatst");
    OUTF(b, "<time datetime=\"%s\">%s</time>", date_iso(r->arena, date_day(p.created_at)),
         date_nl(r->arena, date_day(p.created_at)));
    dw_fact_html_end(r);
    out_html(b, HTML("</dl>\n"));
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\">%s</h2>\n",
         side == MARKET_OFFER ? "Wat wij aanbieden" : "Wat wij vragen");
    dw_text(r, p.description);
    if (side == MARKET_REQUEST) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wat wij teruggeven (tegenprestatie)</h2>\n"));
        dw_text(r, p.counter_offer);
    }
    if (p.n_sdgs) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Werelddoelen</h2>\n<ul>\n"));
        for (size_t k = 0; k < p.n_sdgs; k++)
            OUTF(b, "<li>%s. %s</li>\n", p.sdgs[k].code, p.sdgs[k].name);
        out_html(b, HTML("</ul>\n"));
    }
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"koppelingen\">Koppelingen</h2>\n"));
    MarketDeal *d = NULL;
    size_t nd = 0;
    if (market_deals_of_post(&r->ctx, p.id, &d, &nd) == STATUS_OK && nd)
        mw_deals_table(r, "koppelingen-tabel", "Koppelingen met de status en de waarde", d, nd, url);
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Nog geen koppelingen.</p>\n"));
    match_section(r, &p, mf);
    if (market_may_post_for(&r->ctx, p.organisation)) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Voor leden</h2>\n"));
        OUTF(b, "<form method=\"post\" action=\"/beursvloer/berichten/%lld/status\">\n", (long long)p.id);
        form_csrf(r);
        if (p.open)
            out_html(b, HTML("<p class=\"nl-paragraph\">Is de hulp geregeld of niet meer nodig? Sluit het bericht. "
                             "Het blijft te zien, maar niemand kan het nog koppelen.</p>\n"
                             "<button class=\"nl-button nl-button--secondary\" type=\"submit\" name=\"open\" "
                             "value=\"0\"><span class=\"nl-button__label\">Bericht sluiten</span></button>\n"));
        else
            out_html(b, HTML("<button class=\"nl-button nl-button--secondary\" type=\"submit\" name=\"open\" "
                             "value=\"1\"><span class=\"nl-button__label\">Weer openzetten</span></button>\n"));
        out_html(b, HTML("</form>\n"));
    }
    page_end(r);
}

void page_market_request(Request *r)
{
    post_page(r, MARKET_REQUEST, mw_param_id(r, 0), NULL);
}

void page_market_offer(Request *r)
{
    post_page(r, MARKET_OFFER, mw_param_id(r, 0), NULL);
}

/* ------------------------------------------------------------------ */
/* GET and POST /beursvloer/nieuw                                       */
/* ------------------------------------------------------------------ */

static const char *post_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "side", "side" },   { "organisation", "organisation" }, { "kind", "kind" },
        { "title", "title" }, { "description", "description" },   { "counter_offer", "counter_offer" },
        { "sdgs", "sdgs" },
    };
    (void)a;
    for (size_t i = 0; field && i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

Option *mw_org_options(Request *r, int all, size_t *n)
{
    *n = 0;
    if (all) {
        OrganisationPage pg;
        OrganisationFilter f = { .per_page = DIR_PER_PAGE_MAX };
        Option *o = NULL;
        size_t cap = 0;
        for (f.page = 1; f.page < 50; f.page++) {
            if (directory_organisations(&r->ctx, &f, &pg) != STATUS_OK || !pg.n)
                break;
            for (size_t i = 0; i < pg.n; i++) {
                if (*n == cap)
                    o = arena_grow(r->arena, o, &cap, sizeof *o);
                o[(*n)++] = (Option){ pg.items[i].code, pg.items[i].name, NULL };
            }
            if ((int64_t)f.page * f.per_page >= pg.total)
                break;
        }
        return o;
    }
    CodeName *m = NULL;
    size_t nm = 0;
    if (directory_memberships(&r->ctx, r->ctx.user->id, &m, &nm) != STATUS_OK)
        nm = 0;
    Option *o = arena_alloc(r->arena, (nm + 1) * sizeof *o);
    for (size_t i = 0; i < nm; i++)
        o[(*n)++] = (Option){ m[i].code, m[i].name, NULL };
    return o;
}

static void post_form(Request *r, const char *side, const MarketPostInput *in, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *title = "Vraag of aanbod plaatsen";
    page_begin(r, form_title(r, title, e), "wiehelpt");
    web_breadcrumb(r, "/beursvloer", "Beursvloer", "/beursvloer/nieuw", "Plaatsen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    size_t no;
    Option *orgs = mw_org_options(r, market_may_post(r->ctx.user, 0), &no);
    if (!no) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Alleen leden van een organisatie kunnen iets op de Beursvloer "
                         "plaatsen. U bent nog geen lid van een organisatie.</p>\n<p class=\"nl-paragraph\">Vraag een "
                         "lid van uw organisatie om u toe te voegen, of <a class=\"nl-link\" "
                         "href=\"/organisaties/nieuw\">meld uw organisatie aan</a>.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<p class=\"nl-paragraph\">Wat u hier plaatst, is openbaar. Zet er geen privégegevens in.</p>\n"));
    form_error_summary(r, e, post_field_id);
    out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/beursvloer/nieuw\" "
                     "novalidate>\n"));
    form_csrf(r);
    static const Option sides[] = {
        { "vraag", "Een vraag: wij zoeken hulp", NULL },
        { "aanbod", "Aanbod: wij bieden hulp aan", NULL },
    };
    form_radios(r, &(Field){ .id = "side", .label = "Wat wilt u plaatsen?", .required = 1, .value = side,
                             .error = errors_get(e, "side") },
                sides, 2);
    Option *oo = orgs;
    size_t n_oo = no;
    if (no > 1) {
        oo = arena_alloc(r->arena, (no + 1) * sizeof *oo);
        oo[0] = (Option){ "", "Kies een organisatie", NULL };
        memcpy(oo + 1, orgs, no * sizeof *oo);
        n_oo = no + 1;
    }
    form_select(r, &(Field){ .id = "organisation", .label = "Namens welke organisatie?", .required = 1,
                             .value = in->organisation, .error = errors_get(e, "organisation") },
                oo, n_oo);
    form_radios(r, &(Field){ .id = "kind", .label = "Wat voor hulp?", .required = 1, .value = in->kind,
                             .hint = "Kennis: advies of een cursus. Handen: mensen die meehelpen. Middelen: geld, "
                                     "spullen of een ruimte.",
                             .error = errors_get(e, "kind") },
                kind_options, 3);
    form_text(r, &(Field){ .id = "title", .label = "Korte titel", .required = 1, .value = in->title,
                           .hint = "Bijvoorbeeld: Hulp bij het maken van een website.",
                           .error = errors_get(e, "title") });
    form_textarea(r, &(Field){ .id = "description", .label = "Beschrijving", .required = 1, .rows = 5,
                               .hint = "Wat is er nodig of wat biedt u aan? Hoeveel, wanneer en waar?",
                               .value = in->description, .error = errors_get(e, "description") });
    form_textarea(r, &(Field){ .id = "counter_offer", .label = "Wat geeft u terug? (tegenprestatie)", .rows = 3,
                               .hint = "Alleen bij een vraag. Bijvoorbeeld: een rondleiding, een optreden of uw logo "
                                       "op onze website.",
                               .value = in->counter_offer, .error = errors_get(e, "counter_offer") });
    size_t ns;
    Option *so = sdg_options(r, &ns);
    form_checkboxes(r, &(Field){ .id = "sdgs", .label = "Aan welke werelddoelen draagt dit bij?",
                                 .hint = "Bij een vraag: kies er minstens één.", .error = errors_get(e, "sdgs") },
                    so, ns, in->sdgs, in->n_sdgs);
    dw_button(r, "Plaatsen");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

void page_market_new(Request *r)
{
    const char *s = dw_arg(r, "soort");
    MarketPostInput in = { 0 };
    size_t no;
    Option *orgs = mw_org_options(r, market_may_post(r->ctx.user, 0), &no);
    const char *org = dw_arg(r, "organisatie");
    for (size_t i = 0; org && i < no; i++)
        if (strcmp(orgs[i].value, org) == 0)
            in.organisation = org;
    post_form(r, s && strcmp(s, "aanbod") == 0 ? "aanbod" : "vraag", &in, &(FieldErrors){ 0 });
}

void page_market_create(Request *r)
{
    const char *side = dw_arg(r, "side");
    MarketPostInput in = { .organisation = dw_arg(r, "organisation"), .kind = dw_arg(r, "kind"),
                           .title = dw_arg(r, "title"), .description = dw_arg(r, "description"),
                           .counter_offer = dw_arg(r, "counter_offer") };
    const char **sdgs = arena_alloc(r->arena, (MARKET_SDGS_MAX + 2) * sizeof *sdgs);
    in.sdgs = sdgs;
    in.n_sdgs = dw_args(r, "sdgs", sdgs, MARKET_SDGS_MAX + 1);
    FieldErrors e = { 0 };
    int is_offer = side && strcmp(side, "aanbod") == 0;
    if (!is_offer && !(side && strcmp(side, "vraag") == 0))
        errors_add(&e, "side", "Kies of u een vraag of aanbod plaatst.");
    int64_t id = 0;
    Status s = market_post_create(&r->ctx, is_offer ? MARKET_OFFER : MARKET_REQUEST, &in, &e, &id);
    if (s == ERR_INVALID || (s == STATUS_OK && e.n)) {
        r->status = 422;
        post_form(r, side, &in, &e);
    } else if (s != STATUS_OK) {
        mw_status_page(r, s, "deze organisatie");
    } else {
        flash_set(r, "markt_geplaatst");
        resp_redirect(r, mw_post_url(r->arena, is_offer ? MARKET_OFFER : MARKET_REQUEST, id));
    }
}

/* ------------------------------------------------------------------ */
/* POST /beursvloer/berichten/{id}/status                               */
/* ------------------------------------------------------------------ */

void page_market_post_status(Request *r)
{
    int64_t id = mw_param_id(r, 0);
    const char *open = dw_arg(r, "open");
    MarketPost p;
    Status s = id ? market_post(&r->ctx, MARKET_REQUEST, id, &p) : ERR_NOT_FOUND;
    if (s == ERR_NOT_FOUND && id)
        s = market_post(&r->ctx, MARKET_OFFER, id, &p);
    if (s == STATUS_OK)
        s = market_post_set_open(&r->ctx, id, open && strcmp(open, "1") == 0);
    if (s != STATUS_OK) {
        mw_status_page(r, s, "dit bericht");
        return;
    }
    flash_set(r, "markt_status");
    resp_redirect(r, mw_post_url(r->arena, p.side, id));
}

/* ------------------------------------------------------------------ */
/* POST /beursvloer/koppelingen and /beursvloer/koppelingen/{id}/status */
/* ------------------------------------------------------------------ */

static int64_t form_id(Request *r, const char *name)
{
    int64_t v;
    const char *s = dw_arg(r, name);
    return s && parse_int64(s, &v) && v > 0 ? v : 0;
}

void page_market_match(Request *r)
{
    int64_t request = form_id(r, "request_id"), offer = form_id(r, "offer_id"), event = form_id(r, "event_id");
    /* The page the form was on holds one side fixed (a hidden field); the
     * other side was chosen in the select. */
    const char *from = dw_arg(r, "vanaf");
    int on_offer = from && strcmp(from, "aanbod") == 0;
    MarketSide side = on_offer ? MARKET_OFFER : MARKET_REQUEST;
    int64_t fixed = on_offer ? offer : request;
    MarketPost p;
    Status s = fixed ? market_post(&r->ctx, side, fixed, &p) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        mw_status_page(r, s, on_offer ? "dit aanbod" : "deze vraag");
        return;
    }
    MatchForm mf = { .value = dw_arg(r, "value"), .event = dw_arg(r, "event_id"),
                     .other = dw_arg(r, on_offer ? "request_id" : "offer_id") };
    int64_t cents = -1;
    if (!mf.value || !*mf.value)
        errors_add(&mf.errors, "value_cents", "Vul de waarde in euro's in. Schat haar als er geen geld bij komt.");
    else if (!parse_euros(mf.value, &cents))
        errors_add(&mf.errors, "value_cents", "Vul een bedrag in, bijvoorbeeld 250 of 1.250,50.");
    if (!(on_offer ? request : offer))
        errors_add(&mf.errors, on_offer ? "request_id" : "offer_id",
                   on_offer ? "Kies de vraag die u koppelt." : "Kies het aanbod dat u koppelt.");
    int64_t deal = 0;
    s = mf.errors.n ? ERR_INVALID : market_match(&r->ctx, request, offer, cents, event, &mf.errors, &deal);
    if (s == ERR_INVALID || s == ERR_CONFLICT) {
        if (s == ERR_CONFLICT)
            errors_add(&mf.errors, on_offer ? "request_id" : "offer_id",
                       mf.errors.summary ? mf.errors.summary : "Deze koppeling bestaat al.");
        mf.errors.summary = NULL;
        r->status = s == ERR_CONFLICT ? 409 : 422;
        post_page(r, side, fixed, &mf);
        return;
    }
    if (s != STATUS_OK) {
        mw_status_page(r, s, on_offer ? "dit aanbod" : "deze vraag");
        return;
    }
    flash_set(r, "markt_gekoppeld");
    resp_redirect(r, arena_printf(r->arena, "%s#koppelingen", mw_post_url(r->arena, side, fixed)));
}

void page_market_deal_state(Request *r)
{
    int64_t id = mw_param_id(r, 0);
    int to = deal_state_parse(dw_arg(r, "state"));
    Status s = !id ? ERR_NOT_FOUND : to < 0 ? ERR_CONFLICT : market_deal_move(&r->ctx, id, (DealState)to);
    if (s != STATUS_OK) {
        mw_status_page(r, s, "deze koppeling");
        return;
    }
    const char *back = dw_arg(r, "terug");
    /* Only back to a Beursvloer page of this site. */
    if (!back || strncmp(back, "/beursvloer/", 12) != 0 || strstr(back, "//") || strchr(back, '\\'))
        back = "/beursvloer";
    flash_set(r, "markt_deal");
    resp_redirect(r, arena_printf(r->arena, "%s#koppelingen", back));
}

/* ------------------------------------------------------------------ */
/* The section on an organisation's page                                */
/* ------------------------------------------------------------------ */

void web_market_org_section(Request *r, const char *organisation)
{
    Buf *b = &r->out;
    MarketPage rq, of;
    MarketFilter f = { .side = MARKET_REQUEST, .organisation = organisation, .open_only = 1, .per_page = 6 };
    if (market_posts(&r->ctx, &f, &rq) != STATUS_OK)
        return;
    f.side = MARKET_OFFER;
    if (market_posts(&r->ctx, &f, &of) != STATUS_OK)
        return;
    int may = market_may_post_for(&r->ctx, organisation);
    if (!rq.n && !of.n && !may)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"beursvloer\">Op de Beursvloer</h2>\n"));
    if (!rq.n && !of.n)
        out_html(b, HTML("<p class=\"nl-paragraph\">Nog geen open vragen of aanbod.</p>\n"));
    if (rq.n || of.n) {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < rq.n; i++)
            mw_post_card(r, &rq.items[i]);
        for (size_t i = 0; i < of.n; i++)
            mw_post_card(r, &of.items[i]);
        out_html(b, HTML("</ul>\n"));
    }
    if (rq.total > (int64_t)rq.n)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/vragen?organisatie=%s\">Alle %lld "
                "open vragen</a></p>\n",
             organisation, (long long)rq.total);
    if (of.total > (int64_t)of.n)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/aanbod?organisatie=%s\">Al het "
                "open aanbod (%lld)</a></p>\n",
             organisation, (long long)of.total);
    if (may)
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/beursvloer/nieuw?organisatie=%s\">Een vraag of "
                "aanbod plaatsen</a></p>\n",
             organisation);
}
