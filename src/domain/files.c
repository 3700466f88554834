/* Uploaded files (files.h): the checks on a photo, and who may see a
 * file, which follows what it belongs to. */
#include "domain/files.h"

#include <string.h>

#include "domain/funds.h"
#include "lib/buf.h"
#include "lib/text.h"
#include "store/store_files.h"

const char *photo_type(const void *data, size_t len)
{
    static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    const unsigned char *p = data;
    if (!p)
        return NULL;
    if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
        return "image/jpeg";
    if (len >= sizeof png && memcmp(p, png, sizeof png) == 0)
        return "image/png";
    return NULL;
}

/* The length of the UTF-8 sequence that starts at s (1..4), or 0 when
 * it is not a valid one. */
static size_t utf8_char(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

const char *file_clean_name(Arena *a, const char *name)
{
    if (!name)
        return "";
    /* Browsers send the base name; old ones sent C:\…\name. */
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            name = p + 1;
    Buf b;
    buf_init(&b);
    size_t chars = 0;
    const unsigned char *p = (const unsigned char *)name;
    while (*p && chars < FILE_NAME_MAX) {
        size_t n = utf8_char(p);
        if (n == 0) { /* not UTF-8: skip the byte */
            p++;
            continue;
        }
        if (!(n == 1 && (*p < 0x20 || *p == 0x7f)))
            buf_add(&b, p, n);
        p += n;
        chars++;
    }
    char *out = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    char *t = text_trim(a, out);
    return t ? t : "";
}

int photos_check(Ctx *c, const PhotoInput *photos, size_t n, size_t n_existing, FieldErrors *e)
{
    Buf b;
    buf_init(&b);
    int problems = 0;
    if (n_existing + n > REPORT_PHOTOS_MAX) {
        if (n_existing)
            buf_printf(&b, "U kunt hoogstens %d foto's sturen. Er staan er al %zu bij uw verantwoording, dus u kunt "
                           "er nog %zu bijdoen.",
                       REPORT_PHOTOS_MAX, n_existing,
                       n_existing < REPORT_PHOTOS_MAX ? REPORT_PHOTOS_MAX - n_existing : 0);
        else
            buf_printf(&b, "U kunt hoogstens %d foto's sturen. U koos er %zu.", REPORT_PHOTOS_MAX, n);
        problems++;
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = file_clean_name(c->arena, photos[i].filename);
        const char *shown = *name ? arena_printf(c->arena, "‘%s’", name)
                                  : arena_printf(c->arena, "Foto %zu", i + 1);
        const char *why = NULL;
        if (photos[i].len == 0)
            why = "is leeg. Kies een ander bestand.";
        else if (photos[i].len > PHOTO_BYTES_MAX)
            why = "is te groot: een foto mag hoogstens 5 MB zijn. Maak de foto kleiner of kies een andere.";
        else if (!photo_type(photos[i].data, photos[i].len))
            why = "is geen foto in JPG of PNG. Kies een foto in JPG of PNG.";
        if (why) {
            buf_printf(&b, "%s%s %s", problems ? " " : "", shown, why);
            problems++;
        }
    }
    if (problems)
        errors_add(e, "photos", arena_strdup(c->arena, buf_cstr(&b)));
    buf_free(&b);
    return problems;
}

Status file_info(Ctx *c, int64_t id, FileInfo *out)
{
    if (!c->user)
        return ERR_UNAUTHORIZED;
    memset(out, 0, sizeof *out);
    Status s = status_from_db(store_file_get(c->db, c->arena, c->tenant->id, id, out));
    if (s != STATUS_OK)
        return s;
    if (strcmp(out->kind, FILE_KIND_REPORT_PHOTO) == 0) {
        Application a;
        s = application_get(c, out->owner_id, &a);
        /* A photo of an application that is gone is nobody's. */
        return s == ERR_NOT_FOUND ? ERR_NOT_FOUND : s;
    }
    return ERR_NOT_FOUND; /* a kind nobody may see (yet) */
}

Status file_get(Ctx *c, int64_t id, FileInfo *out, const unsigned char **data, size_t *len)
{
    Status s = file_info(c, id, out);
    if (s != STATUS_OK)
        return s;
    return status_from_db(store_file_data(c->db, c->arena, c->tenant->id, id, data, len));
}
