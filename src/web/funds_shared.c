/* The pieces the fund pages share (funds_web.h): error pages, dates,
 * money, the application's badge and deadline, facts, the budget lines,
 * the decision, payments and report as the applicant and the committee
 * both read them. */
#include <string.h>

#include "lib/dates.h"
#include "lib/text.h"
#include "web/funds_web.h"

int64_t fw_param_id(Request *r, int i)
{
    int64_t id;
    if (!r->params[i] || !parse_int64(r->params[i], &id) || id <= 0)
        return 0;
    return id;
}

void fw_status_page(Request *r, Status s, const FieldErrors *e)
{
    switch (s) {
    case ERR_NOT_FOUND:
        web_error(r, 404, "Dit fonds of deze aanvraag bestaat niet (meer). Op de pagina Fondsen vindt u alle "
                          "fondsen.");
        break;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Dit mag alleen de aanvrager, de commissie van het fonds of een medewerker van de "
                          "gemeente.");
        break;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        break;
    case ERR_CONFLICT:
        web_error(r, 409, e && e->summary ? e->summary
                                          : "Dit kan nu niet (meer). Laad de pagina opnieuw en kijk hoe het er nu "
                                            "voor staat.");
        break;
    case ERR_INVALID:
        web_error(r, 400, e && e->n ? e->message[0] : "Dat begrijpen we niet.");
        break;
    default:
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        break;
    }
}

void fw_day(Request *r, int64_t day)
{
    OUTF(&r->out, "<time datetime=\"%s\">%s</time>", date_iso(r->arena, day), date_nl(r->arena, day));
}

const char *fw_cents_input(Arena *a, int64_t cents)
{
    if (cents % 100 == 0)
        return arena_printf(a, "%lld", (long long)(cents / 100));
    return arena_printf(a, "%lld,%02lld", (long long)(cents / 100), (long long)(cents % 100));
}

void fw_errors_prefix(Request *r, FieldErrors *e, const char *prefix)
{
    for (size_t i = 0; i < e->n; i++)
        e->field[i] = arena_printf(r->arena, "%s.%s", prefix, e->field[i] ? e->field[i] : "");
}

const char *fw_arg(Request *r, const char *name)
{
    const char *v = req_arg(r, name);
    return v ? text_trim(r->arena, v) : NULL;
}

void fw_fact_begin(Request *r, const char *key)
{
    OUTF(&r->out, "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">%s</dt>"
                  "<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\">",
         key);
}

void fw_fact_end(Request *r)
{
    out_html(&r->out, HTML("</dd></div>\n"));
}

void fw_fact(Request *r, const char *key, const char *value)
{
    fw_fact_begin(r, key);
    out_text(&r->out, value);
    fw_fact_end(r);
}

void fw_app_badge(Buf *b, const Application *a)
{
    /* The initiative states' colours, which mean the same here. */
    static const char *const cls[APP_COUNT_] = { "ingediend", "in_behandeling", "toegekend",
                                                 "in_uitvoering", "afgerond", "gestopt" };
    const char *c = a->state >= 0 && a->state < APP_COUNT_ ? cls[a->state] : "ingediend";
    const char *label = app_state_label(a->state);
    if (a->state == APP_BESLUIT && a->outcome == OUTCOME_REJECTED)
        c = "afgewezen";
    else if (a->state == APP_BESLUIT && a->outcome == OUTCOME_REFERRED)
        c = "doorverwezen";
    if (a->state == APP_BESLUIT && a->outcome != OUTCOME_NONE)
        label = outcome_label(a->outcome);
    OUTF(b, "<span class=\"utrecht-status-badge wijzer-status--%s\">%s</span>", c, label);
}

