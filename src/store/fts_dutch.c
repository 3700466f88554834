/* The "dutch" FTS5 tokenizer (see fts_dutch.h). Text is scanned once; each
 * word is folded into a stack buffer and stemmed by the instance's own
 * Snowball stemmer, so tokenizing allocates nothing per token. */
#include "store/fts_dutch.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

struct FtsDutch {
    struct sb_stemmer *stemmer;
};

#define BAD_CP 0xFFFFFFFFu /* not a character: a malformed byte */

/* Decodes the character at s[0..n), n > 0: returns its length and stores the
 * code point. A byte that does not start a well-formed sequence (stray
 * continuation, overlong form, surrogate, beyond U+10FFFF, cut short by the
 * end of the text) comes back as length 1 and BAD_CP, so callers can step
 * over it and never read past n. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;

    *cp = BAD_CP;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 1;
    }
    if (len > n)
        return 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 1;
    *cp = v;
    return len;
}

static bool in_range(uint32_t cp, uint32_t lo, uint32_t hi)
{
    return cp >= lo && cp <= hi;
}

/* Whether cp belongs inside a word. Beyond Latin-1 we carry no Unicode
 * tables, so everything counts as a letter except the blocks of punctuation,
 * symbols and emoji: typographic quotes (’ in "auto’s"), dashes and the
 * ellipsis must split words just as their ASCII cousins do. */
static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return in_range(cp, '0', '9') || in_range(cp | 0x20, 'a', 'z');
    if (cp == 0xAD)
        return true; /* soft hyphen: invisible inside a word, folds away */
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false; /* controls, Latin-1 punctuation, NBSP, × and ÷ */
    return !(in_range(cp, 0x2000, 0x2BFF)      /* punctuation, symbols */
             || in_range(cp, 0x2E00, 0x2E7F)   /* more punctuation */
             || in_range(cp, 0x3000, 0x303F)   /* CJK punctuation */
             || in_range(cp, 0xFE00, 0xFE6F)   /* selectors, small forms */
             || cp == 0xFEFF                   /* byte order mark */
             || in_range(cp, 0xFFF0, 0xFFFF)   /* specials, U+FFFD */
             || in_range(cp, 0x1F000, 0x1FAFF) /* emoji */
             || in_range(cp, 0xE0000, 0xE007F) /* emoji tag characters */
             || cp > 0x10FFFF);                /* BAD_CP */
}

/* Folded forms of U+00C0..U+00FF. Diacritics go because Dutch writers use
 * them inconsistently (geëvalueerd, geevalueerd; café, cafe). ð and þ have
 * no plain letter and are only lowercased; × and ÷ (NULL) are not letters
 * and stay as they are. */
static const char *const latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",       /* ÀÁÂÃÄÅÆÇ */
    "e", "e", "e", "e", "i", "i", "i", "i",        /* ÈÉÊËÌÍÎÏ */
    "\xC3\xB0", "n", "o", "o", "o", "o", "o", NULL, /* ÐÑÒÓÔÕÖ× */
    "o", "u", "u", "u", "u", "y", "\xC3\xBE", "ss", /* ØÙÚÛÜÝÞß */
    "a", "a", "a", "a", "a", "a", "ae", "c",       /* àáâãäåæç */
    "e", "e", "e", "e", "i", "i", "i", "i",        /* èéêëìíîï */
    "\xC3\xB0", "n", "o", "o", "o", "o", "o", NULL, /* ðñòóôõö÷ */
    "o", "u", "u", "u", "u", "y", "\xC3\xBE", "y",  /* øùúûüýþÿ */
};

/* The folded form of a non-ASCII cp, or NULL to keep it as written. None is
 * longer than its UTF-8 source, which keeps fold's output within n. */
static const char *fold_cp(uint32_t cp)
{
    if (in_range(cp, 0xC0, 0xFF))
        return latin1_fold[cp - 0xC0];
    if (cp == 0x132 || cp == 0x133)
        return "ij"; /* the Dutch ĳ ligature: "ĲSSEL" is "ijssel" */
    if (cp == 0x152 || cp == 0x153)
        return "oe";
    if (cp == 0x178)
        return "y";
    if (cp == 0xAD || in_range(cp, 0x300, 0x36F))
        return ""; /* decomposed "e\u0308" must fold like "ë" */
    return NULL;
}

size_t fts_dutch_fold(const char *in, size_t n, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, o = 0;

    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        char low;
        const char *src = in + i;
        size_t m = len;

        if (cp == BAD_CP) {
            i += len;
            continue;
        }
        if (cp < 0x80) {
            low = (char)(in_range(cp, 'A', 'Z') ? cp + 32 : cp);
            src = &low;
        } else if (fold_cp(cp)) {
            src = fold_cp(cp);
            m = strlen(src);
        }
        if (m > cap - o)
            break; /* never emit half a character */
        memcpy(out + o, src, m);
        o += m;
        i += len;
    }
    return o;
}

bool fts_dutch_next_word(const char *text, size_t n, size_t *pos,
                         size_t *start, size_t *end)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = *pos, len = 0;
    uint32_t cp = BAD_CP;

    while (i < n) { /* skip separators */
        len = utf8_decode(s + i, n - i, &cp);
        if (is_word_cp(cp))
            break;
        i += len;
    }
    if (i >= n) {
        *pos = n;
        return false;
    }
    *start = i;
    do {
        i += len;
        if (i >= n)
            break;
        len = utf8_decode(s + i, n - i, &cp);
    } while (is_word_cp(cp));
    *end = *pos = i;
    return true;
}

