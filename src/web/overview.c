/* "Overzicht van de gemeente" (GET /overzicht): the municipality's
 * transparency page. Per wijk a schematic map drawn here as SVG (each
 * wijk a tile, darker with more initiatives, each tile a link to the
 * list of that wijk's initiatives) with a table beside it that holds the
 * same numbers, and per municipal goal the initiatives connected to it.
 * Public. No JavaScript; colour is never the only carrier: every tile
 * prints its number, and the table says it all in words. Markup from
 * docs/markup.md (sections 8, 11, 13 and 17). */
#include <stdio.h>
#include <string.h>

#include "domain/overview.h"
#include "domain/process.h"
#include "web/pages.h"

/* ------------------------------------------------------------------ */
/* Numbers and the colour scale                                        */
/* ------------------------------------------------------------------ */

/* 12345 → "12.345" */
static const char *count_text(Arena *a, int64_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", (long long)(n < 0 ? -n : n));
    char *s = arena_alloc(a, (size_t)len + (size_t)len / 3 + 2);
    size_t k = 0;
    if (n < 0)
        s[k++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            s[k++] = '.';
        s[k++] = digits[i];
    }
    s[k] = 0;
    return s;
}

/* A sequential scale in the municipality's green, light to dark: one
 * hue, so it reads the same with any kind of colour blindness. The label
 * colour keeps at least 4.5:1 on each step (dark text on the light
 * three, white on the dark two). */
enum { SCALE_STEPS = 5 };
static const char *const scale_fill[SCALE_STEPS] = { "#f2faf5", "#c4e9d4", "#8fd0ad", "#1d7f4f", "#0b4a2f" };
static const char *const scale_ink[SCALE_STEPS] = { "#062a1a", "#062a1a", "#062a1a", "#ffffff", "#ffffff" };

/* Step 0 is "none"; steps 1–4 split the wijken's own range lo..hi (the
 * fewest and most initiatives of a wijk that has any) in four, so the map
 * shows the differences between wijken also when all have thousands: the
 * fewest get step 1, the most step 4, the rest the step nearest their
 * place in between. upper[k] is the highest number of step k (upper[0]
 * is lo - 1); a step can be empty when the range is small. */
static void scale_bounds(int64_t lo, int64_t hi, int64_t upper[SCALE_STEPS])
{
    int64_t d = hi - lo, steps = SCALE_STEPS - 1;
    upper[0] = lo - 1;
    for (int k = 1; k < SCALE_STEPS; k++) /* n is in step k when round((n - lo) * 3 / d) = k - 1 */
        upper[k] = k == SCALE_STEPS - 1 || d == 0 ? hi : lo + (d * (2 * k - 1) + 2 * (steps - 1) - 1) / (2 * (steps - 1)) - 1;
    if (d == 0) /* one number for all: the darkest step */
        for (int k = 1; k < SCALE_STEPS - 1; k++)
            upper[k] = lo - 1;
}

static int scale_step(int64_t n, const int64_t upper[SCALE_STEPS])
{
    if (n <= 0)
        return 0;
    for (int k = 1; k < SCALE_STEPS; k++)
        if (n <= upper[k])
            return k;
    return SCALE_STEPS - 1;
}

/* ------------------------------------------------------------------ */
/* The map                                                             */
/* ------------------------------------------------------------------ */

enum { TILE_W = 140, TILE_H = 100, TILE_GAP = 8, GRID_COLUMNS = 3 };

/* Where the wijken of Leidschendam-Voorburg lie, roughly, as tiles of a
 * 3 × 4 grid: Stompwijk (large and rural, two tiles high) in the
 * north-east, Leidschendam in the north, Voorburg in the south-west
 * (towards Den Haag). Three columns, not more, so the labels stay
 * readable at phone width. Another municipality's wijken, or a wijk
 * added later, get a plain grid instead. */
static const struct {
    const char *code;
    int col, row, rows;
} lv_tiles[] = {
    { "leidschendam-noord", 1, 0, 1 },   { "stompwijk", 2, 0, 2 },
    { "leidschendam-centrum", 0, 1, 1 }, { "leidschendam-zuid", 1, 1, 1 },
    { "voorburg-midden", 0, 2, 1 },      { "voorburg-noord", 1, 2, 1 },
    { "voorburg-west", 0, 3, 1 },        { "oud-voorburg", 1, 3, 1 },
};

