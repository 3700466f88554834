/* The directory (issue 5, capability 3): municipal goals as a tree with
 * their source policy document, portfolio holder and responsible
 * department; portfolio holders (wethouders); officials' public profiles
 * (expertise, themes, wijken — never e-mail or phone); organisations with
 * kind, themes, what they offer, the help kinds they give, the wijken
 * they work in and a contact route, kept up to date by their members;
 * places (wijkcentra) with address and what happens there.
 *
 * Who may do what:
 *   - everyone (also without an account) reads all of it;
 *   - an admin changes goals (holder, department), portfolio holders,
 *     places and any organisation or official's profile;
 *   - an official (or coordinator) changes her own profile;
 *   - a member of an organisation changes its page;
 *   - any logged-in user registers a new organisation and becomes its
 *     first member.
 * The Wegwijzer and the matching engine build on the lists here. */
#ifndef WIJZER_DIRECTORY_H
#define WIJZER_DIRECTORY_H

#include "domain/context.h"
#include "domain/status.h"

enum {
    DIR_PER_PAGE_DEFAULT = 20,
    DIR_PER_PAGE_MAX = 100,
    DIR_NAME_MAX = 120,
    DIR_SHORT_MAX = 200,   /* kind, department, portfolio, website */
    DIR_TEXT_MAX = 4000,   /* description, offer, expertise, contact route */
    DIR_CHOICES_MAX = 40,  /* themes, help kinds or wijken on one profile */
};

typedef struct Holder {
    const char *code, *name, *portfolio;
} Holder;

typedef struct Goal {
    const char *code, *title, *source_document;
    const char *parent;            /* NULL: a root */
    const char *holder_code;       /* NULL: none yet */
    const char *holder_name, *holder_portfolio;
    const char *department;        /* "" when not set */
    CodeName *themes;              /* code, name */
    size_t n_themes;
    int depth;                     /* in the tree: 0 for a root */
    size_t n_children;
} Goal;

/* What an admin sets on a goal; holder_code NULL or "" clears it. */
typedef struct GoalInput {
    const char *holder_code, *department;
    const char **themes;
    size_t n_themes;
} GoalInput;

typedef struct Organisation {
    const char *code, *name, *kind, *description, *offer, *contact, *website;
    int64_t created_at;            /* 0: from the reference data */
    int64_t edited_at;             /* 0: never changed by its members */
    CodeName *themes;              /* code, name */
    size_t n_themes;
    CodeName *help_kinds;
    size_t n_help_kinds;
    CodeName *areas;               /* none: the whole municipality */
    size_t n_areas;
} Organisation;

typedef struct OrganisationFilter {
    const char *theme, *help_kind, *area, *kind; /* NULL: no filter */
    int page, per_page;                          /* 0: first page, default size */
} OrganisationFilter;

typedef struct OrganisationPage {
    Organisation *items;
    size_t n;
    int64_t total;
} OrganisationPage;

/* What a member types; the lists are codes. */
typedef struct OrganisationInput {
    const char *name, *kind, *description, *offer, *contact, *website;
    const char **themes, **help_kinds, **areas;
    size_t n_themes, n_help_kinds, n_areas;
} OrganisationInput;

typedef struct Place {
    const char *code, *name, *kind, *organisation_code, *organisation_name, *town;
    const char *address, *activities;   /* "" when unknown */
    const char *area_code, *area_name;  /* NULL when unknown */
} Place;

typedef struct Official {
    int64_t id;
    const char *name, *expertise;
    Role role;
    int64_t updated_at;                 /* 0: no profile yet */
    CodeName *themes;
    size_t n_themes;
    CodeName *areas;
    size_t n_areas;
} Official;

typedef struct OfficialInput {
    const char *expertise;
    const char **themes, **areas;
    size_t n_themes, n_areas;
} OfficialInput;

/* ---- Rules (pure; tests/unit/test_directory.c) ---------------------- */

