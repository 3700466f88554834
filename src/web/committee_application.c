/* One application as the committee sees it (/commissie/aanvragen/{id}):
 * the scoring form for a member, declaring a conflict of interest, the
 * chair's score sheet, asking for information, the decision, payments and
 * reviewing the verantwoording. Permissions are the domain's (funds.h); a
 * page only leaves out what one may not do. Markup from docs/markup.md. */
#include <stdio.h>
#include <string.h>

#include "lib/dates.h"
#include "lib/text.h"
#include "web/funds_web.h"

/* ------------------------------------------------------------------ */
/* GET /commissie/aanvragen/{id}                                       */
/* ------------------------------------------------------------------ */

/* What was sent to one of the forms, to show it again with its errors.
 * Field errors carry the form's prefix (fw_errors_prefix). */
typedef struct CForms {
    FieldErrors errors;
    const char *conflict_reason, *question;
    const char *outcome, *amount, *motivation, *conditions, *referral;
    const char *pay_amount, *pay_note, *pay_kind;
    const char *review_note;
    const char **scores, **remarks; /* per criterion, as sent */
} CForms;

static const char *c_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "conflict.reason", "conflict-reason" },  { "info.question", "info-question" },
        { "decide.outcome", "decide-outcome" },    { "decide.amount_cents", "decide-amount" },
        { "decide.motivation", "decide-motivation" }, { "decide.conditions", "decide-conditions" },
        { "decide.referral", "decide-referral" },  { "pay.amount_cents", "pay-amount" },
        { "pay.note", "pay-note" },                { "review.note", "review-note" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    /* score.<criterion>.score / .remark */
    if (strncmp(field, "score.", 6) == 0) {
        const char *dot = strrchr(field + 6, '.');
        if (dot && strcmp(dot, ".remark") == 0)
            return form_choice_id(a, "remark", arena_printf(a, "%.*s", (int)(dot - field - 6), field + 6));
        if (dot)
            return form_choice_id(a, "score", arena_printf(a, "%.*s", (int)(dot - field - 6), field + 6));
    }
    return NULL;
}

static void c_app_summary(Request *r, const Application *a)
{
    Buf *b = &r->out;
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fw_fact_begin(r, "Initiatief");
    OUTF(b, "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a>", (long long)a->initiative_id,
         a->initiative_title);
    fw_fact_end(r);
    fw_fact(r, "Wijk", a->area_name ? a->area_name : "");
    fw_fact(r, "Aanvrager", a->applicant_name ? a->applicant_name : "");
    fw_fact_begin(r, "Ingediend op");
    fw_day(r, date_day(a->submitted_at));
    fw_fact_end(r);
    fw_fact(r, "Gevraagd bedrag", format_euros(r->arena, a->amount_cents));
    fw_fact_begin(r, "Eigen bijdrage");
    OUTF(b, "<span class=\"utrecht-data-list__item-value--multiline\">%s</span>",
         a->own_contribution ? a->own_contribution : "");
    if (a->own_contribution_cents > 0)
        OUTF(b, "<br>In geld: %s", format_euros(r->arena, a->own_contribution_cents));
    if (a->own_contribution_hours > 0)
        OUTF(b, "<br>In uren: %d", a->own_contribution_hours);
    fw_fact_end(r);
    if (a->needed_by) {
        fw_fact_begin(r, "Antwoord nodig op");
        fw_day(r, a->needed_by);
        fw_fact_end(r);
    }
    if (a->round_day) {
        fw_fact_begin(r, "Op de agenda van");
        fw_day(r, a->round_day);
        fw_fact_end(r);
    }
    fw_fact(r, "Afwegingskader", arena_printf(r->arena, "versie %d", a->criteria_version));
    out_html(b, HTML("</dl>\n"));
    fw_lines_table(r, a, "c-begroting");
}

