#include "domain/setup.h"

#include <stdlib.h>
#include <string.h>

#include "domain/funds.h"
#include "lib/csv.h"
#include "lib/embedded.h"
#include "store/store.h"
#include "store/store_directory.h"

Status setup_default_tenant(Db *db, Arena *a, Tenant *t)
{
    if (store_tenant_by_code(db, a, DEFAULT_TENANT_CODE, t) == DB_OK)
        return STATUS_OK;
    if (store_tenant_upsert(db, DEFAULT_TENANT_CODE, DEFAULT_TENANT_NAME, NULL) != DB_OK)
        return ERR_INTERNAL;
    return store_tenant_by_code(db, a, DEFAULT_TENANT_CODE, t) == DB_OK ? STATUS_OK : ERR_INTERNAL;
}

typedef int (*RowLoader)(Ctx *c, const CsvRow *header, const CsvRow *row, int position);

static int load_area(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    Area ar = { .code = csv_cell(row, csv_column(h, "code")),
                .name = csv_cell(row, csv_column(h, "name")),
                .kind = csv_cell(row, csv_column(h, "kind")),
                .parent = csv_cell(row, csv_column(h, "parent")),
                .town = csv_cell(row, csv_column(h, "town")) };
    return store_area_upsert(c->db, c->tenant->id, &ar, csv_cell(row, csv_column(h, "cbs_code")), pos);
}

static int load_theme(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    return store_theme_upsert(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")),
                              csv_cell(row, csv_column(h, "name_nl")), csv_cell(row, csv_column(h, "name_en")), pos);
}

static int load_help_kind(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    return store_help_kind_upsert(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")),
                                  csv_cell(row, csv_column(h, "name_nl")), csv_cell(row, csv_column(h, "name_en")),
                                  csv_cell(row, csv_column(h, "description_nl")), pos);
}

static int load_sdg(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    (void)pos;
    return store_sdg_upsert(c->db, atoi(csv_cell(row, csv_column(h, "number"))),
                            csv_cell(row, csv_column(h, "name_nl")), csv_cell(row, csv_column(h, "name_en")));
}

static int load_organisation(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    (void)pos;
    return store_organisation_upsert(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")),
                                     csv_cell(row, csv_column(h, "name")), csv_cell(row, csv_column(h, "kind")),
                                     csv_cell(row, csv_column(h, "description_nl")));
}

static int load_place(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    int rc = store_place_upsert(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")),
                                csv_cell(row, csv_column(h, "name")), csv_cell(row, csv_column(h, "kind")),
                                csv_cell(row, csv_column(h, "organisation")), csv_cell(row, csv_column(h, "town")));
    /* The file's order is the directory's order (store_directory.h). */
    return rc == DB_OK ? store_place_set_position(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")), pos)
                       : rc;
}

static int load_goal(Ctx *c, const CsvRow *h, const CsvRow *row, int pos)
{
    int rc = store_goal_upsert(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")),
                               csv_cell(row, csv_column(h, "title_nl")),
                               csv_cell(row, csv_column(h, "source_document")), csv_cell(row, csv_column(h, "parent")));
    return rc == DB_OK ? store_goal_set_position(c->db, c->tenant->id, csv_cell(row, csv_column(h, "code")), pos) : rc;
}

/* Parents before children: areas and goals refer to rows earlier in
 * their own file, which the CSVs already respect. */
static const struct {
    const char *file;
    RowLoader load;
} loaders[] = {
    { "data/areas.csv", load_area },           { "data/themes.csv", load_theme },
    { "data/help_kinds.csv", load_help_kind }, { "data/sdgs.csv", load_sdg },
    { "data/organisations.csv", load_organisation }, { "data/places.csv", load_place },
    { "data/goals.csv", load_goal },
};

Status setup_reference_data(Ctx *c, const char **err)
{
    for (size_t i = 0; i < sizeof loaders / sizeof *loaders; i++) {
        const EmbeddedFile *f = embedded_find(loaders[i].file);
        if (!f) {
            *err = arena_printf(c->arena, "%s ontbreekt in het programma", loaders[i].file);
            return ERR_INTERNAL;
        }
        CsvRow *rows;
        size_t n = csv_parse(c->arena, (const char *)f->data, &rows);
        for (size_t r = 1; r < n; r++) {
            if (loaders[i].load(c, &rows[0], &rows[r], (int)r) != DB_OK) {
                *err = arena_printf(c->arena, "%s regel %zu kon niet worden geladen", loaders[i].file, r + 1);
                return ERR_INTERNAL;
            }
        }
    }
    /* Funds and their criteria (domain/funds.c): after the organisations. */
    return fund_setup_reference(c, err);
}