int directory_may_edit_goals(const User *u);
/* An official, coordinator or admin editing her own profile, or an admin. */
int directory_may_edit_official(const User *u, const Official *o);
/* An admin, or a member of the organisation. */
int directory_may_edit_organisation(const User *u, int is_member);
/* Orders goals depth first (parents before their children, siblings in
 * their given order), sets depth and n_children. A goal whose parent is
 * unknown, or that sits in a loop, becomes a root. out holds n goals. */
void directory_goal_tree(const Goal *in, size_t n, Goal *out);
/* A code from a name: lower case ASCII letters and digits joined by '-'
 * ("Stichting De Brug!" → "stichting-de-brug"); "" when nothing is left. */
const char *directory_slug(Arena *a, const char *name);

/* ---- Goals and portfolio holders ------------------------------------ */

Status directory_goals(Ctx *c, Goal **out, size_t *n);  /* in tree order */
/* The goal, its children (in order) and its parents from the root down. */
Status directory_goal(Ctx *c, const char *code, Goal *out, Goal **children, size_t *n_children, Goal **path,
                      size_t *n_path);
/* Admin: portfolio holder, department and themes. */
Status directory_goal_update(Ctx *c, const char *code, const GoalInput *in, FieldErrors *e);
Status directory_holders(Ctx *c, Holder **out, size_t *n);
/* Admin: adds (code NULL) or changes a holder; *code_out gets its code. */
Status directory_holder_save(Ctx *c, const char *code, const char *name, const char *portfolio, FieldErrors *e,
                             const char **code_out);

/* ---- Organisations --------------------------------------------------- */

Status directory_organisations(Ctx *c, const OrganisationFilter *f, OrganisationPage *out);
Status directory_organisation(Ctx *c, const char *code, Organisation *out);
Status directory_organisation_update(Ctx *c, const char *code, const OrganisationInput *in, FieldErrors *e);
/* A logged-in user registers an organisation and becomes its member. */
Status directory_organisation_create(Ctx *c, const OrganisationInput *in, FieldErrors *e, const char **code_out);
/* No permission check: for the command line and the demo. */
Status directory_member_add(Ctx *c, const char *organisation, int64_t user);
int directory_is_member(Ctx *c, const char *organisation, int64_t user);
/* The organisations the user is a member of (code, name). */
Status directory_memberships(Ctx *c, int64_t user, CodeName **out, size_t *n);
/* The members' names, for the organisation's members and admins only. */
Status directory_members(Ctx *c, const char *organisation, CodeName **out, size_t *n);

/* A member or an admin adds the account with this e-mail address (of the
 * same municipality) as a member; field error "email" when there is no
 * such account. Adding a member twice is fine. *user_out: her id. */
Status directory_member_add_by_email(Ctx *c, const char *organisation, const char *email, FieldErrors *e,
                                     int64_t *user_out);
/* A member or an admin removes a member; a member may leave. The last
 * member stays (ERR_CONFLICT); ERR_NOT_FOUND when she is no member. */
Status directory_member_remove(Ctx *c, const char *organisation, int64_t user);

/* ---- Places ---------------------------------------------------------- */

/* organisation: NULL for all. */
Status directory_places(Ctx *c, const char *organisation, Place **out, size_t *n);
Status directory_place(Ctx *c, const char *code, Place *out);
/* Admin and loading data: address, what happens there, wijk. */
Status directory_place_set_details(Ctx *c, const char *code, const char *address, const char *activities,
                                   const char *area, FieldErrors *e);

/* ---- Officials ------------------------------------------------------- */

/* theme, area: NULL for all. */
Status directory_officials(Ctx *c, const char *theme, const char *area, Official **out, size_t *n);
Status directory_official(Ctx *c, int64_t id, Official *out);
Status directory_official_update(Ctx *c, int64_t id, const OfficialInput *in, FieldErrors *e);

/* ---- Demo (directory_demo.c) ----------------------------------------- */

/* Loads the "directory" block of demo/lv.json: portfolio holders, goal
 * owners, officials' profiles, organisation details, places and members.
 * What someone already changed stays; loading twice changes nothing. */
struct json_t;
Status directory_demo_load(Ctx *c, struct json_t *block, const char **err);

#endif