static void c_info(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    if (a->info_request) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"informatie\">Gevraagde informatie</h2>\n"
                         "<p class=\"nl-paragraph\">Gevraagd op "));
        fw_day(r, date_day(a->info_requested_at));
        OUTF(b, ": %s</p>\n", a->info_request);
        if (a->info_response && a->info_supplied_at) {
            out_html(b, HTML("<p class=\"nl-paragraph\">Antwoord van "));
            fw_day(r, date_day(a->info_supplied_at));
            OUTF(b, ": %s</p>\n", a->info_response);
        } else {
            out_html(b, HTML("<p class=\"nl-paragraph\"><strong>Nog geen antwoord.</strong> De termijn staat stil tot "
                             "de aanvrager de informatie stuurt.</p>\n"));
        }
    }
    if (!a->me.may_request_info)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"informatie-vragen\">Informatie vragen</h2>\n"
                     "<p class=\"nl-paragraph\">Mist er iets? Vraag het de aanvrager. De termijn voor het besluit "
                     "staat stil tot zij antwoordt.</p>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/commissie/aanvragen/%lld/informatie\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "info-question", .name = "question", .label = "Uw vraag aan de aanvrager",
                               .required = 1, .rows = 4, .value = df->question,
                               .hint = "In gewone taal. De aanvrager ziet deze vraag op haar pagina.",
                               .error = errors_get(&df->errors, "info.question") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "secondary", NULL, NULL, "Informatie vragen");
    out_html(b, HTML("</div>\n</form>\n"));
}

/* Radio buttons 1 to 5 side by side (form_radios stacks them). */
static void score_scale(Request *r, const Field *f, const Option *opts, size_t n)
{
    Buf *b = &r->out;
    form_fieldset_begin(r, f);
    out_html(b, HTML("<div class=\"wijzer-scale\">\n"));
    for (size_t i = 0; i < n; i++) {
        const char *id = form_choice_id(r->arena, f->id, opts[i].value);
        OUTF(b, "<div class=\"utrecht-form-field utrecht-form-field--radio\">\n<div class=\"utrecht-form-field__label\">"
                "<label class=\"utrecht-form-label utrecht-form-label--radio\" for=\"%s\">%s</label></div>\n"
                "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-radio-button "
                "utrecht-radio-button--html-input\" type=\"radio\" id=\"%s\" name=\"%s\" value=\"%s\"",
             id, opts[i].label, id, f->name, opts[i].value);
        if (f->error)
            out_html(b, HTML(" aria-invalid=\"true\""));
        if (f->value && strcmp(f->value, opts[i].value) == 0)
            out_html(b, HTML(" checked"));
        out_html(b, HTML("></div>\n</div>\n"));
    }
    out_html(b, HTML("</div>\n"));
    form_fieldset_end(r);
}

static void c_scoring(Request *r, const Application *a, const CriteriaSet *cs, const CForms *df)
{
    Buf *b = &r->out;
    Assessment *mine = NULL;
    size_t n_mine = 0;
    if (assessment_mine(&r->ctx, a->id, &mine, &n_mine) != STATUS_OK)
        n_mine = 0;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"beoordelen\">Uw beoordeling</h2>\n"
                     "<p class=\"nl-paragraph\">Geef per vraag een cijfer: 1 is zwak, 5 is sterk. U kunt dit voor "
                     "of in de vergadering doen en later nog veranderen.</p>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/commissie/aanvragen/%lld/scores\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    static const Option marks[] = { { "1", "1 (zwak)", NULL },   { "2", "2", NULL }, { "3", "3", NULL },
                                    { "4", "4", NULL },          { "5", "5 (sterk)", NULL } };
    for (size_t i = 0; i < cs->n; i++) {
        const Criterion *c = &cs->items[i];
        const char *score = df->scores ? df->scores[i] : NULL, *remark = df->remarks ? df->remarks[i] : NULL;
        for (size_t k = 0; !df->scores && k < n_mine; k++)
            if (strcmp(mine[k].criterion, c->code) == 0) {
                score = arena_printf(r->arena, "%d", mine[k].score);
                remark = mine[k].remark;
            }
        const char *key = arena_printf(r->arena, "score.%s", c->code);
        score_scale(r,
                    &(Field){ .id = form_choice_id(r->arena, "score", c->code),
                              .name = arena_printf(r->arena, "score_%s", c->code), .label = c->name,
                              .hint = c->question, .value = score,
                              .error = errors_get(&df->errors, arena_printf(r->arena, "%s.score", key)) },
                    marks, 5);
        form_textarea(r, &(Field){ .id = form_choice_id(r->arena, "remark", c->code),
                                   .name = arena_printf(r->arena, "remark_%s", c->code),
                                   .label = arena_printf(r->arena, "Opmerking bij %s", c->name), .optional = 1,
                                   .rows = 2, .value = remark,
                                   .error = errors_get(&df->errors, arena_printf(r->arena, "%s.remark", key)) });
    }
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Cijfers opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void c_conflict_form(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"belangenverstrengeling\">"
                     "Belangenverstrengeling</h2>\n<p class=\"nl-paragraph\">Kent u de aanvrager goed, of hebt u er "
                     "zelf belang bij? Meld het dan. U beoordeelt deze aanvraag daarna niet meer en ziet de cijfers "
                     "van de anderen niet. Cijfers die u al gaf, vervallen.</p>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" "
            "action=\"/commissie/aanvragen/%lld/belangenverstrengeling\" novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "conflict-reason", .name = "reason", .label = "Waarom?", .optional = 1,
                               .rows = 2, .value = df->conflict_reason,
                               .hint = "Bijvoorbeeld: ‘De aanvrager is mijn buurvrouw.’",
                               .error = errors_get(&df->errors, "conflict.reason") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "secondary nl-button--negative", NULL, NULL, "Belangenverstrengeling melden");
    out_html(b, HTML("</div>\n</form>\n"));
}

