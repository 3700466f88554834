-- The counts of migration 003, kept at commit instead of at each change.
-- Every new initiative adds to the same row (its state over all areas),
-- and a row stays locked until its transaction ends: with the trigger
-- firing at the insert, two processes writing at once queued behind each
-- other for whole transactions, and two transactions that locked the
-- rows in opposite order deadlocked (a second's wait, then an error).
-- Deferred to the commit, each lock lasts only as long as the commit;
-- and the rows are always taken in one order: the state left before the
-- state entered (the process only moves forward), and within a state the
-- total ('*') before the area.

CREATE OR REPLACE FUNCTION initiative_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE initiative_counts SET n = n - 1
        WHERE tenant_id = OLD.tenant_id AND area_code = '*' AND state = OLD.state;
        UPDATE initiative_counts SET n = n - 1
        WHERE tenant_id = OLD.tenant_id AND area_code = OLD.area_code AND state = OLD.state;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO initiative_counts (tenant_id, area_code, state, n) VALUES (NEW.tenant_id, '*', NEW.state, 1)
        ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = initiative_counts.n + 1;
        INSERT INTO initiative_counts (tenant_id, area_code, state, n) VALUES (NEW.tenant_id, NEW.area_code, NEW.state, 1)
        ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = initiative_counts.n + 1;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER initiative_counts_aid ON initiatives;
DROP TRIGGER initiative_counts_au ON initiatives;

CREATE CONSTRAINT TRIGGER initiative_counts_aid AFTER INSERT OR DELETE ON initiatives
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION initiative_counts_keep();
CREATE CONSTRAINT TRIGGER initiative_counts_au AFTER UPDATE OF tenant_id, area_code, state ON initiatives
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.area_code IS DISTINCT FROM NEW.area_code
                       OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION initiative_counts_keep();
