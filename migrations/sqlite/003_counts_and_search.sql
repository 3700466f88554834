-- How many initiatives each (tenant, area, state) has, kept in step by
-- triggers: the list says "N initiatieven" and pages through them without
-- counting every row on every view (a second at a million initiatives).
-- Area '*' holds each state's total over all areas, so the unfiltered list
-- adds up a dozen rows, not a few hundred. A list filtered on a theme
-- still counts rows (from initiative_themes).

CREATE TABLE initiative_counts (
    tenant_id INTEGER NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, area_code, state)
) WITHOUT ROWID;

INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    SELECT tenant_id, area_code, state, count(*) FROM initiatives GROUP BY tenant_id, area_code, state;
INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    SELECT tenant_id, '*', state, count(*) FROM initiatives GROUP BY tenant_id, state;

CREATE TRIGGER initiative_counts_ai AFTER INSERT ON initiatives BEGIN
    INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    VALUES (new.tenant_id, new.area_code, new.state, 1), (new.tenant_id, '*', new.state, 1)
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER initiative_counts_ad AFTER DELETE ON initiatives BEGIN
    UPDATE initiative_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND area_code IN (old.area_code, '*') AND state = old.state;
END;

CREATE TRIGGER initiative_counts_au AFTER UPDATE OF tenant_id, area_code, state ON initiatives
WHEN old.tenant_id IS NOT new.tenant_id OR old.area_code IS NOT new.area_code OR old.state IS NOT new.state
BEGIN
    UPDATE initiative_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND area_code IN (old.area_code, '*') AND state = old.state;
    INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    VALUES (new.tenant_id, new.area_code, new.state, 1), (new.tenant_id, '*', new.state, 1)
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;

-- Search ranks only the newest hits (Q_INITIATIVE_SEARCH); this index
-- checks a hit's tenant, area and state without reading its whole row.
CREATE INDEX initiatives_hits ON initiatives(id, tenant_id, area_code, state);
