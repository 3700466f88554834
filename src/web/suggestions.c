/* The "Suggesties" section of an initiative's page (issue 5): what the
 * matching engine (domain/match.h) proposes, each with its reasons. Staff
 * and the initiator see it; staff get per suggestion a button to confirm
 * it ("Verbinden", or "Maak contactpersoon" for an official) and one to
 * dismiss it ("Niet passend"); the initiator gets the links (a fund: apply
 * for it). The intake step's "Vaste contactpersoon" select
 * (web/initiatives.c) shows the suggested officials and takes the best
 * one as its default. Forms post with CSRF; no JavaScript. */
#include <string.h>

#include "domain/initiatives.h"
#include "domain/match.h"
#include "lib/text.h"
#include "web/pages.h"

static const char *const headings[SUG_KIND_COUNT_] = {
    "Initiatieven die erop lijken", "Organisaties die kunnen helpen", "Doelen van de gemeente",
    "Contactpersoon bij de gemeente", "Fondsen",
};

/* Where the name links to; NULL: no page of its own. */
static const char *item_url(Request *r, const Initiative *in, const Suggestion *s)
{
    switch (s->kind) {
    case SUG_INITIATIVE:
        return arena_printf(r->arena, "/initiatieven/%lld", (long long)s->id);
    case SUG_ORGANISATION:
        return arena_printf(r->arena, "/organisaties/%s", s->target);
    case SUG_GOAL:
        return arena_printf(r->arena, "/doelen/%s", s->target);
    case SUG_FUND:
        if (initiative_is_initiator(&r->ctx, in) && in->state != ST_IDEE)
            return arena_printf(r->arena, "/initiatieven/%lld/aanvragen?fonds=%s", (long long)in->id, s->target);
        return arena_printf(r->arena, "/fondsen/%s", s->target);
    default:
        return NULL;
    }
}

static void act_form(Request *r, const Initiative *in, const Suggestion *s, int confirm)
{
    Buf *b = &r->out;
    OUTF(b, "<form method=\"post\" action=\"/initiatieven/%lld/suggesties/%s\">\n", (long long)in->id,
         confirm ? "bevestigen" : "weghalen");
    form_csrf(r);
    OUTF(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"target\" value=\"%s\">\n",
         suggestion_kind_code(s->kind), s->target);
    const char *label = !confirm ? "Niet passend" : s->kind == SUG_OFFICIAL ? "Maak contactpersoon" : "Verbinden";
    /* The name of each button says which suggestion it is about; it
     * starts with the visible text (WCAG 2.5.3). */
    OUTF(b, "<button class=\"nl-button nl-button--%s\" type=\"submit\" aria-label=\"%s: %s\">"
            "<span class=\"nl-button__label\">%s</span></button>\n</form>\n",
         confirm ? "secondary" : "subtle", label, s->name, label);
}

static void item(Request *r, const Initiative *in, const Suggestion *s, int staff)
{
    Buf *b = &r->out;
    out_html(b, HTML("<li class=\"wijzer-card\">\n<h4 class=\"nl-heading nl-heading--level-4\">"));
    const char *url = item_url(r, in, s);
    if (url)
        OUTF(b, "<a class=\"nl-link\" href=\"%s\">%s</a>", url, s->name);
    else
        out_text(b, s->name);
    out_html(b, HTML("</h4>\n<p class=\"wijzer-card__meta\">"));
    if (s->detail && *s->detail)
        OUTF(b, "<span>%s</span>", s->detail);
    OUTF(b, "<span>Past %d van 100</span></p>\n", s->score);
    if (s->n_reasons) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Waarom: "));
        for (size_t i = 0; i < s->n_reasons; i++) {
            if (i)
                out_html(b, HTML("; "));
            out_text(b, s->reasons[i]);
        }
        out_html(b, HTML(".</p>\n"));
    }
    if (staff) {
        out_html(b, HTML("<div class=\"wijzer-actions\">\n"));
        if (s->kind != SUG_FUND)
            act_form(r, in, s, 1);
        act_form(r, in, s, 0);
        out_html(b, HTML("</div>\n"));
    } else if (s->kind == SUG_FUND && url && strstr(url, "/aanvragen")) {
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"%s\">Aanvragen bij %s</a></p>\n", url,
             s->name);
    }
    out_html(b, HTML("</li>\n"));
}

