/* GET /api/v1/files/{id}: an uploaded file's bytes (a photo with an
 * accountability report), for whoever may see what it belongs to
 * (domain/files.h); errors as JSON. */
#include <string.h>

#include "api/api.h"
#include "api/routes.h"
#include "domain/files.h"

void api_file_get(Request *r)
{
    int64_t id = api_id_param(r, 0);
    if (!id)
        return;
    FileInfo f;
    const unsigned char *data = NULL;
    size_t len = 0;
    Status s = file_get(&r->ctx, id, &f, &data, &len);
    if (s != STATUS_OK) {
        api_status(r, s, NULL);
        return;
    }
    r->status = 200;
    r->content_type = f.content_type;
    resp_header(r, "Content-Disposition",
                arena_printf(r->arena, "inline; filename=\"foto-%lld.%s\"", (long long)f.id,
                             strcmp(f.content_type, "image/png") == 0 ? "png" : "jpg"));
    resp_header(r, "Cache-Control", "private, no-cache");
    buf_reset(&r->out);
    buf_add(&r->out, data, len);
}
