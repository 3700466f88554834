/* Many generated initiatives for measurements and load tests:
 * `wijzer init --demo --scale N`. Each looks like one from
 * Leidschendam-Voorburg: a real wijk or buurt, themes and SDGs that fit
 * the idea, Dutch text composed from phrase lists, a history that follows
 * the process with consistent times, help requests, and an initiator
 * from a generated pool of residents. Also n / 20 organisations (5,000
 * at 100,000): stichtingen, verenigingen, sportclubs, kerken, scholen,
 * zorgaanbieders, bedrijven and serviceclubs with an offer, a contact
 * route, 1–3 themes, 1–3 kinds of help and 0–2 wijken. The demo
 * officials (demo_load) are the contact persons, so load the demo first.
 *
 * Each run ADDS n more: the runs are numbered (setting demo.scale.runs)
 * and run k uses seed k, so the same commands on a new database give the
 * same texts, states and ids; only the times follow today's date. */
#ifndef WIJZER_SCALE_H
#define WIJZER_SCALE_H

#include "domain/context.h"
#include "domain/status.h"

enum { SCALE_MAX = 10000000 };

typedef struct ScaleReport {
    long initiatives, people, timeline, help;
    long organisations; /* n / 20 per run, with themes, help kinds and wijken */
    int run; /* 1 for the first run on this database */
} ScaleReport;

/* progress: called after every batch (may be NULL). */
Status scale_load(Ctx *c, long n, ScaleReport *out, void (*progress)(long done, long total), const char **err);

#endif
