/* The officials' pages: the list with their expertise, themes and wijken
 * (/ambtenaren, filtered on theme and wijk) and the form for one's own
 * profile (/ambtenaren/{id}/bewerken; an admin may edit any). Never an
 * e-mail address or phone number. Markup from docs/markup.md. */
#include <string.h>

#include "domain/process.h"
#include "lib/text.h"
#include "web/directory_web.h"

/* ------------------------------------------------------------------ */
/* GET /ambtenaren, /ambtenaren/{id}/bewerken, POST /ambtenaren/{id}    */
/* ------------------------------------------------------------------ */

static const char *known_or_null(Request *r, const char *name, char kind)
{
    const char *v = dw_arg(r, name);
    if (!v || !*v)
        return NULL;
    size_t n;
    Option *o = dw_options(r, kind, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(o[i].value, v) == 0)
            return v;
    return NULL;
}

void page_officials(Request *r)
{
    const char *theme = known_or_null(r, "thema", 't'), *area = known_or_null(r, "wijk", 'w');
    Official *v = NULL;
    size_t n = 0;
    Status s = directory_officials(&r->ctx, theme, area, &v, &n);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "de ambtenaren");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Ambtenaren", "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/ambtenaren", "Ambtenaren", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Ambtenaren</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Wie bij de gemeente wat weet, en voor welke "
                     "wijken. Wilt u iemand spreken? Bel 14 070 en vraag naar die persoon. Hebt u al een initiatief "
                     "ingediend, dan krijgt u een vaste contactpersoon.</p>\n"));
    if (r->ctx.user && role_is_staff(r->ctx.user->role))
        OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/ambtenaren/%lld/bewerken\">Uw eigen "
                "profiel aanpassen</a></p>\n",
             (long long)r->ctx.user->id);
    size_t nt, nw;
    Option *themes = dw_options(r, 't', &nt), *wijken = dw_options(r, 'w', &nw);
    Option *ot = arena_alloc(r->arena, (nt + 1) * sizeof *ot), *ow = arena_alloc(r->arena, (nw + 1) * sizeof *ow);
    ot[0] = (Option){ "", "Alle thema's", NULL };
    ow[0] = (Option){ "", "Alle wijken", NULL };
    memcpy(ot + 1, themes, nt * sizeof *ot);
    memcpy(ow + 1, wijken, nw * sizeof *ow);
    out_html(b, HTML("<form class=\"wijzer-filters\" method=\"get\" action=\"/ambtenaren\" role=\"search\" "
                     "aria-label=\"Ambtenaren zoeken\">\n"));
    form_select(r, &(Field){ .id = "f-thema", .name = "thema", .label = "Thema", .value = theme }, ot, nt + 1);
    form_select(r, &(Field){ .id = "f-wijk", .name = "wijk", .label = "Wijk", .value = area }, ow, nw + 1);
    out_html(b, HTML("<div><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Zoeken</span></button></div>\n</form>\n"));
    if (!n) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Geen ambtenaren gevonden. <a class=\"nl-link\" "
                         "href=\"/ambtenaren\">Bekijk iedereen</a>.</p>\n"));
        page_end(r);
        return;
    }
    out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        const Official *o = &v[i];
        OUTF(b, "<li class=\"wijzer-card\" id=\"ambtenaar-%lld\">\n<h2 class=\"nl-heading nl-heading--level-3\">%s</h2>\n",
             (long long)o->id, o->name);
        if (o->n_areas) {
            out_html(b, HTML("<p class=\"wijzer-card__meta\"><span>Wijken: "));
            for (size_t k = 0; k < o->n_areas; k++)
                OUTF(b, "%s%s", k ? ", " : "", o->areas[k].name);
            out_html(b, HTML("</span></p>\n"));
        } else {
            out_html(b, HTML("<p class=\"wijzer-card__meta\"><span>De hele gemeente</span></p>\n"));
        }
        if (*o->expertise)
            OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", o->expertise);
        else
            out_html(b, HTML("<p class=\"nl-paragraph wijzer-muted\">Heeft nog niet beschreven wat zij of hij "
                             "doet.</p>\n"));
        if (o->n_themes) {
            out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
            for (size_t k = 0; k < o->n_themes; k++)
                OUTF(b, "<data class=\"nl-data-badge\" value=\"%s\">%s</data> ", o->themes[k].code, o->themes[k].name);
            out_html(b, HTML("</div>\n"));
        }
        if (directory_may_edit_official(r->ctx.user, o))
            OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/ambtenaren/%lld/bewerken\">Profiel "
                    "aanpassen<span class=\"wijzer-visually-hidden\"> van %s</span></a></p>\n",
                 (long long)o->id, o->name);
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
    page_end(r);
}