static int lv_tile(const char *code, int *col, int *row, int *rows)
{
    for (size_t i = 0; i < sizeof lv_tiles / sizeof *lv_tiles; i++)
        if (strcmp(lv_tiles[i].code, code) == 0) {
            *col = lv_tiles[i].col;
            *row = lv_tiles[i].row;
            *rows = lv_tiles[i].rows;
            return 1;
        }
    return 0;
}

/* A name on at most two lines: split at the space or after the hyphen
 * nearest the middle when it is long ("Leidschendam-" "Centrum"). */
static void name_lines(Arena *a, const char *name, const char **first, const char **second)
{
    size_t len = strlen(name), best = 0, mid = len / 2;
    *first = name;
    *second = NULL;
    if (len <= 11)
        return;
    for (size_t i = 1; i + 1 < len; i++) {
        size_t cut = name[i] == '-' ? i + 1 : name[i] == ' ' ? i : 0;
        if (cut && (!best || (cut > mid ? cut - mid : mid - cut) < (best > mid ? best - mid : mid - best)))
            best = cut;
    }
    if (!best)
        return;
    *first = arena_printf(a, "%.*s", (int)best, name);
    *second = name + best + (name[best] == ' ');
}

static const char *initiatives_words(Arena *a, int64_t n)
{
    return arena_printf(a, "%s %s", count_text(a, n), n == 1 ? "initiatief" : "initiatieven");
}

static void map_svg(Request *r, const Overview *o, const int64_t upper[SCALE_STEPS])
{
    Buf *b = &r->out;
    int *col = arena_alloc(r->arena, (o->n_areas + 1) * sizeof *col);
    int *row = arena_alloc(r->arena, (o->n_areas + 1) * sizeof *row);
    int *span = arena_alloc(r->arena, (o->n_areas + 1) * sizeof *span);
    int known = o->n_areas > 0, cols = 0, rows = 0;
    for (size_t i = 0; i < o->n_areas && known; i++)
        known = lv_tile(o->areas[i].code, &col[i], &row[i], &span[i]);
    for (size_t i = 0; i < o->n_areas; i++) {
        if (!known) {
            col[i] = (int)(i % GRID_COLUMNS);
            row[i] = (int)(i / GRID_COLUMNS);
            span[i] = 1;
        }
        if (col[i] + 1 > cols)
            cols = col[i] + 1;
        if (row[i] + span[i] > rows)
            rows = row[i] + span[i];
    }
    int width = cols * (TILE_W + TILE_GAP) - TILE_GAP, height = rows * (TILE_H + TILE_GAP) - TILE_GAP;
    OUTF(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wijzer-map__svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
            "height=\"%d\" role=\"group\" aria-labelledby=\"kaart-titel\">\n<title id=\"kaart-titel\">",
         width, height, width, height);
    out_text(b, known ? "Kaart van de wijken (schematisch): " : "De wijken: ");
    for (size_t i = 0; i < o->n_areas; i++)
        OUTF(b, "%s%s %s", i ? ", " : "", o->areas[i].name, initiatives_words(r->arena, o->areas[i].initiatives));
    out_html(b, HTML("</title>\n"));
    if (known) /* the corner the map leaves free (Leidschendam-Centrum lies west of Noord) */
        out_html(b, HTML("<text x=\"4\" y=\"22\" font-size=\"16\" fill=\"#3d5374\" aria-hidden=\"true\">"
                         "↑ noord</text>\n"));
    for (size_t i = 0; i < o->n_areas; i++) {
        const OverviewArea *a = &o->areas[i];
        int step = scale_step(a->initiatives, upper);
        int x = col[i] * (TILE_W + TILE_GAP), y = row[i] * (TILE_H + TILE_GAP), cx = x + TILE_W / 2;
        int h = span[i] * (TILE_H + TILE_GAP) - TILE_GAP;
        y += (h - TILE_H) / 2; /* a taller tile: its text in the middle */
        const char *first, *second;
        name_lines(r->arena, a->name, &first, &second);
        out_html(b, HTML("<a class=\"wijzer-map__tile\" href=\""));
        out_url(b, arena_printf(r->arena, "/initiatieven?area=%s", a->code));
        OUTF(b, "\" aria-label=\"%s: %s\">", a->name, initiatives_words(r->arena, a->initiatives));
        OUTF(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"#0b4a2f\" "
                "stroke-width=\"1.5\"/>",
             x, row[i] * (TILE_H + TILE_GAP), TILE_W, h, scale_fill[step]);
        OUTF(b, "<g fill=\"%s\" text-anchor=\"middle\" aria-hidden=\"true\">", scale_ink[step]);
        int ty = second ? y + 28 : y + 38;
        OUTF(b, "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"700\">%s</text>", cx, ty, first);
        if (second)
            OUTF(b, "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"700\">%s</text>", cx, ty + 20, second);
        OUTF(b, "<text x=\"%d\" y=\"%d\" font-size=\"26\" font-weight=\"700\">%s</text></g></a>\n", cx, y + 86,
             count_text(r->arena, a->initiatives));
    }
    out_html(b, HTML("</svg>\n"));
}

