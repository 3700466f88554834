#include "web/forms.h"

#include <string.h>

#include "http/csrf.h"
#include "lib/html.h"

void form_csrf(Request *r)
{
    OUTF(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf_token(r));
}

static const char *field_name(const Field *f)
{
    return f->name ? f->name : f->id;
}

/* The ids a control points at with aria-describedby: hint, then error. */
static const char *described_by(Request *r, const Field *f)
{
    if (f->hint && f->error)
        return arena_printf(r->arena, "%s-uitleg %s-fout", f->id, f->id);
    if (f->hint)
        return arena_printf(r->arena, "%s-uitleg", f->id);
    if (f->error)
        return arena_printf(r->arena, "%s-fout", f->id);
    return NULL;
}

static void hint_and_error(Request *r, const Field *f)
{
    Buf *b = &r->out;
    if (f->hint)
        OUTF(b, "<p class=\"utrecht-form-field-description\" id=\"%s-uitleg\">%s</p>\n", f->id, f->hint);
    if (f->error)
        OUTF(b, "<p class=\"utrecht-form-field-error-message\" id=\"%s-fout\">"
                "<span class=\"wijzer-visually-hidden\">Fout: </span>%s</p>\n",
             f->id, f->error);
}

/* Opens the field wrapper with its label, hint and error. */
static void field_begin(Request *r, const Field *f)
{
    Buf *b = &r->out;
    OUTF(b, "<div class=\"utrecht-form-field%s\">\n", f->error ? " utrecht-form-field--invalid" : "");
    OUTF(b, "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"%s\">%s", f->id,
         f->label);
    if (f->optional)
        out_html(b, HTML(" <span class=\"wijzer-muted\">(niet verplicht)</span>"));
    out_html(b, HTML("</label></div>\n"));
    hint_and_error(r, f);
    out_html(b, HTML("<div class=\"utrecht-form-field__input\">"));
}

static void field_end(Request *r)
{
    out_html(&r->out, HTML("</div>\n</div>\n"));
}

/* id, name, aria and the optional attributes every control shares. */
static void control_attrs(Request *r, const Field *f)
{
    Buf *b = &r->out;
    OUTF(b, " id=\"%s\" name=\"%s\"", f->id, field_name(f));
    const char *desc = described_by(r, f);
    if (desc)
        OUTF(b, " aria-describedby=\"%s\"", desc);
    if (f->error)
        out_html(b, HTML(" aria-invalid=\"true\""));
    /* Not the required attribute: Utrecht's textarea turns red on
     * :invalid, so an empty required field would look wrong at once. */
    if (f->required)
        out_html(b, HTML(" aria-required=\"true\""));
    if (f->autocomplete)
        OUTF(b, " autocomplete=\"%s\"", f->autocomplete);
    if (f->inputmode)
        OUTF(b, " inputmode=\"%s\"", f->inputmode);
}

void form_text(Request *r, const Field *f)
{
    Buf *b = &r->out;
    field_begin(r, f);
    OUTF(b, "<input class=\"utrecht-textbox utrecht-textbox--html-input%s%s%s\" type=\"%s\"",
         f->error ? " utrecht-textbox--invalid" : "", f->css ? " " : "", f->css ? f->css : "",
         f->type ? f->type : "text");
    control_attrs(r, f);
    OUTF(b, " value=\"%s\">", f->value ? f->value : "");
    field_end(r);
}

void form_textarea(Request *r, const Field *f)
{
    Buf *b = &r->out;
    field_begin(r, f);
    OUTF(b, "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea%s\" rows=\"%d\"",
         f->error ? " utrecht-textarea--invalid" : "", f->rows ? f->rows : 6);
    control_attrs(r, f);
    /* A newline right after the tag would be eaten by the parser. */
    OUTF(b, ">\n%s</textarea>", f->value ? f->value : "");
    field_end(r);
}

void form_file(Request *r, const Field *f, const char *accept, int multiple)
{
    Buf *b = &r->out;
    field_begin(r, f);
    OUTF(b, "<input class=\"utrecht-textbox utrecht-textbox--html-input%s\" type=\"file\"",
         f->error ? " utrecht-textbox--invalid" : "");
    control_attrs(r, f);
    if (accept)
        OUTF(b, " accept=\"%s\"", accept);
    if (multiple)
        out_html(b, HTML(" multiple"));
    out_html(b, HTML(">"));
    field_end(r);
}

static int same_group(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

void form_select(Request *r, const Field *f, const Option *opts, size_t n)
{
    Buf *b = &r->out;
    field_begin(r, f);
    OUTF(b, "<select class=\"utrecht-select utrecht-select--html-select%s\"",
         f->error ? " utrecht-select--invalid" : "");
    control_attrs(r, f);
    out_html(b, HTML(">\n"));
    for (size_t i = 0; i < n; i++) {
        const char *group = opts[i].group;
        if (group && (i == 0 || !same_group(opts[i - 1].group, group)))
            OUTF(b, "<optgroup label=\"%s\">\n", group);
        OUTF(b, "<option value=\"%s\"%s>%s</option>\n", opts[i].value,
             f->value && strcmp(f->value, opts[i].value) == 0 ? " selected" : "", opts[i].label);
        if (group && (i + 1 == n || !same_group(opts[i + 1].group, group)))
            out_html(b, HTML("</optgroup>\n"));
    }
    out_html(b, HTML("</select>"));
    field_end(r);
}

const char *form_choice_id(Arena *a, const char *group_id, const char *value)
{
    char *id = arena_printf(a, "%s-%s", group_id, value ? value : "");
    /* Values are codes, but an id must never carry spaces or quotes. */
    for (char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'
              || *p == '_'))
            *p = '-';
    return id;
}

