/* Setting up a database: the default municipality and the reference data
 * from shared/data (embedded at build time). Running it again changes
 * nothing: every row is an upsert by its code. */
#ifndef WIJZER_SETUP_H
#define WIJZER_SETUP_H

#include "domain/context.h"
#include "domain/status.h"

#define DEFAULT_TENANT_CODE "leidschendam-voorburg"
#define DEFAULT_TENANT_NAME "Leidschendam-Voorburg"

/* Creates (or finds) the default tenant; fills *t. */
Status setup_default_tenant(Db *db, Arena *a, Tenant *t);
/* Loads areas, themes, help kinds, SDGs, organisations, places, goals.
 * err gets a message naming the file on failure. */
Status setup_reference_data(Ctx *c, const char **err);

#endif
