/* SQLite text of the file statements (queries_files.h), included into the
 * initialiser of sqlite_queries[] in sqlite_queries.c; PostgreSQL takes it
 * with ?N → $N (the data parameter is BYTEA there, sent as hex text).
 * Every statement filters on tenant. */
#ifndef WIJZER_SQL_FILES_H
#define WIJZER_SQL_FILES_H

/* The columns of a file without its bytes, in the order store/files.c reads them. */
#define FILE_COLS "id, kind, owner_id, uploader_id, content_type, name, size, created_at"

#define FILE_SQLITE_QUERIES \
    [Q_FILE_INSERT] = "INSERT INTO files (tenant_id, kind, owner_id, uploader_id, content_type, name, size, data," \
                      " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", \
    [Q_FILE_GET] = "SELECT " FILE_COLS " FROM files WHERE tenant_id = ?1 AND id = ?2", \
    [Q_FILE_DATA] = "SELECT data FROM files WHERE tenant_id = ?1 AND id = ?2", \
    [Q_FILE_LIST] = "SELECT " FILE_COLS " FROM files WHERE tenant_id = ?1 AND kind = ?2 AND owner_id = ?3" \
                    " ORDER BY id", \
    [Q_FILE_DELETE] = "DELETE FROM files WHERE tenant_id = ?1 AND kind = ?2 AND owner_id = ?3 AND id = ?4",

#endif
