-- How many initiatives each (tenant, area, state) has, kept in step by
-- triggers: the list says "N initiatieven" and pages through them without
-- counting every row on every view (a second at a million initiatives).
-- A list filtered on a theme still counts rows (from initiative_themes).

CREATE TABLE initiative_counts (
    tenant_id INTEGER NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, area_code, state)
) WITHOUT ROWID;

INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    SELECT tenant_id, area_code, state, count(*) FROM initiatives GROUP BY tenant_id, area_code, state;

CREATE TRIGGER initiative_counts_ai AFTER INSERT ON initiatives BEGIN
    INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    VALUES (new.tenant_id, new.area_code, new.state, 1)
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER initiative_counts_ad AFTER DELETE ON initiatives BEGIN
    UPDATE initiative_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND area_code = old.area_code AND state = old.state;
END;

CREATE TRIGGER initiative_counts_au AFTER UPDATE OF tenant_id, area_code, state ON initiatives
WHEN old.tenant_id IS NOT new.tenant_id OR old.area_code IS NOT new.area_code OR old.state IS NOT new.state
BEGIN
    UPDATE initiative_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND area_code = old.area_code AND state = old.state;
    INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    VALUES (new.tenant_id, new.area_code, new.state, 1)
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;
