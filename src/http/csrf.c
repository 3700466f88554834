#include "http/csrf.h"

#include <string.h>

#include "domain/accounts.h"

const char *csrf_token(Request *r)
{
    if (r->session_csrf)
        return r->session_csrf;
    if (r->anon_csrf)
        return r->anon_csrf;
    const char *cookie = req_cookie(r, CSRF_COOKIE);
    if (cookie && strlen(cookie) >= 20 && strlen(cookie) <= 64)
        return cookie;
    /* Remembered, so every form on the page carries the same value. */
    r->anon_csrf = random_token(r->arena, 24);
    resp_cookie(r, CSRF_COOKIE, r->anon_csrf, -1);
    return r->anon_csrf;
}

int csrf_check(Request *r)
{
    const char *sent = form_get(r->form, "csrf");
    const char *expected = r->session_csrf ? r->session_csrf : req_cookie(r, CSRF_COOKIE);
    return sent && expected && secure_equal(sent, expected);
}
