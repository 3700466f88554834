/* The statements of the Wegwijzer (issue 5): the organisations that fit a
 * need, theme and wijk, ranked in the database (there may be thousands),
 * and the officials with a public profile (not a scan of every user).
 * Appended to WIJZER_QUERIES in queries.h; their SQLite text (portable,
 * also PostgreSQL's) is in sql_wegwijzer.h. */
#ifndef WIJZER_QUERIES_WEGWIJZER_H
#define WIJZER_QUERIES_WEGWIJZER_H

#define WIJZER_WEGWIJZER_QUERIES(X) X(Q_WEGWIJZER_ORGANISATIONS) X(Q_WEGWIJZER_OFFICIALS)

#endif
