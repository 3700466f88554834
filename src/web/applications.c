/* The applicant's pages: the application form on her initiative
 * (/initiatieven/{id}/aanvragen?fonds=CODE), the receipt (Awb 4:3a), and
 * her application (/aanvragen/{id}) with its steps, deadline, the
 * committee's question and her answer, the decision, payments, the
 * verantwoording form and withdrawing. Markup from docs/markup.md. */
#include <stdio.h>
#include <string.h>

#include "domain/initiatives.h"
#include "lib/dates.h"
#include "lib/text.h"
#include "web/funds_web.h"

enum { LINE_ROWS = 8 }; /* budget lines on the form, without JavaScript */

/* ------------------------------------------------------------------ */
/* The application form                                                */
/* ------------------------------------------------------------------ */

typedef struct AppForm {
    const char *amount;
    const char *line_desc[LINE_ROWS], *line_amount[LINE_ROWS];
    const char *own, *own_amount, *own_hours, *needed_by;
} AppForm;

static const char *row_name(Request *r, const char *name, size_t i)
{
    return arena_printf(r->arena, "%s_%zu", name, i);
}

static void form_from_request(Request *r, AppForm *v)
{
    memset(v, 0, sizeof *v);
    v->amount = fw_arg(r, "amount");
    for (size_t i = 0; i < LINE_ROWS; i++) {
        v->line_desc[i] = fw_arg(r, row_name(r, "line_description", i));
        v->line_amount[i] = fw_arg(r, row_name(r, "line_amount", i));
    }
    v->own = fw_arg(r, "own_contribution");
    v->own_amount = fw_arg(r, "own_amount");
    v->own_hours = fw_arg(r, "own_hours");
    v->needed_by = fw_arg(r, "needed_by");
}

static int line_filled(const AppForm *v, size_t i)
{
    return !text_is_blank(v->line_desc[i]) || !text_is_blank(v->line_amount[i]);
}

/* row_of[k]: the form row of the input's line k. */
static void form_to_input(const AppForm *v, ApplicationInput *in, size_t row_of[LINE_ROWS],
                          FieldErrors *e)
{
    memset(in, 0, sizeof *in);
    in->amount = text_is_blank(v->amount) ? NULL : v->amount;
    in->amount_cents = -1;
    for (size_t i = 0; i < LINE_ROWS; i++) {
        if (!line_filled(v, i))
            continue;
        row_of[in->n_lines] = i;
        in->lines[in->n_lines++] = (BudgetLineInput){ v->line_desc[i] ? v->line_desc[i] : "",
                                                      v->line_amount[i] ? v->line_amount[i] : "", -1 };
    }
    in->own_contribution = v->own;
    in->own_contribution_amount = text_is_blank(v->own_amount) ? NULL : v->own_amount;
    in->own_contribution_cents = -1;
    in->own_contribution_hours = -1;
    if (!text_is_blank(v->own_hours)) {
        int64_t h;
        if (parse_int64(v->own_hours, &h) && h >= 0 && h <= 100000)
            in->own_contribution_hours = h;
        else
            errors_add(e, "own_contribution_hours", "Vul het aantal uren in als een heel getal, bijvoorbeeld 40.");
    }
    in->needed_by = v->needed_by;
}

/* The domain numbers lines as sent; the form skips empty rows. */
static void errors_to_rows(Request *r, FieldErrors *e, const size_t row_of[LINE_ROWS], size_t n)
{
    for (size_t i = 0; i < e->n; i++) {
        unsigned k;
        int used = 0;
        if (e->field[i] && sscanf(e->field[i], "lines[%u]%n", &k, &used) == 1 && used && k < n)
            e->field[i] = arena_printf(r->arena, "lines[%zu]%s", row_of[k], e->field[i] + used);
    }
}

static const char *app_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "amount_cents", "amount" },
        { "lines", "line-0-description" },
        { "own_contribution", "own-contribution" },
        { "own_contribution_cents", "own-amount" },
        { "own_contribution_hours", "own-hours" },
        { "needed_by", "needed-by" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    unsigned row;
    int used = 0;
    if (sscanf(field, "lines[%u].%n", &row, &used) == 1 && used && row < LINE_ROWS)
        return arena_printf(a, "line-%u-%s", row, strncmp(field + used, "amount", 6) == 0 ? "amount" : "description");
    return NULL;
}

