/* The admin's page of a fund (/fondsen/{code}/beheer): its rules for
 * applicants, maximum amount and decision term; the budget of a year; and
 * the criteria set (afwegingskader), where saving makes a new version and
 * the old one stays for the decisions made under it. */
#include <stdio.h>
#include <string.h>

#include "lib/dates.h"
#include "lib/text.h"
#include "web/funds_web.h"

enum { EXTRA_CRITERIA_ROWS = 2 }; /* empty rows to add criteria */

typedef struct AdminForms {
    FieldErrors errors;
    FundInput fund;             /* as typed (present: sent) */
    const char *max_amount, *decision_weeks;
    const char *budget_year, *budget;
    CriterionInput crit[CRITERIA_MAX];
    size_t n_crit;              /* 0: show the stored set */
} AdminForms;

static const char *admin_field_id(Arena *a, const char *field)
{
    static const char *const map[][2] = {
        { "fund.name", "fund-name" },
        { "fund.description", "fund-description" },
        { "fund.who_may_apply", "fund-who" },
        { "fund.exclusions", "fund-exclusions" },
        { "fund.cadence", "fund-cadence" },
        { "fund.max_amount_cents", "fund-max" },
        { "fund.decision_weeks", "fund-weeks" },
        { "budget.budget_cents", "budget-amount" },
        { "budget.year", "budget-year" },
        { "criteria.criteria", "crit-0-code" },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(field, map[i][0]) == 0)
            return map[i][1];
    unsigned row;
    int used = 0;
    if (sscanf(field, "criteria.criteria[%u].%n", &row, &used) == 1 && used && row < CRITERIA_MAX)
        return arena_printf(a, "crit-%u-%s", row, field + used);
    return NULL;
}

static int require_admin(Request *r)
{
    if (r->ctx.user && r->ctx.user->role == ROLE_ADMIN)
        return 1;
    web_error(r, 403, "Alleen een beheerder kan een fonds veranderen.");
    return 0;
}

