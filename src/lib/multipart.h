/* multipart/form-data bodies (RFC 7578): text parts become form fields,
 * file parts become uploads. Strict on purpose: what browsers send is
 * accepted, anything else is refused whole rather than half-read, and
 * limits cap the number of parts, each part's header block and the size
 * of text and files. Every read is bounded by the body's length; the
 * body need not be NUL-terminated. */
#ifndef WIJZER_MULTIPART_H
#define WIJZER_MULTIPART_H

#include <stddef.h>

#include "lib/arena.h"
#include "lib/form.h"

enum {
    MULTIPART_BOUNDARY_MAX = 70,           /* RFC 2046 */
    MULTIPART_MAX_PARTS = FORM_MAX_FIELDS, /* text and file parts together */
    MULTIPART_MAX_FILES = 10,
    MULTIPART_HEADER_MAX = 4096,           /* one part's header block */
    MULTIPART_TEXT_MAX = 1024 * 1024,      /* all text parts together: as much as a urlencoded body */
    UPLOAD_FILE_MAX = 5 * 1024 * 1024,     /* one file */
    UPLOAD_BODY_MAX = 10 * 1024 * 1024,    /* a whole multipart body */
};

typedef struct Upload {
    const char *field;          /* the form field's name */
    const char *filename;       /* as sent, without any directory part; may be "" */
    const char *content_type;   /* as declared; application/octet-stream when absent */
    const unsigned char *data;  /* points into the request body */
    size_t len;
} Upload;

typedef struct Uploads {
    Upload *items;
    size_t count, cap;
} Uploads;

typedef enum MultipartResult {
    MULTIPART_OK,
    MULTIPART_MALFORMED,        /* not a well-formed multipart/form-data body */
    MULTIPART_TOO_MANY_PARTS,
    MULTIPART_TOO_MANY_FILES,
    MULTIPART_HEADER_TOO_LARGE,
    MULTIPART_TEXT_TOO_LARGE,
    MULTIPART_FILE_TOO_LARGE,
} MultipartResult;

typedef struct MultipartLimits {
    size_t parts, files, header, text, file;
} MultipartLimits;

/* The limits above; tests and fuzzers pass smaller ones. */
extern const MultipartLimits multipart_limits;

/* 1 when a Content-Type header value is multipart/form-data. */
int multipart_is_form_data(const char *content_type);
/* The boundary of a multipart/form-data Content-Type header value, or
 * NULL when it is another type or the boundary is missing or invalid. */
const char *multipart_boundary(Arena *a, const char *content_type);
/* Parses len bytes of body. Text parts are added to form (NUL bytes
 * become spaces, as in url_decode), file parts to files; a file input
 * left empty by the browser (no name, no bytes) is skipped. On anything
 * but MULTIPART_OK, form and files may hold the parts read so far. */
MultipartResult multipart_parse(Arena *a, const char *body, size_t len, const char *boundary,
                                const MultipartLimits *lim, Form *form, Uploads *files);
/* 1 when the declared type is one we accept (JPEG, PNG, PDF) and the
 * first bytes of the file are what that type starts with. */
int upload_type_allowed(const Upload *u);

#endif
