/* The Wegwijzer page, "Waar kunt u waarvoor terecht?" (/wegwijzer): three
 * short questions in a GET form that works without JavaScript (what kind
 * of help, about what, where; each may be "Maakt niet uit"), and with the
 * answers the funds, organisations, places and officials that fit, best
 * first, each with why it fits and how to reach it. Plain Dutch (B1) and
 * large choices, for every resident. Officials are shown with a link to
 * their public profile only. The ranking is domain/wegwijzer.c's. */
#include <string.h>

#include "domain/reference.h"
#include "domain/wegwijzer.h"
#include "lib/text.h"
#include "web/directory_web.h"

/* One answer choice: a large box with the radio button, its label and
 * an explanation in plain words under it (part of the label, so a click
 * anywhere in the box chooses it). */
static void choice(Request *r, const char *group, const char *name, const char *value, const char *label,
                   const char *hint, int checked)
{
    Buf *b = &r->out;
    const char *id = form_choice_id(r->arena, group, *value ? value : "geen");
    OUTF(b, "<div class=\"utrecht-form-field utrecht-form-field--radio wijzer-choice\">\n"
            "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-radio-button "
            "utrecht-radio-button--html-input\" type=\"radio\" id=\"%s\" name=\"%s\" value=\"%s\"%s></div>\n"
            "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--radio\" "
            "for=\"%s\">%s",
         id, name, value, checked ? " checked" : "", id, label);
    if (hint && *hint)
        OUTF(b, "<span class=\"wijzer-choice__hint\">%s</span>", hint);
    out_html(b, HTML("</label></div>\n</div>\n"));
}

/* A question: a fieldset with "Maakt niet uit" first, then the choices;
 * with_hints: the description under each (help kinds; a theme's
 * description is its English name, so not for themes). */
static void question(Request *r, const char *id, const char *name, const char *legend, const char *hint,
                     const char *error, const CodeName *v, const Area *areas, size_t n, const char *value,
                     int with_hints)
{
    Buf *b = &r->out;
    form_fieldset_begin(r, &(Field){ .id = id, .label = legend, .hint = hint, .error = error });
    out_html(b, HTML("<div class=\"wijzer-choices\">\n"));
    choice(r, id, name, "", "Maakt niet uit", NULL, !value || !*value);
    for (size_t i = 0; i < n; i++) {
        if (areas && strcmp(areas[i].kind, "wijk") != 0)
            continue;
        const char *code = areas ? areas[i].code : v[i].code;
        choice(r, id, name, code, areas ? areas[i].name : v[i].name,
               areas ? areas[i].town : with_hints ? v[i].description : NULL, value && strcmp(value, code) == 0);
    }
    out_html(b, HTML("</div>\n"));
    form_fieldset_end(r);
}

/* "Waarom dit past": the reasons as badges. */
static void reasons(Request *r, const WegwijzerWhy *w)
{
    if (!w->n_reasons)
        return;
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"wijzer-badges\"><span class=\"wijzer-why__label\">Past omdat:</span> "));
    for (size_t i = 0; i < w->n_reasons; i++)
        OUTF(b, "<span class=\"nl-data-badge\">%s</span> ", w->reasons[i]);
    out_html(b, HTML("</p>\n"));
}

static void card_begin(Request *r, const char *href, const char *name, const char *meta)
{
    Buf *b = &r->out;
    out_html(b, HTML("<li class=\"wijzer-card\">\n<h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
                     "href=\""));
    out_url(b, href);
    OUTF(b, "\">%s</a></h3>\n", name);
    if (meta && *meta)
        OUTF(b, "<p class=\"wijzer-card__meta\"><span>%s</span></p>\n", meta);
}

/* "Zo bereikt u ze": the contact route as text, then links. */
static void how(Request *r, const char *contact, const char *website, const char *href, const char *link_label)
{
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"nl-paragraph\"><strong>Zo komt u in contact:</strong> "));
    if (contact && *contact)
        OUTF(b, "%s ", contact);
    out_html(b, HTML("<a class=\"nl-link\" href=\""));
    out_url(b, href);
    OUTF(b, "\">%s</a>", link_label);
    if (website && *website) {
        out_html(b, HTML(" · <a class=\"nl-link\" href=\""));
        out_url(b, website);
        out_html(b, HTML("\">Website</a>"));
    }
    out_html(b, HTML("</p>\n"));
}

static void section_begin(Request *r, const char *id, const char *title, const char *intro)
{
    OUTF(&r->out, "<section class=\"wijzer-flow\" aria-labelledby=\"%s\">\n<h2 class=\"nl-heading "
                  "nl-heading--level-2\" id=\"%s\">%s</h2>\n<p class=\"nl-paragraph\">%s</p>\n<ul class=\"wijzer-cards\">\n",
         id, id, title, intro);
}

static void section_end(Request *r)
{
    out_html(&r->out, HTML("</ul>\n</section>\n"));
}

