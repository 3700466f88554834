/* Tests for the "dutch" FTS5 tokenizer: folding, word splitting, stemming,
 * original offsets, malformed input, and the tokenizer at work inside an
 * in-memory SQLite database (MATCH, prefix queries, bm25, snippet). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/fts_dutch.h"

/* ---- helpers ---- */

enum { MAX_TOKENS = 64 };

typedef struct {
    char text[FTS_DUTCH_TOKEN_MAX + 1];
    int tflags, start, end;
} Token;

typedef struct {
    Token tok[MAX_TOKENS];
    int count;    /* all tokens seen, even those beyond MAX_TOKENS */
    int input_n;  /* length of the input, to check offsets against */
    int last_end; /* offsets must never go backwards */
    int fail_at;  /* return SQLITE_ABORT on this token (1-based); 0: never */
} Tokens;

/* Checks every token as FTS5 would rely on it, then records it. */
static int collect(void *ctx, int tflags, const char *token, int ntoken,
                   int start, int end)
{
    Tokens *t = ctx;

    assert_true(ntoken > 0 && ntoken <= FTS_DUTCH_TOKEN_MAX);
    assert_true(start >= 0 && start < end && end <= t->input_n);
    if (!(tflags & FTS5_TOKEN_COLOCATED))
        assert_true(start >= t->last_end);
    else
        assert_true(t->count > 0);
    t->last_end = end;
    if (t->count < MAX_TOKENS) {
        Token *k = &t->tok[t->count];
        memcpy(k->text, token, (size_t)ntoken);
        k->text[ntoken] = 0;
        k->tflags = tflags, k->start = start, k->end = end;
    }
    t->count++;
    return t->fail_at == t->count ? SQLITE_ABORT : SQLITE_OK;
}

static FtsDutch *fd;

static int setup_fd(void **state)
{
    (void)state;
    fd = fts_dutch_new();
    return fd ? 0 : -1;
}

static int teardown_fd(void **state)
{
    (void)state;
    fts_dutch_free(fd);
    fd = NULL;
    return 0;
}

static int run_n(Tokens *t, int flags, const char *text, int n)
{
    memset(t, 0, sizeof *t);
    t->input_n = n;
    return fts_dutch_tokenize(fd, flags, text, n, t, collect);
}

static int run(Tokens *t, int flags, const char *text)
{
    return run_n(t, flags, text, (int)strlen(text));
}

/* The single document token of word. */
static const char *stem_of(const char *word)
{
    static Tokens t;

    assert_int_equal(run(&t, FTS5_TOKENIZE_DOCUMENT, word), SQLITE_OK);
    assert_int_equal(t.count, 1);
    return t.tok[0].text;
}

/* Whether s[0..n) is well-formed UTF-8, so no token can corrupt output. */
static bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;

    for (size_t i = 0; i < n;) {
        size_t len = u[i] < 0x80 ? 1 : u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : 2;
        if (u[i] >= 0x80 && u[i] < 0xC2)
            return false;
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++)
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

/* ---- folding ---- */

static void fold_is(const char *in, const char *want)
{
    char out[256];
    size_t n = fts_dutch_fold(in, strlen(in), out, sizeof out);

    assert_true(n <= strlen(in));
    out[n] = 0;
    assert_string_equal(out, want);
}

static void test_fold_lowercases_and_strips_diacritics(void **state)
{
    (void)state;
    fold_is("Geëvalueerd", "geevalueerd");
    fold_is("ÉÈËÊéèëê", "eeeeeeee");
    fold_is("ÏÍïí ÖÓöó ÜÚüú ÁÄÀáäà Çç", "iiii oooo uuuu aaaaaa cc");
    fold_is("CAFÉ Naïef", "cafe naief");
    fold_is("Ĳsselmeer ĳs", "ijsselmeer ijs");
    fold_is("Straße Æsop", "strasse aesop");
    fold_is("ge\xCC\x88" "e", "gee");   /* decomposed diaeresis vanishes */
    fold_is("speel\xC2\xADtuin", "speeltuin"); /* soft hyphen */
    fold_is("3 × 4 ÷ 2", "3 × 4 ÷ 2");
    fold_is("Ελλάδα", "Ελλάδα"); /* beyond Latin: kept as written */
    fold_is("", "");
}

