/* The JSON API under /api/v1: shared helpers for answers and errors.
 * Errors are {"error":{"code","message","fields":{name: why}}}. */
#ifndef WIJZER_API_H
#define WIJZER_API_H

#include <jansson.h>

#include "domain/status.h"
#include "http/request.h"

/* Sends v (and releases it) with the given status. */
void api_json(Request *r, int status, json_t *v);
void api_error(Request *r, int status, const char *code, const char *message, const FieldErrors *fields);
/* Turns a domain Status into the matching error answer. */
void api_status(Request *r, Status s, const FieldErrors *fields);
/* Parses the request body as a JSON object; on failure answers 400 (or
 * 415 for another content type) and returns NULL. The caller releases it. */
json_t *api_body(Request *r);
/* The {id} route parameter as a positive integer, or 0 (then 404 sent). */
int64_t api_id_param(Request *r, int index);
/* A query-string argument, trimmed; NULL when absent or empty. */
const char *api_query_text(Request *r, const char *name);
/* A whole number from the query string in [min, max]; absent or empty
 * gives def, anything else gives def and msg as the error on name. */
int api_query_int(Request *r, const char *name, int def, int min, int max, FieldErrors *e, const char *msg);

#endif
