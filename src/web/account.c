/* Log-in, sign-up and log-out. A new session id at every log-in (no
 * fixation); the cookie is HttpOnly and SameSite=Lax, Secure behind TLS. */
#include <string.h>

#include "domain/accounts.h"
#include "http/csrf.h"
#include "web/pages.h"

/* Only a path on this site: never "//host" or a scheme, so log-in cannot
 * be used to send someone elsewhere. */
static const char *safe_return(const char *to, const char *fallback)
{
    if (!to || to[0] != '/' || to[1] == '/' || to[1] == '\\' || strpbrk(to, "\r\n"))
        return fallback;
    return to;
}

static void field(Request *r, const char *name, const char *type, const char *label, const char *value,
                  const char *autocomplete, const char *hint, const char *error)
{
    Buf *b = &r->out;
    OUTF(b, "<div class=\"utrecht-form-field utrecht-form-field--text%s\">\n",
         error ? " utrecht-form-field--invalid" : "");
    OUTF(b, "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"%s\">%s</label></div>\n",
         name, label);
    if (hint)
        OUTF(b, "<div class=\"utrecht-form-field-description\" id=\"%s-hint\">%s</div>\n", name, hint);
    if (error)
        OUTF(b, "<div class=\"utrecht-form-field-error-message\" id=\"%s-error\">%s</div>\n", name, error);
    OUTF(b, "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox utrecht-textbox--html-input%s\" "
            "id=\"%s\" name=\"%s\" type=\"%s\" autocomplete=\"%s\"",
         error ? " utrecht-textbox--invalid" : "", name, name, type, autocomplete);
    if (value)
        OUTF(b, " value=\"%s\"", value);
    if (hint || error)
        OUTF(b, " aria-describedby=\"%s%s%s\"", hint ? arena_printf(r->arena, "%s-hint", name) : "",
             hint && error ? " " : "", error ? arena_printf(r->arena, "%s-error", name) : "");
    if (error)
        out_html(b, HTML(" aria-invalid=\"true\""));
    out_html(b, HTML(" required></div>\n</div>\n"));
}

static void hidden_fields(Request *r, const char *terug)
{
    OUTF(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf_token(r));
    if (terug)
        OUTF(&r->out, "<input type=\"hidden\" name=\"terug\" value=\"%s\">\n", safe_return(terug, "/"));
}

static void error_alert(Request *r, const char *message)
{
    OUTF(&r->out, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">"
                  "<p class=\"nl-paragraph\">%s</p></div>\n", message);
}

static void login_form(Request *r, const char *email, const char *error)
{
    Buf *b = &r->out;
    const char *terug = req_arg(r, "terug");
    page_begin(r, error ? "Fout: Inloggen" : "Inloggen", "inloggen");
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Inloggen</h1>\n"));
    if (error)
        error_alert(r, error);
    else if (terug)
        out_html(b, HTML("<p class=\"nl-paragraph\">Log in om verder te gaan.</p>\n"));
    out_html(b, HTML("<form method=\"post\" action=\"/inloggen\" class=\"wijzer-form\">\n"));
    hidden_fields(r, terug);
    field(r, "email", "email", "E-mailadres", email, "email", NULL, NULL);
    field(r, "password", "password", "Wachtwoord", NULL, "current-password", NULL, NULL);
    out_html(b, HTML("<div class=\"wijzer-actions\"><button type=\"submit\" class=\"nl-button nl-button--primary\">"
                     "<span class=\"nl-button__label\">Inloggen</span></button></div>\n</form>\n"));
    Buf link;
    buf_init(&link);
    buf_puts(&link, "/registreren");
    if (terug) {
        buf_puts(&link, "?terug=");
        url_encode_into(&link, safe_return(terug, "/"));
    }
    OUTF(b, "<p class=\"nl-paragraph\">Nog geen account? <a class=\"nl-link\" href=\"%s\">Maak een "
            "account</a>. Dat duurt een minuut.</p>\n", buf_cstr(&link));
    buf_free(&link);
    page_end(r);
}

void page_login_form(Request *r)
{
    login_form(r, NULL, NULL);
}

