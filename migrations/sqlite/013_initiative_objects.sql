-- The API object of each initiative (GET /api/v1/initiatives/{id}), made
-- ahead of time: one read of one row instead of the initiative, its
-- themes, SDGs, links and help requests with their names (five reads and
-- the writing of the JSON). Only the deadline ("nog 3 dagen") depends on
-- the day; it is added at each answer from state, state_since and
-- submitted_at, kept here beside the body.
--
-- body NULL means "to be made": the background job (api/objects.c) makes
-- it. Every change to anything the object shows makes its row old in the
-- same transaction (triggers below): body NULL and gen + 1. The job reads
-- gen before it reads the initiative and writes the body only while gen is
-- still that number, so a body made from what a later change replaced is
-- never kept. Until the body is there, answers are made as before.
--
-- format identifies the shape of the JSON (a hash of a sample made by the
-- program that wrote it): a program that writes another shape does not use
-- the old bodies and makes them again (object_formats keeps which shape the
-- bodies have, so a new program knows it must).

CREATE TABLE initiative_objects (
    initiative_id INTEGER PRIMARY KEY REFERENCES initiatives(id) ON DELETE CASCADE,
    tenant_id INTEGER NOT NULL,
    gen INTEGER NOT NULL DEFAULT 0,
    format INTEGER NOT NULL DEFAULT 0,
    state TEXT,
    state_since INTEGER,
    submitted_at INTEGER,
    body TEXT
);
CREATE INDEX initiative_objects_todo ON initiative_objects(initiative_id) WHERE body IS NULL;
CREATE INDEX initiative_objects_tenant ON initiative_objects(tenant_id);

CREATE TABLE object_formats (
    kind TEXT PRIMARY KEY,
    format INTEGER NOT NULL
);

-- A contact person's new name reaches the objects that show it.
CREATE INDEX initiatives_contact ON initiatives(contact_id) WHERE contact_id IS NOT NULL;

INSERT INTO initiative_objects (initiative_id, tenant_id) SELECT id, tenant_id FROM initiatives;

CREATE TRIGGER initiative_objects_ai AFTER INSERT ON initiatives BEGIN
    INSERT INTO initiative_objects (initiative_id, tenant_id) VALUES (new.id, new.tenant_id);
END;
CREATE TRIGGER initiative_objects_au AFTER UPDATE ON initiatives BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1, tenant_id = new.tenant_id
    WHERE initiative_id = new.id;
END;

CREATE TRIGGER initiative_objects_themes_ai AFTER INSERT ON initiative_themes BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = new.initiative_id;
END;
CREATE TRIGGER initiative_objects_themes_au AFTER UPDATE ON initiative_themes BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id IN (old.initiative_id, new.initiative_id);
END;
CREATE TRIGGER initiative_objects_themes_ad AFTER DELETE ON initiative_themes BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = old.initiative_id;
END;

CREATE TRIGGER initiative_objects_sdgs_ai AFTER INSERT ON initiative_sdgs BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = new.initiative_id;
END;
CREATE TRIGGER initiative_objects_sdgs_au AFTER UPDATE ON initiative_sdgs BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id IN (old.initiative_id, new.initiative_id);
END;
CREATE TRIGGER initiative_objects_sdgs_ad AFTER DELETE ON initiative_sdgs BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = old.initiative_id;
END;

CREATE TRIGGER initiative_objects_links_ai AFTER INSERT ON initiative_links BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = new.initiative_id;
END;
CREATE TRIGGER initiative_objects_links_au AFTER UPDATE ON initiative_links BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id IN (old.initiative_id, new.initiative_id);
END;
CREATE TRIGGER initiative_objects_links_ad AFTER DELETE ON initiative_links BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = old.initiative_id;
END;

CREATE TRIGGER initiative_objects_help_ai AFTER INSERT ON help_requests BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = new.initiative_id;
END;
CREATE TRIGGER initiative_objects_help_au AFTER UPDATE ON help_requests BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id IN (old.initiative_id, new.initiative_id);
END;
CREATE TRIGGER initiative_objects_help_ad AFTER DELETE ON help_requests BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = old.initiative_id;
END;

-- The initiator's name (shown when she chose so) and the contact person's.
CREATE TRIGGER initiative_objects_user_au AFTER UPDATE OF name ON users WHEN old.name IS NOT new.name BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1
    WHERE initiative_id IN (SELECT id FROM initiatives WHERE initiator_id = new.id)
       OR initiative_id IN (SELECT id FROM initiatives WHERE contact_id = new.id);
END;

-- Reference names (and the themes' order) are in every object of the
-- municipality; they change only with `wijzer init` or `tenant add`, which
-- write them again unchanged most of the time: only a real change counts.
CREATE TRIGGER initiative_objects_area_au AFTER UPDATE ON areas WHEN old.name IS NOT new.name BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE tenant_id = new.tenant_id;
END;
CREATE TRIGGER initiative_objects_theme_au AFTER UPDATE ON themes
WHEN old.name_nl IS NOT new.name_nl OR old.position IS NOT new.position BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE tenant_id = new.tenant_id;
END;
CREATE TRIGGER initiative_objects_help_kind_au AFTER UPDATE ON help_kinds WHEN old.name_nl IS NOT new.name_nl BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE tenant_id = new.tenant_id;
END;
CREATE TRIGGER initiative_objects_sdg_au AFTER UPDATE ON sdgs WHEN old.name_nl IS NOT new.name_nl BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1;
END;