static void rules_form(Request *r, const Fund *f, const AdminForms *df)
{
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    const FundInput *in = &df->fund;
    int sent = in->present.name;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"regels\">Regels voor aanvragers</h2>\n"));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/fondsen/%s/beheer\" novalidate>\n",
         f->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "fund-name", .name = "name", .label = "Naam", .required = 1,
                           .value = sent ? in->name : f->name, .error = errors_get(e, "fund.name") });
    form_textarea(r, &(Field){ .id = "fund-description", .name = "description", .label = "Waarvoor is het fonds?",
                               .rows = 4, .value = sent ? in->description : f->description,
                               .error = errors_get(e, "fund.description") });
    form_textarea(r, &(Field){ .id = "fund-who", .name = "who_may_apply", .label = "Wie kan aanvragen?", .rows = 4,
                               .value = sent ? in->who_may_apply : f->who_may_apply,
                               .error = errors_get(e, "fund.who_may_apply") });
    form_textarea(r, &(Field){ .id = "fund-exclusions", .name = "exclusions", .label = "Wat betaalt het fonds niet?",
                               .hint = "Eén ding per regel.", .rows = 5,
                               .value = sent ? in->exclusions : f->exclusions,
                               .error = errors_get(e, "fund.exclusions") });
    form_text(r, &(Field){ .id = "fund-cadence", .name = "cadence", .label = "Hoe en wanneer beslist de commissie?",
                           .value = sent ? in->cadence : f->cadence, .error = errors_get(e, "fund.cadence") });
    form_text(r, &(Field){ .id = "fund-max", .name = "max_amount", .label = "Hoogste bedrag per aanvraag, in euro",
                           .required = 1, .inputmode = "decimal", .css = "utrecht-textbox--numeric",
                           .value = sent ? df->max_amount : fw_cents_input(r->arena, f->max_amount_cents),
                           .error = errors_get(e, "fund.max_amount_cents") });
    form_text(r, &(Field){ .id = "fund-weeks", .name = "decision_weeks", .label = "Termijn voor het besluit, in weken",
                           .required = 1, .inputmode = "numeric", .css = "utrecht-textbox--numeric",
                           .value = sent ? df->decision_weeks : arena_printf(r->arena, "%d", f->decision_weeks),
                           .error = errors_get(e, "fund.decision_weeks") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Regels opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
}

/* Past years still open: close them once fully accounted for. */
static void close_year_forms(Request *r, const Fund *f, int current)
{
    Ledger *years = NULL;
    size_t n = 0;
    if (fund_years(&r->ctx, f->code, &years, &n) != STATUS_OK)
        return;
    Buf *b = &r->out;
    for (size_t i = 0; i < n; i++) {
        if (years[i].closed || years[i].year >= current)
            continue;
        OUTF(b, "<form class=\"utrecht-form\" method=\"post\" action=\"/fondsen/%s/jaar-afsluiten\" novalidate>\n"
                "<input type=\"hidden\" name=\"year\" value=\"%d\">\n",
             f->code, years[i].year);
        form_csrf(r);
        OUTF(b, "<p class=\"nl-paragraph\">%d is nog niet afgesloten: toegezegd %s, uitbetaald %s.</p>\n",
             years[i].year, format_euros(r->arena, years[i].committed_cents),
             format_euros(r->arena, years[i].paid_cents));
        out_html(b, HTML("<div class=\"wijzer-actions\">"));
        fw_button(r, "secondary", NULL, NULL, arena_printf(r->arena, "%d afsluiten", years[i].year));
        out_html(b, HTML("</div>\n</form>\n"));
    }
}

static void budget_form(Request *r, const Fund *f, const AdminForms *df)
{
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    Ledger l = { 0 };
    int year = fund_year_of(r->ctx.now);
    if (fund_ledger(&r->ctx, f->code, year, &l) != STATUS_OK)
        l.budget_cents = f->budget_cents;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"budget\">Budget</h2>\n"));
    OUTF(b, "<p class=\"nl-paragraph\">In %d: budget %s, toegezegd %s, uitbetaald %s. Het budget kan niet lager "
            "worden dan wat al is toegezegd en betaald.</p>\n",
         year, format_euros(r->arena, l.budget_cents), format_euros(r->arena, l.committed_cents),
         format_euros(r->arena, l.paid_cents));
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/fondsen/%s/budget\" novalidate>\n",
         f->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "budget-year", .name = "year", .label = "Jaar", .required = 1, .inputmode = "numeric",
                           .css = "utrecht-textbox--numeric",
                           .value = df->budget_year ? df->budget_year : arena_printf(r->arena, "%d", year),
                           .error = errors_get(e, "budget.year") });
    form_text(r, &(Field){ .id = "budget-amount", .name = "budget", .label = "Budget voor dat jaar, in euro",
                           .required = 1, .inputmode = "decimal", .css = "utrecht-textbox--numeric",
                           .value = df->budget ? df->budget : fw_cents_input(r->arena, l.budget_cents),
                           .error = errors_get(e, "budget.budget_cents") });
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Budget opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
    close_year_forms(r, f, year);
}

