-- How many initiatives each (tenant, area, state) has, kept in step by a
-- trigger: the list says "N initiatieven" and pages through them without
-- counting every row on every view. Area '*' holds each state's total over
-- all areas. As migrations/sqlite/003.

CREATE TABLE initiative_counts (
    tenant_id BIGINT NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, area_code, state)
);

INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    SELECT tenant_id, area_code, state, count(*) FROM initiatives GROUP BY tenant_id, area_code, state;
INSERT INTO initiative_counts (tenant_id, area_code, state, n)
    SELECT tenant_id, '*', state, count(*) FROM initiatives GROUP BY tenant_id, state;

CREATE FUNCTION initiative_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE initiative_counts SET n = n - 1
        WHERE tenant_id = OLD.tenant_id AND area_code IN (OLD.area_code, '*') AND state = OLD.state;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO initiative_counts (tenant_id, area_code, state, n)
        VALUES (NEW.tenant_id, NEW.area_code, NEW.state, 1), (NEW.tenant_id, '*', NEW.state, 1)
        ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = initiative_counts.n + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER initiative_counts_aid AFTER INSERT OR DELETE ON initiatives
    FOR EACH ROW EXECUTE FUNCTION initiative_counts_keep();
CREATE TRIGGER initiative_counts_au AFTER UPDATE OF tenant_id, area_code, state ON initiatives
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.area_code IS DISTINCT FROM NEW.area_code
                       OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION initiative_counts_keep();
