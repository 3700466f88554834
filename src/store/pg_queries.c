/* SQL text for PostgreSQL. Most statements are SQLite's portable text
 * (sqlite_queries.c) with its numbered placeholders ?N rewritten to $N;
 * the table below holds only the statements where PostgreSQL differs:
 * full-text search (a tsvector column with the 'dutch' configuration
 * instead of FTS5). A placeholder whose type PostgreSQL cannot infer
 * (`?2 IS NULL` on its own) is written portably as CAST(?2 AS TEXT) in
 * the shared text, so it needs no entry here. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/buf.h"
#include "store/engine.h"
#include "store/sql_funds.h"
#include "store/sql_match.h"

/* As in sqlite_queries.c: the columns every list reader expects. */
#define LIST_COLS \
    "i.id, i.title, i.summary, i.area_code, a.name, i.state, u.name, i.show_name, " \
    "i.created_at, i.state_since, i.submitted_at, i.contact_id, c.name "
#define LIST_JOIN \
    " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code" \
    " JOIN users u ON u.id = i.initiator_id" \
    " LEFT JOIN users c ON c.id = i.contact_id "
/* $1 tenant, $2 area (wijk includes its buurten), $3 theme, $4 state */
#define LIST_FILTER \
    " i.tenant_id = $1" \
    " AND ($2::text IS NULL OR i.area_code = $2 OR a.parent_code = $2)" \
    " AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM initiative_themes t" \
    "      WHERE t.initiative_id = i.id AND t.theme_code = $3))" \
    " AND ($4::text IS NULL OR i.state = $4) "
/* LIST_FILTER without the join on areas (as SQLite's PAGE_FILTER): a
 * wijk's buurten from a list made once, so a page's ids come from the
 * index initiatives_list alone (migration 015), whatever the OFFSET. */
#define PAGE_FILTER \
    " i.tenant_id = $1" \
    " AND ($2::text IS NULL OR i.area_code = $2" \
    "      OR i.area_code IN (SELECT code FROM areas WHERE tenant_id = $1 AND parent_code = $2))" \
    " AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM initiative_themes t" \
    "      WHERE t.initiative_id = i.id AND t.theme_code = $3))" \
    " AND ($4::text IS NULL OR i.state = $4) "
/* The same contract as FTS5's bm25(10, 4, 1): title (weight A) counts
 * most, then the summary (B), then the description (C). The weights array
 * is {D, C, B, A}. */
#define RANK "ts_rank_cd('{0, 0.1, 0.4, 1.0}', i.tsv, q)"
/* \x01 and \x02 mark the hit, as snippet() does in SQLite; out_marked()
 * turns them into <mark> after escaping the rest. */
#define HEADLINE \
    "ts_headline('dutch', i.title || ' — ' || i.summary || ' — ' || i.description, q," \
    " 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=12, MinWords=5, MaxFragments=1')"

/* As SQLite's SEARCH_HITS: the newest `max` matches; only those are
 * ranked, so a common word costs the same among a million initiatives as
 * among a thousand. */
#define SEARCH_HITS_COLS(cols, match, max) \
    "SELECT " cols " FROM initiatives i CROSS JOIN to_tsquery('dutch', " match ") q" \
    " JOIN areas a ON a.tenant_id = i.tenant_id AND a.code = i.area_code" \
    " WHERE i.tsv @@ q AND" LIST_FILTER "ORDER BY i.id DESC LIMIT " max
#define SEARCH_HITS(match, max) SEARCH_HITS_COLS("i.id", match, max)

