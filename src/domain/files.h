/* Uploaded files, kept in the database (store/files.c). For now one kind:
 * the photos an initiator sends with her accountability report
 * (FILE_KIND_REPORT_PHOTO, owner an application), at most
 * REPORT_PHOTOS_MAX of PHOTO_BYTES_MAX each, JPEG or PNG as their first
 * bytes say (the browser's word for the type is never taken).
 *
 * Who may see a file follows what it belongs to: a report photo whoever
 * may see the application (the applicant, the fund's committee, staff;
 * application_get). Anyone else: ERR_FORBIDDEN; not logged in:
 * ERR_UNAUTHORIZED; no such file (in this municipality): ERR_NOT_FOUND. */
#ifndef WIJZER_DOMAIN_FILES_H
#define WIJZER_DOMAIN_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "domain/context.h"
#include "domain/status.h"

#define FILE_KIND_REPORT_PHOTO "report_photo"

enum {
    REPORT_PHOTOS_MAX = 5,
    PHOTO_BYTES_MAX = 5 * 1024 * 1024,
    FILE_NAME_MAX = 120, /* characters of the original name kept */
};

typedef struct FileInfo {
    int64_t id;
    const char *kind;
    int64_t owner_id;      /* what it belongs to, by kind (an application's id) */
    int64_t uploader_id;   /* 0: unknown */
    const char *content_type; /* "image/jpeg" or "image/png": sniffed from the bytes */
    const char *name;      /* the original file name, without directories; "" when none */
    int64_t size;          /* bytes */
    int64_t created_at;    /* unix seconds */
} FileInfo;

/* One photo as it came in (a form's file part, or an API upload). */
typedef struct PhotoInput {
    const char *filename;            /* as sent; may be NULL or "" */
    const unsigned char *data;
    size_t len;
} PhotoInput;

/* "image/jpeg" or "image/png" when the bytes start as one, else NULL. */
const char *photo_type(const void *data, size_t len);
/* The name to keep: without directories, control characters and invalid
 * UTF-8, at most FILE_NAME_MAX characters; "" when nothing is left. */
const char *file_clean_name(Arena *a, const char *name);
/* Checks photos for a report that has n_existing already: the number,
 * each one's type and size. Field: photos (one message per problem, the
 * file named). Returns the number of errors added. */
int photos_check(Ctx *c, const PhotoInput *photos, size_t n, size_t n_existing, FieldErrors *e);

/* The file's description, after checking the acting person may see it. */
Status file_info(Ctx *c, int64_t id, FileInfo *out);
/* The same with its bytes (valid for the arena's life). */
Status file_get(Ctx *c, int64_t id, FileInfo *out, const unsigned char **data, size_t *len);

#endif
