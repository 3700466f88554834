#include "lib/multipart.h"

#include <string.h>
#include <strings.h>

const MultipartLimits multipart_limits = {
    .parts = MULTIPART_MAX_PARTS,
    .files = MULTIPART_MAX_FILES,
    .header = MULTIPART_HEADER_MAX,
    .text = MULTIPART_TEXT_MAX,
    .file = UPLOAD_FILE_MAX,
};

/* A run of bytes inside the body or a header; never NUL-terminated. */
typedef struct Span {
    const char *p;
    size_t n;
} Span;

/* What one part's headers say. */
typedef struct Part {
    Span name, filename, type;
    int has_disposition, has_name, has_filename, has_type;
} Part;

static int is_tchar(unsigned char c) /* RFC 9110 token */
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 2046 bchars: what a boundary may be made of. */
static int is_bchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c != 0 && strchr("'()+_,-./:=? ", c) != NULL);
}

static const char *skip_ows(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static int span_is(Span s, const char *lit)
{
    size_t n = strlen(lit);
    return s.n == n && strncasecmp(s.p, lit, n) == 0;
}

/* Reads the next `; name=value` of a header value (value a token or a
 * quoted string). Returns 1 for a parameter, 0 at the end, -1 when
 * malformed. Browsers send a backslash in a quoted filename as itself
 * (they escape only `"`, CR and LF, as %22, %0D, %0A), so a backslash is
 * not an escape here. */
static int next_param(const char **pp, const char *end, Span *name, Span *value)
{
    const char *p = skip_ows(*pp, end);
    if (p == end)
        return 0;
    if (*p != ';')
        return -1;
    p = skip_ows(p + 1, end);
    if (p == end) { /* a trailing ";" */
        *pp = p;
        return 0;
    }
    const char *s = p;
    while (p < end && is_tchar((unsigned char)*p))
        p++;
    if (p == s || p == end || *p != '=')
        return -1;
    *name = (Span){ s, (size_t)(p - s) };
    p++;
    if (p < end && *p == '"') {
        s = ++p;
        while (p < end && *p != '"')
            p++;
        if (p == end)
            return -1;
        *value = (Span){ s, (size_t)(p - s) };
        p++;
    } else {
        s = p;
        while (p < end && is_tchar((unsigned char)*p))
            p++;
        if (p == s)
            return -1;
        *value = (Span){ s, (size_t)(p - s) };
    }
    *pp = p;
    return 1;
}

int multipart_is_form_data(const char *ct)
{
    if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
        return 0;
    char c = ct[19];
    return c == 0 || c == ';' || c == ' ' || c == '\t';
}

const char *multipart_boundary(Arena *a, const char *ct)
{
    if (!multipart_is_form_data(ct))
        return NULL;
    const char *p = ct + 19, *end = ct + strlen(ct);
    Span name, value, found = { NULL, 0 };
    int rc;
    while ((rc = next_param(&p, end, &name, &value)) == 1) {
        if (!span_is(name, "boundary"))
            continue;
        if (found.p)
            return NULL; /* two boundaries: which one? */
        found = value;
    }
    if (rc < 0 || !found.p || found.n == 0 || found.n > MULTIPART_BOUNDARY_MAX || found.p[found.n - 1] == ' ')
        return NULL;
    for (size_t i = 0; i < found.n; i++)
        if (!is_bchar((unsigned char)found.p[i]))
            return NULL;
    return arena_strndup(a, found.p, found.n);
}

/* Content-Disposition: form-data; name="…"[; filename="…"]. */
static int parse_disposition(const char *p, const char *end, Part *part)
{
    if (end - p < 9 || strncasecmp(p, "form-data", 9) != 0)
        return 0;
    p += 9;
    if (p < end && *p != ';' && *p != ' ' && *p != '\t')
        return 0;
    Span name, value;
    int rc;
    while ((rc = next_param(&p, end, &name, &value)) == 1) {
        if (span_is(name, "name")) {
            if (part->has_name)
                return 0;
            part->has_name = 1;
            part->name = value;
        } else if (span_is(name, "filename")) {
            if (part->has_filename)
                return 0;
            part->has_filename = 1;
            part->filename = value;
        }
        /* Anything else (filename* included, which RFC 7578 forbids) is
         * ignored. */
    }
    return rc == 0 && part->has_name && part->name.n > 0;
}

/* One header line without its CRLF. Header folding, bare CR or LF and
 * other control characters are refused. */
static int parse_header_line(const char *p, const char *end, Part *part)
{
    for (const char *q = p; q < end; q++) {
        unsigned char c = (unsigned char)*q;
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return 0;
    }
    const char *s = p;
    while (p < end && is_tchar((unsigned char)*p))
        p++;
    if (p == s || p == end || *p != ':')
        return 0;
    Span name = { s, (size_t)(p - s) };
    p = skip_ows(p + 1, end);
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (span_is(name, "Content-Disposition")) {
        if (part->has_disposition)
            return 0;
        part->has_disposition = 1;
        return parse_disposition(p, end, part);
    }
    if (span_is(name, "Content-Type")) {
        if (part->has_type || p == end)
            return 0;
        part->has_type = 1;
        part->type = (Span){ p, (size_t)(end - p) };
    }
    return 1;
}

/* The header block of a part, from *pp up to and including the empty
 * line; *pp is left at the part's first byte of content. */
static MultipartResult read_headers(const char **pp, const char *end, size_t max, Part *part)
{
    const char *p = *pp;
    memset(part, 0, sizeof *part);
    const char *stop;
    if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
        stop = p; /* no headers at all: refused below for want of a name */
    } else {
        /* Look no further than the limit allows, so a body of one long
         * header costs no more than the limit. */
        size_t room = (size_t)(end - p), look = max + 4 < room ? max + 4 : room;
        const char *blank = memmem(p, look, "\r\n\r\n", 4);
        if (!blank)
            return look < room ? MULTIPART_HEADER_TOO_LARGE : MULTIPART_MALFORMED;
        if ((size_t)(blank - p) > max)
            return MULTIPART_HEADER_TOO_LARGE;
        stop = blank + 2; /* the CRLF that ends the last line */
    }
    while (p < stop) {
        const char *eol = memmem(p, (size_t)(stop - p), "\r\n", 2);
        if (!eol || !parse_header_line(p, eol, part))
            return MULTIPART_MALFORMED;
        p = eol + 2;
    }
    if (!part->has_disposition)
        return MULTIPART_MALFORMED;
    *pp = stop + 2;
    return MULTIPART_OK;
}

