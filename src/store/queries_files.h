/* The statements of uploaded files (photos with an accountability
 * report), appended to WIJZER_QUERIES in queries.h; their SQLite text
 * (portable, also PostgreSQL's) is in sql_files.h. */
#ifndef WIJZER_QUERIES_FILES_H
#define WIJZER_QUERIES_FILES_H

#define WIJZER_FILE_QUERIES(X) X(Q_FILE_INSERT) X(Q_FILE_GET) X(Q_FILE_DATA) X(Q_FILE_LIST) X(Q_FILE_DELETE)

#endif
