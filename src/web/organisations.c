/* The organisation pages: the list with filters (/organisaties), one
 * organisation (/organisaties/{code}) with its places, the form its
 * members (and admins) keep it up to date with, and registering a new
 * organisation (/organisaties/nieuw), which makes the one registering its
 * first member. Markup from docs/markup.md. */
#include <limits.h>
#include <string.h>

#include "lib/text.h"
#include "web/directory_web.h"

/* ------------------------------------------------------------------ */
/* GET /organisaties                                                   */
/* ------------------------------------------------------------------ */

static const char *known(Request *r, const char *name, char kind)
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

static const char *list_url(Request *r, const OrganisationFilter *f, int page)
{
    Buf u;
    buf_init(&u);
    buf_puts(&u, "/organisaties?");
    const char *names[] = { "thema", "hulp", "wijk" };
    const char *values[] = { f->theme, f->help_kind, f->area };
    for (size_t i = 0; i < 3; i++) {
        if (!values[i])
            continue;
        buf_puts(&u, names[i]);
        buf_puts(&u, "=");
        url_encode_into(&u, values[i]);
        buf_puts(&u, "&");
    }
    buf_puts(&u, arena_printf(r->arena, "pagina=%d", page));
    const char *s = arena_strdup(r->arena, buf_cstr(&u));
    buf_free(&u);
    return s;
}

static void filter_select(Request *r, const char *id, const char *name, const char *label, char kind,
                          const char *all, const char *value)
{
    size_t n;
    Option *v = dw_options(r, kind, &n);
    Option *o = arena_alloc(r->arena, (n + 1) * sizeof *o);
    o[0] = (Option){ "", all, NULL };
    memcpy(o + 1, v, n * sizeof *o);
    form_select(r, &(Field){ .id = id, .name = name, .label = label, .value = value }, o, n + 1);
}

static void pagination(Request *r, const OrganisationFilter *f, int64_t total)
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
    int gap = 0;
    for (int p = 1; p <= last; p++) {
        if (p != 1 && p != last && (p < cur - 1 || p > cur + 1)) {
            if (!gap)
                out_html(b, HTML("<span aria-hidden=\"true\">…</span>\n"));
            gap = 1;
            continue;
        }
        gap = 0;
        out_html(b, p == cur ? HTML("<a class=\"utrecht-pagination__page-link utrecht-pagination__page-link--current\" "
                                    "aria-current=\"page\" href=\"")
                             : HTML("<a class=\"utrecht-pagination__page-link\" href=\""));
        out_url(b, list_url(r, f, p));
        OUTF(b, "\" aria-label=\"Pagina %d\">%d</a>\n", p, p);
    }
    if (cur < last) {
        out_html(b, HTML("<a class=\"utrecht-pagination__relative-link utrecht-pagination__relative-link--next\" "
                         "rel=\"next\" href=\""));
        out_url(b, list_url(r, f, cur + 1));
        out_html(b, HTML("\">Volgende</a>\n"));
    }
    out_html(b, HTML("</nav>\n"));
}

