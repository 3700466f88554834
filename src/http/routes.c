/* The route table: method, path, who may use it, CSRF. A handler's
 * permission is stated here and enforced before it runs. */
#include "api/routes.h"
#include "http/router.h"
#include "web/pages.h"

const Route app_routes[] = {
    /* Pages */
    { "GET", "/", page_home, ACCESS_PUBLIC, 0 },
    { "GET", "/healthz", page_healthz, ACCESS_PUBLIC, 0 },
    { "GET", "/static/{name}", page_static, ACCESS_PUBLIC, 0 },
    { "GET", "/inloggen", page_login_form, ACCESS_PUBLIC, 0 },
    { "POST", "/inloggen", page_login, ACCESS_PUBLIC, ROUTE_CSRF },
    { "POST", "/uitloggen", page_logout, ACCESS_USER, ROUTE_CSRF },
    { "GET", "/registreren", page_signup_form, ACCESS_PUBLIC, 0 },
    { "POST", "/registreren", page_signup, ACCESS_PUBLIC, ROUTE_CSRF },
    { "GET", "/initiatieven", page_initiatives, ACCESS_PUBLIC, 0 },
    { "GET", "/initiatieven.csv", page_initiatives_csv, ACCESS_PUBLIC, 0 },
    { "GET", "/initiatieven/nieuw", page_initiative_new, ACCESS_USER, 0 },
    { "POST", "/initiatieven", page_initiative_create, ACCESS_USER, ROUTE_CSRF },
    { "GET", "/initiatieven/{id}", page_initiative, ACCESS_PUBLIC, 0 },
    { "POST", "/initiatieven/{id}", page_initiative_update, ACCESS_USER, ROUTE_CSRF },
    { "GET", "/initiatieven/{id}/bewerken", page_initiative_edit, ACCESS_USER, 0 },
    { "POST", "/initiatieven/{id}/stappen", page_initiative_transition, ACCESS_USER, ROUTE_CSRF },
    { "POST", "/initiatieven/{id}/hulpvragen", page_initiative_help_add, ACCESS_USER, ROUTE_CSRF },
    { "POST", "/initiatieven/{id}/hulpvragen/{hid}/status", page_initiative_help_state, ACCESS_STAFF, ROUTE_CSRF },
    { "GET", "/mijn-initiatieven", page_my_initiatives, ACCESS_USER, 0 },
    { "GET", "/werkvoorraad", page_work_queue, ACCESS_STAFF, 0 },

    /* JSON API */
    { "GET", "/api/v1/areas", api_areas, ACCESS_PUBLIC, 0 },
    { "GET", "/api/v1/themes", api_themes, ACCESS_PUBLIC, 0 },
    { "GET", "/api/v1/help-kinds", api_help_kinds, ACCESS_PUBLIC, 0 },
    { "GET", "/api/v1/sdgs", api_sdgs, ACCESS_PUBLIC, 0 },
    { "GET", "/api/v1/initiatives", api_initiatives_list, ACCESS_PUBLIC, 0 },
    { "POST", "/api/v1/initiatives", api_initiative_create, ACCESS_USER, 0 },
    { "GET", "/api/v1/initiatives/{id}", api_initiative_get, ACCESS_PUBLIC, 0 },
    { "PATCH", "/api/v1/initiatives/{id}", api_initiative_update, ACCESS_USER, 0 },
    { "POST", "/api/v1/initiatives/{id}/transitions", api_initiative_transition, ACCESS_USER, 0 },
    { "GET", "/api/v1/initiatives/{id}/timeline", api_initiative_timeline, ACCESS_PUBLIC, 0 },
    { "POST", "/api/v1/initiatives/{id}/help-requests", api_help_create, ACCESS_USER, 0 },
    { "PATCH", "/api/v1/initiatives/{id}/help-requests/{hid}", api_help_update, ACCESS_STAFF, 0 },
};

const size_t app_routes_count = sizeof app_routes / sizeof *app_routes;