static void official_form(Request *r, const Official *o, const FieldErrors *e, const OfficialInput *in)
{
    Buf *b = &r->out;
    int self = r->ctx.user && r->ctx.user->id == o->id;
    const char *title = self ? "Uw profiel" : arena_printf(r->arena, "Profiel van %s", o->name);
    page_begin(r, form_title(r, title, e), "wiehelpt");
    web_breadcrumb(r, "/ambtenaren", "Ambtenaren", arena_printf(r->arena, "/ambtenaren/%lld/bewerken", (long long)o->id),
                   title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    out_html(b, HTML("<p class=\"nl-paragraph\">Dit ziet iedereen op de pagina Ambtenaren. Uw e-mailadres en "
                     "telefoonnummer staan er nooit op.</p>\n"));
    form_error_summary(r, e, dw_field_id);
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/ambtenaren/%lld\" novalidate>\n",
         (long long)o->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "expertise", .label = "Wat weet u en wat doet u?", .rows = 5,
                               .hint = "Bijvoorbeeld: uw taken, waar u veel van weet en waarmee inwoners bij u "
                                       "terecht kunnen.",
                               .value = in->expertise, .error = errors_get(e, "expertise") });
    size_t nt, nw;
    Option *themes = dw_options(r, 't', &nt), *wijken = dw_options(r, 'w', &nw);
    form_checkboxes(r, &(Field){ .id = "themes", .label = "Thema's", .optional = 1,
                                 .error = errors_get(e, "themes") },
                    themes, nt, in->themes, in->n_themes);
    form_checkboxes(r, &(Field){ .id = "areas", .label = "Wijken", .optional = 1,
                                 .hint = "Kies geen wijk als u voor de hele gemeente werkt.",
                                 .error = errors_get(e, "areas") },
                    wijken, nw, in->areas, in->n_areas);
    dw_button(r, "Profiel opslaan");
    out_html(b, HTML("</form>\n"));
    page_end(r);
}

static int load_official_edit(Request *r, Official *o)
{
    int64_t id = 0;
    Status s = r->params[0] && parse_int64(r->params[0], &id) && id > 0 ? directory_official(&r->ctx, id, o)
                                                                          : ERR_NOT_FOUND;
    if (s == STATUS_OK && !directory_may_edit_official(r->ctx.user, o))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        dw_status_page(r, s, "deze ambtenaar");
        return 0;
    }
    return 1;
}

void page_official_edit(Request *r)
{
    Official o;
    if (!load_official_edit(r, &o))
        return;
    OfficialInput in = { .expertise = o.expertise, .themes = dw_codes(r, o.themes, o.n_themes),
                         .n_themes = o.n_themes, .areas = dw_codes(r, o.areas, o.n_areas), .n_areas = o.n_areas };
    official_form(r, &o, &(FieldErrors){ 0 }, &in);
}

void page_official_update(Request *r)
{
    Official o;
    if (!load_official_edit(r, &o))
        return;
    const char **themes = arena_alloc(r->arena, (DIR_CHOICES_MAX + 1) * sizeof *themes);
    const char **areas = arena_alloc(r->arena, (DIR_CHOICES_MAX + 1) * sizeof *areas);
    OfficialInput in = { .expertise = dw_arg(r, "expertise"), .themes = themes, .areas = areas };
    in.n_themes = dw_args(r, "themes", themes, DIR_CHOICES_MAX + 1);
    in.n_areas = dw_args(r, "areas", areas, DIR_CHOICES_MAX + 1);
    FieldErrors e = { 0 };
    Status s = directory_official_update(&r->ctx, o.id, &in, &e);
    if (s == ERR_INVALID) {
        r->status = 422;
        official_form(r, &o, &e, &in);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze ambtenaar");
    } else {
        flash_set(r, "opgeslagen");
        resp_redirect(r, arena_printf(r->arena, "/ambtenaren#ambtenaar-%lld", (long long)o.id));
    }
}
