/* The server-drawn SVG bar chart (docs/markup.md §17) that the fund pages
 * and the Beursvloer share: per row its name, and under it a bar in up
 * to two colours with a label after it. Names sit above the bars so that
 * long ones fit, also on a phone, where the drawing scales down. The
 * <title> says the numbers in words and a page puts the same numbers in a
 * table next to it. Every string is escaped. */
#ifndef WIJZER_WEB_CHART_H
#define WIJZER_WEB_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"

enum { CHART_ROWS_MAX = 12 };

typedef struct ChartBar {
    const char *name;
    int64_t value;      /* the bar's length, relative to the longest */
    int64_t first;      /* how much of it in the first colour; the rest in the second */
    const char *label;  /* after the bar */
} ChartBar;

typedef struct Chart {
    const char *id;                  /* unique on the page; the title's id is "<id>-titel" */
    const char *title;               /* the numbers in words */
    const char *caption;             /* the figcaption */
    const char *legend1, *colour1;   /* legend1 NULL: no legend */
    const char *legend2, *colour2;   /* NULL: one colour */
    int bar;                         /* the longest bar in pixels of 420; 0: 300 (room for "€ 12.345,00") */
} Chart;

/* At most CHART_ROWS_MAX rows are drawn. */
void web_bar_chart(Request *r, const Chart *c, const ChartBar *rows, size_t n);

#endif
