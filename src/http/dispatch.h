/* From a parsed request to a response: tenant, who is asking, the route,
 * its access rule and CSRF check, then the handler. */
#ifndef WIJZER_DISPATCH_H
#define WIJZER_DISPATCH_H

#include "http/request.h"
#include "store/db.h"

void dispatch(Store *store, Request *r, int body_too_large);
/* An error in the form the request expects: a page or JSON. */
void respond_error(Request *r, int status, const char *code, const char *message);

#endif
