/* Every API handler, one line each; the route table (http/routes.c)
 * points at these. */
#ifndef WIJZER_API_ROUTES_H
#define WIJZER_API_ROUTES_H

#include "http/request.h"

/* areas.c: reference data */
void api_areas(Request *r);
void api_themes(Request *r);
void api_help_kinds(Request *r);
void api_sdgs(Request *r);
/* initiatives.c */
void api_initiatives_list(Request *r);
void api_initiative_create(Request *r);
void api_initiative_get(Request *r);
void api_initiative_update(Request *r);
void api_initiative_transition(Request *r);
void api_initiative_timeline(Request *r);
void api_help_create(Request *r);
void api_help_update(Request *r);

#endif
