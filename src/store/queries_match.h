/* The statements of the matching engine (issue 5, domain/match.h):
 * candidate initiatives from the full-text index, one word at a time;
 * organisations by help kind and theme; what an initiative is already
 * connected to or had dismissed; the funds it applied to; setting its
 * contact person. Appended to WIJZER_QUERIES in queries.h; SQLite's text
 * is in sql_match.h, PostgreSQL's own (full-text only) there too. */
#ifndef WIJZER_QUERIES_MATCH_H
#define WIJZER_QUERIES_MATCH_H

#define WIJZER_MATCH_QUERIES(X) \
    X(Q_MATCH_TERM_HITS) X(Q_MATCH_TERM_DOCS) X(Q_MATCH_TOTAL) X(Q_MATCH_CANDIDATE) \
    X(Q_MATCH_ORGS_BY_KIND) X(Q_MATCH_ORGS_BY_THEME) X(Q_MATCH_ORG_NAME) X(Q_MATCH_OFFICIALS) \
    X(Q_MATCH_EXCLUDED) X(Q_MATCH_FUNDS_APPLIED) X(Q_MATCH_SET_CONTACT)

#endif
