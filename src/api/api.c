#include "api/api.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/json.h"
#include "lib/text.h"

void api_json(Request *r, int status, json_t *v)
{
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    buf_reset(&r->out);
    if (v)
        json_write(&r->out, v);
    json_decref(v);
}

void api_error(Request *r, int status, const char *code, const char *message, const FieldErrors *fields)
{
    json_t *err = json_pack("{s:s, s:s}", "code", code, "message", message);
    if (fields && fields->n) {
        json_t *f = json_object();
        for (size_t i = 0; i < fields->n; i++)
            json_object_set_new(f, fields->field[i], json_string(fields->message[i]));
        json_object_set_new(err, "fields", f);
    }
    api_json(r, status, json_pack("{s:o}", "error", err));
}

void api_status(Request *r, Status s, const FieldErrors *e)
{
    const char *summary = e && e->summary ? e->summary : NULL;
    switch (s) {
    case STATUS_OK:
        api_json(r, 200, json_object());
        break;
    case ERR_INVALID:
        api_error(r, 422, "validation", summary ? summary : "Niet alle velden zijn goed ingevuld.", e);
        break;
    case ERR_UNAUTHORIZED:
        api_error(r, 401, "unauthorized", "Log in met een geldige API-sleutel.", NULL);
        break;
    case ERR_FORBIDDEN:
        api_error(r, 403, "forbidden", summary ? summary : "Dit mag u niet doen.", NULL);
        break;
    case ERR_NOT_FOUND:
        api_error(r, 404, "not_found", "Niet gevonden.", NULL);
        break;
    case ERR_CONFLICT:
        api_error(r, 409, "conflict", summary ? summary : "Dit kan nu niet.", e);
        break;
    case ERR_RATE_LIMITED:
        api_error(r, 429, "rate_limited", "Te veel pogingen. Probeer het over een kwartier opnieuw.", NULL);
        break;
    default:
        api_error(r, 500, "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.", NULL);
        break;
    }
}

enum { API_JSON_DEPTH_MAX = 32 }; /* our bodies nest three deep; jansson alone allows 2048 */

/* Whether arrays and objects nest deeper than max, counted outside
 * strings. Cheaper than letting the parser find out, and it lets the
 * answer say what is wrong. */
static int json_too_deep(const char *s, size_t n, int max)
{
    int depth = 0, in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > max)
                return 1;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return 0;
}

json_t *api_body(Request *r)
{
    const char *ct = req_header(r, "Content-Type");
    if (ct && strncasecmp(ct, "application/json", 16) != 0) {
        api_error(r, 415, "unsupported_media_type", "Stuur JSON (Content-Type: application/json).", NULL);
        return NULL;
    }
    if (!r->body || !r->body_len) {
        api_error(r, 400, "malformed_json", "De inhoud ontbreekt; stuur een JSON-object.", NULL);
        return NULL;
    }
    if (json_too_deep(r->body, r->body_len, API_JSON_DEPTH_MAX)) {
        api_error(r, 400, "malformed_json",
                  arena_printf(r->arena, "Het JSON-object is te diep genest (hoogstens %d lagen).", API_JSON_DEPTH_MAX),
                  NULL);
        return NULL;
    }
    json_error_t err;
    json_t *v = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &err);
    if (v && !json_is_object(v)) {
        json_decref(v);
        api_error(r, 400, "malformed_json", "Stuur een JSON-object: {\"naam\": waarde, …}.", NULL);
        return NULL;
    }
    if (!v) {
        /* jansson refuses integers beyond 64 bits; say so rather than
         * point at a column. */
        const char *why = strstr(err.text, "too big") ? "Een getal is te groot" : "Dit is geen geldig JSON-object";
        api_error(r, 400, "malformed_json",
                  arena_printf(r->arena, "%s (regel %d, kolom %d).", why, err.line, err.column), NULL);
        return NULL;
    }
    return v;
}

int64_t api_id_param(Request *r, int index)
{
    int64_t id;
    if (!parse_int64(r->params[index], &id) || id <= 0) {
        api_error(r, 404, "not_found", "Niet gevonden.", NULL);
        return 0;
    }
    return id;
}

const char *api_query_text(Request *r, const char *name)
{
    const char *v = text_trim(r->arena, req_arg(r, name));
    return v && *v ? v : NULL;
}

int api_query_int(Request *r, const char *name, int def, int min, int max, FieldErrors *e, const char *msg)
{
    const char *v = api_query_text(r, name);
    int64_t n;
    if (!v)
        return def;
    if (!parse_int64(v, &n) || n < min || n > max) {
        errors_add(e, name, msg);
        return def;
    }
    return (int)n;
}