FtsDutch *fts_dutch_new(void)
{
    FtsDutch *fd = calloc(1, sizeof *fd);

    if (!fd) {
        fputs("fts_dutch: out of memory\n", stderr);
        abort();
    }
    fd->stemmer = sb_stemmer_new("dutch", "UTF_8");
    if (!fd->stemmer) {
        free(fd);
        return NULL;
    }
    return fd;
}

void fts_dutch_free(FtsDutch *fd)
{
    if (!fd)
        return;
    sb_stemmer_delete(fd->stemmer);
    free(fd);
}

/* Where the last word of text starts, or SIZE_MAX if there is none. Only a
 * prefix query needs it: in '"rode speeltuinen"*' just the last word is the
 * prefix, and "rode" must be stemmed like any other word. */
static size_t last_word_start(const char *text, size_t n)
{
    size_t pos = 0, start, end, last = SIZE_MAX;

    while (fts_dutch_next_word(text, n, &pos, &start, &end))
        last = start;
    return last;
}

/* Folds and stems text[start..end) and hands the result to emit. A prefix
 * word goes out folded but unstemmed ("speel*" must reach "speeltuin", whose
 * stem does not begin with "spel"), with its stem as a synonym, because
 * "speeltuinen*" must reach the indexed stem "speeltuin". */
static int emit_word(FtsDutch *fd, const char *text, size_t start, size_t end,
                     bool prefix, void *ctx, FtsDutchTokenFn emit)
{
    char buf[FTS_DUTCH_TOKEN_MAX];
    size_t m = fts_dutch_fold(text + start, end - start, buf, sizeof buf);
    const char *stem;
    int nstem, rc;

    if (m == 0)
        return SQLITE_OK; /* only soft hyphens or combining marks */
    if (m > FTS_DUTCH_STEM_MAX)
        return emit(ctx, 0, buf, (int)m, (int)start, (int)end);
    stem = (const char *)sb_stemmer_stem(fd->stemmer, (const sb_symbol *)buf,
                                         (int)m);
    if (!stem)
        return SQLITE_NOMEM;
    nstem = sb_stemmer_length(fd->stemmer);
    if (nstem <= 0) /* not seen; an empty token would corrupt the index */
        stem = buf, nstem = (int)m;
    if (!prefix)
        return emit(ctx, 0, stem, nstem, (int)start, (int)end);
    rc = emit(ctx, 0, buf, (int)m, (int)start, (int)end);
    if (rc == SQLITE_OK && ((size_t)nstem != m || memcmp(stem, buf, m) != 0))
        rc = emit(ctx, FTS5_TOKEN_COLOCATED, stem, nstem, (int)start,
                  (int)end);
    return rc;
}

int fts_dutch_tokenize(FtsDutch *fd, int flags, const char *text, int n,
                       void *ctx, FtsDutchTokenFn emit)
{
    size_t len = text && n > 0 ? (size_t)n : 0;
    size_t prefix_at = SIZE_MAX, pos = 0, start, end;
    int rc = SQLITE_OK;

    if (flags & FTS5_TOKENIZE_PREFIX)
        prefix_at = last_word_start(text, len);
    while (rc == SQLITE_OK &&
           fts_dutch_next_word(text, len, &pos, &start, &end))
        rc = emit_word(fd, text, start, end, start == prefix_at, ctx, emit);
    return rc;
}

/* FTS5 glue: a tokenizer handle is an FtsDutch. */

static int tok_create(void *unused, const char **argv, int argc,
                      Fts5Tokenizer **out)
{
    FtsDutch *fd;

    (void)unused;
    (void)argv;
    if (argc > 0)
        return SQLITE_ERROR; /* no options: a typo must not go unnoticed */
    fd = fts_dutch_new();
    if (!fd)
        return SQLITE_ERROR;
    *out = (Fts5Tokenizer *)fd;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *tok)
{
    fts_dutch_free((FtsDutch *)tok);
}

static int tok_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
                        const char *text, int n,
                        int (*emit)(void *, int, const char *, int, int, int))
{
    return fts_dutch_tokenize((FtsDutch *)tok, flags, text, n, ctx, emit);
}

/* The documented way to reach FTS5's API: the fts5() SQL function writes
 * the pointer through a bound pointer of type "fts5_api_ptr". This one
 * statement lives here, not in the statement table, because it is part of
 * SQLite's extension API rather than a query of ours. */
static int fts5_api_get(sqlite3 *db, fts5_api **api)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);

    *api = NULL;
    if (rc != SQLITE_OK)
        return rc; /* SQLite built without FTS5 */
    sqlite3_bind_pointer(st, 1, api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    rc = sqlite3_finalize(st);
    if (rc == SQLITE_OK && (!*api || (*api)->iVersion < 2))
        rc = SQLITE_ERROR;
    return rc;
}

int fts_dutch_register(sqlite3 *db)
{
    static fts5_tokenizer tokenizer = {tok_create, tok_delete, tok_tokenize};
    fts5_api *api;
    int rc = fts5_api_get(db, &api);

    if (rc != SQLITE_OK)
        return rc;
    return api->xCreateTokenizer(api, "dutch", NULL, &tokenizer, NULL);
}