/* A text box inside a table cell: a label for screen readers only. */
static void cell_input(Request *r, const char *id, const char *name, const char *label, const char *value,
                       const char *error, int numeric)
{
    Buf *b = &r->out;
    OUTF(b, "<td class=\"utrecht-table__cell%s\">", numeric ? " utrecht-table__cell--numeric-column" : "");
    OUTF(b, "<label class=\"wijzer-visually-hidden\" for=\"%s\">%s</label>", id, label);
    if (error)
        OUTF(b, "<p class=\"utrecht-form-field-error-message\" id=\"%s-fout\"><span class=\"wijzer-visually-hidden\">"
                "Fout: </span>%s</p>",
             id, error);
    OUTF(b, "<input class=\"utrecht-textbox utrecht-textbox--html-input%s%s\" type=\"text\" id=\"%s\" name=\"%s\" "
            "value=\"%s\"",
         numeric ? " utrecht-textbox--numeric" : "", error ? " utrecht-textbox--invalid" : "", id, name,
         value ? value : "");
    if (numeric)
        out_html(b, HTML(" inputmode=\"decimal\""));
    if (error)
        OUTF(b, " aria-invalid=\"true\" aria-describedby=\"%s-fout\"", id);
    out_html(b, HTML("></td>"));
}

static void lines_fields(Request *r, const AppForm *v, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *err = errors_get(e, "lines");
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"begroting\">Begroting</h2>\n"
                     "<p class=\"nl-paragraph\" id=\"begroting-uitleg\">Schrijf per regel waar het geld voor is en "
                     "hoeveel het kost, bijvoorbeeld ‘Zaden en planten’ en 250,00. Laat regels leeg die u niet nodig "
                     "hebt. Het totaal moet gelijk zijn aan het bedrag dat u vraagt.</p>\n"));
    if (err)
        OUTF(b, "<p class=\"utrecht-form-field-error-message\" id=\"begroting-fout\"><span "
                "class=\"wijzer-visually-hidden\">Fout: </span>%s</p>\n",
             err);
    out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"regels-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table\">\n<caption class=\"utrecht-table__caption\" "
                     "id=\"regels-caption\">Begrotingsregels</caption>\n<thead class=\"utrecht-table__header\">"
                     "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">Regel</th>"
                     "<th class=\"utrecht-table__header-cell\" scope=\"col\">Waarvoor</th>"
                     "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Bedrag in euro</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n"));
    int64_t total = 0;
    int any = 0;
    for (size_t i = 0; i < LINE_ROWS; i++) {
        const char *key = arena_printf(r->arena, "lines[%zu]", i);
        int64_t c;
        if (!text_is_blank(v->line_amount[i]) && parse_euros(v->line_amount[i], &c)) {
            total += c;
            any = 1;
        }
        OUTF(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%zu</th>",
             i + 1);
        cell_input(r, arena_printf(r->arena, "line-%zu-description", i), row_name(r, "line_description", i),
                   arena_printf(r->arena, "Regel %zu: waarvoor", i + 1), v->line_desc[i],
                   errors_get(e, arena_printf(r->arena, "%s.description", key)), 0);
        cell_input(r, arena_printf(r->arena, "line-%zu-amount", i), row_name(r, "line_amount", i),
                   arena_printf(r->arena, "Regel %zu: bedrag in euro", i + 1), v->line_amount[i],
                   errors_get(e, arena_printf(r->arena, "%s.amount_cents", key)), 1);
        out_html(b, HTML("</tr>\n"));
    }
    out_html(b, HTML("</tbody>\n"));
    /* The total as the server counted it, after a submit. */
    if (any)
        OUTF(b, "<tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
                "<th class=\"utrecht-table__header-cell\" scope=\"row\" colspan=\"2\">Totaal van de regels</th>"
                "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                "utrecht-table__cell--numeric-data\"><strong>%s</strong></td></tr></tfoot>\n",
             format_euros(r->arena, total));
    out_html(b, HTML("</table>\n</div>\n"));
}

