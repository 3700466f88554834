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
/* funds.c */
void api_funds_list(Request *r);
void api_fund_get(Request *r);
void api_fund_criteria(Request *r);
void api_fund_decisions(Request *r);
void api_fund_ledger(Request *r);
void api_fund_ledger_csv(Request *r);
void api_fund_budget_set(Request *r);
void api_fund_applications(Request *r);
void api_application_create(Request *r);
void api_application_get(Request *r);
void api_application_assess(Request *r);
void api_application_conflict(Request *r);
void api_application_decide(Request *r);
void api_application_request_info(Request *r);
void api_application_supply_info(Request *r);
void api_application_withdraw(Request *r);
void api_application_pay(Request *r);
void api_application_report(Request *r);
void api_application_report_review(Request *r);
void api_application_report_photos(Request *r);
/* files.c: an uploaded file's bytes */
void api_file_get(Request *r);
void api_fund_update(Request *r);
void api_fund_criteria_replace(Request *r);
void api_fund_rounds(Request *r);
void api_round_create(Request *r);
void api_round_get(Request *r);
void api_round_agenda_add(Request *r);
/* directory.c */
void api_goals(Request *r);
void api_goal(Request *r);
void api_holders(Request *r);
void api_organisations(Request *r);
void api_organisation(Request *r);
void api_places(Request *r);
void api_place(Request *r);
void api_officials(Request *r);
void api_organisation_create(Request *r);
void api_organisation_update(Request *r);
void api_official_update(Request *r);
void api_goal_update(Request *r);
/* connections.c: connections of an initiative and an organisation's members */
void api_connections(Request *r);
void api_connection_add(Request *r);
void api_connection_remove(Request *r);
void api_organisation_member_add(Request *r);
void api_organisation_member_remove(Request *r);
/* The initiatives connected to a goal (organisation 0) or an
 * organisation (1), as a JSON array for api/directory.c. */
struct json_t *api_connected_initiatives(Request *r, int organisation, const char *code);
/* match.c: suggestions of the matching engine */
void api_suggestions(Request *r);
void api_suggestion_confirm(Request *r);
void api_suggestion_dismiss(Request *r);
/* wegwijzer.c */
void api_wegwijzer(Request *r);
/* overview.c: the municipality's overview */
void api_overview(Request *r);

/* market.c: the Beursvloer */
void api_market_requests(Request *r);
void api_market_offers(Request *r);
void api_market_request(Request *r);
void api_market_offer(Request *r);
void api_market_request_create(Request *r);
void api_market_offer_create(Request *r);
void api_market_match(Request *r);
void api_market_deal(Request *r);
void api_market_deal_update(Request *r);
void api_market_events(Request *r);
void api_market_event(Request *r);
void api_market_event_create(Request *r);
void api_market_event_register(Request *r);
void api_market_event_pitch(Request *r);
/* volunteering.c: vacancies, responses, volunteer profiles */
void api_vacancies(Request *r);
void api_vacancy(Request *r);
void api_vacancy_create(Request *r);
void api_vacancy_respond(Request *r);
void api_response_update(Request *r);
void api_placement_end(Request *r);
void api_volunteers(Request *r);
void api_volunteer_me(Request *r);
void api_volunteer_me_update(Request *r);
void api_volunteer_matches(Request *r);
void api_vacancy_invite(Request *r);
void api_volunteer_invitations(Request *r);
void api_invitation_update(Request *r);

#endif