static void test_fold_drops_malformed_bytes(void **state)
{
    (void)state;
    fold_is("a\xFF" "b\xC3", "ab");     /* invalid byte, cut-short pair */
    fold_is("\xC0\xAF" "x", "x");       /* overlong '/' */
    fold_is("\xED\xA0\x80" "y", "y");   /* surrogate */
    fold_is("\xF4\x90\x80\x80" "z", "z"); /* beyond U+10FFFF */
    fold_is("\x80\x80\xE2\x82", "");    /* stray continuations, cut short */
}

static void test_fold_respects_cap(void **state)
{
    char out[8];
    const char *in = "ðððð"; /* two bytes each, folded as two bytes */

    (void)state;
    memset(out, '#', sizeof out);
    assert_int_equal(fts_dutch_fold(in, strlen(in), out, 3), 2);
    assert_int_equal(out[2], '#'); /* no half character */
    assert_int_equal(fts_dutch_fold(in, strlen(in), out, 0), 0);
    assert_int_equal(fts_dutch_fold("ABC", 3, out, 2), 2);
    assert_memory_equal(out, "ab", 2);
}

/* ---- word splitting ---- */

static void test_words_split_on_apostrophes_hyphens_and_punctuation(void **state)
{
    const char *text = "Auto's, buurt-tuin… “moestuin”! Één—twee auto’s 2024";
    const char *want[] = {"Auto", "s", "buurt", "tuin", "moestuin", "Één",
                          "twee", "auto", "s", "2024"};
    size_t pos = 0, start, end, i = 0;

    (void)state;
    while (fts_dutch_next_word(text, strlen(text), &pos, &start, &end)) {
        assert_true(i < sizeof want / sizeof *want);
        assert_int_equal(end - start, strlen(want[i]));
        assert_memory_equal(text + start, want[i], end - start);
        i++;
    }
    assert_int_equal(i, sizeof want / sizeof *want);
    assert_int_equal(pos, strlen(text));
}

/* ---- tokenizing ---- */

static void test_plural_and_singular_share_a_token(void **state)
{
    (void)state;
    assert_string_equal(stem_of("speeltuinen"), "speeltuin");
    assert_string_equal(stem_of("speeltuin"), "speeltuin");
    assert_string_equal(stem_of("Speeltuinen"), "speeltuin");
    assert_string_equal(stem_of("moestuinen"), stem_of("moestuin"));
    assert_string_equal(stem_of("buurttuinen"), "buurttuin");
    assert_string_equal(stem_of("ouderen"), "ouder");
    assert_string_equal(stem_of("eenzaamheid"), stem_of("eenzaam"));
}

static void test_diacritics_match_their_plain_spelling(void **state)
{
    char a[FTS_DUTCH_TOKEN_MAX + 1];

    (void)state;
    strcpy(a, stem_of("Geëvalueerd"));
    assert_string_equal(a, stem_of("geevalueerd"));
    assert_string_equal(a, stem_of("GEËVALUEERD"));
    assert_string_equal(a, stem_of("ge\xCC\x88" "evalueerd") /* NFD */ );
    strcpy(a, stem_of("Café"));
    assert_string_equal(a, stem_of("cafe"));
    strcpy(a, stem_of("crèche"));
    assert_string_equal(a, stem_of("creche"));
}

