-- How many help requests each (tenant, area, state) has, kept in step by
-- triggers, for the municipality's overview (issue 5: open help requests
-- per wijk). As migrations/sqlite/011_overview.sql: counting on every view
-- took 150 ms here at 100,000 initiatives.
--
-- The triggers fire at each change, not at commit (unlike 004's): a help
-- request and a move of its initiative in one transaction must be counted
-- in the order they happened. Locks are taken in one order, so two
-- transactions cannot deadlock on them: a state change touches its two
-- rows in the order of their state codes, a move its two areas in the
-- order of their codes.

CREATE TABLE help_request_counts (
    tenant_id BIGINT NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, area_code, state)
);

INSERT INTO help_request_counts (tenant_id, area_code, state, n)
    SELECT h.tenant_id, i.area_code, h.state, count(*) FROM help_requests h
    JOIN initiatives i ON i.id = h.initiative_id
    GROUP BY h.tenant_id, i.area_code, h.state;

CREATE FUNCTION help_request_counts_add(t BIGINT, initiative BIGINT, st TEXT, d BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    area TEXT;
BEGIN
    SELECT area_code INTO area FROM initiatives WHERE id = initiative;
    IF area IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO help_request_counts (tenant_id, area_code, state, n) VALUES (t, area, st, d)
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = help_request_counts.n + d;
END $$;

CREATE FUNCTION help_request_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM help_request_counts_add(NEW.tenant_id, NEW.initiative_id, NEW.state, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM help_request_counts_add(OLD.tenant_id, OLD.initiative_id, OLD.state, -1);
    ELSIF OLD.state <= NEW.state THEN
        PERFORM help_request_counts_add(OLD.tenant_id, OLD.initiative_id, OLD.state, -1);
        PERFORM help_request_counts_add(NEW.tenant_id, NEW.initiative_id, NEW.state, 1);
    ELSE
        PERFORM help_request_counts_add(NEW.tenant_id, NEW.initiative_id, NEW.state, 1);
        PERFORM help_request_counts_add(OLD.tenant_id, OLD.initiative_id, OLD.state, -1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER help_request_counts_aid AFTER INSERT OR DELETE ON help_requests
    FOR EACH ROW EXECUTE FUNCTION help_request_counts_keep();
CREATE TRIGGER help_request_counts_au AFTER UPDATE OF tenant_id, initiative_id, state ON help_requests
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.initiative_id IS DISTINCT FROM NEW.initiative_id
                       OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION help_request_counts_keep();

-- An initiative that moves to another area takes its help requests along.
CREATE FUNCTION help_request_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    side INT;
BEGIN
    FOREACH side IN ARRAY CASE WHEN OLD.area_code <= NEW.area_code THEN ARRAY[0, 1] ELSE ARRAY[1, 0] END LOOP
        IF side = 0 THEN
            UPDATE help_request_counts c SET n = c.n - k.n
            FROM (SELECT state, count(*) AS n FROM help_requests WHERE initiative_id = OLD.id GROUP BY state) k
            WHERE c.tenant_id = OLD.tenant_id AND c.area_code = OLD.area_code AND c.state = k.state;
        ELSE
            INSERT INTO help_request_counts (tenant_id, area_code, state, n)
            SELECT NEW.tenant_id, NEW.area_code, state, count(*) FROM help_requests WHERE initiative_id = NEW.id
            GROUP BY state
            ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = help_request_counts.n + excluded.n;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER help_request_counts_move AFTER UPDATE OF tenant_id, area_code ON initiatives
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.area_code IS DISTINCT FROM NEW.area_code)
    EXECUTE FUNCTION help_request_counts_move();
