/* The "dutch" FTS5 tokenizer: words are lowercased, stripped of diacritics
 * and stemmed with Snowball's Dutch stemmer, so "Speeltuinen" finds
 * "speeltuin" and "geëvalueerd" finds "geevalueerd". Tokens carry the byte
 * offsets of the original word, so snippet() and highlight() mark what the
 * author wrote.
 *
 * SQLite keeps tokenizers per connection: every connection that opens a
 * database with a tokenize='dutch' table must call fts_dutch_register()
 * first, or FTS5 fails with "no such tokenizer: dutch".
 *
 * The pure helpers below need no database; the unit tests use them. */
#ifndef WIJZER_FTS_DUTCH_H
#define WIJZER_FTS_DUTCH_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

/* Folded words up to this many bytes are stemmed; longer ones (codes,
 * run-together junk) are indexed folded but unstemmed. */
#define FTS_DUTCH_STEM_MAX 64
/* No token is longer than this; a longer folded word is cut at a character
 * boundary. Documents and queries are cut alike, so long words still match. */
#define FTS_DUTCH_TOKEN_MAX 256

/* Registers the tokenizer "dutch" on db (takes no arguments:
 * tokenize='dutch'). Returns SQLITE_OK, or an SQLite error code when FTS5
 * is missing or registration fails. Calling it again is harmless. */
int fts_dutch_register(sqlite3 *db);

/* Folds in[0..n): ASCII and Latin-1 letters are lowercased and lose their
 * diacritics (É, ë → e; ï → i; ç → c; ß → ss; æ → ae), ĳ becomes ij, and
 * combining marks (U+0300–U+036F, so decomposed "e\u0308" folds like "ë")
 * and soft hyphens vanish. Other well-formed UTF-8 is copied unchanged;
 * bytes that are not well-formed UTF-8 are dropped. The output is never
 * longer than the input, so cap >= n always suffices. Writes at most cap
 * bytes and never a partial character (it stops before the first character
 * that does not fit); returns the number written. No NUL is added. */
size_t fts_dutch_fold(const char *in, size_t n, char *out, size_t cap);

/* Finds the next word in text[0..n) at or after *pos. A word is a run of
 * letters and digits: ASCII alphanumerics, Latin-1 letters, and any other
 * code point outside the punctuation, symbol and emoji blocks. Apostrophes,
 * hyphens, spaces, punctuation and malformed bytes separate words. On
 * success stores the word's byte range in [*start, *end), moves *pos to
 * *end and returns true; returns false when no word is left. */
bool fts_dutch_next_word(const char *text, size_t n, size_t *pos,
                         size_t *start, size_t *end);

/* One tokenizer instance: owns a Snowball stemmer, which is not thread-safe,
 * so an instance is used by one thread at a time (SQLite gives each
 * connection its own). */
typedef struct FtsDutch FtsDutch;

/* Same shape as FTS5's xToken callback: return SQLITE_OK to continue. */
typedef int (*FtsDutchTokenFn)(void *ctx, int tflags, const char *token,
                               int ntoken, int start, int end);

/* Returns NULL only if libstemmer has no UTF-8 Dutch stemmer (or it could
 * not allocate one); memory for the instance itself aborts on OOM. */
FtsDutch *fts_dutch_new(void);
void fts_dutch_free(FtsDutch *fd); /* NULL is fine */

/* Calls emit for each word of text[0..n) in order, with the folded, stemmed
 * token and the word's original byte offsets. flags are FTS5_TOKENIZE_*.
 * With FTS5_TOKENIZE_PREFIX the last word is the prefix ("speel*"): it is
 * emitted folded but unstemmed, followed by its stem as a synonym
 * (FTS5_TOKEN_COLOCATED) when that differs, so "speel*" matches
 * "speeltuin" and "speeltuinen*" still matches the indexed "speeltuin".
 * Returns SQLITE_OK, the first non-OK value emit returned, or
 * SQLITE_NOMEM if the stemmer ran out of memory. */
int fts_dutch_tokenize(FtsDutch *fd, int flags, const char *text, int n,
                       void *ctx, FtsDutchTokenFn emit);

#endif