static void render_app_form(Request *r, const Initiative *in, const Fund *f, const AppForm *v, const FieldErrors *e)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Geld aanvragen bij %s", f->name);
    page_begin(r, form_title(r, title, e), "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven", arena_printf(r->arena, "/initiatieven/%lld", (long long)in->id),
                   in->title,
                   arena_printf(r->arena, "/initiatieven/%lld/aanvragen?fonds=%s", (long long)in->id, f->code),
                   "Geld aanvragen", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    OUTF(b, "<p class=\"nl-paragraph nl-paragraph--lead\">Voor uw initiatief ‘%s’. U krijgt direct een "
            "ontvangstbevestiging. De commissie beslist binnen %d weken.</p>\n",
         in->title, f->decision_weeks ? f->decision_weeks : DECISION_WEEKS_DEFAULT);
    form_error_summary(r, e, app_field_id);
    OUTF(b, "<p class=\"nl-paragraph\">Lees eerst <a class=\"nl-link\" href=\"/fondsen/%s#regels\">wat %s wel en niet "
            "betaalt</a>. U kunt hoogstens %s vragen.</p>\n",
         f->code, f->name, format_euros(r->arena, f->max_amount_cents));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/initiatieven/%lld/aanvragen\" "
            "novalidate>\n<input type=\"hidden\" name=\"fonds\" value=\"%s\">\n",
         (long long)in->id, f->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "amount", .label = "Bedrag dat u vraagt, in euro", .required = 1,
                           .hint = arena_printf(r->arena, "Bijvoorbeeld 1.250,00. Hoogstens %s.",
                                                format_euros(r->arena, f->max_amount_cents)),
                           .inputmode = "decimal", .css = "utrecht-textbox--numeric", .value = v->amount,
                           .error = errors_get(e, "amount_cents") });
    lines_fields(r, v, e);
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wat u zelf doet</h2>\n"));
    form_textarea(r, &(Field){ .id = "own-contribution", .name = "own_contribution", .label = "Uw eigen bijdrage",
                               .required = 1, .rows = 4, .value = v->own,
                               .hint = "Wat doet u en doen uw buren zelf? Bijvoorbeeld: ‘Wij bouwen de bakken zelf, "
                                       "samen ongeveer 40 uur.’",
                               .error = errors_get(e, "own_contribution") });
    form_text(r, &(Field){ .id = "own-amount", .name = "own_amount", .label = "Eigen bijdrage in geld, in euro",
                           .optional = 1, .inputmode = "decimal", .css = "utrecht-textbox--numeric",
                           .value = v->own_amount, .error = errors_get(e, "own_contribution_cents") });
    form_text(r, &(Field){ .id = "own-hours", .name = "own_hours", .label = "Eigen bijdrage in uren", .optional = 1,
                           .inputmode = "numeric", .css = "utrecht-textbox--numeric", .value = v->own_hours,
                           .error = errors_get(e, "own_contribution_hours") });
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Wanneer</h2>\n"));
    form_text(r, &(Field){ .id = "needed-by", .name = "needed_by", .label = "Wanneer hebt u het antwoord nodig?",
                           .type = "date", .required = 1, .value = v->needed_by,
                           .hint = "De datum waarop u uiterlijk moet weten of u het geld krijgt.",
                           .error = errors_get(e, "needed_by") ? errors_get(e, "needed_by")
                                                               : errors_get(e, "initiative") });
    out_html(b, HTML("<div class=\"wijzer-actions\">\n"));
    fw_button(r, "primary", NULL, NULL, "Aanvraag indienen");
    OUTF(b, "<a class=\"nl-link\" href=\"/initiatieven/%lld\">Annuleren</a>\n</div>\n</form>\n", (long long)in->id);
    page_end(r);
}

/* The initiative of {id} and the fund of ?fonds= (or the form's fonds);
 * only its initiator may apply. */