void page_organisations(Request *r)
{
    OrganisationFilter f = { .theme = known(r, "thema", 't'), .help_kind = known(r, "hulp", 'h'),
                             .area = known(r, "wijk", 'w'), .page = 1, .per_page = DIR_PER_PAGE_DEFAULT };
    int64_t page;
    const char *pv = dw_arg(r, "pagina");
    if (pv && parse_int64(pv, &page) && page >= 1 && page < INT_MAX / DIR_PER_PAGE_MAX)
        f.page = (int)page;
    OrganisationPage pg;
    Status s = directory_organisations(&r->ctx, &f, &pg);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "de organisaties");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, f.page > 1 ? arena_printf(r->arena, "Organisaties (pagina %d)", f.page) : "Organisaties",
               "wiehelpt");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/organisaties", "Organisaties", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Organisaties</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Verenigingen, stichtingen, welzijnswerk en "
                     "bewonersgroepen die u kunnen helpen. Kies waar u hulp bij zoekt.</p>\n"));
    if (r->ctx.user)
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"/organisaties/nieuw\">Uw organisatie "
                         "aanmelden</a></p>\n"));
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">Staat uw organisatie er niet bij? <a class=\"nl-link\" "
                         "href=\"/inloggen\">Log in</a> om haar aan te melden.</p>\n"));
    out_html(b, HTML("<form class=\"wijzer-filters\" method=\"get\" action=\"/organisaties\" role=\"search\" "
                     "aria-label=\"Organisaties zoeken\">\n"));
    filter_select(r, "f-hulp", "hulp", "Soort hulp", 'h', "Alle soorten hulp", f.help_kind);
    filter_select(r, "f-thema", "thema", "Thema", 't', "Alle thema's", f.theme);
    filter_select(r, "f-wijk", "wijk", "Wijk", 'w', "Alle wijken", f.area);
    out_html(b, HTML("<div><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Zoeken</span></button></div>\n</form>\n"));
    int filtered = f.theme || f.help_kind || f.area;
    OUTF(b, "<p class=\"nl-paragraph\"><strong>%lld %s</strong>", (long long)pg.total,
         pg.total == 1 ? "organisatie" : "organisaties");
    if (filtered)
        out_html(b, HTML(" · <a class=\"nl-link\" href=\"/organisaties\">Wis de filters</a>"));
    out_html(b, HTML("</p>\n"));
    if (!pg.n) {
        out_html(b, filtered ? HTML("<p class=\"nl-paragraph\">Geen organisaties gevonden. Kies minder filters.</p>\n")
                             : HTML("<p class=\"nl-paragraph\">Er zijn nog geen organisaties.</p>\n"));
    } else {
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < pg.n; i++) {
            const Organisation *o = &pg.items[i];
            OUTF(b, "<li class=\"wijzer-card\">\n<h2 class=\"nl-heading nl-heading--level-3\">"
                    "<a class=\"nl-link\" href=\"/organisaties/%s\">%s</a></h2>\n"
                    "<p class=\"wijzer-card__meta\"><span>%s</span>",
                 o->code, o->name, o->kind);
            if (o->n_areas) {
                out_html(b, HTML("<span>"));
                for (size_t k = 0; k < o->n_areas; k++)
                    OUTF(b, "%s%s", k ? ", " : "", o->areas[k].name);
                out_html(b, HTML("</span>"));
            }
            OUTF(b, "</p>\n<p class=\"nl-paragraph\">%s</p>\n", *o->offer ? o->offer : o->description);
            if (o->n_help_kinds) {
                out_html(b, HTML("<div class=\"wijzer-card__footer\">"));
                for (size_t k = 0; k < o->n_help_kinds; k++)
                    OUTF(b, "<data class=\"nl-data-badge\" value=\"%s\">%s</data> ", o->help_kinds[k].code,
                         o->help_kinds[k].name);
                out_html(b, HTML("</div>\n"));
            }
            out_html(b, HTML("</li>\n"));
        }
        out_html(b, HTML("</ul>\n"));
    }
    pagination(r, &f, pg.total);
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* GET /organisaties/{code}                                            */
/* ------------------------------------------------------------------ */