static void test_offsets_point_at_the_original_words(void **state)
{
    const char *text = "  De Speeltuinen, geëvalueerd in ÉÉN buurt-tuin.";
    const char *want[] = {"De", "Speeltuinen", "geëvalueerd", "in", "ÉÉN",
                          "buurt", "tuin"};
    Tokens t;

    (void)state;
    assert_int_equal(run(&t, FTS5_TOKENIZE_DOCUMENT, text), SQLITE_OK);
    assert_int_equal(t.count, 7);
    for (int i = 0; i < t.count; i++) {
        const Token *k = &t.tok[i];
        assert_int_equal(k->tflags, 0);
        assert_int_equal(k->end - k->start, (int)strlen(want[i]));
        assert_memory_equal(text + k->start, want[i], strlen(want[i]));
    }
    assert_string_equal(t.tok[1].text, "speeltuin");
    assert_string_equal(t.tok[2].text, "geevalueerd");
    assert_string_equal(t.tok[4].text, "een");
}

static void test_query_is_processed_like_documents(void **state)
{
    Tokens d, q, a;
    const char *text = "Eenzaamheid onder ouderen";

    (void)state;
    run(&d, FTS5_TOKENIZE_DOCUMENT, text);
    run(&q, FTS5_TOKENIZE_QUERY, text);
    run(&a, FTS5_TOKENIZE_AUX, text);
    assert_int_equal(d.count, 3);
    assert_int_equal(q.count, 3);
    assert_int_equal(a.count, 3);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(d.tok[i].text, q.tok[i].text);
        assert_string_equal(d.tok[i].text, a.tok[i].text);
    }
}

static void test_prefix_word_is_folded_not_stemmed(void **state)
{
    Tokens t;
    int prefix = FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX;

    (void)state;
    run(&t, prefix, "Speel");
    assert_int_equal(t.count, 2); /* "speel", and stem "spel" as synonym */
    assert_string_equal(t.tok[0].text, "speel");
    assert_int_equal(t.tok[0].tflags, 0);
    assert_string_equal(t.tok[1].text, "spel");
    assert_int_equal(t.tok[1].tflags, FTS5_TOKEN_COLOCATED);

    run(&t, prefix, "speeltui"); /* stem equals the word: no synonym */
    assert_int_equal(t.count, 1);
    assert_string_equal(t.tok[0].text, "speeltui");

    run(&t, prefix, "rode Speeltuinen"); /* only the last word is a prefix */
    assert_int_equal(t.count, 3);
    assert_string_equal(t.tok[0].text, stem_of("rode"));
    assert_int_equal(t.tok[0].tflags, 0);
    run(&t, prefix, "rode Speeltuinen");
    assert_string_equal(t.tok[1].text, "speeltuinen");
    assert_string_equal(t.tok[2].text, "speeltuin");
    assert_int_equal(t.tok[2].tflags, FTS5_TOKEN_COLOCATED);

    run(&t, prefix, "Geë"); /* folded even when not stemmed */
    assert_string_equal(t.tok[0].text, "gee");
}

static void test_empty_and_punctuation_only_give_no_tokens(void **state)
{
    Tokens t;

    (void)state;
    assert_int_equal(run(&t, FTS5_TOKENIZE_DOCUMENT, ""), SQLITE_OK);
    assert_int_equal(t.count, 0);
    assert_int_equal(run_n(&t, FTS5_TOKENIZE_DOCUMENT, NULL, 0), SQLITE_OK);
    assert_int_equal(t.count, 0);
    assert_int_equal(run(&t, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                         " .,;:!?'\"-–—…“”‘’«»()[]{}/\\@#$%^&*+=<>|~`\xC2\xA0×÷"),
                     SQLITE_OK);
    assert_int_equal(t.count, 0);
    run(&t, FTS5_TOKENIZE_DOCUMENT, "\xC2\xAD \xCC\x88"); /* fold to nothing */
    assert_int_equal(t.count, 0);
}

