/* The committee's overview pages: /commissie (the funds one sits on) and
 * a fund's committee page with its open applications, its rounds
 * (meetings every two weeks) and their agendas, and planning a meeting.
 * One application as the committee sees it is committee_application.c.
 * Markup from docs/markup.md. */
#include <stdio.h>
#include <string.h>

#include "lib/dates.h"
#include "lib/text.h"
#include "web/funds_web.h"

static int may_see_committee(Request *r, const char *fund_code)
{
    return r->ctx.user && (role_is_staff(r->ctx.user->role) || member_is(&r->ctx, fund_code));
}

/* ------------------------------------------------------------------ */
/* GET /commissie                                                      */
/* ------------------------------------------------------------------ */

void page_committee_home(Request *r)
{
    Fund *funds = NULL;
    size_t n = 0;
    int staff = role_is_staff(r->ctx.user->role);
    Status s = staff ? fund_list(&r->ctx, &funds, &n) : fund_mine(&r->ctx, &funds, &n);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    if (!n && !staff) {
        web_error(r, 403, "Deze pagina is voor de leden van een commissie. U zit niet in een commissie.");
        return;
    }
    if (n == 1) { /* one committee: go there */
        resp_redirect(r, arena_printf(r->arena, "/fondsen/%s/commissie", funds[0].code));
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Commissie", "commissie");
    web_breadcrumb(r, "/commissie", "Commissie", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Commissie</h1>\n<ul>\n"));
    for (size_t i = 0; i < n; i++)
        OUTF(b, "<li><a class=\"nl-link\" href=\"/fondsen/%s/commissie\">Commissie van %s</a></li>\n", funds[i].code,
             funds[i].name);
    out_html(b, HTML("</ul>\n"));
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /fondsen/{code}/commissie                                       */
/* ------------------------------------------------------------------ */

static void app_rows(Request *r, const Application *apps, size_t n, const char *caption_id, const char *caption)
{
    Buf *b = &r->out;
    OUTF(b, "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n"
            "<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" id=\"%s\">%s</caption>\n",
         caption_id, caption_id, caption);
    out_html(b, HTML("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Initiatief</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Wijk</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Gevraagd</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Status</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Besluit uiterlijk</th></tr></thead>\n"
                     "<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < n; i++) {
        const Application *a = &apps[i];
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">"
                "<a class=\"nl-link\" href=\"/commissie/aanvragen/%lld\">%s</a></th>"
                "<td class=\"utrecht-table__cell\">%s</td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td><td class=\"utrecht-table__cell\">",
             (long long)a->id, a->initiative_title, a->area_name ? a->area_name : "",
             format_euros(r->arena, a->amount_cents));
        fw_app_badge(b, a);
        out_html(b, HTML("</td><td class=\"utrecht-table__cell\">"));
        ApplicationDeadline d = application_deadline(&r->ctx, a);
        if (d.active && d.paused)
            out_html(b, HTML("Staat stil: wacht op informatie"));
        else if (d.active) {
            fw_day(r, d.due_day);
            if (d.days_left < 0)
                OUTF(b, " <strong>(%lld %s te laat)</strong>", (long long)-d.days_left,
                     d.days_left == -1 ? "dag" : "dagen");
        } else
            out_html(b, HTML("—"));
        out_html(b, HTML("</td></tr>\n"));
    }
    out_html(b, HTML("</tbody>\n</table>\n</div>\n"));
}

static void rounds_section(Request *r, const Fund *f, const FieldErrors *e, const char *date, const char *note)
{
    Buf *b = &r->out;
    Round *rounds = NULL;
    size_t n = 0;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"vergaderingen\">Vergaderingen</h2>\n"));
    if (round_list(&r->ctx, f->code, &rounds, &n) != STATUS_OK)
        n = 0;
    if (!n)
        out_html(b, HTML("<p class=\"nl-paragraph\">Er staan nog geen vergaderingen gepland.</p>\n"));
    for (size_t i = 0; i < n && i < 6; i++) {
        out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Vergadering van "));
        fw_day(r, rounds[i].meeting_day);
        out_html(b, HTML("</h3>\n"));
        if (rounds[i].note && *rounds[i].note)
            OUTF(b, "<p class=\"nl-paragraph\">%s</p>\n", rounds[i].note);
        Application *agenda = NULL;
        size_t k = 0;
        if (round_agenda(&r->ctx, rounds[i].id, &agenda, &k) != STATUS_OK || !k) {
            out_html(b, HTML("<p class=\"nl-paragraph\">Geen aanvragen op de agenda.</p>\n"));
            continue;
        }
        app_rows(r, agenda, k, arena_printf(r->arena, "agenda-%lld", (long long)rounds[i].id),
                 arena_printf(r->arena, "Agenda van %s", date_nl(r->arena, rounds[i].meeting_day)));
    }
    if (!(chair_is(&r->ctx, f->code) || role_is_staff(r->ctx.user->role)))
        return;
    out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\" id=\"nieuwe-vergadering\">Nieuwe vergadering "
                     "plannen</h3>\n<p class=\"nl-paragraph\">Alle open aanvragen die nog op geen agenda staan, komen "
                     "op de agenda van deze vergadering.</p>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/fondsen/%s/commissie/vergaderingen\" "
            "novalidate>\n",
         f->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "round-date", .name = "meeting_date", .label = "Datum", .type = "date",
                           .required = 1, .value = date, .error = errors_get(e, "meeting_date") });
    form_textarea(r, &(Field){ .id = "round-note", .name = "note", .label = "Opmerking", .optional = 1, .rows = 2,
                               .hint = "Bijvoorbeeld de plaats en de tijd.", .value = note,
                               .error = errors_get(e, "note") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Vergadering plannen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static const char *round_field_id(Arena *a, const char *field)
{
    (void)a;
    if (strcmp(field, "meeting_date") == 0)
        return "round-date";
    if (strcmp(field, "note") == 0)
        return "round-note";
    return NULL;
}

static void render_committee(Request *r, const Fund *f, const FieldErrors *e, const char *date, const char *note)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Commissie %s", f->name);
    page_begin(r, form_title(r, title, e), "commissie");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", f->code), f->name,
                   arena_printf(r->arena, "/fondsen/%s/commissie", f->code), "Commissie", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, e, round_field_id);
    Ledger l;
    if (fund_ledger(&r->ctx, f->code, 0, &l) == STATUS_OK)
        OUTF(b, "<p class=\"nl-paragraph nl-paragraph--lead\">Nog te verdelen in %d: <strong>%s</strong> van %s. "
                "<a class=\"nl-link\" href=\"/fondsen/%s/kasboek\">Kasboek</a></p>\n",
             l.year, format_euros(r->arena, l.remaining_cents), format_euros(r->arena, l.budget_cents), f->code);
    Member *m = NULL;
    size_t nm = 0;
    if (fund_members(&r->ctx, f->code, &m, &nm) == STATUS_OK && nm) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Leden: "));
        for (size_t i = 0; i < nm; i++)
            OUTF(b, "%s%s%s", i ? ", " : "", m[i].name, m[i].chair ? " (voorzitter)" : "");
        out_html(b, HTML(".</p>\n"));
    }
    if (r->ctx.user->role == ROLE_ADMIN)
        OUTF(b, "<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--secondary\" href=\"/fondsen/%s/beheer\">"
                "<span class=\"nl-button__label\">Fonds beheren</span></a></div>\n",
             f->code);
    Application *apps = NULL;
    size_t n = 0;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"open\">Open aanvragen</h2>\n"));
    Application *open = NULL;
    size_t n_open = 0;
    if (application_list_for_fund(&r->ctx, f->code, APP_NONE, &apps, &n) == STATUS_OK && n) {
        open = arena_alloc(r->arena, n * sizeof *open);
        for (size_t i = 0; i < n; i++)
            if (apps[i].state == APP_INGEDIEND || apps[i].state == APP_IN_BEOORDELING)
                open[n_open++] = apps[i];
    }
    if (n_open)
        app_rows(r, open, n_open, "open-caption", "Aanvragen die op een besluit wachten");
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Er wachten geen aanvragen op een besluit.</p>\n"));
    rounds_section(r, f, e, date, note);
    if (n > n_open) {
        Application *done = arena_alloc(r->arena, n * sizeof *done);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!(apps[i].state == APP_INGEDIEND || apps[i].state == APP_IN_BEOORDELING))
                done[k++] = apps[i];
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"besloten\">Besloten aanvragen</h2>\n"));
        app_rows(r, done, k, "besloten-caption", "Besloten en ingetrokken aanvragen");
    }
    page_end(r);
}