void page_organisation(Request *r)
{
    Organisation o;
    Status s = directory_organisation(&r->ctx, r->params[0], &o);
    if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
        return;
    }
    Buf *b = &r->out;
    int member = r->ctx.user && directory_is_member(&r->ctx, o.code, r->ctx.user->id);
    page_begin(r, o.name, "wiehelpt");
    web_breadcrumb(r, "/organisaties", "Organisaties", arena_printf(r->arena, "/organisaties/%s", o.code), o.name,
                   NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n<p class=\"nl-paragraph nl-paragraph--lead\">%s"
            "</p>\n",
         o.name, o.description);
    out_html(b, HTML("<dl class=\"utrecht-data-list utrecht-data-list--rows\">\n"));
    dw_fact(r, "Soort organisatie", o.kind);
    dw_fact_html_begin(r, "Wijken");
    if (!o.n_areas)
        out_html(b, HTML("De hele gemeente"));
    for (size_t k = 0; k < o.n_areas; k++)
        OUTF(b, "%s%s", k ? ", " : "", o.areas[k].name);
    dw_fact_html_end(r);
    if (o.n_themes) {
        dw_fact_html_begin(r, "Thema's");
        for (size_t k = 0; k < o.n_themes; k++)
            OUTF(b, "%s%s", k ? ", " : "", o.themes[k].name);
        dw_fact_html_end(r);
    }
    out_html(b, HTML("</dl>\n<h2 class=\"nl-heading nl-heading--level-2\">Waarmee wij kunnen helpen</h2>\n"));
    if (o.n_help_kinds) {
        out_html(b, HTML("<ul>\n"));
        for (size_t k = 0; k < o.n_help_kinds; k++)
            OUTF(b, "<li>%s</li>\n", o.help_kinds[k].name);
        out_html(b, HTML("</ul>\n"));
    }
    if (*o.offer)
        dw_text(r, o.offer);
    else if (!o.n_help_kinds)
        out_html(b, HTML("<p class=\"nl-paragraph\">Dat heeft de organisatie nog niet beschreven.</p>\n"));
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Contact</h2>\n"));
    if (*o.contact)
        dw_text(r, o.contact);
    else
        out_html(b, HTML("<p class=\"nl-paragraph\">De organisatie heeft nog niet beschreven hoe u haar bereikt. "
                         "Vraag het bij de gemeente: bel 14 070.</p>\n"));
    if (*o.website) {
        out_html(b, HTML("<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\""));
        out_url(b, o.website);
        OUTF(b, "\">Website van %s</a></p>\n", o.name);
    }
    Place *places = NULL;
    size_t np = 0;
    if (directory_places(&r->ctx, o.code, &places, &np) == STATUS_OK && np) {
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Plekken</h2>\n<ul class=\"wijzer-cards\">\n"));
        for (size_t i = 0; i < np; i++)
            dw_place_card(r, &places[i]);
        out_html(b, HTML("</ul>\n"));
    }
    web_connected_initiatives(r, 1, o.code);
    web_market_org_section(r, o.code);
    if (directory_may_edit_organisation(r->ctx.user, member)) {
        CodeName *m = NULL;
        size_t nm = 0;
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\">Voor leden</h2>\n"));
        if (directory_members(&r->ctx, o.code, &m, &nm) == STATUS_OK) {
            out_html(b, HTML("<p class=\"nl-paragraph\">Leden die deze pagina bijhouden: "));
            if (!nm)
                out_html(b, HTML("nog niemand"));
            for (size_t i = 0; i < nm; i++)
                OUTF(b, "%s%s", i ? ", " : "", m[i].name);
            out_html(b, HTML(". Alleen leden en beheerders zien dit.</p>\n"));
        }
        out_html(b, HTML("<p class=\"wijzer-actions\">"));
        dw_link_button(r, arena_printf(r->arena, "/organisaties/%s/bewerken", o.code), "Pagina en leden aanpassen");
        out_html(b, HTML("</p>\n"));
    }
    page_end(r);
}

/* ------------------------------------------------------------------ */
/* The form: edit (code set) or register (code NULL)                    */
/* ------------------------------------------------------------------ */

/* The member form on the edit page, as sent when it failed. */
typedef struct MemberForm {
    FieldErrors errors;
    const char *email;
} MemberForm;

static const char *member_field_id(Arena *a, const char *field)
{
    (void)a;
    return strcmp(field, "email") == 0 ? "member-email" : NULL;
}

/* Members and admins only (the edit page checked): the members by name,
 * never their e-mail addresses; add one by e-mail address; remove one
 * (not the last); leave. */
