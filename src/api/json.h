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

/* JSON text written straight into a buffer, without building a tree
 * first (json_write.c): the same text json_write gives for the same
 * values, at a fraction of the cost. The writer puts the commas. Every
 * value takes the key it has in its object, or NULL in an array; keys
 * are literals and are not escaped. */
typedef struct JsonOut {
    Buf *b;
    int comma; /* a value came before, in the same object or array */
} JsonOut;

void jout_init(JsonOut *o, Buf *b);
void jout_object(JsonOut *o, const char *key);
void jout_end_object(JsonOut *o);
void jout_array(JsonOut *o, const char *key);
void jout_end_array(JsonOut *o);
/* NULL, or text that is not UTF-8, gives null (as api_str). */
void jout_str(JsonOut *o, const char *key, const char *s);
void jout_int(JsonOut *o, const char *key, int64_t v);
void jout_bool(JsonOut *o, const char *key, int v);
void jout_null(JsonOut *o, const char *key);
/* text is JSON already. */
void jout_raw(JsonOut *o, const char *key, const char *text, size_t n);
void jout_json(JsonOut *o, const char *key, const json_t *v);

/* A string, or JSON null for NULL (and for text jansson refuses). */
json_t *api_str(const char *s);

/* An initiative in a list: the public summary fields, plus "snippet"
 * (HTML with <mark>) when it is a search hit. */
void api_write_initiative_item(JsonOut *o, const char *key, Request *r, const Initiative *in);
/* The whole initiative as GET /initiatives/{id} shows it. Never holds
 * the initiator's e-mail or phone; the name only when shown publicly. */
void api_write_initiative(JsonOut *o, const char *key, Request *r, const Initiative *in);
/* The same in two parts, for objects made ahead (api/objects.c): the head
 * is everything but the deadline, which depends on the day, and leaves the
 * object open; the tail writes the deadline and closes it. */
void api_write_initiative_head(JsonOut *o, const char *key, Arena *a, const Initiative *in);
void api_write_initiative_tail(JsonOut *o, Ctx *c, ProcState state, int64_t state_since, int64_t submitted_at);
void api_write_help(JsonOut *o, const char *key, const HelpRequest *h);
/* The same as trees, for answers built with jansson. */
json_t *api_initiative_item(Request *r, const Initiative *in);
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
/* A boolean member: absent or null leaves *out alone (0); anything but true
 * or false is an error on key (1 when it was there). */
int api_read_bool(json_t *obj, const char *key, int *out, FieldErrors *e);

#endif