/* The chair's side-by-side view of every member's scores. */
static void c_scores(Request *r, const Application *a)
{
    ScoreSheet ss;
    if (application_scores(&r->ctx, a->id, &ss) != STATUS_OK)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"cijfers\">Cijfers van de commissie</h2>\n"));
    if (!ss.n_members) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn geen leden die mogen beoordelen.</p>\n"));
    } else {
        out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"cijfers-caption\" "
                         "tabindex=\"0\">\n<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" "
                         "id=\"cijfers-caption\">Cijfers per vraag en per lid (1 tot 5)</caption>\n"
                         "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                         "<th class=\"utrecht-table__header-cell\" scope=\"col\">Vraag</th>"));
        for (size_t m = 0; m < ss.n_members; m++)
            OUTF(b, "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                    "scope=\"col\">%s</th>",
                 ss.members[m].name);
        out_html(b, HTML("<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                         "scope=\"col\">Gemiddeld</th><th class=\"utrecht-table__header-cell "
                         "utrecht-table__header-cell--numeric-column\" scope=\"col\">Spreiding</th></tr></thead>\n"
                         "<tbody class=\"utrecht-table__body\">\n"));
        for (size_t c = 0; c < ss.n_rows; c++) {
            const CriterionSummary *row = &ss.rows[c];
            OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>",
                 row->criterion.name);
            for (size_t m = 0; m < ss.n_members; m++) {
                int sc = ss.scores[c * ss.n_members + m];
                if (sc)
                    OUTF(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                            "utrecht-table__cell--numeric-data\">%d</td>",
                         sc);
                else
                    out_html(b, HTML("<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\">"
                                     "<span class=\"wijzer-muted\">nog niet</span></td>"));
            }
            if (row->count)
                OUTF(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                        "utrecht-table__cell--numeric-data\">%d,%d</td><td class=\"utrecht-table__cell "
                        "utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data\">%d</td></tr>\n",
                     (int)(row->average * 10 + 0.5) / 10, (int)(row->average * 10 + 0.5) % 10, row->spread);
            else
                out_html(b, HTML("<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\">—</td>"
                                 "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\">—</td></tr>\n"));
        }
        OUTF(b, "</tbody>\n<tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
                "<th class=\"utrecht-table__header-cell\" scope=\"row\" colspan=\"%zu\">Gemiddelde van alle cijfers</th>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\"><strong>%d,%d</strong></td><td class=\"utrecht-table__cell\">"
                "</td></tr></tfoot>\n</table>\n</div>\n",
             ss.n_members + 1, (int)(ss.average * 10 + 0.5) / 10, (int)(ss.average * 10 + 0.5) % 10);
        /* The remarks, per member. */
        int any = 0;
        for (size_t c = 0; c < ss.n_rows; c++)
            for (size_t m = 0; m < ss.n_members; m++) {
                const char *rm = ss.remarks ? ss.remarks[c * ss.n_members + m] : NULL;
                if (!rm || !*rm)
                    continue;
                if (!any++)
                    out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\">Opmerkingen</h3>\n<ul>\n"));
                OUTF(b, "<li><strong>%s over %s:</strong> %s</li>\n", ss.members[m].name, ss.rows[c].criterion.name,
                     rm);
            }
        if (any)
            out_html(b, HTML("</ul>\n"));
    }
    for (size_t i = 0; i < ss.n_conflicts; i++)
        OUTF(b, "<p class=\"nl-paragraph\">%s heeft belangenverstrengeling gemeld en beoordeelt niet mee.</p>\n",
             ss.conflicts[i].member_name);
}

