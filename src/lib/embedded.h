/* Files built into the binary at build time by tools/embed.c.
 *
 * The generated C file (e.g. build/embedded_files.c) defines the table below;
 * it includes this header as "lib/embedded.h", so compile it with -Isrc.
 * Every data array is followed by one NUL byte that is not counted in size,
 * so a text file (CSS, SQL, CSV, JSON) can be used as a C string directly.
 * etag is a quoted strong ETag computed from the content, ready to be sent as
 * the ETag header and compared with If-None-Match. */
#ifndef LIB_EMBEDDED_H
#define LIB_EMBEDDED_H

#include <stddef.h>
#include <string.h>

typedef struct {
    const char *name;           /* as given on the embed command line, e.g. "app.css", "sql/001_init.sql" */
    const unsigned char *data;  /* size bytes, then a NUL */
    size_t size;
    const char *etag;           /* "\"<16 hex digits>\"" (FNV-1a 64 of the content) */
} EmbeddedFile;

extern const EmbeddedFile embedded_files[];
extern const size_t embedded_files_count;

/* Linear search: the table holds a handful of files. NULL if absent. */
static inline const EmbeddedFile *embedded_find(const char *name)
{
    for (size_t i = 0; i < embedded_files_count; i++)
        if (strcmp(embedded_files[i].name, name) == 0)
            return &embedded_files[i];
    return NULL;
}

#endif
