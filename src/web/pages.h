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

/* funds.c: the public fund pages and the ledger */
void page_funds(Request *r);
void page_fund(Request *r);
void page_fund_criteria_version(Request *r);
void page_fund_ledger(Request *r);
void page_fund_ledger_csv(Request *r);
/* The "Geld aanvragen bij een fonds" section of an initiative's page
 * (for its initiator; nothing for anyone else). */
void web_fund_apply_section(Request *r, const Initiative *in);
/* fund_admin.c: the admin's page of a fund */
void page_fund_admin(Request *r);
void page_fund_update(Request *r);
void page_fund_budget(Request *r);
void page_fund_criteria(Request *r);
void page_fund_close_year(Request *r);
/* applications.c: the applicant's pages */
void page_application_new(Request *r);
void page_application_create(Request *r);
void page_application_receipt(Request *r);
void page_application(Request *r);
void page_application_info(Request *r);
void page_application_withdraw(Request *r);
void page_application_report(Request *r);
void page_application_photo_remove(Request *r);
/* files.c: an uploaded file (a report photo), for who may see what it belongs to */
void page_file(Request *r);
/* committee.c: the committee's overview and rounds */
void page_committee_home(Request *r);
void page_committee(Request *r);
void page_round_create(Request *r);
/* committee_application.c: one application as the committee sees it */
void page_committee_application(Request *r);
void page_committee_scores(Request *r);
void page_committee_conflict(Request *r);
void page_committee_info(Request *r);
void page_committee_decide(Request *r);
void page_committee_payment(Request *r);
void page_committee_review(Request *r);

/* directory.c: "Wie kan helpen?", goals, portfolio holders, places */
void page_who_helps(Request *r);
/* wegwijzer.c: "Waar kunt u waarvoor terecht?" */
void page_wegwijzer(Request *r);
void page_goals(Request *r);
void page_goal(Request *r);
void page_goal_edit(Request *r);
void page_goal_update(Request *r);
void page_holders(Request *r);
void page_holder_save(Request *r);
void page_places(Request *r);
void page_place(Request *r);
void page_place_edit(Request *r);
void page_place_update(Request *r);
/* officials.c */
void page_officials(Request *r);
void page_official_edit(Request *r);
void page_official_update(Request *r);
/* connections.c: the "Verbonden met" section of an initiative's page,
 * its forms, and the initiatives connected to a goal (organisation 0) or
 * an organisation (organisation 1), for their pages. */
void web_connections_section(Request *r, const Initiative *in);
void web_connected_initiatives(Request *r, int organisation, const char *code);
void page_connections(Request *r);
void page_connection_add(Request *r);
void page_connection_remove(Request *r);
/* suggestions.c: the ranked suggestions for an initiative's page (NULL
 * when the visitor may not see them), made once and shown twice: in the
 * "Suggesties" section and as the suggested contact persons at intake
 * (which returns the best one's id as text, or NULL); and the forms that
 * confirm or dismiss a suggestion. */
struct Suggestions;
const struct Suggestions *web_suggestions(Request *r, const Initiative *in);
void web_suggestions_section(Request *r, const Initiative *in, const struct Suggestions *sg);
const char *web_contact_suggestions(Request *r, const struct Suggestions *sg);
void page_suggestion_confirm(Request *r);
void page_suggestion_dismiss(Request *r);
/* organisations.c */
void page_organisations(Request *r);
void page_organisation(Request *r);
void page_organisation_new(Request *r);
void page_organisation_create(Request *r);
void page_organisation_edit(Request *r);
void page_organisation_update(Request *r);
void page_organisation_member_add(Request *r);
void page_organisation_member_remove(Request *r);
/* market.c, market_event.c: the Beursvloer; web_market_org_section is
 * the Beursvloer section of an organisation's page */
void page_market(Request *r);
void page_market_requests(Request *r);
void page_market_offers(Request *r);
void page_market_request(Request *r);
void page_market_offer(Request *r);
void page_market_new(Request *r);
void page_market_create(Request *r);
void page_market_post_status(Request *r);
void page_market_match(Request *r);
void page_market_deal_state(Request *r);
void page_market_event(Request *r);
void page_market_event_new(Request *r);
void page_market_event_create(Request *r);
void page_market_event_register(Request *r);
void page_market_event_pitch(Request *r);
void web_market_org_section(Request *r, const char *organisation);
/* vacancies.c, volunteers.c: volunteering */
void page_vacancies(Request *r);
void page_vacancy(Request *r);
void page_vacancy_new(Request *r);
void page_vacancy_create(Request *r);
void page_vacancy_respond(Request *r);
void page_vacancy_status(Request *r);
void page_response_decide(Request *r);
void page_placement_end(Request *r);
void page_volunteer_profile(Request *r);
void page_volunteer_profile_save(Request *r);
void page_volunteer_for_you(Request *r);
void page_vacancy_invite(Request *r);
void page_invitation_answer(Request *r);
/* overview.c: "Overzicht van de gemeente" */
void page_overview(Request *r);

#endif