static void show_funds(Request *r, const WegwijzerResult *w)
{
    if (!w->n_funds)
        return;
    section_begin(r, "ww-fondsen", "Geld uit een fonds", "Voor uw initiatief kunt u geld aanvragen.");
    for (size_t i = 0; i < w->n_funds; i++) {
        const Fund *f = &w->funds[i].fund;
        const char *href = arena_printf(r->arena, "/fondsen/%s", f->code);
        card_begin(r, href, f->name,
                   f->max_amount_cents > 0
                       ? arena_printf(r->arena, "Tot %s per aanvraag", format_euros(r->arena, f->max_amount_cents))
                       : NULL);
        if (f->description && *f->description)
            OUTF(&r->out, "<p class=\"nl-paragraph\">%s</p>\n", f->description);
        reasons(r, &w->funds[i].why);
        how(r, "U vraagt het geld aan vanaf de pagina van uw initiatief.", NULL, href, "Lees hoe het werkt");
        out_html(&r->out, HTML("</li>\n"));
    }
    section_end(r);
}

static void show_organisations(Request *r, const WegwijzerResult *w)
{
    if (!w->n_organisations)
        return;
    section_begin(r, "ww-organisaties", "Organisaties", "Verenigingen, stichtingen en andere groepen die kunnen "
                                                        "helpen. De beste eerst.");
    for (size_t i = 0; i < w->n_organisations; i++) {
        const Organisation *o = &w->organisations[i].org;
        const char *href = arena_printf(r->arena, "/organisaties/%s", o->code);
        card_begin(r, href, o->name, o->kind);
        OUTF(&r->out, "<p class=\"nl-paragraph\">%s</p>\n", *o->offer ? o->offer : o->description);
        reasons(r, &w->organisations[i].why);
        how(r, o->contact, o->website, href, "Meer over deze organisatie");
        out_html(&r->out, HTML("</li>\n"));
    }
    section_end(r);
}

static void show_places(Request *r, const WegwijzerResult *w)
{
    if (!w->n_places)
        return;
    section_begin(r, "ww-plekken", "Plekken in de buurt", "Hier kunt u binnenlopen, mensen ontmoeten of een "
                                                          "ruimte vragen.");
    for (size_t i = 0; i < w->n_places; i++) {
        const Place *p = &w->places[i].place;
        const char *href = arena_printf(r->arena, "/plekken/%s", p->code);
        card_begin(r, href, p->name, p->kind);
        if (*p->activities)
            OUTF(&r->out, "<p class=\"nl-paragraph\">%s</p>\n", p->activities);
        reasons(r, &w->places[i].why);
        const char *contact =
            *p->address ? arena_printf(r->arena, "Adres: %s.", p->address) : arena_printf(r->arena, "In %s.", p->town);
        if (p->organisation_name)
            contact = arena_printf(r->arena, "%s Beheerd door %s.", contact, p->organisation_name);
        how(r, contact, NULL, href, "Meer over deze plek");
        out_html(&r->out, HTML("</li>\n"));
    }
    section_end(r);
}

static void show_officials(Request *r, const WegwijzerResult *w)
{
    if (!w->n_officials)
        return;
    section_begin(r, "ww-ambtenaren", "Mensen bij de gemeente", "Deze medewerkers van de gemeente weten veel van "
                                                                "uw onderwerp of uw wijk.");
    for (size_t i = 0; i < w->n_officials; i++) {
        const Official *o = &w->officials[i].official;
        const char *href = arena_printf(r->arena, "/ambtenaren#ambtenaar-%lld", (long long)o->id);
        card_begin(r, href, o->name, "Gemeente");
        if (*o->expertise)
            OUTF(&r->out, "<p class=\"nl-paragraph\">%s</p>\n", o->expertise);
        reasons(r, &w->officials[i].why);
        how(r, "Noem deze naam als u de gemeente belt of schrijft.", NULL, href, "Bekijk het profiel");
        out_html(&r->out, HTML("</li>\n"));
    }
    section_end(r);
}

static void results(Request *r, const WegwijzerResult *w, const char *need)
{
    Buf *b = &r->out;
    out_html(b, HTML("<section class=\"wijzer-flow wijzer-ww-results\" aria-labelledby=\"ww-uitkomst\">\n"
                     "<h2 class=\"nl-heading nl-heading--level-2\" id=\"ww-uitkomst\">Wie kan u helpen?</h2>\n"
                     "<p class=\"nl-paragraph\">U zocht: "));
    int first = 1;
    const char *parts[] = { w->need_name, w->theme_name, w->area_name };
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        OUTF(b, "%s<strong>%s</strong>", first ? "" : " · ", parts[i]);
        first = 0;
    }
    out_html(b, HTML(". <a class=\"nl-link\" href=\"#ww-vragen\">Andere antwoorden kiezen</a></p>\n"));
    size_t total = w->n_funds + w->n_organisations + w->n_places + w->n_officials;
    if (!total) {
        OUTF(b, "<div class=\"utrecht-alert utrecht-alert--info\" role=\"status\"><div class=\"utrecht-alert__content\">"
                "<div class=\"utrecht-alert__message wijzer-flow\">\n"
                "<p class=\"nl-paragraph\"><strong>Niets gevonden dat precies past.</strong></p>\n"
                "<p class=\"nl-paragraph\">Kies bij een van de vragen ‘Maakt niet uit’ en probeer het nog eens. Of "
                "neem contact op met de gemeente %s: <a class=\"nl-link\" href=\"/ambtenaren\">zij helpen u op weg"
                "</a>. Op <a class=\"nl-link\" href=\"/wie-helpt\">Wie kan helpen?</a> staan alle organisaties, "
                "plekken en medewerkers.</p>\n</div></div></div>\n",
             r->ctx.tenant->name);
    } else {
        /* Money first when money is what is needed. */
        if (need && strcmp(need, "geld") == 0)
            show_funds(r, w);
        show_organisations(r, w);
        show_places(r, w);
        show_officials(r, w);
        if (!need || strcmp(need, "geld") != 0)
            show_funds(r, w);
        out_html(b, HTML("<p class=\"nl-paragraph\">Niet gevonden wat u zoekt? Kijk bij <a class=\"nl-link\" "
                         "href=\"/wie-helpt\">Wie kan helpen?</a> voor alle organisaties, plekken en medewerkers "
                         "van de gemeente.</p>\n"));
    }
    out_html(b, HTML("</section>\n"));
}