static void c_decision_form(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    Ledger l;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"besluiten\">Besluit nemen</h2>\n"));
    if (fund_ledger(&r->ctx, a->fund_code, a->year, &l) == STATUS_OK)
        OUTF(b, "<p class=\"nl-paragraph\">Nog te verdelen in %d: <strong>%s</strong>.</p>\n", l.year,
             format_euros(r->arena, l.remaining_cents));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/commissie/aanvragen/%lld/besluit\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    static const Option outcomes[] = { { "granted", "Toekennen", NULL },
                                       { "rejected", "Afwijzen", NULL },
                                       { "referred", "Doorverwijzen naar een ander fonds of een partner", NULL } };
    form_radios(r, &(Field){ .id = "decide-outcome", .name = "outcome", .label = "Besluit", .required = 1,
                             .value = df->outcome, .error = errors_get(e, "decide.outcome") },
                outcomes, 3);
    form_text(r, &(Field){ .id = "decide-amount", .name = "amount", .label = "Toegekend bedrag, in euro",
                           .hint = arena_printf(r->arena, "Alleen bij toekennen. Leeg: het hele bedrag van %s. Minder "
                                                          "mag ook.",
                                                format_euros(r->arena, a->amount_cents)),
                           .optional = 1, .inputmode = "decimal", .css = "utrecht-textbox--numeric",
                           .value = df->amount, .error = errors_get(e, "decide.amount_cents") });
    form_textarea(r, &(Field){ .id = "decide-motivation", .name = "motivation", .label = "Waarom dit besluit?",
                               .required = 1, .rows = 5, .value = df->motivation,
                               .hint = "In gewone taal: dit lezen de aanvrager en iedereen op de pagina van het "
                                       "fonds. Bij afwijzen: noem de redenen. Geen namen of adressen.",
                               .error = errors_get(e, "decide.motivation") });
    form_textarea(r, &(Field){ .id = "decide-conditions", .name = "conditions", .label = "Voorwaarden",
                               .optional = 1, .rows = 3, .value = df->conditions,
                               .hint = "Alleen bij toekennen, bijvoorbeeld ‘Bonnetjes bewaren’.",
                               .error = errors_get(e, "decide.conditions") });
    form_text(r, &(Field){ .id = "decide-referral", .name = "referral", .label = "Doorverwezen naar",
                           .optional = 1, .value = df->referral,
                           .hint = "Alleen bij doorverwijzen: welk fonds of welke partner.",
                           .error = errors_get(e, "decide.referral") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Besluit vastleggen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void c_payment_form(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    int64_t open = a->granted_cents - a->paid_cents;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"betaling\">Betaling vastleggen</h2>\n"));
    OUTF(b, "<p class=\"nl-paragraph\">Toegekend: %s. Al betaald: %s. Nog te betalen: <strong>%s</strong>.</p>\n",
         format_euros(r->arena, a->granted_cents), format_euros(r->arena, a->paid_cents),
         format_euros(r->arena, open > 0 ? open : 0));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/commissie/aanvragen/%lld/betalingen\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    static const Option kinds[] = { { "payment", "Betaling aan de aanvrager", NULL },
                                    { "repayment", "Terugbetaling aan het fonds", NULL } };
    form_radios(r, &(Field){ .id = "pay-kind", .name = "kind", .label = "Soort",
                             .value = df->pay_kind ? df->pay_kind : "payment" },
                kinds, 2);
    form_text(r, &(Field){ .id = "pay-amount", .name = "amount", .label = "Bedrag in euro", .required = 1,
                           .inputmode = "decimal", .css = "utrecht-textbox--numeric",
                           .value = df->pay_amount ? df->pay_amount : open > 0 ? fw_cents_input(r->arena, open) : NULL,
                           .error = errors_get(&df->errors, "pay.amount_cents") });
    form_text(r, &(Field){ .id = "pay-note", .name = "note", .label = "Toelichting", .optional = 1,
                           .hint = "Bijvoorbeeld het kenmerk van de overboeking.", .value = df->pay_note,
                           .error = errors_get(&df->errors, "pay.note") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Betaling vastleggen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void c_review_form(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"verantwoording-beoordelen\">Verantwoording "
                     "beoordelen</h2>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" "
            "action=\"/commissie/aanvragen/%lld/verantwoording\" novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "review-note", .name = "note", .label = "Opmerking of vraag aan de aanvrager",
                               .hint = "Nodig als u meer informatie vraagt.", .rows = 3, .value = df->review_note,
                               .error = errors_get(&df->errors, "review.note") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", "action", "accept", "Verantwoording goedkeuren");
    fw_button(r, "secondary", "action", "more", "Meer informatie vragen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void render_c(Request *r, const Application *a, const CForms *df)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Beoordeling: %s", a->initiative_title);
    page_begin(r, form_title(r, title, &df->errors), "commissie");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", a->fund_code), a->fund_name,
                   arena_printf(r->arena, "/fondsen/%s/commissie", a->fund_code), "Commissie",
                   arena_printf(r->arena, "/commissie/aanvragen/%lld", (long long)a->id), a->initiative_title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, &df->errors, c_field_id);
    out_html(b, HTML("<p class=\"wijzer-badges\">"));
    fw_app_badge(b, a);
    OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">%s</data></p>\n", (long long)a->amount_cents,
         format_euros(r->arena, a->amount_cents));
    fw_app_deadline(r, a);
    OUTF(b, "<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/aanvragen/%lld\">Zo ziet de aanvrager deze "
            "aanvraag</a></p>\n",
         (long long)a->id);
    if (a->me.conflict)
        out_html(b, HTML("<div class=\"utrecht-alert utrecht-alert--info\" role=\"status\"><div "
                         "class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\"><p "
                         "class=\"nl-paragraph\"><strong>Let op:</strong> u hebt belangenverstrengeling gemeld. U "
                         "beoordeelt deze aanvraag niet en ziet de cijfers van de anderen niet.</p></div></div></div>\n"));
    c_app_summary(r, a);
    c_info(r, a, df);
    if (a->me.may_score) {
        CriteriaSet cs;
        if (fund_criteria(&r->ctx, a->fund_code, a->criteria_version, &cs) == STATUS_OK)
            c_scoring(r, a, &cs, df);
    }
    if (a->me.member && !a->me.conflict && a->outcome == OUTCOME_NONE && a->state != APP_INGETROKKEN)
        c_conflict_form(r, a, df);
    if (!a->me.conflict && (a->me.chair || a->me.staff || a->outcome != OUTCOME_NONE))
        c_scores(r, a);
    if (a->me.may_decide)
        c_decision_form(r, a, df);
    fw_decision(r, a);
    if (a->me.may_pay)
        c_payment_form(r, a, df);
    fw_payments(r, a);
    fw_report(r, a);
    if (a->me.may_review_report && a->report.submitted_at && !a->report.accepted)
        c_review_form(r, a, df);
    page_end(r);
}

static int load_c(Request *r, Application *a)
{
    int64_t id = fw_param_id(r, 0);
    Status s = id ? application_get(&r->ctx, id, a) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    if (!(a->me.member || a->me.staff)) {
        web_error(r, 403, "Deze pagina is alleen voor de commissie van het fonds en voor de gemeente.");
        return 0;
    }
    return 1;
}

void page_committee_application(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { 0 };
    render_c(r, &a, &df);
}

static void c_done(Request *r, Application *a, CForms *df, Status s, const char *flash, const char *anchor)
{
    if (s == STATUS_OK) {
        flash_set(r, flash);
        resp_redirect(r, arena_printf(r->arena, "/commissie/aanvragen/%lld%s", (long long)a->id, anchor));
        return;
    }
    if (s != ERR_INVALID && s != ERR_CONFLICT) {
        fw_status_page(r, s, &df->errors);
        return;
    }
    if (application_get(&r->ctx, a->id, a) != STATUS_OK) {
        fw_status_page(r, ERR_NOT_FOUND, NULL);
        return;
    }
    if (s == ERR_CONFLICT && !df->errors.summary)
        df->errors.summary = "Dit kan nu niet (meer). Kijk hieronder hoe het er nu voor staat.";
    r->status = s == ERR_CONFLICT ? 409 : 422;
    render_c(r, a, df);
}

void page_committee_scores(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CriteriaSet cs;
    Status s = fund_criteria(&r->ctx, a.fund_code, a.criteria_version, &cs);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return;
    }
    CForms df = { 0 };
    df.scores = arena_alloc(r->arena, (cs.n + 1) * sizeof *df.scores);
    df.remarks = arena_alloc(r->arena, (cs.n + 1) * sizeof *df.remarks);
    int saved = 0;
    for (size_t i = 0; i < cs.n; i++) {
        const char *code = cs.items[i].code;
        df.scores[i] = fw_arg(r, arena_printf(r->arena, "score_%s", code));
        df.remarks[i] = fw_arg(r, arena_printf(r->arena, "remark_%s", code));
    }
    for (size_t i = 0; i < cs.n && (s == STATUS_OK || s == ERR_INVALID); i++) {
        const char *code = cs.items[i].code;
        if (text_is_blank(df.scores[i])) {
            if (!text_is_blank(df.remarks[i]))
                errors_add(&df.errors, arena_printf(r->arena, "score.%s.score", code),
                           arena_printf(r->arena, "Kies ook een cijfer bij %s.", cs.items[i].name));
            continue;
        }
        int64_t sc;
        if (!parse_int64(df.scores[i], &sc) || sc < SCORE_MIN || sc > SCORE_MAX) {
            errors_add(&df.errors, arena_printf(r->arena, "score.%s.score", code),
                       arena_printf(r->arena, "Kies een cijfer van 1 tot 5 bij %s.", cs.items[i].name));
            continue;
        }
        FieldErrors one = { 0 };
        Status st = assessment_set(&r->ctx, a.id, code, (int)sc, df.remarks[i] ? df.remarks[i] : "", &one);
        if (st == STATUS_OK) {
            saved++;
            continue;
        }
        for (size_t k = 0; k < one.n; k++)
            errors_add(&df.errors, arena_printf(r->arena, "score.%s.%s", code, one.field[k]), one.message[k]);
        if (one.summary)
            df.errors.summary = one.summary;
        s = st == ERR_INVALID ? STATUS_OK : st;
    }
    if (s == STATUS_OK && !saved && !df.errors.n)
        errors_add(&df.errors, arena_printf(r->arena, "score.%s.score", cs.n ? cs.items[0].code : ""),
                   "Kies bij minstens één vraag een cijfer.");
    if (s == STATUS_OK && df.errors.n)
        s = ERR_INVALID;
    c_done(r, &a, &df, s, "cijfers", "#beoordelen");
}

