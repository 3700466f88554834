/* Typed access to uploaded files (domain/files.h), on top of db.h. Knows
 * no rules. Every function takes the tenant and every query filters on
 * it. Returns DB_OK, DB_DONE (not found) or an error. */
#ifndef WIJZER_STORE_FILES_H
#define WIJZER_STORE_FILES_H

#include "domain/files.h"
#include "lib/arena.h"
#include "store/db.h"

/* Uses kind, owner_id, uploader_id (0: none), content_type, name,
 * created_at; size is len. */
int store_file_insert(Db *db, int64_t tenant, const FileInfo *f, const void *data, size_t len, int64_t *id);
/* The description only (no bytes). */
int store_file_get(Db *db, Arena *a, int64_t tenant, int64_t id, FileInfo *out);
/* The bytes, copied into the arena. */
int store_file_data(Db *db, Arena *a, int64_t tenant, int64_t id, const unsigned char **data, size_t *len);
/* The files of one owner, oldest first, without bytes. */
int store_file_list(Db *db, Arena *a, int64_t tenant, const char *kind, int64_t owner, FileInfo **out, size_t *n);
int store_file_delete(Db *db, int64_t tenant, const char *kind, int64_t owner, int64_t id);

#endif