/* The legend as HTML, so its text stays readable at any width; the
 * swatches are decoration (each range is in words). */
static void map_legend(Request *r, const int64_t upper[SCALE_STEPS])
{
    Buf *b = &r->out;
    out_html(b, HTML("<p class=\"wijzer-map__legend-title\" id=\"legenda-titel\">Aantal initiatieven per wijk</p>\n"
                     "<ul class=\"wijzer-map__legend\" aria-labelledby=\"legenda-titel\">\n"));
    for (int k = 0; k < SCALE_STEPS; k++) {
        int64_t low = k ? upper[k - 1] + 1 : 0;
        if (k && (low > upper[k] || upper[k] <= 0))
            continue; /* an empty step (a small range), or no initiatives at all */
        OUTF(b, "<li><svg aria-hidden=\"true\" focusable=\"false\" width=\"24\" height=\"16\" viewBox=\"0 0 24 16\">"
                "<rect x=\"0.75\" y=\"0.75\" width=\"22.5\" height=\"14.5\" rx=\"3\" fill=\"%s\" stroke=\"#0b4a2f\" "
                "stroke-width=\"1.5\"/></svg> ",
             scale_fill[k]);
        if (!k)
            out_text(b, "geen");
        else if (low == upper[k])
            out_text(b, count_text(r->arena, low));
        else
            OUTF(b, "%s tot en met %s", count_text(r->arena, low), count_text(r->arena, upper[k]));
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

static void num_cell(Request *r, int64_t n)
{
    OUTF(&r->out, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
                  "utrecht-table__cell--numeric-data\">%s</td>",
         count_text(r->arena, n));
}

static void area_row(Request *r, const OverviewArea *a, int total)
{
    Buf *b = &r->out;
    out_html(b, HTML("<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">"));
    if (total) {
        out_text(b, a->name);
    } else {
        out_html(b, HTML("<a class=\"nl-link\" href=\""));
        out_url(b, arena_printf(r->arena, "/initiatieven?area=%s", a->code));
        OUTF(b, "\">%s</a>", a->name);
    }
    out_html(b, HTML("</th>"));
    num_cell(r, a->initiatives);
    for (int g = 0; g < GROUP_COUNT_; g++)
        num_cell(r, a->by_group[g]);
    num_cell(r, a->organisations);
    num_cell(r, a->open_help_requests);
    out_html(b, HTML("</tr>\n"));
}

static void area_table(Request *r, const Overview *o)
{
    Buf *b = &r->out;
    out_html(b, HTML("<div class=\"utrecht-table-container\" role=\"region\" aria-labelledby=\"wijken-caption\" "
                     "tabindex=\"0\">\n<table class=\"utrecht-table wijzer-overview__table\">\n"
                     "<caption class=\"utrecht-table__caption\" id=\"wijken-caption\">Initiatieven, organisaties en "
                     "open hulpvragen per wijk</caption>\n<thead class=\"utrecht-table__header\">\n"
                     "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">Wijk</th>"));
    out_html(b, HTML("<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Initiatieven</th>"));
    for (int g = 0; g < GROUP_COUNT_; g++)
        OUTF(b, "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                "scope=\"col\">%s</th>",
             overview_group_label((StateGroup)g));
    out_html(b, HTML("<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\" "
                     "scope=\"col\">Organisaties</th><th class=\"utrecht-table__header-cell "
                     "utrecht-table__header-cell--numeric-column\" scope=\"col\">Open hulpvragen</th></tr>\n"
                     "</thead>\n<tbody class=\"utrecht-table__body\">\n"));
    for (size_t i = 0; i < o->n_areas; i++)
        area_row(r, &o->areas[i], 0);
    out_html(b, HTML("</tbody>\n<tfoot class=\"utrecht-table__footer\">\n"));
    area_row(r, &o->total, 1);
    out_html(b, HTML("</tfoot>\n</table>\n</div>\n"));
}

static void area_notes(Request *r, const Overview *o)
{
    Buf *b = &r->out;
    out_html(b, HTML("<ul class=\"wijzer-overview__notes\">\n"));
    for (int g = 0; g < GROUP_COUNT_; g++)
        OUTF(b, "<li><strong>%s:</strong> %s.</li>\n", overview_group_label((StateGroup)g),
             overview_group_explain((StateGroup)g));
    OUTF(b, "<li><strong>Organisaties:</strong> die in de wijk of in een buurt ervan werken. %s %s in de hele "
            "gemeente; die tellen alleen mee in het totaal. Een organisatie die in meer wijken werkt, telt in het "
            "totaal één keer.</li>\n",
         count_text(r->arena, o->whole_municipality_organisations),
         o->whole_municipality_organisations == 1 ? "organisatie werkt" : "organisaties werken");
    out_html(b, HTML("<li><strong>Open hulpvragen:</strong> waar een initiatief nog hulp zoekt: mensen, spullen, "
                     "ruimte, geld of kennis.</li>\n</ul>\n"));
}

/* ------------------------------------------------------------------ */
/* Goals                                                               */
/* ------------------------------------------------------------------ */

static void goal_block(Request *r, const OverviewGoal *g)
{
    Buf *b = &r->out;
    OUTF(b, "<li class=\"wijzer-overview__goal\"><h3 class=\"nl-heading nl-heading--level-3\"><a class=\"nl-link\" "
            "href=\"/doelen/%s\">%s</a></h3>\n",
         g->goal.code, g->goal.title);
    if (!g->initiatives) {
        out_html(b, HTML("<p class=\"nl-paragraph wijzer-muted\">Nog geen initiatieven gekoppeld aan dit "
                         "doel.</p>\n"));
        return;
    }
    OUTF(b, "<p class=\"wijzer-badges\"><data class=\"nl-data-badge\" value=\"%lld\">%s</data>",
         (long long)g->initiatives, initiatives_words(r->arena, g->initiatives));
    for (int s = 0; s < ST_COUNT_; s++)
        if (g->by_state[s])
            OUTF(b, " <span class=\"utrecht-status-badge wijzer-status--%s\">%s: %s</span>", state_code((ProcState)s),
                 state_label((ProcState)s), count_text(r->arena, g->by_state[s]));
    out_html(b, HTML("</p>\n<ul class=\"wijzer-overview__initiatives\">\n"));
    for (size_t i = 0; i < g->n_items; i++) {
        OUTF(b, "<li><a class=\"nl-link\" href=\"/initiatieven/%lld\">%s</a> ", (long long)g->items[i].id,
             g->items[i].title);
        web_state_badge(b, g->items[i].state);
        out_html(b, HTML("</li>\n"));
    }
    out_html(b, HTML("</ul>\n"));
    if (g->initiatives > (int64_t)g->n_items)
        OUTF(b, "<p class=\"nl-paragraph\">En %s meer. <a class=\"nl-link\" href=\"/doelen/%s\">Alle initiatieven bij "
                "dit doel</a></p>\n",
             count_text(r->arena, g->initiatives - (int64_t)g->n_items), g->goal.code);
}

static void goals_section(Request *r, const Overview *o)
{
    Buf *b = &r->out;
    int64_t connected = 0;
    for (size_t i = 0; i < o->n_goals; i++)
        connected += o->goals[i].initiatives;
    out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-2\" id=\"doelen\">Per doel van de gemeente</h2>\n"
                     "<p class=\"nl-paragraph\">Aan welke doelen van de gemeente de initiatieven bijdragen. Een "
                     "initiatief wordt aan een doel gekoppeld op de pagina van het initiatief: door de "
                     "initiatiefnemer, of door een ambtenaar, die ook de doelen kan bevestigen die de "
                     "Initiatiefwijzer zelf voorstelt.</p>\n"));
    if (!o->n_goals) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen doelen vastgelegd.</p>\n"));
        return;
    }
    if (!connected)
        out_html(b, HTML("<div class=\"utrecht-alert utrecht-alert--info\" role=\"status\">\n"
                         "<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">\n"
                         "<p class=\"nl-paragraph\"><strong>Let op:</strong> er is nog geen enkel initiatief aan een "
                         "doel gekoppeld. Werkt u aan een initiatief? Kijk op de pagina ervan bij ‘Doelen van de "
                         "gemeente’.</p>\n</div></div>\n</div>\n"));
    /* The goals' tree as nested lists, as on /doelen. */
    int depth = -1;
    for (size_t i = 0; i < o->n_goals; i++) {
        const OverviewGoal *g = &o->goals[i];
        if (g->goal.depth > depth) {
            out_html(b, depth < 0 ? HTML("<ul class=\"wijzer-tree wijzer-overview__goals\">\n") : HTML("\n<ul>\n"));
        } else {
            out_html(b, HTML("</li>\n"));
            for (int d = depth; d > g->goal.depth; d--)
                out_html(b, HTML("</ul>\n</li>\n"));
        }
        depth = g->goal.depth;
        goal_block(r, g);
    }
    out_html(b, HTML("</li>\n"));
    for (int d = depth; d > 0; d--)
        out_html(b, HTML("</ul>\n</li>\n"));
    out_html(b, HTML("</ul>\n"));
}

/* ------------------------------------------------------------------ */
/* GET /overzicht                                                      */
/* ------------------------------------------------------------------ */

static void stat(Request *r, const char *label, int64_t n)
{
    OUTF(&r->out, "<div class=\"wijzer-stat\"><dt class=\"wijzer-stat__label\">%s</dt>"
                  "<dd class=\"wijzer-stat__value\">%s</dd></div>\n",
         label, count_text(r->arena, n));
}

void page_overview(Request *r)
{
    Overview o;
    Status s = overview_get(&r->ctx, &o);
    if (s != STATUS_OK) {
        web_error(r, 500, "Er ging bij ons iets mis. Probeer het later nog eens.");
        return;
    }
    Buf *b = &r->out;
    page_begin(r, "Overzicht van de gemeente", "overzicht");
    web_breadcrumb(r, "/wie-helpt", "Wie kan helpen?", "/overzicht", "Overzicht van de gemeente", NULL);
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Overzicht van de gemeente</h1>\n"
                     "<p class=\"nl-paragraph nl-paragraph--lead\">Wat inwoners in elke wijk samen doen: hoeveel "
                     "initiatieven er zijn en hoe ver ze zijn, welke organisaties er helpen, waar nog hulp nodig is, "
                     "en aan welke doelen van de gemeente de initiatieven bijdragen.</p>\n"
                     "<dl class=\"wijzer-stats\">\n"));
    stat(r, "Initiatieven", o.total.initiatives);
    stat(r, "Bij de gemeente", o.total.by_group[GROUP_MUNICIPALITY]);
    stat(r, "Lopen nu", o.total.by_group[GROUP_RUNNING]);
    stat(r, "Open hulpvragen", o.total.open_help_requests);
    out_html(b, HTML("</dl>\n<p class=\"nl-paragraph\"><a class=\"nl-link\" href=\"#doelen\">Naar de doelen van de "
                     "gemeente</a></p>\n"
                     "<h2 class=\"nl-heading nl-heading--level-2\" id=\"wijken\">Per wijk</h2>\n"));
    if (!o.n_areas) {
        out_html(b, HTML("<p class=\"nl-paragraph\">Er zijn nog geen wijken vastgelegd.</p>\n"));
    } else {
        int64_t upper[SCALE_STEPS], lo = o.max_area_initiatives;
        for (size_t i = 0; i < o.n_areas; i++)
            if (o.areas[i].initiatives > 0 && o.areas[i].initiatives < lo)
                lo = o.areas[i].initiatives;
        scale_bounds(lo, o.max_area_initiatives, upper);
        out_html(b, HTML("<div class=\"wijzer-overview__areas\">\n<figure class=\"wijzer-chart wijzer-map\">\n"));
        map_svg(r, &o, upper);
        out_html(b, HTML("<figcaption>\n"));
        map_legend(r, upper);
        out_html(b, HTML("<p class=\"nl-paragraph\">Een schematische kaart: elke wijk is een vlak, hoe donkerder hoe "
                         "meer initiatieven. Kies een wijk om de initiatieven daar te zien. Dezelfde cijfers staan "
                         "in de tabel.</p>\n</figcaption>\n</figure>\n<div class=\"wijzer-flow\">\n"));
        area_table(r, &o);
        area_notes(r, &o);
        out_html(b, HTML("</div>\n</div>\n"));
    }
    goals_section(r, &o);
    page_end(r);
}