static void members_section(Request *r, const Organisation *o, const MemberForm *mf)
{
    Buf *b = &r->out;
    CodeName *m = NULL;
    size_t n = 0;
    if (directory_members(&r->ctx, o->code, &m, &n) != STATUS_OK)
        return;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"leden\">Leden</h2>\n"
                     "<p class=\"nl-paragraph\">Leden houden deze pagina bij en treden op namens de organisatie. "
                     "Alleen leden en beheerders zien deze lijst.</p>\n"));
    if (!n)
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen leden.</p>\n"));
    else
        out_html(b, HTML("<ul class=\"wijzer-cards\">\n"));
    for (size_t i = 0; i < n; i++) {
        int64_t id = 0;
        parse_int64(m[i].code, &id);
        int self = r->ctx.user && r->ctx.user->id == id;
        OUTF(b, "<li class=\"wijzer-card\">\n<p class=\"nl-paragraph\">%s%s</p>\n", m[i].name, self ? " (u)" : "");
        if (n > 1) {
            OUTF(b, "<form method=\"post\" action=\"/organisaties/%s/leden/%lld/weghalen\">\n", o->code, (long long)id);
            form_csrf(r);
            if (self)
                out_html(b, HTML("<button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                                 "<span class=\"nl-button__label\">Uit de organisatie stappen</span></button>\n"));
            else
                OUTF(b, "<button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                        "<span class=\"nl-button__label\">"
                        "Weghalen<span class=\"wijzer-visually-hidden\"> %s als lid</span></span></button>\n",
                     m[i].name);
            out_html(b, HTML("</form>\n"));
        }
        out_html(b, HTML("</li>\n"));
    }
    if (n)
        out_html(b, HTML("</ul>\n"));
    if (n == 1)
        out_html(b, HTML("<p class=\"nl-paragraph wijzer-muted\">Een organisatie houdt minstens één lid. Voeg eerst "
                         "iemand toe als u zelf wilt stoppen.</p>\n"));
    OUTF(b, "<h3 class=\"nl-heading nl-heading--level-3\">Lid toevoegen</h3>\n"
            "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/organisaties/%s/leden\" novalidate>\n",
         o->code);
    form_csrf(r);
    form_text(r, &(Field){ .id = "member-email", .name = "email", .label = "E-mailadres", .type = "email",
                           .autocomplete = "off",
                           .hint = "Het e-mailadres waarmee de persoon een account heeft op deze website.",
                           .value = mf ? mf->email : NULL, .error = mf ? errors_get(&mf->errors, "email") : NULL });
    out_html(b, HTML("<div class=\"wijzer-actions\"><button class=\"nl-button nl-button--secondary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Lid toevoegen</span></button></div>\n</form>\n"));
}

