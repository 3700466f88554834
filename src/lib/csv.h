/* CSV (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF).
 * Reading for the reference data; writing for exports. */
#ifndef WIJZER_CSV_H
#define WIJZER_CSV_H

#include <stddef.h>

#include "lib/arena.h"
#include "lib/buf.h"

typedef struct CsvRow {
    const char **cells;
    size_t n;
} CsvRow;

/* Parses the whole text; the first row is the header. Returns the
 * number of rows (header included). */
size_t csv_parse(Arena *a, const char *text, CsvRow **rows);
/* Index of a column in the header row, or -1. */
int csv_column(const CsvRow *header, const char *name);
/* The cell, or "" when the row is short. */
const char *csv_cell(const CsvRow *row, int col);

/* Writes one cell, quoted when needed; a leading = + - @ tab or CR is prefixed
 * with ' so spreadsheets do not run it as a formula. */
void csv_write_cell(Buf *b, const char *s, int first);
void csv_end_row(Buf *b);
/* Starts an export with the UTF-8 byte order mark: without it Excel reads
 * the file as Windows-1252 and shows "Ã«" for "ë". */
void csv_begin(Buf *b);

#endif