static int load_committee_fund(Request *r, Fund *f)
{
    Status s = fund_get(&r->ctx, r->params[0], f);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    if (!may_see_committee(r, f->code)) {
        web_error(r, 403, "Deze pagina is alleen voor de commissie van dit fonds en voor de gemeente.");
        return 0;
    }
    return 1;
}

void page_committee(Request *r)
{
    Fund f;
    if (!load_committee_fund(r, &f))
        return;
    FieldErrors e = { 0 };
    render_committee(r, &f, &e, NULL, NULL);
}

void page_round_create(Request *r)
{
    Fund f;
    if (!load_committee_fund(r, &f))
        return;
    const char *date = fw_arg(r, "meeting_date"), *note = fw_arg(r, "note");
    FieldErrors e = { 0 };
    int64_t id;
    Status s = round_create(&r->ctx, f.code, date, note, &e, &id);
    if (s == STATUS_OK) {
        flash_set(r, "vergadering");
        resp_redirect(r, arena_printf(r->arena, "/fondsen/%s/commissie#vergaderingen", f.code));
    } else if (s == ERR_INVALID || s == ERR_CONFLICT) {
        r->status = s == ERR_CONFLICT ? 409 : 422;
        render_committee(r, &f, &e, date, note);
    } else {
        fw_status_page(r, s, &e);
    }
}
