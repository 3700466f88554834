/* The shapes of the things the product is about. Plain data: rules live in
 * the domain modules, SQL in the store. Strings belong to the request's
 * arena unless noted. */
#ifndef WIJZER_MODEL_H
#define WIJZER_MODEL_H

#include <stddef.h>
#include <stdint.h>

typedef enum Role { ROLE_RESIDENT, ROLE_OFFICIAL, ROLE_COMMITTEE, ROLE_COORDINATOR, ROLE_ADMIN, ROLE_COUNT_ } Role;

typedef struct Tenant {
    int64_t id;
    const char *code, *name, *host;
} Tenant;

typedef struct User {
    int64_t id;
    const char *email, *name, *phone;
    Role role;
    const char *password_hash;
} User;

typedef struct Area {
    const char *code, *name, *kind, *parent, *town;
} Area;

typedef struct CodeName {
    const char *code, *name, *description;
} CodeName;

typedef enum ProcState {
    ST_IDEE,
    ST_INGEDIEND,
    ST_INTAKE,
    ST_IN_BEHANDELING,
    ST_TOEGEKEND,
    ST_AFGEWEZEN,
    ST_DOORVERWEZEN,
    ST_IN_UITVOERING,
    ST_AFGEROND,
    ST_GEEVALUEERD,
    ST_GESTOPT,
    ST_COUNT_,
    ST_NONE = -1
} ProcState;

typedef enum HelpState { HELP_OPEN, HELP_TOEGEZEGD, HELP_GELEVERD, HELP_AFGEWEZEN, HELP_COUNT_ } HelpState;

typedef struct HelpRequest {
    int64_t id;
    const char *kind, *kind_name, *description;
    int64_t amount_cents; /* -1: no amount */
    HelpState state;
} HelpRequest;

typedef struct Link {
    const char *kind, *url;
} Link;

typedef struct Initiative {
    int64_t id;
    const char *title, *summary, *description;
    const char *area_code, *area_name;
    ProcState state;
    int64_t initiator_id;
    const char *initiator_name, *initiator_email;
    int show_name;
    int64_t contact_id; /* 0: none yet */
    const char *contact_name;
    int64_t created_at, updated_at, state_since, submitted_at; /* submitted_at 0: not yet */
    CodeName *themes;
    size_t n_themes;
    CodeName *sdgs; /* code holds the number as text */
    size_t n_sdgs;
    Link *links;
    size_t n_links;
    HelpRequest *help;
    size_t n_help;
    const char *snippet; /* search hit: plain text, matches between \x01 and \x02 */
} Initiative;

typedef struct TimelineEvent {
    int64_t at;
    ProcState from, to;
    const char *by_name, *note;
    Role by_role;
} TimelineEvent;

/* A page of initiatives with the total that matched. */
typedef struct InitiativePage {
    Initiative *items;
    size_t n;
    int64_t total;
} InitiativePage;

/* A search ranks only the newest SEARCH_MAX initiatives that match (and
 * pass the filters), so its total is at most SEARCH_MAX: "1000 or more".
 * A list without a search word has no such limit. */
enum { SEARCH_MAX = 1000 };

typedef struct InitiativeFilter {
    const char *q, *area, *theme, *state; /* NULL: no filter */
    int page, per_page;                   /* page from 1 */
} InitiativeFilter;

#endif
