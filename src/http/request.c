#include "http/request.h"

#include <microhttpd.h>
#include <string.h>

const char *req_header(Request *r, const char *name)
{
    return r->conn_ ? MHD_lookup_connection_value(r->conn_, MHD_HEADER_KIND, name) : NULL;
}

const char *req_cookie(Request *r, const char *name)
{
    return r->conn_ ? MHD_lookup_connection_value(r->conn_, MHD_COOKIE_KIND, name) : NULL;
}

const char *req_arg(Request *r, const char *name)
{
    const char *v = form_get(r->form, name);
    return v ? v : form_get(r->query, name);
}

void resp_header(Request *r, const char *name, const char *value)
{
    if (r->n_headers == RESP_MAX_HEADERS)
        return;
    r->header_name[r->n_headers] = name;
    r->header_value[r->n_headers] = value;
    r->n_headers++;
}

void resp_redirect(Request *r, const char *location)
{
    r->status = 303;
    resp_header(r, "Location", location);
    buf_reset(&r->out);
}

void resp_cookie(Request *r, const char *name, const char *value, long max_age)
{
    const char *age = max_age < 0 ? "" : arena_printf(r->arena, "; Max-Age=%ld", max_age);
    resp_header(r, "Set-Cookie",
                arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value, age,
                             r->secure ? "; Secure" : ""));
}

void resp_text(Request *r, int status, const char *content_type, const char *body)
{
    r->status = status;
    r->content_type = content_type;
    buf_reset(&r->out);
    buf_puts(&r->out, body);
}