static void criteria_form(Request *r, const Fund *f, const AdminForms *df)
{
    Buf *b = &r->out;
    const FieldErrors *e = &df->errors;
    CriteriaSet cs = { 0 };
    if (fund_criteria(&r->ctx, f->code, 0, &cs) != STATUS_OK)
        cs.n = 0;
    OUTF(b, "<h2 class=\"nl-heading nl-heading--level-2\" id=\"afwegingskader\">Afwegingskader</h2>\n"
            "<p class=\"nl-paragraph\">Nu versie %d. Opslaan maakt versie %d. Besluiten die al genomen zijn, houden "
            "hun versie. Laat een regel helemaal leeg om een vraag te schrappen.</p>\n",
         cs.version, cs.version + 1);
    OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/fondsen/%s/afwegingskader\" "
            "novalidate>\n",
         f->code);
    form_csrf(r);
    const char *all = errors_get(e, "criteria.criteria");
    if (all)
        OUTF(b, "<p class=\"utrecht-form-field-error-message\"><span class=\"wijzer-visually-hidden\">Fout: </span>%s"
                "</p>\n",
             all);
    size_t rows = df->n_crit ? df->n_crit : cs.n + EXTRA_CRITERIA_ROWS;
    if (rows > CRITERIA_MAX)
        rows = CRITERIA_MAX;
    for (size_t i = 0; i < rows; i++) {
        CriterionInput c = { 0 };
        if (df->n_crit)
            c = df->crit[i];
        else if (i < cs.n)
            c = (CriterionInput){ cs.items[i].code, cs.items[i].name, cs.items[i].question };
        const char *key = arena_printf(r->arena, "criteria.criteria[%zu]", i);
        form_fieldset_begin(r, &(Field){ .id = arena_printf(r->arena, "crit-%zu", i),
                                         .label = arena_printf(r->arena, "Vraag %zu", i + 1) });
        form_text(r, &(Field){ .id = arena_printf(r->arena, "crit-%zu-code", i),
                               .name = arena_printf(r->arena, "code_%zu", i), .label = "Code",
                               .hint = i == 0 ? "Kleine letters en streepjes, bijvoorbeeld ‘sociale-cohesie’." : NULL,
                               .value = c.code, .error = errors_get(e, arena_printf(r->arena, "%s.code", key)) });
        form_text(r, &(Field){ .id = arena_printf(r->arena, "crit-%zu-name", i),
                               .name = arena_printf(r->arena, "name_%zu", i), .label = "Naam", .value = c.name,
                               .error = errors_get(e, arena_printf(r->arena, "%s.name", key)) });
        form_textarea(r, &(Field){ .id = arena_printf(r->arena, "crit-%zu-question", i),
                                   .name = arena_printf(r->arena, "question_%zu", i), .label = "Vraag", .rows = 2,
                                   .value = c.question,
                                   .error = errors_get(e, arena_printf(r->arena, "%s.question", key)) });
        form_fieldset_end(r);
    }
    out_html(b, HTML("<div class=\"wijzer-actions\">"));
    fw_button(r, "primary", NULL, NULL, "Nieuwe versie opslaan");
    out_html(b, HTML("</div>\n</form>\n"));
}

