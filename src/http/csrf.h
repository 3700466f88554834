/* CSRF protection for forms. Logged in, the token is the session's own;
 * not logged in (the log-in and sign-up forms), it is a random value in a
 * cookie that the form must echo (double submit). */
#ifndef WIJZER_CSRF_H
#define WIJZER_CSRF_H

#include "http/request.h"

#define CSRF_COOKIE "wz_csrf"
#define SESSION_COOKIE "wz_session"

/* The token to put in a form's hidden csrf field; sets the cookie when a
 * visitor without one needs it. */
const char *csrf_token(Request *r);
/* Whether the posted csrf field matches. */
int csrf_check(Request *r);

#endif
