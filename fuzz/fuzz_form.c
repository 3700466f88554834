/* Form bodies: application/x-www-form-urlencoded and multipart/form-data.
 * The input's first line is the Content-Type header, the rest the body:
 * a multipart/form-data type goes through multipart_boundary and
 * multipart_parse (with the real limits and with tiny ones, so every
 * limit is reached), anything else through form_parse. */
#include "fuzz.h"
#include "lib/form.h"
#include "lib/multipart.h"

static void check_multipart(Arena *a, const char *body, size_t n, const char *boundary, const MultipartLimits *lim)
{
    Form *form = form_new(a);
    Uploads files = { 0 };
    MultipartResult rc = multipart_parse(a, body, n, boundary, lim, form, &files);
    FUZZ_CHECK(rc >= MULTIPART_OK && rc <= MULTIPART_FILE_TOO_LARGE);
    FUZZ_CHECK(form->count + files.count <= lim->parts);
    FUZZ_CHECK(files.count <= lim->files);
    size_t text = 0;
    for (size_t i = 0; i < form->count; i++) {
        FUZZ_CHECK(form->fields[i].name[0]);
        text += strlen(form->fields[i].value);
    }
    FUZZ_CHECK(text <= lim->text);
    for (size_t i = 0; i < files.count; i++) {
        const Upload *u = &files.items[i];
        FUZZ_CHECK(u->field && u->field[0] && u->filename && u->content_type);
        FUZZ_CHECK(!strchr(u->filename, '/') && !strchr(u->filename, '\\'));
        FUZZ_CHECK(u->len <= lim->file);
        /* The bytes lie inside the body. */
        FUZZ_CHECK(u->data >= (const unsigned char *)body && u->data + u->len <= (const unsigned char *)body + n);
        (void)upload_type_allowed(u);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t ct_len = nl ? (size_t)(nl - data) : size;
    char *ct = fuzz_cstr(data, ct_len);
    size_t body_len = nl ? size - ct_len - 1 : 0;
    char *body = fuzz_copy(nl ? nl + 1 : data, body_len);
    Arena *a = arena_new();

    if (multipart_is_form_data(ct)) {
        const char *boundary = multipart_boundary(a, ct);
        if (boundary) {
            FUZZ_CHECK(*boundary && strlen(boundary) <= MULTIPART_BOUNDARY_MAX);
            static const MultipartLimits tiny = { .parts = 4, .files = 2, .header = 64, .text = 32, .file = 16 };
            check_multipart(a, body, body_len, boundary, &multipart_limits);
            check_multipart(a, body, body_len, boundary, &tiny);
        } else {
            /* A fixed boundary still lets the body be explored when the
             * header is broken. */
            check_multipart(a, body, body_len, "grens", &multipart_limits);
        }
    } else {
        Form *f = form_parse(a, body, body_len);
        FUZZ_CHECK(f->count <= FORM_MAX_FIELDS);
        FUZZ_CHECK(!f->truncated || f->count == FORM_MAX_FIELDS);
    }

    arena_free(a);
    free(body);
    free(ct);
    return 0;
}
