-- How many help requests each (tenant, area, state) has, kept in step by
-- triggers, for the municipality's overview (issue 5: open help requests
-- per wijk). Counting them on every view joined each open request to its
-- initiative for its area: 50 ms in SQLite and 150 ms in PostgreSQL at
-- 100,000 initiatives; this table answers in well under a millisecond.
-- The area is the initiative's; when an initiative moves to another area
-- its help requests move with it. (Nothing deletes initiatives or help
-- requests; a delete is still counted while its initiative exists.)

CREATE TABLE help_request_counts (
    tenant_id INTEGER NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, area_code, state)
) WITHOUT ROWID;

INSERT INTO help_request_counts (tenant_id, area_code, state, n)
    SELECT h.tenant_id, i.area_code, h.state, count(*) FROM help_requests h
    JOIN initiatives i ON i.id = h.initiative_id
    GROUP BY h.tenant_id, i.area_code, h.state;

CREATE TRIGGER help_request_counts_ai AFTER INSERT ON help_requests BEGIN
    INSERT INTO help_request_counts (tenant_id, area_code, state, n)
    SELECT new.tenant_id, i.area_code, new.state, 1 FROM initiatives i WHERE i.id = new.initiative_id
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER help_request_counts_ad AFTER DELETE ON help_requests BEGIN
    UPDATE help_request_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND state = old.state
    AND area_code = (SELECT area_code FROM initiatives WHERE id = old.initiative_id);
END;

CREATE TRIGGER help_request_counts_au AFTER UPDATE OF tenant_id, initiative_id, state ON help_requests
WHEN old.tenant_id IS NOT new.tenant_id OR old.initiative_id IS NOT new.initiative_id OR old.state IS NOT new.state
BEGIN
    UPDATE help_request_counts SET n = n - 1
    WHERE tenant_id = old.tenant_id AND state = old.state
    AND area_code = (SELECT area_code FROM initiatives WHERE id = old.initiative_id);
    INSERT INTO help_request_counts (tenant_id, area_code, state, n)
    SELECT new.tenant_id, i.area_code, new.state, 1 FROM initiatives i WHERE i.id = new.initiative_id
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + 1;
END;

-- An initiative that moves to another area takes its help requests along.
CREATE TRIGGER help_request_counts_move AFTER UPDATE OF tenant_id, area_code ON initiatives
WHEN old.tenant_id IS NOT new.tenant_id OR old.area_code IS NOT new.area_code
BEGIN
    UPDATE help_request_counts SET n = n - (SELECT count(*) FROM help_requests h
                                            WHERE h.initiative_id = old.id AND h.state = help_request_counts.state)
    WHERE tenant_id = old.tenant_id AND area_code = old.area_code;
    INSERT INTO help_request_counts (tenant_id, area_code, state, n)
    SELECT new.tenant_id, new.area_code, h.state, count(*) FROM help_requests h WHERE h.initiative_id = new.id
    GROUP BY h.state
    ON CONFLICT (tenant_id, area_code, state) DO UPDATE SET n = n + excluded.n;
END;
