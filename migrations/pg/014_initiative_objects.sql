-- The API object of each initiative, made ahead of time (PostgreSQL; the
-- same as sqlite/013_initiative_objects.sql, which explains the table):
-- one query instead of five round trips. Triggers make a row old (body
-- NULL, gen + 1) in the transaction that changes what it shows; the
-- background job makes the body again, guarded by gen.

CREATE TABLE initiative_objects (
    initiative_id BIGINT PRIMARY KEY REFERENCES initiatives(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL,
    gen BIGINT NOT NULL DEFAULT 0,
    format BIGINT NOT NULL DEFAULT 0,
    state TEXT,
    state_since BIGINT,
    submitted_at BIGINT,
    body TEXT
);
CREATE INDEX initiative_objects_todo ON initiative_objects(initiative_id) WHERE body IS NULL;
CREATE INDEX initiative_objects_tenant ON initiative_objects(tenant_id);

CREATE TABLE object_formats (
    kind TEXT PRIMARY KEY,
    format BIGINT NOT NULL
);

CREATE INDEX initiatives_contact ON initiatives(contact_id) WHERE contact_id IS NOT NULL;

INSERT INTO initiative_objects (initiative_id, tenant_id) SELECT id, tenant_id FROM initiatives;

CREATE FUNCTION initiative_objects_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO initiative_objects (initiative_id, tenant_id) VALUES (NEW.id, NEW.tenant_id);
    ELSE
        UPDATE initiative_objects SET body = NULL, gen = gen + 1, tenant_id = NEW.tenant_id
        WHERE initiative_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER initiative_objects_ai AFTER INSERT OR UPDATE ON initiatives
    FOR EACH ROW EXECUTE FUNCTION initiative_objects_keep();

-- A row of the initiative's themes, SDGs, links or help requests.
CREATE FUNCTION initiative_objects_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = OLD.initiative_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.initiative_id IS DISTINCT FROM OLD.initiative_id) THEN
        UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE initiative_id = NEW.initiative_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER initiative_objects_themes AFTER INSERT OR UPDATE OR DELETE ON initiative_themes
    FOR EACH ROW EXECUTE FUNCTION initiative_objects_part();
CREATE TRIGGER initiative_objects_sdgs AFTER INSERT OR UPDATE OR DELETE ON initiative_sdgs
    FOR EACH ROW EXECUTE FUNCTION initiative_objects_part();
CREATE TRIGGER initiative_objects_links AFTER INSERT OR UPDATE OR DELETE ON initiative_links
    FOR EACH ROW EXECUTE FUNCTION initiative_objects_part();
CREATE TRIGGER initiative_objects_help AFTER INSERT OR UPDATE OR DELETE ON help_requests
    FOR EACH ROW EXECUTE FUNCTION initiative_objects_part();

-- The initiator's name and the contact person's.
CREATE FUNCTION initiative_objects_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1
    WHERE initiative_id IN (SELECT id FROM initiatives WHERE initiator_id = NEW.id)
       OR initiative_id IN (SELECT id FROM initiatives WHERE contact_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER initiative_objects_user AFTER UPDATE OF name ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION initiative_objects_user();

-- Reference names (and the themes' order) are in every object of the
-- municipality; only a real change counts.
CREATE FUNCTION initiative_objects_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1 WHERE tenant_id = NEW.tenant_id;
    RETURN NULL;
END $$;

CREATE FUNCTION initiative_objects_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiative_objects SET body = NULL, gen = gen + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER initiative_objects_area AFTER UPDATE ON areas
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION initiative_objects_tenant();
CREATE TRIGGER initiative_objects_theme AFTER UPDATE ON themes
    FOR EACH ROW WHEN (OLD.name_nl IS DISTINCT FROM NEW.name_nl OR OLD.position IS DISTINCT FROM NEW.position)
    EXECUTE FUNCTION initiative_objects_tenant();
CREATE TRIGGER initiative_objects_help_kind AFTER UPDATE ON help_kinds
    FOR EACH ROW WHEN (OLD.name_nl IS DISTINCT FROM NEW.name_nl) EXECUTE FUNCTION initiative_objects_tenant();
CREATE TRIGGER initiative_objects_sdg AFTER UPDATE ON sdgs
    FOR EACH ROW WHEN (OLD.name_nl IS DISTINCT FROM NEW.name_nl) EXECUTE FUNCTION initiative_objects_all();
