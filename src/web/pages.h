/* Every page handler, one line each; the route table (http/routes.c)
 * points at these. One file per page family implements them. */
#ifndef WIJZER_PAGES_H
#define WIJZER_PAGES_H

#include "http/request.h"
#include "web/layout.h"

/* static.c */
void page_static(Request *r);
void page_healthz(Request *r);
/* home.c */
void page_home(Request *r);
/* account.c */
void page_login_form(Request *r);
void page_login(Request *r);
void page_logout(Request *r);
void page_signup_form(Request *r);
void page_signup(Request *r);

#endif
