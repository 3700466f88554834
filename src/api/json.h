/* The API's JSON shapes: reading request bodies into domain inputs
 * (json_in.c) and writing the objects it answers with (json_out.c). One
 * writer per object, so every route shows an initiative the same way. */
#ifndef WIJZER_API_JSON_H
#define WIJZER_API_JSON_H

#include <jansson.h>

#include "domain/initiatives.h"
#include "http/request.h"

/* Appends v as compact JSON text (json_write.c). */
void json_write(Buf *b, const json_t *v);

/* A string, or JSON null for NULL (and for text jansson refuses). */
json_t *api_str(const char *s);

/* An initiative in a list: the public summary fields, plus "snippet"
 * (HTML with <mark>) when it is a search hit. */
json_t *api_initiative_item(Request *r, const Initiative *in);
/* The whole initiative as GET /initiatives/{id} shows it. Never holds
 * the initiator's e-mail or phone; the name only when shown publicly. */
json_t *api_initiative_object(Request *r, const Initiative *in);
json_t *api_help_object(const HelpRequest *h);
json_t *api_timeline_event(Request *r, const Initiative *in, const TimelineEvent *ev);

/* Reads an initiative body. JSON type errors go to e under the field's
 * name; the members that were sent are marked present (for a change). */
void api_read_initiative(Request *r, json_t *body, InitiativeInput *in, FieldErrors *e);
/* Reads one help request object; prefix names its fields in errors
 * ("help_requests[2]" gives "help_requests[2].kind"; "" gives "kind"). */
void api_read_help(Request *r, json_t *obj, const char *prefix, HelpInput *h, FieldErrors *e);
/* Optional members: absent leaves *out and returns 0; null gives NULL
 * (text) or leaves *out (id); the wrong type adds an error. */
int api_read_text(Request *r, json_t *obj, const char *key, const char **out, FieldErrors *e);
int api_read_id(json_t *obj, const char *key, int64_t *out, FieldErrors *e);

#endif
