#include "lib/csv.h"

#include <string.h>

size_t csv_parse(Arena *a, const char *text, CsvRow **rows)
{
    size_t cap = 0, n = 0;
    CsvRow *v = NULL;
    const char *p = text;
    if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3; /* byte order mark */
    Buf cell;
    buf_init(&cell);
    while (*p) {
        size_t ccap = 0, nc = 0;
        const char **cells = NULL;
        for (;;) {
            buf_reset(&cell);
            if (*p == '"') {
                p++;
                while (*p) {
                    if (*p == '"' && p[1] == '"') {
                        buf_putc(&cell, '"');
                        p += 2;
                    } else if (*p == '"') {
                        p++;
                        break;
                    } else {
                        buf_putc(&cell, *p++);
                    }
                }
            }
            while (*p && *p != ',' && *p != '\n' && *p != '\r')
                buf_putc(&cell, *p++);
            if (nc == ccap)
                cells = arena_grow(a, cells, &ccap, sizeof *cells);
            cells[nc++] = arena_strdup(a, cell.len ? buf_cstr(&cell) : "");
            if (*p == ',') {
                p++;
                continue;
            }
            break;
        }
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
        if (nc == 1 && !*cells[0])
            continue; /* blank line */
        if (n == cap)
            v = arena_grow(a, v, &cap, sizeof *v);
        v[n].cells = cells;
        v[n].n = nc;
        n++;
    }
    buf_free(&cell);
    *rows = v;
    return n;
}

int csv_column(const CsvRow *header, const char *name)
{
    for (size_t i = 0; header && i < header->n; i++)
        if (strcmp(header->cells[i], name) == 0)
            return (int)i;
    return -1;
}

const char *csv_cell(const CsvRow *row, int col)
{
    return col >= 0 && (size_t)col < row->n ? row->cells[col] : "";
}

void csv_write_cell(Buf *b, const char *s, int first)
{
    if (!first)
        buf_putc(b, ',');
    if (!s)
        return;
    int formula = *s && strchr("=+-@\t\r", *s) != NULL;
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    if (formula)
        buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

void csv_end_row(Buf *b)
{
    buf_puts(b, "\r\n");
}

void csv_begin(Buf *b)
{
    buf_puts(b, "\xEF\xBB\xBF");
}