static const char *const pg_own[Q_COUNT_] = {
    /* As SQLite's (a page's ids first, then the joins for those), without
     * SQLite's INDEXED BY. */
    [Q_INITIATIVE_LIST] = "WITH page(id) AS MATERIALIZED ("
                          " SELECT i.id FROM initiatives i"
                          " WHERE" PAGE_FILTER "ORDER BY i.id DESC LIMIT $5 OFFSET $6)"
                          " SELECT " LIST_COLS ", NULL FROM initiatives i" LIST_JOIN
                          "WHERE i.id IN (SELECT id FROM page) ORDER BY i.id DESC",
    /* As SQLite's: by keyset; the index on id (the primary key, or
     * initiatives_list with several tenants) is entered at $5, so a batch
     * deep in the list costs what the first one does. */
    [Q_INITIATIVE_LIST_AFTER] = "WITH page(id) AS MATERIALIZED ("
                                " SELECT i.id FROM initiatives i"
                                " WHERE" PAGE_FILTER "AND i.id < $5 ORDER BY i.id DESC LIMIT $6)"
                                " SELECT " LIST_COLS ", NULL FROM initiatives i" LIST_JOIN
                                "WHERE i.id IN (SELECT id FROM page) ORDER BY i.id DESC",
    FUND_PG_QUERIES
    MATCH_PG_QUERIES
    /* After a bulk load: fresh statistics, or the planner guesses from
     * an empty table. */
    [Q_SEARCH_OPTIMIZE] = "ANALYZE",
    /* Ranks and pages first, then makes headlines for that one page only:
     * ts_headline reads the whole text again. The last column is the
     * number of hits (at most $8), as in SQLite's text. */
    /* Ranks the hits from the rows read to find them (a fifth faster than
     * looking them up again), after the limit, so when PostgreSQL sorts a
     * word's every match by id it ranks only the newest; matching again with
     * i.id >= min(hits) made PostgreSQL AND the word's index with a scan of
     * the primary key from there on, which grows with the table. */
    [Q_INITIATIVE_SEARCH] = "WITH hits AS MATERIALIZED (SELECT i.id, " RANK " AS rank FROM ("
                            SEARCH_HITS_COLS("i.id, i.tsv, q", "$7", "$8") ") i)"
                            " SELECT " LIST_COLS ", " HEADLINE ", (SELECT count(*) FROM hits)"
                            " FROM (SELECT id, rank FROM hits"
                            "   ORDER BY rank DESC, id DESC LIMIT $5 OFFSET $6) hit"
                            " JOIN initiatives i ON i.id = hit.id" LIST_JOIN
                            " CROSS JOIN to_tsquery('dutch', $7) q"
                            " ORDER BY hit.rank DESC, i.id DESC",
    [Q_INITIATIVE_SEARCH_COUNT] = "SELECT count(*) FROM (" SEARCH_HITS("$5", "$6") ") k",
};

/* Statements planned anew for their parameters on every run (sent
 * unprepared) instead of prepared once per connection. After five runs
 * PostgreSQL may switch a prepared statement to one plan for any
 * parameters, which for a search cannot know whether the word is common
 * (walk the newest initiatives backwards until enough match: a few ms) or
 * rare (the word's GIN entries: microseconds), and picked reading every
 * match of a common word and sorting them (150-300 ms at 100,000). The
 * same for a list page: how deep the OFFSET goes decides the plan. */
int pg_query_plan_each_time(QueryId q)
{
    return q == Q_INITIATIVE_SEARCH || q == Q_INITIATIVE_SEARCH_COUNT || q == Q_INITIATIVE_LIST
        || q == Q_INITIATIVE_LIST_AFTER;
}

/* ?N becomes $N; a bare ? becomes the next number. Text inside quotes is
 * left alone. */
static char *rewrite(const char *sql)
{
    Buf b;
    buf_init(&b);
    char quote = 0;
    int next = 1;
    for (const char *p = sql; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
            buf_putc(&b, *p);
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
            buf_putc(&b, *p);
        } else if (*p == '?') {
            buf_putc(&b, '$');
            if (p[1] >= '0' && p[1] <= '9') {
                int n = atoi(p + 1);
                if (n >= next)
                    next = n + 1;
            } else {
                buf_printf(&b, "%d", next++);
            }
        } else {
            buf_putc(&b, *p);
        }
    }
    char *out = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return out;
}

/* An initiative's contact (often none yet) as a lookup per row. As a
 * plain LEFT JOIN, PostgreSQL liked to merge-join one initiative with the
 * whole users table in id order, expecting the contact among the first
 * users (officials come first); with no contact it read all of them (6 ms
 * at 100,000 initiatives, for every initiative shown without a contact).
 * LIMIT 1 keeps the subquery from being turned back into that join. */
#define CONTACT_JOIN "LEFT JOIN users c ON c.id = i.contact_id"
#define CONTACT_LOOKUP "LEFT JOIN LATERAL (SELECT c.name FROM users c WHERE c.id = i.contact_id LIMIT 1) c ON TRUE"

static char *lookup_contact(char *sql)
{
    if (!strstr(sql, CONTACT_JOIN))
        return sql;
    Buf b;
    buf_init(&b);
    const char *p = sql, *hit;
    while ((hit = strstr(p, CONTACT_JOIN))) {
        buf_printf(&b, "%.*s" CONTACT_LOOKUP, (int)(hit - p), p);
        p = hit + strlen(CONTACT_JOIN);
    }
    buf_puts(&b, p);
    free(sql);
    char *out = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return out;
}

static char *texts[Q_COUNT_];
static pthread_once_t texts_once = PTHREAD_ONCE_INIT;

static void build_texts(void)
{
    for (int q = 0; q < Q_COUNT_; q++) {
        const char *src = pg_own[q] ? pg_own[q] : sqlite_queries[q];
        texts[q] = src ? lookup_contact(rewrite(src)) : NULL;
    }
}

const char *pg_query_text(QueryId q)
{
    if (q >= Q_COUNT_)
        return NULL;
    pthread_once(&texts_once, build_texts);
    return texts[q];
}
