/* The shared bar chart (chart.h). */
#include "web/chart.h"

#include "lib/html.h"

enum {
    CHART_WIDTH = 420, /* small, so that text stays readable when a phone scales it down */
    CHART_BAR = 300,   /* the longest bar; the label goes after it */
    CHART_ROW = 50,    /* name above, bar below */
    CHART_TOP = 32,    /* room for the legend */
};

void web_bar_chart(Request *r, const Chart *c, const ChartBar *rows, size_t n)
{
    Buf *b = &r->out;
    if (n > CHART_ROWS_MAX)
        n = CHART_ROWS_MAX;
    int64_t max = 1;
    for (size_t i = 0; i < n; i++)
        if (rows[i].value > max)
            max = rows[i].value;
    int top = c->legend1 ? CHART_TOP : 0;
    int bar = c->bar > 0 && c->bar <= CHART_BAR ? c->bar : CHART_BAR;
    int height = top + (int)n * CHART_ROW;
    OUTF(b, "<figure class=\"wijzer-chart\">\n<svg role=\"img\" aria-labelledby=\"%s-titel\" viewBox=\"0 0 %d %d\" "
            "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"%s-titel\">%s</title>\n",
         c->id, CHART_WIDTH, height, CHART_WIDTH, height, c->id, c->title);
    /* Legend: colour and word. */
    if (c->legend1)
        OUTF(b, "<rect x=\"0\" y=\"4\" width=\"16\" height=\"16\" fill=\"%s\"/>"
                "<text x=\"22\" y=\"18\" font-size=\"16\" fill=\"currentColor\">%s</text>\n",
             c->colour1, c->legend1);
    if (c->legend1 && c->legend2)
        OUTF(b, "<rect x=\"120\" y=\"4\" width=\"16\" height=\"16\" fill=\"%s\"/>"
                "<text x=\"142\" y=\"18\" font-size=\"16\" fill=\"currentColor\">%s</text>\n",
             c->colour2, c->legend2);
    for (size_t i = 0; i < n; i++) {
        int y = top + (int)i * CHART_ROW;
        int64_t all = rows[i].value, first = rows[i].first;
        if (first > all)
            first = all;
        int w_all = (int)(all * bar / max), w_first = (int)(first * bar / max);
        if (all > 0 && w_all < 2)
            w_all = 2;
        OUTF(b, "<text x=\"0\" y=\"%d\" font-size=\"16\" fill=\"currentColor\">%s</text>\n", y + 16, rows[i].name);
        if (w_first > 0)
            OUTF(b, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>\n", y + 22, w_first, c->colour1);
        if (w_all > w_first && c->colour2)
            OUTF(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>\n", w_first, y + 22,
                 w_all - w_first, c->colour2);
        OUTF(b, "<text x=\"%d\" y=\"%d\" font-size=\"16\" fill=\"currentColor\">%s</text>\n", w_all + 6, y + 37,
             rows[i].label);
    }
    OUTF(b, "</svg>\n<figcaption>%s</figcaption>\n</figure>\n", c->caption);
}