static void test_long_words_are_unstemmed_and_capped(void **state)
{
    enum { N = 10000 };
    static char text[N + 3];
    Tokens t;

    (void)state;
    /* 65 bytes: over the stemming limit, so "…en" survives */
    memset(text, 'a', 63);
    memcpy(text + 63, "en", 3);
    run(&t, FTS5_TOKENIZE_DOCUMENT, text);
    assert_int_equal(t.count, 1);
    assert_int_equal(strlen(t.tok[0].text), 65);

    /* 10000 bytes of "ë": capped at a character boundary, offsets whole */
    for (int i = 0; i < N; i += 2)
        memcpy(text + i, "\xC3\x8B", 2);
    memcpy(text + N, " b", 3);
    run(&t, FTS5_TOKENIZE_DOCUMENT, text);
    assert_int_equal(t.count, 2);
    assert_int_equal(strlen(t.tok[0].text), FTS_DUTCH_TOKEN_MAX);
    assert_int_equal(t.tok[0].start, 0);
    assert_int_equal(t.tok[0].end, N);
    assert_string_equal(t.tok[1].text, "b");

    /* "x" then ð (two bytes, folded as two): the cap falls mid-character */
    text[0] = 'x';
    for (int i = 1; i + 2 <= N; i += 2)
        memcpy(text + i, "\xC3\xB0", 2);
    run_n(&t, FTS5_TOKENIZE_DOCUMENT, text, N - 1);
    assert_int_equal(t.count, 1);
    assert_int_equal(strlen(t.tok[0].text), FTS_DUTCH_TOKEN_MAX - 1);
    assert_true(utf8_valid(t.tok[0].text, strlen(t.tok[0].text)));
}

static void test_malformed_utf8_separates_words(void **state)
{
    const char text[] = "speel\xFFtuin\xC3 \xC0\xAFoud\xED\xA0\x80"
                        "eren\xF4\x90\x80\x80x\xE2\x82";
    Tokens t;

    (void)state;
    assert_int_equal(run_n(&t, FTS5_TOKENIZE_DOCUMENT, text,
                           (int)sizeof text - 1),
                     SQLITE_OK);
    assert_int_equal(t.count, 5);
    assert_string_equal(t.tok[0].text, "spel");
    assert_string_equal(t.tok[1].text, "tuin");
    assert_string_equal(t.tok[2].text, "oud");
    assert_string_equal(t.tok[3].text, "eren");
    assert_string_equal(t.tok[4].text, "x");
}

/* Random bytes, weighted towards UTF-8 lead and continuation bytes; the
 * checks in collect() and the sanitizers do the asserting. */
static void test_random_bytes_stay_in_bounds(void **state)
{
    static const unsigned char pool[] = {
        'a', 'E', 'n', ' ', '-', '\'', '0', 0x00, 0x80, 0xAD, 0xBF, 0xC2,
        0xC3, 0xCC, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    char buf[512];
    Tokens t;
    uint32_t seed = 12345;

    (void)state;
    for (int iter = 0; iter < 3000; iter++) {
        int n = (int)(seed % sizeof buf);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)pool[(seed >> 16) % sizeof pool];
        }
        seed = seed * 1103515245u + 12345u;
        /* tokenize a heap copy of exactly n bytes so ASan sees overreads */
        char *copy = malloc(n ? (size_t)n : 1);
        assert_non_null(copy);
        memcpy(copy, buf, (size_t)n);
        int flags = iter % 2 ? FTS5_TOKENIZE_DOCUMENT
                             : FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX;
        assert_int_equal(run_n(&t, flags, copy, n), SQLITE_OK);
        for (int k = 0; k < t.count && k < MAX_TOKENS; k++)
            assert_true(utf8_valid(t.tok[k].text, strlen(t.tok[k].text)));
        free(copy);
    }
}

static void test_callback_error_stops_tokenizing(void **state)
{
    Tokens t;

    (void)state;
    memset(&t, 0, sizeof t);
    t.input_n = 14;
    t.fail_at = 2;
    assert_int_equal(fts_dutch_tokenize(fd, FTS5_TOKENIZE_DOCUMENT,
                                        "een twee drie", 14, &t, collect),
                     SQLITE_ABORT);
    assert_int_equal(t.count, 2);
}