static void org_form_m(Request *r, const Organisation *o, const OrganisationInput *in, const FieldErrors *e,
                       const MemberForm *mf)
{
    Buf *b = &r->out;
    static const FieldErrors none = { 0 };
    const FieldErrors *form_errors = mf && mf->errors.n ? &none : e;
    if (mf && mf->errors.n)
        e = &mf->errors; /* the title and summary speak of the member form */
    const char *title = o ? arena_printf(r->arena, "%s aanpassen", o->name) : "Organisatie aanmelden";
    page_begin(r, form_title(r, title, e), "wiehelpt");
    if (o)
        web_breadcrumb(r, "/organisaties", "Organisaties", arena_printf(r->arena, "/organisaties/%s", o->code),
                       o->name, arena_printf(r->arena, "/organisaties/%s/bewerken", o->code), "Aanpassen", NULL);
    else
        web_breadcrumb(r, "/organisaties", "Organisaties", "/organisaties/nieuw", "Aanmelden", NULL);
    OUTF(b, "<h1 class=\"nl-heading nl-heading--level-1\">%s</h1>\n", title);
    out_html(b, o ? HTML("<p class=\"nl-paragraph\">Alles op deze pagina is openbaar.</p>\n")
                  : HTML("<p class=\"nl-paragraph\">Meld uw vereniging, stichting, bedrijf of bewonersgroep aan. "
                         "U wordt zelf lid en kunt de pagina daarna altijd aanpassen. Alles op de pagina is "
                         "openbaar.</p>\n"));
    form_error_summary(r, e, mf && mf->errors.n ? member_field_id : dw_field_id);
    e = form_errors;
    if (o)
        OUTF(b, "<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/organisaties/%s\" novalidate>\n",
             o->code);
    else
        out_html(b, HTML("<form class=\"utrecht-form wijzer-flow\" method=\"post\" action=\"/organisaties\" "
                         "novalidate>\n"));
    form_csrf(r);
    form_text(r, &(Field){ .id = "name", .label = "Naam", .required = 1, .value = in->name,
                           .error = errors_get(e, "name") });
    form_text(r, &(Field){ .id = "kind", .label = "Wat voor organisatie?", .required = 1, .value = in->kind,
                           .hint = "Bijvoorbeeld: vereniging, stichting, bedrijf, bewonersgroep.",
                           .error = errors_get(e, "kind") });
    form_textarea(r, &(Field){ .id = "description", .label = "Wat doet uw organisatie?", .required = 1, .rows = 4,
                               .value = in->description, .error = errors_get(e, "description") });
    form_textarea(r, &(Field){ .id = "offer", .label = "Wat kunt u bieden aan initiatieven?", .optional = 1,
                               .rows = 4, .value = in->offer, .error = errors_get(e, "offer") });
    size_t nh, nt, nw;
    Option *help = dw_options(r, 'h', &nh), *themes = dw_options(r, 't', &nt), *wijken = dw_options(r, 'w', &nw);
    form_checkboxes(r, &(Field){ .id = "help_kinds", .label = "Waarmee kunt u helpen?", .optional = 1,
                                 .error = errors_get(e, "help_kinds") },
                    help, nh, in->help_kinds, in->n_help_kinds);
    form_checkboxes(r, &(Field){ .id = "themes", .label = "Thema's", .optional = 1, .error = errors_get(e, "themes") },
                    themes, nt, in->themes, in->n_themes);
    form_checkboxes(r, &(Field){ .id = "areas", .label = "In welke wijken bent u actief?", .optional = 1,
                                 .hint = "Kies geen wijk als u in de hele gemeente actief bent.",
                                 .error = errors_get(e, "areas") },
                    wijken, nw, in->areas, in->n_areas);
    form_textarea(r, &(Field){ .id = "contact", .label = "Hoe kunnen mensen u bereiken?", .optional = 1, .rows = 3,
                               .hint = "Bijvoorbeeld een algemeen telefoonnummer, e-mailadres of inloopuur. Dit is "
                                       "openbaar: geef geen privégegevens.",
                               .value = in->contact, .error = errors_get(e, "contact") });
    form_text(r, &(Field){ .id = "website", .label = "Website", .optional = 1, .type = "url", .value = in->website,
                           .css = "utrecht-textbox--url", .error = errors_get(e, "website") });
    dw_button(r, o ? "Opslaan" : "Aanmelden");
    out_html(b, HTML("</form>\n"));
    if (o)
        members_section(r, o, mf);
    page_end(r);
}

static void org_form(Request *r, const Organisation *o, const OrganisationInput *in, const FieldErrors *e)
{
    org_form_m(r, o, in, e, NULL);
}

static OrganisationInput input_of(Request *r)
{
    OrganisationInput in = { .name = dw_arg(r, "name"), .kind = dw_arg(r, "kind"),
                             .description = dw_arg(r, "description"), .offer = dw_arg(r, "offer"),
                             .contact = dw_arg(r, "contact"), .website = dw_arg(r, "website") };
    const char **t = arena_alloc(r->arena, 3 * (DIR_CHOICES_MAX + 1) * sizeof *t);
    in.themes = t;
    in.help_kinds = t + DIR_CHOICES_MAX + 1;
    in.areas = t + 2 * (DIR_CHOICES_MAX + 1);
    in.n_themes = dw_args(r, "themes", in.themes, DIR_CHOICES_MAX + 1);
    in.n_help_kinds = dw_args(r, "help_kinds", in.help_kinds, DIR_CHOICES_MAX + 1);
    in.n_areas = dw_args(r, "areas", in.areas, DIR_CHOICES_MAX + 1);
    return in;
}

static int load_editable(Request *r, Organisation *o)
{
    Status s = directory_organisation(&r->ctx, r->params[0], o);
    if (s == STATUS_OK
        && !directory_may_edit_organisation(r->ctx.user, directory_is_member(&r->ctx, o->code, r->ctx.user->id)))
        s = ERR_FORBIDDEN;
    if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
        return 0;
    }
    return 1;
}