static int load_for_form(Request *r, Initiative *in, Fund *f)
{
    int64_t id = fw_param_id(r, 0);
    Status s = id ? initiative_get(&r->ctx, id, in) : ERR_NOT_FOUND;
    const char *code = fw_arg(r, "fonds");
    if (s == STATUS_OK && (!code || !*code))
        s = ERR_NOT_FOUND;
    if (s == STATUS_OK)
        s = fund_get(&r->ctx, code, f);
    if (s == STATUS_OK && !initiative_is_initiator(&r->ctx, in)) {
        web_error(r, 403, "Alleen de initiatiefnemer kan voor dit initiatief geld aanvragen.");
        return 0;
    }
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    return 1;
}

void page_application_new(Request *r)
{
    Initiative in;
    Fund f;
    if (!load_for_form(r, &in, &f))
        return;
    AppForm v;
    memset(&v, 0, sizeof v);
    FieldErrors e = { 0 };
    render_app_form(r, &in, &f, &v, &e);
}

void page_application_create(Request *r)
{
    Initiative in;
    Fund f;
    if (!load_for_form(r, &in, &f))
        return;
    AppForm v;
    form_from_request(r, &v);
    ApplicationInput ai;
    size_t row_of[LINE_ROWS] = { 0 };
    FieldErrors e = { 0 };
    form_to_input(&v, &ai, row_of, &e);
    int64_t id = 0;
    Status s = e.n ? ERR_INVALID : application_create(&r->ctx, f.code, in.id, &ai, &e, &id);
    if (s == STATUS_OK) {
        resp_redirect(r, arena_printf(r->arena, "/aanvragen/%lld/ontvangstbevestiging", (long long)id));
    } else if (s == ERR_INVALID || s == ERR_CONFLICT) {
        errors_to_rows(r, &e, row_of, ai.n_lines);
        r->status = s == ERR_CONFLICT ? 409 : 422;
        render_app_form(r, &in, &f, &v, &e);
    } else {
        fw_status_page(r, s, &e);
    }
}

/* ------------------------------------------------------------------ */
/* The receipt                                                         */
/* ------------------------------------------------------------------ */

static int load_app(Request *r, Application *a)
{
    int64_t id = fw_param_id(r, 0);
    Status s = id ? application_get(&r->ctx, id, a) : ERR_NOT_FOUND;
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    return 1;
}

static const char *app_url(Request *r, const Application *a)
{
    return arena_printf(r->arena, "/aanvragen/%lld", (long long)a->id);
}

void page_application_receipt(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    Buf *b = &r->out;
    page_begin(r, "Ontvangstbevestiging", "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven",
                   arena_printf(r->arena, "/initiatieven/%lld", (long long)a.initiative_id), a.initiative_title,
                   app_url(r, &a), arena_printf(r->arena, "Aanvraag bij %s", a.fund_name),
                   arena_printf(r->arena, "/aanvragen/%lld/ontvangstbevestiging", (long long)a.id),
                   "Ontvangstbevestiging", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Ontvangstbevestiging</h1>\n"
                     "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><div class=\"utrecht-alert__content\">"
                     "<div class=\"utrecht-alert__message\"><p class=\"nl-paragraph\"><strong>Gelukt:</strong> "
                     "wij hebben uw aanvraag ontvangen.</p></div></div></div>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fw_fact(r, "Aanvraagnummer", arena_printf(r->arena, "%lld", (long long)a.id));
    fw_fact_begin(r, "Ontvangen op");
    fw_day(r, date_day(a.submitted_at));
    fw_fact_end(r);
    fw_fact(r, "Fonds", a.fund_name);
    fw_fact(r, "Initiatief", a.initiative_title);
    fw_fact(r, "Gevraagd bedrag", format_euros(r->arena, a.amount_cents));
    fw_fact_begin(r, "Besluit uiterlijk");
    fw_day(r, a.decision_due_day);
    fw_fact_end(r);
    out_html(b, HTML("</dl>\n<h2 class=\"nl-heading nl-heading--level-2\">Hoe gaat het verder?</h2>\n<ol>\n"
                     "<li>De commissie leest uw aanvraag en geeft er cijfers voor, in een van haar vergaderingen "
                     "(elke twee weken).</li>\n"
                     "<li>Mist de commissie iets, dan vraagt zij u om meer informatie. De termijn staat dan stil tot "
                     "u die stuurt.</li>\n<li>U krijgt het besluit met de uitleg waarom. Krijgt u geld, dan leest u "
                     "daar ook de voorwaarden.</li>\n</ol>\n<p class=\"nl-paragraph\">Bewaar deze pagina of druk hem "
                     "af. Dit is het bewijs dat de gemeente uw aanvraag heeft ontvangen.</p>\n"));
    OUTF(b, "<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--primary\" href=\"/aanvragen/%lld\">"
            "<span class=\"nl-button__label\">Naar uw aanvraag</span></a></div>\n",
         (long long)a.id);
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /aanvragen/{id}: her application                                */
/* ------------------------------------------------------------------ */

typedef struct AppForms {
    FieldErrors errors;
    const char *answer, *reason;                               /* info, withdraw */
    const char *participants, *reach, *costs, *story, *photo; /* report */
    size_t photos_sent;                                        /* photos chosen in a report that failed */
} AppForms;

static const char *page_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "info.answer", "info-answer" },
        { "report.participants", "report-participants" },
        { "report.reach", "report-reach" },
        { "report.costs_cents", "report-costs" },
        { "report.story", "report-story" },
        { "report.photo_url", "report-photo" },
        { "report.photos", "report-photos" },
    };
    (void)a;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* Steps: ingediend, in beoordeling, besluit, uitbetaald, verantwoord. */
