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

#endif
