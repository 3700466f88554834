/* Form fields in the NL Design System markup of docs/markup.md §6: a
 * label, an optional hint, the error message right above the control and
 * tied to it with aria-describedby, and the value as typed kept after an
 * error. Plus the error summary for the top of a form that failed. Every
 * helper escapes what it is given. */
#ifndef WIJZER_WEB_FORMS_H
#define WIJZER_WEB_FORMS_H

#include <stddef.h>

#include "domain/status.h"
#include "http/request.h"

typedef struct Field {
    const char *id;           /* element id; also the name unless name is set */
    const char *name;
    const char *label;        /* for groups: the legend */
    const char *hint;         /* NULL: none */
    const char *error;        /* NULL: valid */
    const char *value;        /* shown as typed or stored; for radios the checked value */
    const char *type;         /* input type, "text" when NULL */
    const char *autocomplete; /* NULL: none */
    const char *inputmode;    /* NULL: none */
    const char *css;          /* extra class on the control, e.g. "utrecht-textbox--numeric" */
    int required;             /* aria-required="true" */
    int optional;             /* the label says "(niet verplicht)" */
    int rows;                 /* textarea height; 6 when 0 */
} Field;

typedef struct Option {
    const char *value, *label;
    const char *group; /* optgroup label; consecutive options with the same group share one; NULL: none */
} Option;

void form_csrf(Request *r);
void form_text(Request *r, const Field *f);
void form_textarea(Request *r, const Field *f);
/* A file input (the form needs enctype="multipart/form-data"); accept
 * lists the types offered ("image/jpeg,image/png"); multiple: several
 * files at once. f->value is not shown: a browser never fills one in. */
void form_file(Request *r, const Field *f, const char *accept, int multiple);
void form_select(Request *r, const Field *f, const Option *opts, size_t n);
/* A fieldset of custom checkboxes (utrecht-checkbox--custom); the values
 * in checked are ticked. Each box's id is form_choice_id(f->id, value). */
void form_checkboxes(Request *r, const Field *f, const Option *opts, size_t n, const char *const *checked,
                     size_t n_checked);
/* A fieldset of radio buttons; f->value is the one chosen. */
void form_radios(Request *r, const Field *f, const Option *opts, size_t n);
/* A fieldset around fields that belong together; f->label is the
 * legend, f->hint and f->error go right under it. */
void form_fieldset_begin(Request *r, const Field *f);
void form_fieldset_end(Request *r);
/* One checkbox with value "1". */
void form_checkbox(Request *r, const Field *f, int checked);
const char *form_choice_id(Arena *a, const char *group_id, const char *value);

/* Maps a domain field name (domain/status.h) to the id of the control
 * that fixes it; NULL when no control does. */
typedef const char *(*FieldIdFn)(Arena *a, const char *field);
/* The red box under the h1 of a form that failed: how many errors, each
 * a link to its field. Writes nothing when there are none. */
void form_error_summary(Request *r, const FieldErrors *e, FieldIdFn id_for);
/* The page title, with "Fout: " in front when the form has errors. */
const char *form_title(Request *r, const char *title, const FieldErrors *e);

#endif