static void app_steps(Request *r, const Application *a)
{
    Buf *b = &r->out;
    static const AppState steps[] = { APP_INGEDIEND, APP_IN_BEOORDELING, APP_BESLUIT, APP_UITBETAALD,
                                      APP_VERANTWOORD };
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"stappen\">Waar staat uw aanvraag?</h2>\n"));
    if (a->state == APP_INGETROKKEN) {
        OUTF(b, "<p class=\"nl-paragraph\"><strong>Ingetrokken.</strong> %s</p>\n", app_state_explain(a->state));
        return;
    }
    out_html(b, HTML("<ol class=\"wijzer-timeline\">\n"));
    int last = a->state;
    /* A rejection or referral ends at the decision. */
    size_t n = a->outcome == OUTCOME_REJECTED || a->outcome == OUTCOME_REFERRED ? 3 : 5;
    for (size_t i = 0; i < n; i++) {
        int done = (int)steps[i] <= last, current = (int)steps[i] == last;
        out_html(b, current ? HTML("<li class=\"wijzer-timeline__item wijzer-timeline__item--current\">\n")
                            : HTML("<li class=\"wijzer-timeline__item\">\n"));
        const char *label = app_state_label(steps[i]);
        if (steps[i] == APP_BESLUIT && a->outcome != OUTCOME_NONE)
            label = arena_printf(r->arena, "Besluit: %s", outcome_label(a->outcome));
        OUTF(b, "<span class=\"wijzer-timeline__title\">%s%s</span>\n", label,
             current ? " (nu)" : done ? " (gedaan)" : " (nog niet)");
        if (current)
            OUTF(b, "<div class=\"wijzer-timeline__body\"><p class=\"nl-paragraph\">%s</p></div>\n",
                 app_state_explain(a->state));
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ol>\n"));
}

static void app_facts(Request *r, const Application *a)
{
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"aanvraag\">Uw aanvraag</h2>\n"
                     "<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    fw_fact_begin(r, "Initiatief");
    OUTF(b, "<a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a>", (long long)a->initiative_id,
         a->initiative_title);
    fw_fact_end(r);
    fw_fact_begin(r, "Fonds");
    OUTF(b, "<a class=\"nl-link\" href=\"/fondsen/%s\">%s</a>", a->fund_code, a->fund_name);
    fw_fact_end(r);
    fw_fact_begin(r, "Ingediend op");
    fw_day(r, date_day(a->submitted_at));
    OUTF(b, " (<a class=\"nl-link\" href=\"/aanvragen/%lld/ontvangstbevestiging\">ontvangstbevestiging</a>)",
         (long long)a->id);
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
    out_html(b, HTML("</dl>\n"));
    fw_lines_table(r, a, "aanvraag-begroting");
}

