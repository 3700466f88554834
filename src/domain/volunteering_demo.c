/* Demo volunteering (volunteering.h): a few vacancies of the demo
 * organisations, one of them a one-day task, and the visible profile of
 * one resident. In code rather than demo/lv.json: the rows are few and
 * refer to codes the directory block already loaded. Loading twice
 * changes nothing: a vacancy is found by its title, a profile that exists
 * is left alone. The one-day tasks fall on a Saturday at least two weeks
 * (and half a year) after loading, so that they stay open in a demo. */
#include <string.h>

#include "domain/volunteering.h"
#include "lib/dates.h"
#include "store/store.h"
#include "store/store_volunteering.h"

#define SLOT(d, p) (1 << ((d) * VOL_PARTS + (p)))
enum { MON, TUE, WED, THU, FRI, SAT, SUN };
enum { MORNING, AFTERNOON, EVENING };
enum { YOUTH = 1, OLDER = 2, DUTCH = 4, NEWCOMERS = 8, LABOUR = 16 };

static const VacancyInput vacancies[] = {
    { .organisation = "fenomeen-bovenveen", .title = "Bollen planten in Park Leeuwenbergh",
      .tasks = "Op een zaterdagochtend planten we samen 5.000 krokussen en narcissen langs de paden van het park. "
               "Wij zorgen voor schoppen, handschoenen en koffie.",
      .offer = "Een gezellige ochtend buiten, soep na afloop en in het voorjaar een park vol bloemen.",
      .skills = "tuinieren", .theme = "groen", .area = "park-leeuwenbergh", .hours = 4,
      .times = SLOT(SAT, MORNING), .places = 15, .suits = YOUTH | OLDER | DUTCH | NEWCOMERS | LABOUR,
      .contact = "Reageer via deze pagina; Wim Spierings belt u terug." },
    { .organisation = "fenomeen-bovenveen", .title = "Handen voor de buurtsportdag",
      .tasks = "Helpen met opbouwen, de limonadekraam en opruimen van de sportdag voor kinderen in Bovenveen.",
      .offer = "Lunch en een T-shirt van de sportdag.", .skills = "organiseren", .theme = "sport",
      .area = "bovenveen", .hours = 6, .times = SLOT(SAT, MORNING) | SLOT(SAT, AFTERNOON),
      .places = 10, .suits = YOUTH | LABOUR },
    { .organisation = "woej", .title = "Gastvrouw of gastheer in wijkcentrum De Plint",
      .tasks = "Bezoekers welkom heten, koffie en thee schenken en een praatje maken in het wijkcentrum.",
      .offer = "Een vast team, een cursus gastvrijheid en een vrijwilligersvergoeding.",
      .skills = "gastvrijheid, koffie zetten", .theme = "ontmoeting", .area = "leidschendam-centrum",
      .hours_per_week = 4, .period_start = "2026-12-01", .times = SLOT(TUE, AFTERNOON) | SLOT(THU, AFTERNOON),
      .places = 3, .suits = OLDER | DUTCH | NEWCOMERS | LABOUR },
    { .organisation = "ibce", .title = "Kookmaatje voor de wereldmaaltijd",
      .tasks = "Elke vrijdag koken we met buren uit vijf landen voor dertig gasten. U helpt met snijden, koken en "
               "opdienen.",
      .offer = "Samen eten en recepten uit de hele wereld.", .skills = "koken", .theme = "ontmoeting",
      .area = "voorburg-west", .hours_per_week = 3, .times = SLOT(FRI, AFTERNOON) | SLOT(FRI, EVENING),
      .places = 4, .suits = DUTCH | NEWCOMERS },
    { .organisation = "bibliotheek", .title = "Taalmaatje voor een nieuwkomer",
      .tasks = "Een uur per week Nederlands oefenen met een nieuwkomer: praten, een brief lezen, samen "
               "boodschappen doen. In de bibliotheek of via de telefoon.",
      .offer = "Een training voor taalmaatjes en begeleiding door de bibliotheek.", .skills = "geduld, Nederlands",
      .theme = "taal", .area = "leidschendam-centrum", .from_home = 1, .hours_per_week = 1, .places = 10,
      .suits = OLDER },
};

/* Days from loading to (the Saturday after) each one-day task; 0 when recurring. */
static const int days_ahead[] = { 14, 180, 0, 0, 0 };

static const char volunteer_email[] = "youssef.bennani@example.nl";
static const char *const volunteer_themes[] = { "groen", "ontmoeting" };
static const char *const volunteer_areas[] = { "voorburg-noord" };

Status volunteering_demo_load(Ctx *c, const char **err)
{
    int64_t tenant = c->tenant->id;
    for (size_t i = 0; i < sizeof vacancies / sizeof *vacancies; i++) {
        int64_t id;
        int rc = store_vac_find(c->db, tenant, vacancies[i].title, &id);
        if (rc == DB_DONE) {
            VacancyInput in = vacancies[i];
            if (days_ahead[i]) {
                int64_t day = date_day(c->now) + days_ahead[i];
                while (date_weekday(day) != SAT)
                    day++;
                in.date = date_iso(c->arena, day);
            }
            rc = store_vac_insert(c->db, tenant, &in, 0, c->now, &id);
        }
        if (rc != DB_OK) {
            *err = "vrijwilligerswerk: vacature";
            return ERR_INTERNAL;
        }
    }
    User u;
    if (store_user_by_email(c->db, c->arena, tenant, volunteer_email, &u) != DB_OK)
        return STATUS_OK; /* a demo without this resident */
    VolunteerProfile p;
    int rc = store_vol_profile_get(c->db, c->arena, tenant, u.id, &p);
    if (rc == DB_DONE) {
        VolunteerInput in = { .skills = "koken, tuinieren, Arabisch",
                              .themes = (const char **)volunteer_themes, .n_themes = 2,
                              .areas = (const char **)volunteer_areas, .n_areas = 1,
                              .availability = SLOT(TUE, AFTERNOON) | SLOT(SAT, MORNING) | SLOT(SAT, AFTERNOON),
                              .preference = VOL_PREF_ANY, .visible = 1 };
        rc = store_vol_profile_save(c->db, tenant, u.id, &in, c->now);
    }
    if (rc != DB_OK) {
        *err = "vrijwilligerswerk: profiel";
        return ERR_INTERNAL;
    }
    return STATUS_OK;
}