void page_organisation_edit(Request *r)
{
    Organisation o;
    if (!load_editable(r, &o))
        return;
    OrganisationInput in = { .name = o.name, .kind = o.kind, .description = o.description, .offer = o.offer,
                             .contact = o.contact, .website = o.website,
                             .themes = dw_codes(r, o.themes, o.n_themes), .n_themes = o.n_themes,
                             .help_kinds = dw_codes(r, o.help_kinds, o.n_help_kinds), .n_help_kinds = o.n_help_kinds,
                             .areas = dw_codes(r, o.areas, o.n_areas), .n_areas = o.n_areas };
    org_form(r, &o, &in, &(FieldErrors){ 0 });
}

void page_organisation_update(Request *r)
{
    Organisation o;
    if (!load_editable(r, &o))
        return;
    OrganisationInput in = input_of(r);
    FieldErrors e = { 0 };
    Status s = directory_organisation_update(&r->ctx, o.code, &in, &e);
    if (s == ERR_INVALID) {
        r->status = 422;
        org_form(r, &o, &in, &e);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
    } else {
        flash_set(r, "opgeslagen");
        resp_redirect(r, arena_printf(r->arena, "/organisaties/%s", o.code));
    }
}

void page_organisation_new(Request *r)
{
    org_form(r, NULL, &(OrganisationInput){ 0 }, &(FieldErrors){ 0 });
}

void page_organisation_create(Request *r)
{
    OrganisationInput in = input_of(r);
    FieldErrors e = { 0 };
    const char *code = NULL;
    Status s = directory_organisation_create(&r->ctx, &in, &e, &code);
    if (s == ERR_INVALID) {
        r->status = 422;
        org_form(r, NULL, &in, &e);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
    } else {
        flash_set(r, "organisatie");
        resp_redirect(r, arena_printf(r->arena, "/organisaties/%s", code));
    }
}

/* ------------------------------------------------------------------ */
/* POST /organisaties/{code}/leden and …/leden/{id}/weghalen            */
/* ------------------------------------------------------------------ */

static OrganisationInput input_of_org(Request *r, const Organisation *o)
{
    return (OrganisationInput){ .name = o->name, .kind = o->kind, .description = o->description, .offer = o->offer,
                                .contact = o->contact, .website = o->website,
                                .themes = dw_codes(r, o->themes, o->n_themes), .n_themes = o->n_themes,
                                .help_kinds = dw_codes(r, o->help_kinds, o->n_help_kinds),
                                .n_help_kinds = o->n_help_kinds, .areas = dw_codes(r, o->areas, o->n_areas),
                                .n_areas = o->n_areas };
}

void page_organisation_member_add(Request *r)
{
    Organisation o;
    if (!load_editable(r, &o))
        return;
    MemberForm mf = { .email = dw_arg(r, "email") };
    Status s = directory_member_add_by_email(&r->ctx, o.code, mf.email, &mf.errors, NULL);
    if (s == ERR_INVALID) {
        r->status = 422;
        OrganisationInput in = input_of_org(r, &o);
        org_form_m(r, &o, &in, &(FieldErrors){ 0 }, &mf);
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
    } else {
        flash_set(r, "lid_erbij");
        resp_redirect(r, arena_printf(r->arena, "/organisaties/%s/bewerken#leden", o.code));
    }
}

void page_organisation_member_remove(Request *r)
{
    Organisation o;
    if (!load_editable(r, &o))
        return;
    int64_t id = 0;
    if (!r->params[1] || !parse_int64(r->params[1], &id) || id <= 0) {
        dw_status_page(r, ERR_NOT_FOUND, "dit lid");
        return;
    }
    Status s = directory_member_remove(&r->ctx, o.code, id);
    if (s == ERR_CONFLICT) {
        web_error(r, 409, "Een organisatie houdt minstens één lid. Voeg eerst iemand anders toe als lid.");
    } else if (s == ERR_NOT_FOUND) {
        web_error(r, 404, "Deze persoon is geen lid (meer) van deze organisatie.");
    } else if (s != STATUS_OK) {
        dw_status_page(r, s, "deze organisatie");
    } else if (r->ctx.user->id == id) {
        flash_set(r, "lid_af");
        resp_redirect(r, arena_printf(r->arena, "/organisaties/%s", o.code));
    } else {
        flash_set(r, "lid_weg");
        resp_redirect(r, arena_printf(r->arena, "/organisaties/%s/bewerken#leden", o.code));
    }
}