/* ---- inside SQLite ---- */

static sqlite3 *db;

static void exec(const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);

    if (rc != SQLITE_OK)
        fail_msg("%s: %s", sql, err ? err : "?");
}

static int setup_db(void **state)
{
    (void)state;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return -1;
    if (fts_dutch_register(db) != SQLITE_OK)
        return -1;
    exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='dutch');"
         "INSERT INTO t(rowid, title, body) VALUES"
         " (1, 'Buurttuin', 'Bewoners leggen samen een moestuin aan.'),"
         " (2, 'Speelplek', 'Een nieuwe speeltuin voor de kinderen in de wijk.'),"
         " (3, 'Ouderen', 'Tegen eenzaamheid: koffieochtenden, geëvalueerd"
         " door de buurt. Speeltuinen, speeltuinen, speeltuinen!'),"
         " (4, 'Café', 'Een huiskamer in het café voor eenzame ouderen.');");
    return 0;
}

static int teardown_db(void **state)
{
    (void)state;
    sqlite3_close(db);
    db = NULL;
    return 0;
}

/* The rowids that match q, best first by bm25, as "1,3". */
static const char *rowids(const char *q)
{
    static char out[64];
    sqlite3_stmt *st;
    size_t o = 0;

    out[0] = 0;
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t), rowid",
        -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%lld", o ? "," : "",
                              (long long)sqlite3_column_int64(st, 0));
    assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
    return out;
}

/* The single-row result of sql with ?1 bound to q. */
static const char *one_text(const char *sql, const char *q)
{
    static char out[512];
    sqlite3_stmt *st;

    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
    assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
    return out;
}

static void test_sql_match_finds_stemmed_forms(void **state)
{
    (void)state;
    assert_string_equal(rowids("speeltuinen"), "3,2");
    assert_string_equal(rowids("moestuinen"), "1");
    assert_string_equal(rowids("buurttuinen"), "1");
    assert_string_equal(rowids("Geevalueerd"), "3");
    assert_string_equal(rowids("cafe"), "4");
    assert_string_equal(rowids("title:ouderen"), "3");
    assert_string_equal(rowids("\"eenzame ouderen\""), "4");
    assert_string_equal(rowids("speeltuin NOT kinderen"), "3");
}

static void test_sql_prefix_queries(void **state)
{
    (void)state;
    assert_string_equal(rowids("speel*"), "3,2");
    assert_string_equal(rowids("speeltuinen*"), "3,2");
    assert_string_equal(rowids("\"eenzame ouder\"*"), "4");
    assert_string_equal(rowids("koffieocht*"), "3");
}

static void test_sql_bm25_ranks_more_frequent_first(void **state)
{
    (void)state;
    /* row 3 says "speeltuinen" three times, row 2 "speeltuin" once */
    assert_string_equal(rowids("speeltuin"), "3,2");
    /* a title hit outweighs a body hit when title is weighted up */
    assert_string_equal(one_text(
        "SELECT group_concat(rowid) FROM (SELECT rowid FROM t WHERE t MATCH ?1"
        " ORDER BY bm25(t, 10.0, 1.0))", "ouderen"), "3,4");
}

static void test_sql_snippet_marks_the_original_word(void **state)
{
    (void)state;
    assert_string_equal(one_text(
        "SELECT snippet(t, 1, '<mark>', '</mark>', '…', 8) FROM t"
        " WHERE t MATCH ?1", "geevalueerd"),
        "…koffieochtenden, <mark>geëvalueerd</mark> door de buurt. "
        "Speeltuinen, speeltuinen, speeltuinen!");
    assert_string_equal(one_text(
        "SELECT highlight(t, 1, '[', ']') FROM t WHERE t MATCH ?1",
        "Speeltuin kinderen"),
        "Een nieuwe [speeltuin] voor de [kinderen] in de wijk.");
    assert_string_equal(one_text(
        "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", "CAFE"),
        "[Café]");
    assert_string_equal(one_text(
        "SELECT highlight(t, 1, '[', ']') FROM t WHERE t MATCH ?1",
        "speel*"),
        "Een nieuwe [speeltuin] voor de kinderen in de wijk.");
}