const Suggestions *web_suggestions(Request *r, const Initiative *in)
{
    if (!match_may_see(&r->ctx, in))
        return NULL;
    Suggestions *sg = arena_alloc(r->arena, sizeof *sg);
    return match_rank(&r->ctx, in, sg) == STATUS_OK ? sg : NULL;
}

void web_suggestions_section(Request *r, const Initiative *in, const Suggestions *sg)
{
    if (!sg)
        return;
    int staff = match_may_act(&r->ctx);
    Buf *b = &r->out;
    out_html(b, HTML("<section aria-labelledby=\"suggesties\">\n"
                     "<h2 class=\"nl-heading nl-heading--level-2\" id=\"suggesties\">Suggesties</h2>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph wijzer-muted\">Wie of wat kan dit initiatief verder helpen? Dit stelt "
                     "de Initiatiefwijzer voor op grond van de woorden, de thema's, de wijk en de hulpvragen. Alleen de "
                     "initiatiefnemer en medewerkers van de gemeente zien dit.</p>\n"));
    size_t total = 0;
    for (int k = 0; k < SUG_KIND_COUNT_; k++) {
        total += sg->n[k];
        if (!sg->n[k])
            continue;
        OUTF(b, "<h3 class=\"nl-heading nl-heading--level-3\">%s</h3>\n<ul class=\"wijzer-cards\">\n", headings[k]);
        for (size_t i = 0; i < sg->n[k]; i++)
            item(r, in, &sg->items[k][i], staff);
        out_html(b, HTML("</ul>\n"));
    }
    if (!total)
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nu geen suggesties.</p>\n"));
    out_html(b, HTML("</section>\n"));
}

const char *web_contact_suggestions(Request *r, const Suggestions *sg)
{
    if (!sg || !match_may_act(&r->ctx) || !sg->n[SUG_OFFICIAL])
        return NULL;
    Buf *b = &r->out;
    out_html(b, HTML("<div class=\"wijzer-flow\" id=\"voorgestelde-contactpersonen\">\n"
                     "<p class=\"nl-paragraph\"><strong>Voorgesteld als contactpersoon:</strong></p>\n<ul>\n"));
    for (size_t i = 0; i < sg->n[SUG_OFFICIAL]; i++) {
        const Suggestion *s = &sg->items[SUG_OFFICIAL][i];
        OUTF(b, "<li>%s (past %d van 100", s->name, s->score);
        for (size_t k = 0; k < s->n_reasons; k++)
            OUTF(b, "%s%s", k ? "; " : ": ", s->reasons[k]);
        out_html(b, HTML(")</li>\n"));
    }
    out_html(b, HTML("</ul>\n</div>\n"));
    return sg->items[SUG_OFFICIAL][0].target;
}

/* ---- POST /initiatieven/{id}/suggesties/bevestigen and /weghalen ---------- */

static void act(Request *r, int confirm)
{
    int64_t id;
    if (!r->params[0] || !parse_int64(r->params[0], &id) || id <= 0) {
        web_error(r, 404, "Dit initiatief bestaat niet (meer).");
        return;
    }
    const char *kind = req_arg(r, "kind"), *target = req_arg(r, "target");
    FieldErrors e = { 0 };
    Status s = confirm ? match_confirm(&r->ctx, id, kind, target, &e) : match_dismiss(&r->ctx, id, kind, target, &e);
    switch (s) {
    case STATUS_OK: {
        SuggestionKind k = SUG_FUND;
        suggestion_kind_parse(kind, &k);
        flash_set(r, !confirm ? "suggestie_weg" : k == SUG_OFFICIAL ? "contactpersoon" : "verbonden");
        resp_redirect(r, arena_printf(r->arena, "/initiatieven/%lld#%s", (long long)id,
                                      !confirm ? "suggesties" : k == SUG_OFFICIAL ? "verloop" : "verbonden"));
        return;
    }
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        return;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Alleen een medewerker van de gemeente kan een suggestie bevestigen of weghalen.");
        return;
    case ERR_NOT_FOUND:
        web_error(r, 404, "Dit initiatief of deze suggestie bestaat niet (meer).");
        return;
    case ERR_INVALID:
        web_error(r, 400, e.n ? e.message[0] : "Kies een suggestie uit de lijst.");
        return;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        return;
    }
}

void page_suggestion_confirm(Request *r)
{
    act(r, 1);
}

void page_suggestion_dismiss(Request *r)
{
    act(r, 0);
}