static void app_info(Request *r, const Application *a, const AppForms *df)
{
    if (!a->info_request)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"informatie\">Vraag van de commissie</h2>\n"));
    out_html(b, HTML("<p class=\"nl-paragraph\">Gevraagd op "));
    fw_day(r, date_day(a->info_requested_at));
    OUTF(b, ":</p>\n<p class=\"nl-paragraph utrecht-data-list__item-value--multiline\"><strong>%s</strong></p>\n",
         a->info_request);
    if (a->info_response && a->info_supplied_at) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Uw antwoord van "));
        fw_day(r, date_day(a->info_supplied_at));
        OUTF(b, ":</p>\n<p class=\"nl-paragraph\">%s</p>\n", a->info_response);
    }
    if (!a->me.may_supply_info)
        return;
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/aanvragen/%lld/informatie\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "info-answer", .name = "answer", .label = "Uw antwoord", .required = 1,
                               .rows = 6, .value = df->answer,
                               .hint = "Zodra u dit stuurt, loopt de termijn voor het besluit weer.",
                               .error = errors_get(&df->errors, "info.answer") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Informatie sturen");
    out_html(b, HTML("</div>\n</form>\n"));
}

/* The photos to send with the report: as many as are still free. The
 * browser forgets chosen files when the page comes back with an error,
 * so the hint then asks to choose them again. */
static void report_photos_field(Request *r, const Application *a, const AppForms *df)
{
    size_t had = a->report.n_photos;
    if (had >= REPORT_PHOTOS_MAX) {
        OUTF(&r->out, "<p class=\"nl-paragraph\" id=\"report-photos\">U hebt al %d foto's gestuurd. Meer kan niet.</p>\n",
             REPORT_PHOTOS_MAX);
        return;
    }
    const char *hint = "Kies een of meer foto's van wat er gebeurde. Samen hoogstens 10 MB.";
    if (had)
        hint = arena_printf(r->arena, "U stuurde al %zu foto%s; u kunt er nog %zu bijdoen. Samen hoogstens 10 MB.", had,
                            had == 1 ? "" : "'s", REPORT_PHOTOS_MAX - had);
    const char *error = errors_get(&df->errors, "report.photos");
    if (df->photos_sent && !error)
        hint = arena_printf(r->arena, "%s Kies uw foto's opnieuw: de browser onthoudt ze niet als er iets niet goed "
                                      "was ingevuld.",
                            hint);
    form_file(r,
              &(Field){ .id = "report-photos", .name = "photos", .optional = 1,
                        .label = "Foto's (JPG of PNG, hoogstens 5 MB per foto, hoogstens 5)", .hint = hint,
                        .error = error },
              "image/jpeg,image/png", 1);
}

/* The photos she sent, each with a button to take it away again (a
 * form of its own: forms cannot nest). */
static void report_photos_remove(Request *r, const Application *a)
{
    const Report *rp = &a->report;
    if (!rp->n_photos)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h3 class=\"nl-heading nl-heading--level-3\" id=\"fotos-weghalen\">Foto's die u stuurde</h3>\n"
                     "<ul class=\"wijzer-photo-list\">\n"));
    for (size_t i = 0; i < rp->n_photos; i++) {
        const FileInfo *f = &rp->photos[i];
        const char *name = f->name && *f->name ? f->name : arena_printf(r->arena, "Foto %zu", i + 1);
        OUTF(b, "<li><form method=\"post\" action=\"/aanvragen/%lld/fotos/%lld/weghalen\">\n", (long long)a->id,
             (long long)f->id);
        form_csrf(r);
        OUTF(b, "<span>%s</span> <button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                "<span class=\"nl-button__label\">Weghalen<span class=\"wijzer-visually-hidden\">: %s</span></span>"
                "</button>\n</form></li>\n",
             name, name);
    }
    out_html(b, HTML("</ul>\n"));
}