void page_committee_conflict(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { .conflict_reason = fw_arg(r, "reason") };
    Status s = conflict_declare(&r->ctx, a.id, df.conflict_reason, &df.errors);
    fw_errors_prefix(r, &df.errors, "conflict");
    c_done(r, &a, &df, s, "belang", "");
}

void page_committee_info(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { .question = fw_arg(r, "question") };
    Status s = application_request_info(&r->ctx, a.id, df.question, &df.errors);
    fw_errors_prefix(r, &df.errors, "info");
    c_done(r, &a, &df, s, "vraag", "#informatie");
}

void page_committee_decide(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { .outcome = fw_arg(r, "outcome"), .amount = fw_arg(r, "amount"),
                  .motivation = fw_arg(r, "motivation"), .conditions = fw_arg(r, "conditions"),
                  .referral = fw_arg(r, "referral") };
    DecisionInput in = { .outcome = df.outcome,
                         .amount = text_is_blank(df.amount) ? NULL : df.amount,
                         .amount_cents = -1,
                         .motivation = df.motivation,
                         .conditions = df.conditions,
                         .referral = df.referral };
    Status s = application_decide(&r->ctx, a.id, &in, &df.errors);
    fw_errors_prefix(r, &df.errors, "decide");
    c_done(r, &a, &df, s, "besluit", "#besluit");
}

void page_committee_payment(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { .pay_amount = fw_arg(r, "amount"), .pay_note = fw_arg(r, "note"), .pay_kind = fw_arg(r, "kind") };
    int repayment = df.pay_kind && strcmp(df.pay_kind, "repayment") == 0;
    int64_t id;
    Status s = payment_add(&r->ctx, a.id, df.pay_amount ? df.pay_amount : "", -1, repayment, df.pay_note,
                           &df.errors, &id);
    fw_errors_prefix(r, &df.errors, "pay");
    c_done(r, &a, &df, s, "betaling", "#betalingen");
}

void page_committee_review(Request *r)
{
    Application a;
    if (!load_c(r, &a))
        return;
    CForms df = { .review_note = fw_arg(r, "note") };
    const char *action = fw_arg(r, "action");
    Status s;
    if (action && strcmp(action, "more") == 0) {
        s = report_more(&r->ctx, a.id, df.review_note, &df.errors);
        fw_errors_prefix(r, &df.errors, "review");
        c_done(r, &a, &df, s, "meer", "#verantwoording");
    } else {
        s = report_accept(&r->ctx, a.id, df.review_note);
        c_done(r, &a, &df, s, "verantwoord", "#verantwoording");
    }
}