/* GET /wegwijzer?hulp=&thema=&wijk= */
void page_wegwijzer(Request *r)
{
    const char *need = dw_arg(r, "hulp"), *theme = dw_arg(r, "thema"), *area = dw_arg(r, "wijk");
    WegwijzerResult w;
    FieldErrors e = { 0 };
    Status s = wegwijzer_find(&r->ctx, &(WegwijzerQuery){ need, theme, area }, &w, &e);
    if (s != STATUS_OK && s != ERR_INVALID) {
        dw_status_page(r, s, "de wegwijzer");
        return;
    }
    CodeName *kinds = NULL, *themes = NULL;
    Area *areas = NULL;
    size_t nk = 0, nt = 0, na = 0;
    if (reference_help_kinds(&r->ctx, &kinds, &nk) != STATUS_OK || reference_themes(&r->ctx, &themes, &nt) != STATUS_OK
        || reference_areas(&r->ctx, &areas, &na) != STATUS_OK) {
        dw_status_page(r, ERR_INTERNAL, "");
        return;
    }
    Buf *b = &r->out;
    if (s == ERR_INVALID)
        r->status = 422;
    page_begin(r, s == ERR_INVALID ? "Fout: Waar kunt u waarvoor terecht?" : "Waar kunt u waarvoor terecht?",
               "wiehelpt");
    web_breadcrumb(r, "/wegwijzer", "Waar kunt u terecht?", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Waar kunt u waarvoor terecht?</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Beantwoord drie korte vragen. Dan ziet u wie u kan "
                     "helpen: een organisatie, een plek in de buurt, een fonds of iemand van de gemeente. U mag een "
                     "vraag overslaan.</p>\n"));
    if (s == ERR_INVALID) {
        out_html(b, HTML("<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><div "
                         "class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">\n"
                         "<p class=\"nl-paragraph\"><strong>Een antwoord klopt niet.</strong></p>\n<ul>\n"));
        for (size_t i = 0; i < e.n; i++)
            OUTF(b, "<li>%s</li>\n", e.message[i]);
        out_html(b, HTML("</ul>\n<p class=\"nl-paragraph\">Kies hieronder opnieuw.</p>\n</div></div></div>\n"));
        need = errors_get(&e, "need") ? NULL : need;
        theme = errors_get(&e, "theme") ? NULL : theme;
        area = errors_get(&e, "area") ? NULL : area;
    } else if (w.asked) {
        results(r, &w, need);
    }
    out_html(b, HTML("<form class=\"wijzer-flow wijzer-ww-form\" method=\"get\" action=\"/wegwijzer\" "
                     "id=\"ww-vragen\" aria-labelledby=\"ww-vragen-kop\">\n"));
    out_html(b, w.asked && s == STATUS_OK
                    ? HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"ww-vragen-kop\">Andere antwoorden "
                           "kiezen</h2>\n")
                    : HTML("<h2 class=\"nl-heading nl-heading--level-2 wijzer-visually-hidden\" id=\"ww-vragen-kop\">"
                           "De drie vragen</h2>\n"));
    question(r, "ww-hulp", "hulp", "1. Wat hebt u nodig?", "Kies de soort hulp die u zoekt.",
             errors_get(&e, "need"), kinds, NULL, nk, need, 1);
    question(r, "ww-thema", "thema", "2. Waar gaat uw idee over?", "Kies het onderwerp dat het best past.",
             errors_get(&e, "theme"), themes, NULL, nt, theme, 0);
    question(r, "ww-wijk", "wijk", "3. In welke wijk?", "Kies de wijk waar uw idee speelt.", errors_get(&e, "area"),
             NULL, areas, na, area, 1);
    out_html(b, HTML("<div class=\"wijzer-actions\"><button class=\"nl-button nl-button--primary\" type=\"submit\">"
                     "<span class=\"nl-button__label\">Laat zien wie kan helpen</span></button></div>\n</form>\n"));
    page_end(r);
}