static const char *basename_of(Span s)
{
    const char *p = s.p, *end = s.p + s.n;
    for (const char *q = s.p; q < end; q++)
        if (*q == '/' || *q == '\\')
            p = q + 1;
    return p;
}

static MultipartResult add_part(Arena *a, const Part *part, const char *data, size_t n, const MultipartLimits *lim,
                                size_t *text_used, Form *form, Uploads *files)
{
    const char *name = arena_strndup(a, part->name.p, part->name.n);
    if (part->has_filename) {
        if (part->filename.n == 0 && n == 0)
            return MULTIPART_OK; /* a file input left empty */
        if (files->count >= lim->files)
            return MULTIPART_TOO_MANY_FILES;
        if (n > lim->file)
            return MULTIPART_FILE_TOO_LARGE;
        if (files->count == files->cap)
            files->items = arena_grow(a, files->items, &files->cap, sizeof *files->items);
        const char *base = basename_of(part->filename);
        files->items[files->count++] = (Upload){
            .field = name,
            .filename = arena_strndup(a, base, (size_t)(part->filename.p + part->filename.n - base)),
            .content_type = part->has_type ? arena_strndup(a, part->type.p, part->type.n) : "application/octet-stream",
            .data = (const unsigned char *)data,
            .len = n,
        };
        return MULTIPART_OK;
    }
    if (n > lim->text - *text_used)
        return MULTIPART_TEXT_TOO_LARGE;
    *text_used += n;
    char *value = arena_strndup(a, data, n);
    /* A NUL byte would silently cut the value short later on. */
    for (size_t i = 0; i < n; i++)
        if (!value[i])
            value[i] = ' ';
    form_add(a, form, name, value);
    return MULTIPART_OK;
}

MultipartResult multipart_parse(Arena *a, const char *body, size_t len, const char *boundary,
                                const MultipartLimits *lim, Form *form, Uploads *files)
{
    size_t blen = boundary ? strlen(boundary) : 0;
    if (!body || blen == 0 || blen > MULTIPART_BOUNDARY_MAX)
        return MULTIPART_MALFORMED;
    /* Every delimiter but a first one without preamble has CRLF in front. */
    char delim[4 + MULTIPART_BOUNDARY_MAX];
    size_t dlen = 4 + blen;
    memcpy(delim, "\r\n--", 4);
    memcpy(delim + 4, boundary, blen);
    const char *end = body + len, *p;
    if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
        p = body + dlen - 2;
    } else {
        const char *d = memmem(body, len, delim, dlen);
        if (!d)
            return MULTIPART_MALFORMED;
        p = d + dlen;
    }
    size_t parts = 0, text_used = 0;
    for (;;) {
        /* After a delimiter: "--" closes the body (the epilogue is
         * ignored), or optional padding and CRLF open the next part. */
        if (end - p >= 2 && p[0] == '-' && p[1] == '-')
            return MULTIPART_OK;
        p = skip_ows(p, end);
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return MULTIPART_MALFORMED;
        p += 2;
        if (++parts > lim->parts)
            return MULTIPART_TOO_MANY_PARTS;
        Part part;
        MultipartResult rc = read_headers(&p, end, lim->header, &part);
        if (rc != MULTIPART_OK)
            return rc;
        const char *d = memmem(p, (size_t)(end - p), delim, dlen);
        if (!d)
            return MULTIPART_MALFORMED;
        rc = add_part(a, &part, p, (size_t)(d - p), lim, &text_used, form, files);
        if (rc != MULTIPART_OK)
            return rc;
        p = d + dlen;
    }
}

int upload_type_allowed(const Upload *u)
{
    static const struct {
        const char *type, *magic;
        size_t n;
    } accepted[] = {
        { "image/jpeg", "\xff\xd8\xff", 3 },
        { "image/png", "\x89PNG\r\n\x1a\n", 8 },
        { "application/pdf", "%PDF-", 5 },
    };
    const char *ct = u->content_type ? u->content_type : "";
    size_t n = strcspn(ct, "; \t");
    for (size_t i = 0; i < sizeof accepted / sizeof *accepted; i++)
        if (n == strlen(accepted[i].type) && strncasecmp(ct, accepted[i].type, n) == 0)
            return u->len >= accepted[i].n && memcmp(u->data, accepted[i].magic, accepted[i].n) == 0;
    return 0;
}