static void app_report_form(Request *r, const Application *a, const AppForms *df)
{
    if (!a->me.may_report)
        return;
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"verantwoording-sturen\">Verantwoording "
                     "sturen</h2>\n<p class=\"nl-paragraph\">Vertel de commissie hoe het ging: wie er meededen, wat "
                     "het kostte en wat het de buurt bracht.</p>\n"));
    report_photos_remove(r, a);
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/aanvragen/%lld/verantwoording\" "
            "enctype=\"multipart/form-data\" novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    const Report *rp = &a->report;
    const char *participants = df->participants, *reach = df->reach, *costs = df->costs, *story = df->story,
               *photo = df->photo;
    if (!e->n && rp->submitted_at) { /* asked for more: start from what she sent */
        participants = arena_printf(r->arena, "%d", rp->participants);
        reach = arena_printf(r->arena, "%d", rp->reach);
        costs = fw_cents_input(r->arena, rp->costs_cents);
        story = rp->story;
        photo = rp->photo_url;
    }
    form_text(r, &(Field){ .id = "report-participants", .name = "participants", .label = "Hoeveel mensen deden mee?",
                           .required = 1, .inputmode = "numeric", .css = "utrecht-textbox--numeric",
                           .value = participants, .error = errors_get(e, "report.participants") });
    form_text(r, &(Field){ .id = "report-reach", .name = "reach", .label = "Hoeveel mensen hebt u bereikt?",
                           .hint = "Ook wie niet meedeed maar er wel iets aan had, bijvoorbeeld de bezoekers.",
                           .required = 1, .inputmode = "numeric", .css = "utrecht-textbox--numeric", .value = reach,
                           .error = errors_get(e, "report.reach") });
    form_text(r, &(Field){ .id = "report-costs", .name = "costs", .label = "Wat hebt u echt uitgegeven, in euro?",
                           .required = 1, .inputmode = "decimal", .css = "utrecht-textbox--numeric", .value = costs,
                           .error = errors_get(e, "report.costs_cents") });
    form_textarea(r, &(Field){ .id = "report-story", .name = "story", .label = "Hoe ging het?", .required = 1,
                               .rows = 8, .value = story,
                               .hint = "Wat is er gebeurd? Wat ging goed en wat zou u een volgende keer anders doen?",
                               .error = errors_get(e, "report.story") });
    form_text(r, &(Field){ .id = "report-photo", .name = "photo_url", .label = "Link naar foto's", .optional = 1,
                           .type = "url", .css = "utrecht-textbox--url", .value = photo,
                           .hint = "Bijvoorbeeld een fotoalbum online. Het adres begint met https://.",
                           .error = errors_get(e, "report.photo_url") });
    report_photos_field(r, a, df);
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Verantwoording sturen");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void app_withdraw_form(Request *r, const Application *a, const AppForms *df)
{
    if (!a->me.may_withdraw)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"intrekken\">Aanvraag intrekken</h2>\n"
                     "<p class=\"nl-paragraph\">Hebt u het geld niet meer nodig? Trek uw aanvraag dan in. Dat kan "
                     "niet ongedaan worden gemaakt.</p>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/aanvragen/%lld/intrekken\" "
            "novalidate>\n",
         (long long)a->id);
    form_csrf(r);
    form_textarea(r, &(Field){ .id = "withdraw-reason", .name = "reason", .label = "Waarom trekt u de aanvraag in?",
                               .optional = 1, .rows = 3, .value = df->reason });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "secondary nl-button--negative", NULL, NULL, "Aanvraag intrekken");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void render_app(Request *r, const Application *a, const AppForms *df)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "Aanvraag bij %s", a->fund_name);
    page_begin(r, form_title(r, arena_printf(r->arena, "%s – %s", title, a->initiative_title), &df->errors),
               "initiatieven");
    web_breadcrumb(r, "/initiatieven", "Initiatieven",
                   arena_printf(r->arena, "/initiatieven/%lld", (long long)a->initiative_id), a->initiative_title,
                   app_url(r, a), title, NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, &df->errors, page_field_id);
    out_html(b, HTML("<p class=\"wijzer-badges\">"));
    fw_app_badge(b, a);
    OUTF(b, " <data class=\"nl-data-badge\" value=\"%lld\">%s</data></p>\n", (long long)a->amount_cents,
         format_euros(r->arena, a->amount_cents));
    OUTF(b, "<p class=\"nl-paragraph nl-paragraph--lead\">Voor ‘%s’.</p>\n", a->initiative_title);
    fw_app_deadline(r, a);
    if ((a->me.member || a->me.staff) && !a->me.applicant)
        OUTF(b, "<div class=\"wijzer-actions\"><a class=\"nl-button nl-button--secondary\" "
                "href=\"/commissie/aanvragen/%lld\"><span class=\"nl-button__label\">Naar de beoordeling</span></a>"
                "</div>\n",
             (long long)a->id);
    app_steps(r, a);
    app_info(r, a, df);
    fw_decision(r, a);
    fw_payments(r, a);
    fw_report(r, a);
    app_report_form(r, a, df);
    app_facts(r, a);
    app_withdraw_form(r, a, df);
    page_end(r);
}

