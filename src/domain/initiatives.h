/* Initiatives: submitting, editing, moving through the process, help
 * requests. Checks input and permissions, then calls the store. */
#ifndef WIJZER_DOMAIN_INITIATIVES_H
#define WIJZER_DOMAIN_INITIATIVES_H

#include "domain/context.h"
#include "domain/process.h"
#include "domain/status.h"

enum {
    TITLE_MAX = 120,
    SUMMARY_MAX = 300,
    DESCRIPTION_MAX = 10000,
    THEMES_MAX = 5,
    SDGS_MAX = 5,
    LINKS_MAX = 5,
    URL_MAX = 500,
    HELP_MAX = 10,
    HELP_DESCRIPTION_MAX = 1000,
    NOTE_MAX = 2000,
};
#define AMOUNT_MAX_CENTS 100000000LL /* € 1.000.000 */

typedef struct HelpInput {
    const char *kind, *description;
    const char *amount;      /* as typed ("250,00"); NULL or "" for none */
    int64_t amount_cents;    /* used when amount is NULL; -1 for none */
} HelpInput;

/* What a person sent to create or change an initiative. For a change,
 * only the fields marked present are touched. */
typedef struct InitiativeInput {
    const char *title, *summary, *description, *area;
    const char *themes[THEMES_MAX + 1];
    size_t n_themes;
    const char *sdgs[SDGS_MAX + 1];
    size_t n_sdgs;
    Link links[LINKS_MAX + 1];
    size_t n_links;
    HelpInput help[HELP_MAX + 1];
    size_t n_help;
    int show_name;
    int as_idea; /* create in state idee instead of ingediend */
    struct {
        int title, summary, description, area, themes, sdgs, links, show_name;
    } present;
    int too_many; /* more themes, SDGs, links or help requests than allowed */
} InitiativeInput;

/* Field names in errors: title, summary, description, area, themes, sdgs,
 * links, help_requests[i].kind / .description / .amount_cents. */
Status initiative_create(Ctx *c, InitiativeInput *in, FieldErrors *e, int64_t *id);
Status initiative_update(Ctx *c, int64_t id, InitiativeInput *in, FieldErrors *e);
Status initiative_get(Ctx *c, int64_t id, Initiative *out);
/* The themes alone: cheaper than initiative_get for every row of a list. */
Status initiative_themes(Ctx *c, int64_t id, CodeName **out, size_t *n);
/* The themes of every initiative on a page at once (in->themes), for
 * lists: a few queries instead of one per initiative. */
Status initiative_page_themes(Ctx *c, InitiativePage *pg);
Status initiative_timeline(Ctx *c, int64_t id, TimelineEvent **out, size_t *n);
/* to: the state to move to; contact: the contact person chosen at intake
 * (0: the official doing intake). */
Status initiative_transition(Ctx *c, int64_t id, ProcState to, const char *note, int64_t contact, FieldErrors *e);
/* Staff make a colleague (official, coordinator, admin) the contact
 * person at any time, e.g. a suggestion of the matching engine; the state
 * and its deadline stay, the timeline gets a note. Field: target. */
Status initiative_set_contact(Ctx *c, int64_t id, int64_t contact, FieldErrors *e);
Status initiative_add_help(Ctx *c, int64_t id, HelpInput *h, FieldErrors *e, int64_t *help_id);
Status initiative_set_help_state(Ctx *c, int64_t id, int64_t help_id, HelpState s);
/* Pages of a list use OFFSET, which costs time in proportion to the
 * depth, so a list shows only its newest LIST_OFFSET_MAX items (page 500
 * at 20 per page); people narrow down with a word or a filter, programs
 * walk a whole list with initiative_list_after. */
enum { LIST_OFFSET_MAX = 10000 };
/* Whether the page (from 1) of per_page items starts within the reach. */
int initiative_page_reachable(int page, int per_page);
/* The last page worth showing of a list of total items: at the end of the
 * list or at the reach, whichever comes first; at least 1. */
int initiative_last_page(int64_t total, int per_page);
/* LIST_OFFSET_MAX written the Dutch way ("10.000"), for messages. */
const char *initiative_reach_label(Arena *a);
/* ERR_INVALID for a page out of reach; the page's items stop at the
 * reach (out->total still counts them all). */
Status initiative_list(Ctx *c, const InitiativeFilter *f, InitiativePage *out);
/* The number of items of the list, without them. */
Status initiative_count(Ctx *c, const InitiativeFilter *f, int64_t *total);
/* Keyset paging, as deep as the list goes at the cost of its first page:
 * the next f->per_page items with an id below `after` (0: from the
 * newest), newest first, with f's filters; f->page is ignored and there is
 * no total. *more: whether items follow the last one. A search (f->q)
 * ranks its hits, so it has no such order: ERR_INVALID. */
Status initiative_list_after(Ctx *c, const InitiativeFilter *f, int64_t after, InitiativePage *out, int *more);
Status initiative_mine(Ctx *c, InitiativePage *out);
/* The official's queue: overdue first, then by deadline. */
Status initiative_queue(Ctx *c, const char *area, int only_mine, InitiativePage *out, Deadline **deadlines);

int initiative_is_initiator(const Ctx *c, const Initiative *in);
int initiative_may_edit(const Ctx *c, const Initiative *in);
DeadlineRules deadline_rules(Ctx *c);
Deadline initiative_deadline(Ctx *c, const Initiative *in);
/* The initiator's name as the public may see it (NULL when hidden). */
const char *initiative_public_name(const Initiative *in);

#endif
