/* Demo content for Leidschendam-Voorburg (demo/lv.json, embedded):
 * officials, committee members, residents and initiatives with their
 * history, loaded through the same store calls as real use. Loading twice
 * adds nothing the second time. */
#ifndef WIJZER_DEMO_H
#define WIJZER_DEMO_H

#include "domain/context.h"
#include "domain/status.h"

/* The password every demo account gets, shown in the README. */
#define DEMO_PASSWORD "welkom-in-lv"

Status demo_load(Ctx *c, int *added, const char **err);

#endif
