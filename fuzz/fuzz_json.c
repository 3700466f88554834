/* JSON request decoding as the API does it: api_body (content checks,
 * nesting depth, jansson) and then every reader in api/json_in.c, on a
 * Request that has no connection: the body is the input. */
#include <jansson.h>

#include "api/api.h"
#include "api/json.h"
#include "fuzz.h"

static void check_text(const char *s)
{
    if (s)
        (void)strlen(s); /* a valid, terminated copy in the arena */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Request r = { 0 };
    r.arena = arena_new();
    r.method = "POST";
    r.path = "/api/v1/initiatives";
    r.is_api = 1;
    /* The server's body is NUL-terminated; the length is what counts. */
    char *body = fuzz_cstr(data, size);
    r.body = size ? body : NULL;
    r.body_len = size;
    buf_init(&r.out);

    json_t *v = api_body(&r);
    if (!v) {
        /* Refused: an error object was written. */
        FUZZ_CHECK(r.status == 400 && r.out.len > 0);
    } else {
        FUZZ_CHECK(json_is_object(v));
        InitiativeInput in;
        FieldErrors e = { 0 };
        api_read_initiative(&r, v, &in, &e);
        FUZZ_CHECK(in.n_themes <= THEMES_MAX + 1 && in.n_sdgs <= SDGS_MAX + 1);
        FUZZ_CHECK(in.n_links <= LINKS_MAX + 1 && in.n_help <= HELP_MAX + 1);
        FUZZ_CHECK(e.n <= FIELD_ERRORS_MAX);
        check_text(in.title);
        check_text(in.summary);
        check_text(in.description);
        check_text(in.area);
        for (size_t i = 0; i < in.n_themes; i++)
            check_text(in.themes[i]);
        for (size_t i = 0; i < in.n_links; i++) {
            check_text(in.links[i].kind);
            check_text(in.links[i].url);
        }
        for (size_t i = 0; i < in.n_help; i++) {
            check_text(in.help[i].kind);
            check_text(in.help[i].description);
            FUZZ_CHECK(in.help[i].amount_cents == -1 || in.help[i].amount_cents >= 1);
        }

        HelpInput h;
        FieldErrors he = { 0 };
        api_read_help(&r, v, "", &h, &he);
        FUZZ_CHECK(h.amount_cents == -1 || h.amount_cents >= 1);

        const char *to = NULL, *note = NULL, *state = NULL;
        int64_t contact = 0;
        FieldErrors te = { 0 };
        api_read_text(&r, v, "to", &to, &te);
        api_read_text(&r, v, "note", &note, &te);
        api_read_text(&r, v, "state", &state, &te);
        api_read_id(v, "contact_id", &contact, &te);
        FUZZ_CHECK(contact >= 0);
        check_text(to);
        check_text(note);
        check_text(state);

        /* What the API writes back is JSON that reads back the same. */
        Buf out;
        buf_init(&out);
        json_write(&out, v);
        json_t *back = json_loads(buf_cstr(&out), 0, NULL);
        FUZZ_CHECK(back && json_equal(v, back));
        json_decref(back);
        buf_free(&out);
        json_decref(v);
    }

    buf_free(&r.out);
    free(body);
    arena_free(r.arena);
    return 0;
}
