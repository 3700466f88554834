/* GET /bestanden/{id}: an uploaded file (a photo with an accountability
 * report), for whoever may see what it belongs to (domain/files.h). */
#include <string.h>

#include "domain/files.h"
#include "lib/text.h"
#include "web/pages.h"

void page_file(Request *r)
{
    int64_t id = 0;
    FileInfo f;
    const unsigned char *data = NULL;
    size_t len = 0;
    Status s = parse_int64(r->params[0], &id) && id > 0 ? file_get(&r->ctx, id, &f, &data, &len) : ERR_NOT_FOUND;
    switch (s) {
    case STATUS_OK:
        break;
    case ERR_NOT_FOUND:
        web_error(r, 404, "Deze foto bestaat niet (meer).");
        return;
    case ERR_FORBIDDEN:
        web_error(r, 403, "Deze foto mag alleen de aanvrager, de commissie van het fonds of een medewerker van de "
                          "gemeente zien.");
        return;
    case ERR_UNAUTHORIZED:
        web_error(r, 401, "Log eerst in.");
        return;
    default:
        web_error(r, 500, "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
        return;
    }
    /* The type is what the bytes are (sniffed when it came in); nosniff
     * (every answer has it) keeps the browser to it. */
    r->content_type = f.content_type;
    resp_header(r, "Content-Disposition",
                arena_printf(r->arena, "inline; filename=\"foto-%lld.%s\"", (long long)f.id,
                             strcmp(f.content_type, "image/png") == 0 ? "png" : "jpg"));
    /* Only for this person: who may see it can change. */
    resp_header(r, "Cache-Control", "private, no-cache");
    buf_reset(&r->out);
    buf_add(&r->out, data, len);
}
