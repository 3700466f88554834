/* SQL text of the prepared API objects (queries_objects.h), included into
 * the initialiser of sqlite_queries[] in sqlite_queries.c. Portable SQL:
 * PostgreSQL takes it as it is, with ?N → $N. */
#ifndef WIJZER_SQL_OBJECTS_H
#define WIJZER_SQL_OBJECTS_H

#define OBJECT_SQLITE_QUERIES \
    /* By its primary key: one row, in the shape this program writes. */ \
    [Q_OBJECT_GET] = "SELECT state, state_since, submitted_at, body FROM initiative_objects" \
                     " WHERE initiative_id = ?1 AND tenant_id = ?2 AND format = ?3 AND body IS NOT NULL", \
    /* The rows to make, from the partial index initiative_objects_todo. */ \
    [Q_OBJECT_TODO] = "SELECT initiative_id, tenant_id, gen FROM initiative_objects" \
                      " WHERE body IS NULL ORDER BY initiative_id LIMIT ?1", \
    /* Rows made by a program that wrote another shape, in id order from ?1. */ \
    [Q_OBJECT_OTHER_FORMAT] = "SELECT initiative_id, tenant_id, gen FROM initiative_objects" \
                              " WHERE initiative_id > ?1 AND format <> ?2 AND body IS NOT NULL" \
                              " ORDER BY initiative_id LIMIT ?3", \
    /* Only while gen is what it was before the initiative was read. */ \
    [Q_OBJECT_PUT] = "UPDATE initiative_objects SET format = ?3, state = ?4, state_since = ?5," \
                     " submitted_at = ?6, body = ?7 WHERE initiative_id = ?1 AND gen = ?2", \
    [Q_OBJECT_FORMAT_GET] = "SELECT format FROM object_formats WHERE kind = ?1", \
    [Q_OBJECT_FORMAT_SET] = "INSERT INTO object_formats (kind, format) VALUES (?1, ?2)" \
                            " ON CONFLICT (kind) DO UPDATE SET format = excluded.format", \
    /* For `wijzer init` and tests: how many are made and how many wait. */ \
    [Q_OBJECT_COUNTS] = "SELECT count(body), count(*) - count(body) FROM initiative_objects",

#endif