static void start_session(Request *r, const User *u, const char *flash, const char *fallback)
{
    const char *cookie, *csrf;
    if (session_start(&r->ctx, u->id, &cookie, &csrf) != STATUS_OK) {
        web_error(r, 500, "Inloggen lukt nu niet. Probeer het later opnieuw.");
        return;
    }
    resp_cookie(r, SESSION_COOKIE, cookie, (long)SESSION_DAYS * 86400);
    resp_cookie(r, CSRF_COOKIE, "", 0);
    flash_set(r, flash);
    resp_redirect(r, safe_return(req_arg(r, "terug"), fallback));
}

void page_login(Request *r)
{
    const char *email = form_get(r->form, "email"), *password = form_get(r->form, "password");
    User u;
    Status s = account_login(&r->ctx, email, password, r->client, &u);
    if (s == STATUS_OK) {
        if (r->session_cookie)
            session_end(&r->ctx, r->session_cookie);
        start_session(r, &u, "ingelogd", "/mijn-initiatieven");
    } else if (s == ERR_RATE_LIMITED) {
        r->status = 429;
        resp_header(r, "Retry-After", "900");
        login_form(r, email, "U hebt te vaak een verkeerd wachtwoord ingevuld. Wacht een kwartier en probeer het "
                             "dan opnieuw.");
    } else if (s == ERR_UNAUTHORIZED) {
        r->status = 401;
        login_form(r, email, "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters.");
    } else {
        web_error(r, 500, "Inloggen lukt nu niet. Probeer het later opnieuw.");
    }
}

void page_logout(Request *r)
{
    session_end(&r->ctx, r->session_cookie);
    resp_cookie(r, SESSION_COOKIE, "", 0);
    flash_set(r, "uitgelogd");
    resp_redirect(r, "/");
}

static void signup_form(Request *r, const FieldErrors *e)
{
    Buf *b = &r->out;
    page_begin(r, e && e->n ? "Fout: Account maken" : "Account maken", "registreren");
    out_html(b, HTML("<h1 class=\"nl-heading nl-heading--level-1\">Account maken</h1>\n"
                     "<p class=\"nl-paragraph\">Met een account kunt u een initiatief indienen en volgen. "
                     "Uw e-mailadres ziet alleen de gemeente.</p>\n"));
    if (e && e->n)
        error_alert(r, "Niet alles is goed ingevuld. Kijk bij de velden hieronder.");
    out_html(b, HTML("<form method=\"post\" action=\"/registreren\" class=\"wijzer-form\" novalidate>\n"));
    hidden_fields(r, req_arg(r, "terug"));
    field(r, "name", "text", "Uw naam", form_get(r->form, "name"), "name",
          "Zo ziet de gemeente wie u bent. U kiest later of uw naam bij uw initiatief staat.",
          errors_get(e, "name"));
    field(r, "email", "email", "E-mailadres", form_get(r->form, "email"), "email", NULL, errors_get(e, "email"));
    field(r, "password", "password", "Wachtwoord", NULL, "new-password",
          arena_printf(r->arena, "Minstens %d tekens. Een zin van een paar woorden is goed te onthouden.",
                       PASSWORD_MIN),
          errors_get(e, "password"));
    field(r, "password2", "password", "Wachtwoord nog een keer", NULL, "new-password", NULL,
          errors_get(e, "password2"));
    out_html(b, HTML("<div class=\"wijzer-actions\"><button type=\"submit\" class=\"nl-button nl-button--primary\">"
                     "<span class=\"nl-button__label\">Account maken</span></button></div>\n</form>\n"
                     "<p class=\"nl-paragraph\">Hebt u al een account? "
                     "<a class=\"nl-link\" href=\"/inloggen\">Log in</a>.</p>\n"));
    page_end(r);
}

void page_signup_form(Request *r)
{
    signup_form(r, NULL);
}

void page_signup(Request *r)
{
    FieldErrors e = { 0 };
    User u;
    Status s = account_signup(&r->ctx, form_get(r->form, "name"), form_get(r->form, "email"),
                              form_get(r->form, "password"), form_get(r->form, "password2"), &e, &u);
    if (s == STATUS_OK) {
        start_session(r, &u, "welkom", "/initiatieven/nieuw");
    } else if (s == ERR_INVALID) {
        r->status = 422;
        signup_form(r, &e);
    } else {
        web_error(r, 500, "Het account kon niet worden gemaakt. Probeer het later opnieuw.");
    }
}