void form_fieldset_begin(Request *r, const Field *f)
{
    Buf *b = &r->out;
    OUTF(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset%s\" id=\"%s\"",
         f->error ? " utrecht-form-fieldset--invalid" : "", f->id);
    const char *desc = described_by(r, f);
    if (desc)
        OUTF(b, " aria-describedby=\"%s\"", desc);
    OUTF(b, ">\n<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%s",
         f->label);
    if (f->optional)
        out_html(b, HTML(" <span class=\"wijzer-muted\">(niet verplicht)</span>"));
    out_html(b, HTML("</legend>\n"));
    hint_and_error(r, f);
}

void form_fieldset_end(Request *r)
{
    out_html(&r->out, HTML("</fieldset>\n"));
}

static int is_checked(const char *value, const char *const *checked, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (checked[i] && strcmp(checked[i], value) == 0)
            return 1;
    return 0;
}

/* One checkbox or radio inside a group or on its own. */
static void choice(Request *r, const char *kind, const char *id, const char *name, const char *value,
                   const char *label, int checked, const Field *f)
{
    Buf *b = &r->out;
    int box = strcmp(kind, "checkbox") == 0;
    OUTF(b, "<div class=\"utrecht-form-field utrecht-form-field--%s\">\n", kind);
    OUTF(b, "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--%s\" "
            "for=\"%s\">%s</label></div>\n",
         kind, id, label);
    if (f)
        hint_and_error(r, f);
    if (box)
        OUTF(b, "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-checkbox utrecht-checkbox--html-input "
                "utrecht-checkbox--custom%s\" type=\"checkbox\"",
             f && f->error ? " utrecht-checkbox--invalid" : "");
    else
        out_html(b, HTML("<div class=\"utrecht-form-field__input\"><input class=\"utrecht-radio-button "
                         "utrecht-radio-button--html-input\" type=\"radio\""));
    OUTF(b, " id=\"%s\" name=\"%s\" value=\"%s\"", id, name, value);
    const char *desc = f ? described_by(r, f) : NULL;
    if (desc)
        OUTF(b, " aria-describedby=\"%s\"", desc);
    if (f && f->error)
        out_html(b, HTML(" aria-invalid=\"true\""));
    if (checked)
        out_html(b, HTML(" checked"));
    out_html(b, HTML("></div>\n</div>\n"));
}

void form_checkboxes(Request *r, const Field *f, const Option *opts, size_t n, const char *const *checked,
                     size_t n_checked)
{
    form_fieldset_begin(r, f);
    for (size_t i = 0; i < n; i++)
        choice(r, "checkbox", form_choice_id(r->arena, f->id, opts[i].value), field_name(f), opts[i].value,
               opts[i].label, is_checked(opts[i].value, checked, n_checked), NULL);
    form_fieldset_end(r);
}

void form_radios(Request *r, const Field *f, const Option *opts, size_t n)
{
    form_fieldset_begin(r, f);
    for (size_t i = 0; i < n; i++)
        choice(r, "radio", form_choice_id(r->arena, f->id, opts[i].value), field_name(f), opts[i].value,
               opts[i].label, f->value && strcmp(f->value, opts[i].value) == 0, NULL);
    form_fieldset_end(r);
}

void form_checkbox(Request *r, const Field *f, int checked)
{
    choice(r, "checkbox", f->id, field_name(f), "1", f->label, checked, f);
}

static int seen_before(const FieldErrors *e, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(e->message[j], e->message[i]) == 0 && same_group(e->field[j], e->field[i]))
            return 1;
    return 0;
}

static size_t distinct_errors(const FieldErrors *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->n; i++)
        n += !seen_before(e, i);
    return n + (e->summary != NULL);
}

void form_error_summary(Request *r, const FieldErrors *e, FieldIdFn id_for)
{
    Buf *b = &r->out;
    size_t n = e ? distinct_errors(e) : 0;
    if (!n)
        return;
    out_html(b, HTML("<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">\n"
                     "<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">\n"));
    if (n == 1)
        out_html(b, HTML("<h2 class=\"nl-heading nl-heading--level-3\">Er is 1 fout</h2>\n<ul>\n"));
    else
        OUTF(b, "<h2 class=\"nl-heading nl-heading--level-3\">Er zijn %zu fouten</h2>\n<ul>\n", n);
    if (e->summary)
        OUTF(b, "<li>%s</li>\n", e->summary);
    for (size_t i = 0; i < e->n; i++) {
        if (seen_before(e, i))
            continue;
        const char *id = id_for ? id_for(r->arena, e->field[i]) : NULL;
        if (id)
            OUTF(b, "<li><a class=\"nl-link\" href=\"#%s\">%s</a></li>\n", id, e->message[i]);
        else
            OUTF(b, "<li>%s</li>\n", e->message[i]);
    }
    out_html(b, HTML("</ul>\n</div></div>\n</div>\n"));
}

const char *form_title(Request *r, const char *title, const FieldErrors *e)
{
    if (e && (e->n || e->summary))
        return arena_printf(r->arena, "Fout: %s", title);
    return title;
}
