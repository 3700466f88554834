/* Every API handler, one line each; the route table (http/routes.c)
 * points at these. */
#ifndef WIJZER_API_ROUTES_H
#define WIJZER_API_ROUTES_H

#include "http/request.h"

#endif
