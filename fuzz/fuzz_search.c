/* Search as typed (the q of /initiatieven and /api/v1/initiatives): the
 * text becomes a full-text query for each engine. For SQLite it is run
 * against an FTS5 table with the Dutch tokenizer, exactly as the list
 * query runs it (MATCH, snippet, bm25): whatever a person types, FTS5
 * must never answer with a syntax error, which would be a 500. For
 * PostgreSQL the to_tsquery text is checked for shape: quoted words
 * joined by &, the last a prefix, no quote inside a word. */
#include <sqlite3.h>

#include "fuzz.h"
#include "lib/arena.h"
#include "store/engine.h"
#include "store/fts_dutch.h"

static sqlite3 *db;
static sqlite3_stmt *search;

static void open_db(void)
{
    static const char *rows[] = {
        "INSERT INTO t(rowid, title, summary, description) VALUES "
        "(1, 'Buurtmoestuin Bovenveen', 'Buren maken samen een moestuin.', 'Twaalf **plantenbakken** en een kas.'),"
        "(2, 'Speeltuin Fonteijn', 'Een veilige speeltuin voor de kinderen.', 'Geëvalueerd in 2024: café & terras.'),"
        "(3, 'Repair Café Voorburg', 'Samen repareren in het wijkcentrum.', 'Elke eerste zaterdag; ĳs en ß.')",
    };
    FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    FUZZ_CHECK(fts_dutch_register(db) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, summary, description, tokenize='dutch')",
                            NULL, NULL, NULL) == SQLITE_OK);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        FUZZ_CHECK(sqlite3_exec(db, rows[i], NULL, NULL, NULL) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_prepare_v2(db,
                                  "SELECT rowid, snippet(t, -1, char(1), char(2), '…', 12) FROM t WHERE t MATCH ?1 "
                                  "ORDER BY bm25(t, 10.0, 4.0, 1.0)",
                                  -1, &search, NULL) == SQLITE_OK);
}

static void check_sqlite(const char *match)
{
    sqlite3_bind_text(search, 1, match, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(search)) == SQLITE_ROW)
        (void)sqlite3_column_text(search, 1);
    if (rc != SQLITE_DONE)
        fprintf(stderr, "MATCH %s: %s\n", match, sqlite3_errmsg(db));
    FUZZ_CHECK(rc == SQLITE_DONE);
    sqlite3_reset(search);
    sqlite3_clear_bindings(search);
}

/* 'word' & 'word' & … :* with no quote or backslash inside a word. */
static void check_tsquery(const char *q)
{
    const char *p = q;
    for (;;) {
        FUZZ_CHECK(*p == '\'');
        p++;
        const char *w = p;
        while (*p && *p != '\'') {
            FUZZ_CHECK(*p != '\\');
            p++;
        }
        FUZZ_CHECK(*p == '\'' && p > w);
        p++;
        if (strcmp(p, ":*") == 0)
            return;
        FUZZ_CHECK(strncmp(p, " & ", 3) == 0);
        p += 3;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db)
        open_db();
    Arena *a = arena_new();
    char *text = fuzz_cstr(data, size);

    const char *match = sqlite_engine.fulltext_query(a, text);
    if (match)
        check_sqlite(match);
    const char *ts = pg_engine.fulltext_query(a, text);
    if (ts)
        check_tsquery(ts);

    free(text);
    arena_free(a);
    return 0;
}
