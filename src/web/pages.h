/* Every page handler, one line each; the route table (http/routes.c)
 * points at these. One file per page family implements them. */
#ifndef WIJZER_PAGES_H
#define WIJZER_PAGES_H

#include "domain/process.h"
#include "http/request.h"
#include "web/forms.h"
#include "web/layout.h"

/* static.c */
void page_static(Request *r);
void page_healthz(Request *r);
/* home.c */
void page_home(Request *r);
/* account.c */
void page_login_form(Request *r);
void page_login(Request *r);
void page_logout(Request *r);
void page_signup_form(Request *r);
void page_signup(Request *r);
/* initiatives.c */
void page_initiatives(Request *r);
void page_initiatives_csv(Request *r);
void page_initiative(Request *r);
void page_initiative_new(Request *r);
void page_initiative_create(Request *r);
void page_initiative_edit(Request *r);
void page_initiative_update(Request *r);
void page_initiative_transition(Request *r);
void page_initiative_help_add(Request *r);
void page_initiative_help_state(Request *r);
/* initiatives.c: pieces the other initiative pages (work.c) share.
 * Breadcrumb: pairs of href and label after "Home", NULL at the end; the
 * last pair is the current page. */
void web_breadcrumb(Request *r, ...) __attribute__((sentinel));
void web_state_badge(Buf *b, ProcState s);
/* "nog 9 dagen", "vandaag", "3 dagen te laat"; capital: first letter upper. */
const char *web_deadline_words(Arena *a, const Deadline *d, int capital);
/* The deadline notice of docs/markup.md §9; nothing when not active. */
void web_deadline(Request *r, const Deadline *d);
/* A select of wijken (optgroups) and their buurten; first option "" with
 * none_label. */
void web_area_select(Request *r, const Field *f, const char *none_label);
/* One card of docs/markup.md §11; d: also show the deadline (NULL: no). */
void web_initiative_card(Request *r, const Initiative *in, const Deadline *d);
/* work.c */
void page_my_initiatives(Request *r);
void page_work_queue(Request *r);

#endif