static void test_sql_update_and_delete_keep_index_consistent(void **state)
{
    (void)state;
    exec("INSERT INTO t(rowid, title, body) VALUES (9, 'Tijdelijk', 'Oude fietsen');"
         "UPDATE t SET body = 'Nieuwe fietsenstalling' WHERE rowid = 9;");
    assert_string_equal(rowids("fietsenstalling"), "9");
    exec("DELETE FROM t WHERE rowid = 9;"
         "INSERT INTO t(t) VALUES ('integrity-check');");
    assert_string_equal(rowids("fietsenstalling"), "");
}

static void test_sql_tokenizer_arguments_are_rejected(void **state)
{
    char *err = NULL;

    (void)state;
    assert_int_not_equal(sqlite3_exec(db,
        "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='dutch nonsense')",
        NULL, NULL, &err), SQLITE_OK);
    sqlite3_free(err);
    assert_int_equal(fts_dutch_register(db), SQLITE_OK); /* again: harmless */
    assert_string_equal(rowids("speeltuin"), "3,2");
}

static void test_sql_odd_input_does_not_crash(void **state)
{
    sqlite3_stmt *st;
    char big[5000];

    (void)state;
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = 0;
    assert_int_equal(sqlite3_prepare_v2(db,
        "INSERT INTO t(title, body) VALUES (?1, ?2)", -1, &st, NULL),
        SQLITE_OK);
    sqlite3_bind_text(st, 1, "", 0, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, "\xFF\xFE ... \xC3 !!! \xE2\x82", -1,
                      SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, "—", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, big, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_string_equal(rowids(big), "6"); /* capped alike on both sides */
    exec("INSERT INTO t(t) VALUES ('integrity-check');");
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(test_fold_lowercases_and_strips_diacritics),
        cmocka_unit_test(test_fold_drops_malformed_bytes),
        cmocka_unit_test(test_fold_respects_cap),
        cmocka_unit_test(test_words_split_on_apostrophes_hyphens_and_punctuation),
        cmocka_unit_test(test_plural_and_singular_share_a_token),
        cmocka_unit_test(test_diacritics_match_their_plain_spelling),
        cmocka_unit_test(test_offsets_point_at_the_original_words),
        cmocka_unit_test(test_query_is_processed_like_documents),
        cmocka_unit_test(test_prefix_word_is_folded_not_stemmed),
        cmocka_unit_test(test_empty_and_punctuation_only_give_no_tokens),
        cmocka_unit_test(test_long_words_are_unstemmed_and_capped),
        cmocka_unit_test(test_malformed_utf8_separates_words),
        cmocka_unit_test(test_random_bytes_stay_in_bounds),
        cmocka_unit_test(test_callback_error_stops_tokenizing),
    };
    const struct CMUnitTest sql[] = {
        cmocka_unit_test(test_sql_match_finds_stemmed_forms),
        cmocka_unit_test(test_sql_prefix_queries),
        cmocka_unit_test(test_sql_bm25_ranks_more_frequent_first),
        cmocka_unit_test(test_sql_snippet_marks_the_original_word),
        cmocka_unit_test(test_sql_update_and_delete_keep_index_consistent),
        cmocka_unit_test(test_sql_tokenizer_arguments_are_rejected),
        cmocka_unit_test(test_sql_odd_input_does_not_crash),
    };
    int failed = cmocka_run_group_tests_name("fts_dutch", pure, setup_fd,
                                             teardown_fd);

    failed += cmocka_run_group_tests_name("fts_dutch_sql", sql, setup_db,
                                          teardown_db);
    return failed ? 1 : 0;
}
