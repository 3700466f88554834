/* Embedded static files (CSS, icons) with ETag and long caching: page
 * links carry the content hash, so a changed file gets a new URL. */
#include <string.h>

#include "lib/embedded.h"
#include "web/pages.h"

void page_static(Request *r)
{
    const char *name = r->params[0];
    const EmbeddedFile *f = embedded_find(arena_printf(r->arena, "static/%s", name));
    if (!f) {
        web_error(r, 404, "Dit bestand bestaat niet.");
        return;
    }
    const char *ext = strrchr(name, '.');
    r->content_type = !ext                       ? "application/octet-stream"
                      : strcmp(ext, ".css") == 0 ? "text/css; charset=utf-8"
                      : strcmp(ext, ".js") == 0  ? "text/javascript; charset=utf-8"
                      : strcmp(ext, ".svg") == 0 ? "image/svg+xml"
                      : strcmp(ext, ".png") == 0 ? "image/png"
                                                 : "application/octet-stream";
    resp_header(r, "ETag", f->etag);
    resp_header(r, "Cache-Control", "public, max-age=31536000, immutable");
    const char *inm = req_header(r, "If-None-Match");
    if (inm && strstr(inm, f->etag)) {
        r->status = 304;
        return;
    }
    r->static_body = f->data;
    r->static_len = f->size;
}

void page_healthz(Request *r)
{
    /* Reaching here means the database answered the tenant lookup. */
    resp_text(r, 200, "text/plain; charset=utf-8", "ok\n");
}