void fw_app_deadline(Request *r, const Application *a)
{
    ApplicationDeadline d = application_deadline(&r->ctx, a);
    if (!d.active)
        return;
    Buf *b = &r->out;
    if (d.paused) {
        out_html(b, HTML("<div class=\"utrecht-alert utrecht-alert--warning\" role=\"status\">"
                         "<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">"));
        if (a->me.applicant)
            out_html(b, HTML("<p class=\"nl-paragraph\"><strong>De termijn staat stil</strong> tot u de gevraagde "
                             "informatie stuurt. Stuurt u die vandaag, dan beslist de commissie uiterlijk "));
        else
            out_html(b, HTML("<p class=\"nl-paragraph\"><strong>De termijn staat stil</strong> tot de aanvrager de "
                             "gevraagde informatie stuurt. Komt die vandaag, dan beslist de commissie uiterlijk "));
        fw_day(r, d.due_day);
        out_html(b, HTML(".</p></div></div></div>\n"));
        return;
    }
    Deadline dl = { .active = 1, .what = "besluit", .due_day = d.due_day, .days_left = d.days_left };
    web_deadline(r, &dl);
}

void fw_lines_table(Request *r, const Application *a, const char *id)
{
    Buf *b = &r->out;
    int64_t total = 0;
    OUTF(b, "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n"
            "<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" id=\"%s\">Begroting</caption>\n",
         id, id);
    out_html(b, HTML("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Post</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Bedrag</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < a->n_lines; i++) {
        total += a->lines[i].amount_cents;
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td></tr>\n",
             a->lines[i].description, format_euros(r->arena, a->lines[i].amount_cents));
    }
    OUTF(b, "</tbody>\n<tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
            "<th class=\"utrecht-table__header-cell\" scope=\"row\">Totaal</th>"
            "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
            "utrecht-table__cell--numeric-data\"><strong>%s</strong></td></tr></tfoot>\n</table>\n</div>\n",
         format_euros(r->arena, total));
}

void fw_decision(Request *r, const Application *a)
{
    if (a->outcome == OUTCOME_NONE)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"besluit\">Besluit</h2>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fw_fact(r, "Uitkomst", outcome_label(a->outcome));
    if (a->outcome == OUTCOME_GRANTED) {
        const char *amount = format_euros(r->arena, a->granted_cents);
        if (a->granted_cents < a->amount_cents)
            amount = arena_printf(r->arena, "%s (gevraagd: %s)", amount, format_euros(r->arena, a->amount_cents));
        fw_fact(r, "Toegekend bedrag", amount);
    }
    fw_fact_begin(r, "Datum van het besluit");
    fw_day(r, date_day(a->decided_at));
    fw_fact_end(r);
    if (a->motivation && *a->motivation) {
        fw_fact_begin(r, "Waarom");
        OUTF(b, "<span class=\"utrecht-data-list__item-value--multiline\">%s</span>", a->motivation);
        fw_fact_end(r);
    }
    if (a->conditions && *a->conditions)
        fw_fact(r, "Voorwaarden", a->conditions);
    if (a->referral && *a->referral)
        fw_fact(r, "Doorverwezen naar", a->referral);
    fw_fact_begin(r, "Beoordeeld volgens");
    OUTF(b, "<a class=\"nl-link\" href=\"/fondsen/%s/afwegingskader/%d\">afwegingskader versie %d</a>", a->fund_code,
         a->criteria_version, a->criteria_version);
    fw_fact_end(r);
    out_html(b, HTML("</dl>\n"));
}

void fw_payments(Request *r, const Application *a)
{
    Payment *p = NULL;
    size_t n = 0;
    if (payment_list(&r->ctx, a->id, &p, &n) != STATUS_OK || !n)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"betalingen\">Betalingen</h2>\n"
                     "<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"betalingen-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" "
                     "id=\"betalingen-caption\">Betalingen en terugbetalingen</caption>\n"
                     "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Datum</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Soort</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Toelichting</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Bedrag</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < n; i++) {
        out_html(b, HTML("<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">"));
        fw_day(r, date_day(p[i].at));
        OUTF(b, "</td><td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\">%s</td></tr>\n",
             p[i].repayment ? "Terugbetaald" : "Uitbetaald", p[i].note ? p[i].note : "",
             format_euros(r->arena, p[i].amount_cents));
    }
    OUTF(b, "</tbody>\n<tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
            "<th class=\"utrecht-table__header-cell\" scope=\"row\" colspan=\"3\">Totaal uitbetaald</th>"
            "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
            "utrecht-table__cell--numeric-data\"><strong>%s</strong></td></tr></tfoot>\n</table>\n</div>\n",
         format_euros(r->arena, a->paid_cents));
}

/* The alt text of a report photo: its file name without the extension,
 * or a plain description when it had none. */
static const char *photo_alt(Arena *a, const FileInfo *f)
{
    const char *name = f->name ? f->name : "";
    const char *dot = strrchr(name, '.');
    size_t n = dot && dot > name ? (size_t)(dot - name) : strlen(name);
    if (n == 0)
        return "Foto bij de verantwoording";
    return arena_printf(a, "Foto bij de verantwoording: %.*s", (int)n, name);
}

/* The photos sent with the report, each a link to itself at full size. */
static void report_photos(Request *r, const Report *rp)
{
    if (!rp->n_photos)
        return;
    Buf *b = &r->out;
    fw_fact_begin(r, "Foto's");
    out_html(b, HTML("<ul class=\"wijzer-photos\">"));
    for (size_t i = 0; i < rp->n_photos; i++) {
        const FileInfo *f = &rp->photos[i];
        OUTF(b, "<li><a href=\"/bestanden/%lld\"><img src=\"/bestanden/%lld\" alt=\"%s\" loading=\"lazy\"></a></li>",
             (long long)f->id, (long long)f->id, photo_alt(r->arena, f));
    }
    out_html(b, HTML("</ul>"));
    fw_fact_end(r);
}

void fw_report(Request *r, const Application *a)
{
    const Report *rp = &a->report;
    if (!rp->submitted_at)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"verantwoording\">Verantwoording</h2>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fw_fact_begin(r, "Ingestuurd op");
    fw_day(r, date_day(rp->submitted_at));
    fw_fact_end(r);
    fw_fact(r, "Deelnemers", arena_printf(r->arena, "%d", rp->participants));
    fw_fact(r, "Bereikt", arena_printf(r->arena, "%d mensen", rp->reach));
    fw_fact(r, "Werkelijke kosten", format_euros(r->arena, rp->costs_cents));
    fw_fact_begin(r, "Verhaal");
    OUTF(b, "<span class=\"utrecht-data-list__item-value--multiline\">%s</span>", rp->story ? rp->story : "");
    fw_fact_end(r);
    report_photos(r, rp);
    if (rp->photo_url && *rp->photo_url) {
        fw_fact_begin(r, rp->n_photos ? "Link naar meer foto's" : "Foto's");
        out_html(b, HTML("<a class=\"nl-link\" rel=\"nofollow noopener\" href=\""));
        out_url(b, rp->photo_url);
        OUTF(b, "\">%s</a>", rp->photo_url);
        fw_fact_end(r);
    }
    fw_fact(r, "Beoordeling", rp->accepted ? "Goedgekeurd door de commissie"
                              : rp->review_note ? "De commissie vraagt meer informatie"
                                                : "Wacht op de commissie");
    if (rp->review_note && *rp->review_note)
        fw_fact(r, "Opmerking van de commissie", rp->review_note);
    out_html(b, HTML("</dl>\n"));
}

void fw_button(Request *r, const char *kind, const char *name, const char *value, const char *label)
{
    OUTF(&r->out, "<button class=\"nl-button nl-button--%s\" type=\"submit\"", kind);
    if (name)
        OUTF(&r->out, " name=\"%s\" value=\"%s\"", name, value ? value : "1");
    OUTF(&r->out, "><span class=\"nl-button__label\">%s</span></button>\n", label);
}

