/* From a parsed request to a response: tenant, who is asking, the route,
 * its access rule and CSRF check, then the handler. */
#ifndef WIJZER_DISPATCH_H
#define WIJZER_DISPATCH_H

#include "http/request.h"
#include "store/db.h"

void dispatch(Store *store, Request *r, int body_too_large);
/* How many body bytes a request to path with this Content-Type may send
 * (REQUEST_BODY_MAX, or UPLOAD_BODY_MAX for a multipart form to a page);
 * more is answered with 413. */
size_t request_body_max(const char *path, const char *content_type);
/* An error in the form the request expects: a page or JSON. */
void respond_error(Request *r, int status, const char *code, const char *message);

#endif
