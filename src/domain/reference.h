/* Reference data as pages and the API show it: areas (wijken and their
 * buurten), themes, help-request kinds and the SDGs. Read-only here;
 * loading it is setup.h's job. */
#ifndef WIJZER_REFERENCE_H
#define WIJZER_REFERENCE_H

#include "domain/context.h"
#include "domain/status.h"

Status reference_areas(Ctx *c, Area **out, size_t *n);
Status reference_themes(Ctx *c, CodeName **out, size_t *n);
Status reference_help_kinds(Ctx *c, CodeName **out, size_t *n);
/* code holds the number as text ("13"). */
Status reference_sdgs(Ctx *c, CodeName **out, size_t *n);

#endif
