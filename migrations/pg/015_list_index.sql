-- The list's index covers its filters: with the area and state in the
-- index too, a page's ids (newest first, any OFFSET) come from an
-- index-only scan, without reading the rows it skips (pg_queries.c,
-- Q_INITIATIVE_LIST). The same name and key as migration 001's.
DROP INDEX initiatives_list;
CREATE INDEX initiatives_list ON initiatives (tenant_id, id DESC) INCLUDE (area_code, state);
