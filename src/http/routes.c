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

    /* JSON API */
};

const size_t app_routes_count = sizeof app_routes / sizeof *app_routes;