void page_application(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    AppForms df = { 0 };
    render_app(r, &a, &df);
}

/* A form on the page failed: show the page again with it. */
static void app_again(Request *r, Application *a, AppForms *df, Status s)
{
    if (application_get(&r->ctx, a->id, a) != STATUS_OK) {
        fw_status_page(r, ERR_NOT_FOUND, NULL);
        return;
    }
    if (s == ERR_CONFLICT && !df->errors.summary)
        df->errors.summary = "Dit kan nu niet (meer). Kijk hieronder hoe het er nu voor staat.";
    r->status = s == ERR_CONFLICT ? 409 : 422;
    render_app(r, a, df);
}

static void app_done(Request *r, Application *a, AppForms *df, Status s, const char *flash, const char *anchor)
{
    if (s == STATUS_OK) {
        flash_set(r, flash);
        resp_redirect(r, arena_printf(r->arena, "/aanvragen/%lld%s", (long long)a->id, anchor));
    } else if (s == ERR_INVALID || s == ERR_CONFLICT) {
        app_again(r, a, df, s);
    } else {
        fw_status_page(r, s, &df->errors);
    }
}

void page_application_info(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    AppForms df = { .answer = fw_arg(r, "answer") };
    Status s = application_supply_info(&r->ctx, a.id, df.answer, &df.errors);
    fw_errors_prefix(r, &df.errors, "info");
    app_done(r, &a, &df, s, "informatie", "");
}

void page_application_withdraw(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    AppForms df = { .reason = fw_arg(r, "reason") };
    Status s = application_withdraw(&r->ctx, a.id, df.reason);
    app_done(r, &a, &df, s, "ingetrokken", "");
}

void page_application_photo_remove(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    int64_t file = fw_param_id(r, 1);
    AppForms df = { 0 };
    Status s = file ? report_photo_remove(&r->ctx, a.id, file) : ERR_NOT_FOUND;
    if (s == ERR_NOT_FOUND) {
        web_error(r, 404, "Deze foto hoort niet (meer) bij uw verantwoording.");
        return;
    }
    app_done(r, &a, &df, s, "foto_weg", "#verantwoording-sturen");
}

void page_application_report(Request *r)
{
    Application a;
    if (!load_app(r, &a))
        return;
    AppForms df = { .participants = fw_arg(r, "participants"), .reach = fw_arg(r, "reach"),
                    .costs = fw_arg(r, "costs"), .story = fw_arg(r, "story"), .photo = fw_arg(r, "photo_url") };
    /* The files of the photos input (others are not asked for). */
    size_t n_files = r->files ? r->files->count : 0, n_photos = 0;
    PhotoInput *photos = arena_alloc(r->arena, (n_files ? n_files : 1) * sizeof *photos);
    for (size_t i = 0; i < n_files; i++) {
        const Upload *u = &r->files->items[i];
        if (strcmp(u->field, "photos") == 0)
            photos[n_photos++] = (PhotoInput){ .filename = u->filename, .data = u->data, .len = u->len };
    }
    ReportInput in = { .participants = df.participants ? df.participants : "",
                       .reach = df.reach ? df.reach : "",
                       .participants_n = -1,
                       .reach_n = -1,
                       .costs = df.costs ? df.costs : "",
                       .costs_cents = -1,
                       .story = df.story,
                       .photo_url = text_is_blank(df.photo) ? NULL : df.photo,
                       .photos = photos,
                       .n_photos = n_photos };
    Status s = report_submit(&r->ctx, a.id, &in, &df.errors);
    df.photos_sent = n_photos;
    fw_errors_prefix(r, &df.errors, "report");
    app_done(r, &a, &df, s, "verantwoording", "#verantwoording");
}