static void render_admin(Request *r, const Fund *f, const AdminForms *df)
{
    Buf *b = &r->out;
    const char *title = arena_printf(r->arena, "%s beheren", f->name);
    page_begin(r, form_title(r, title, &df->errors), "fondsen");
    web_breadcrumb(r, "/fondsen", "Fondsen", arena_printf(r->arena, "/fondsen/%s", f->code), f->name,
                   arena_printf(r->arena, "/fondsen/%s/beheer", f->code), "Beheren", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    form_error_summary(r, &df->errors, admin_field_id);
    rules_form(r, f, df);
    budget_form(r, f, df);
    criteria_form(r, f, df);
    page_end(r);
}

static int load_admin_fund(Request *r, Fund *f)
{
    if (!require_admin(r))
        return 0;
    Status s = fund_get(&r->ctx, r->params[0], f);
    if (s != STATUS_OK) {
        fw_status_page(r, s, NULL);
        return 0;
    }
    return 1;
}

void page_fund_admin(Request *r)
{
    Fund f;
    if (!load_admin_fund(r, &f))
        return;
    AdminForms df = { 0 };
    render_admin(r, &f, &df);
}

static void admin_done(Request *r, Fund *f, AdminForms *df, Status s, const char *flash, const char *anchor)
{
    if (s == STATUS_OK) {
        flash_set(r, flash);
        resp_redirect(r, arena_printf(r->arena, "/fondsen/%s/beheer%s", f->code, anchor));
    } else if (s == ERR_INVALID || s == ERR_CONFLICT) {
        if (s == ERR_CONFLICT && !df->errors.summary)
            df->errors.summary = "Dit kan nu niet. Kijk hieronder hoe het er nu voor staat.";
        r->status = s == ERR_CONFLICT ? 409 : 422;
        if (fund_get(&r->ctx, f->code, f) != STATUS_OK) {
            fw_status_page(r, ERR_NOT_FOUND, NULL);
            return;
        }
        render_admin(r, f, df);
    } else {
        fw_status_page(r, s, &df->errors);
    }
}

void page_fund_update(Request *r)
{
    Fund f;
    if (!load_admin_fund(r, &f))
        return;
    AdminForms df = { 0 };
    FundInput *in = &df.fund;
    in->name = fw_arg(r, "name");
    in->description = fw_arg(r, "description");
    in->who_may_apply = fw_arg(r, "who_may_apply");
    in->exclusions = fw_arg(r, "exclusions");
    in->cadence = fw_arg(r, "cadence");
    df.max_amount = fw_arg(r, "max_amount");
    df.decision_weeks = fw_arg(r, "decision_weeks");
    in->max_amount = df.max_amount ? df.max_amount : "";
    in->max_amount_cents = -1;
    int64_t weeks = -1;
    if (!parse_int64(df.decision_weeks, &weeks))
        weeks = -1;
    in->decision_weeks = weeks;
    in->present.name = in->present.description = in->present.who_may_apply = in->present.exclusions = 1;
    in->present.cadence = in->present.max_amount = in->present.decision_weeks = 1;
    Status s = fund_update(&r->ctx, f.code, in, &df.errors);
    fw_errors_prefix(r, &df.errors, "fund");
    admin_done(r, &f, &df, s, "fonds_opgeslagen", "#regels");
}

void page_fund_budget(Request *r)
{
    Fund f;
    if (!load_admin_fund(r, &f))
        return;
    AdminForms df = { .budget_year = fw_arg(r, "year"), .budget = fw_arg(r, "budget") };
    int64_t year = 0, cents = 0;
    Status s = ERR_INVALID;
    if (!parse_int64(df.budget_year, &year) || year < 2000 || year > 2999)
        errors_add(&df.errors, "year", "Vul een jaar in, bijvoorbeeld 2026.");
    if (!parse_euros(df.budget, &cents) || cents < 0)
        errors_add(&df.errors, "budget_cents", "Vul het budget in euro in, bijvoorbeeld 90.000.");
    if (!df.errors.n)
        s = fund_set_budget(&r->ctx, f.code, (int)year, cents, &df.errors);
    fw_errors_prefix(r, &df.errors, "budget");
    admin_done(r, &f, &df, s, "budget", "#budget");
}

void page_fund_criteria(Request *r)
{
    Fund f;
    if (!load_admin_fund(r, &f))
        return;
    AdminForms df = { 0 };
    CriterionInput items[CRITERIA_MAX];
    size_t n = 0, row_of[CRITERIA_MAX];
    for (size_t i = 0; i < CRITERIA_MAX; i++) {
        const char *code = fw_arg(r, arena_printf(r->arena, "code_%zu", i));
        const char *name = fw_arg(r, arena_printf(r->arena, "name_%zu", i));
        const char *question = fw_arg(r, arena_printf(r->arena, "question_%zu", i));
        if (!code && !name && !question)
            break;
        df.crit[df.n_crit++] = (CriterionInput){ code, name, question };
        if (text_is_blank(code) && text_is_blank(name) && text_is_blank(question))
            continue;
        row_of[n] = i;
        items[n++] = (CriterionInput){ code ? code : "", name ? name : "", question ? question : "" };
    }
    int version = 0;
    Status s = criteria_set_replace(&r->ctx, f.code, items, n, &df.errors, &version);
    /* Errors name the criteria as sent; put them back on their rows. */
    for (size_t i = 0; i < df.errors.n; i++) {
        unsigned k;
        int used = 0;
        if (df.errors.field[i] && sscanf(df.errors.field[i], "criteria[%u]%n", &k, &used) == 1 && used && k < n)
            df.errors.field[i] = arena_printf(r->arena, "criteria[%zu]%s", row_of[k], df.errors.field[i] + used);
    }
    fw_errors_prefix(r, &df.errors, "criteria");
    admin_done(r, &f, &df, s, "afwegingskader", "#afwegingskader");
}

void page_fund_close_year(Request *r)
{
    Fund f;
    if (!load_admin_fund(r, &f))
        return;
    AdminForms df = { 0 };
    int64_t year = 0;
    Status s = ERR_INVALID;
    if (!parse_int64(fw_arg(r, "year"), &year) || year < 2000 || year > 2999)
        errors_add(&df.errors, "year", "Kies een jaar om af te sluiten.");
    else
        s = fund_close_year(&r->ctx, f.code, (int)year, &df.errors);
    fw_errors_prefix(r, &df.errors, "budget");
    admin_done(r, &f, &df, s, "jaar_afgesloten", "#budget");
}
