-- The foundation: tenants, reference data, accounts, initiatives and their
-- process. Every domain table carries tenant_id. Times are unix seconds.

CREATE TABLE tenants (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    host TEXT
);

CREATE TABLE settings (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE areas (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('wijk', 'buurt')),
    parent_code TEXT,
    town TEXT,
    cbs_code TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE themes (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE help_kinds (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_nl TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE sdgs (
    number INTEGER PRIMARY KEY,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE organisations (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description_nl TEXT NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE places (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation_code TEXT,
    town TEXT,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE goals (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    title_nl TEXT NOT NULL,
    source_document TEXT NOT NULL,
    parent_code TEXT,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    role TEXT NOT NULL CHECK (role IN ('resident', 'official', 'committee', 'coordinator', 'admin')),
    password_hash TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,            -- SHA-256 of the cookie value, hex
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,            -- SHA-256 of the token, hex
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);

CREATE TABLE login_attempts (
    tenant_id INTEGER NOT NULL,
    key TEXT NOT NULL,              -- hashed e-mail or client address
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    initiator_id INTEGER NOT NULL REFERENCES users(id),
    show_name INTEGER NOT NULL DEFAULT 1,
    contact_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    state_since INTEGER NOT NULL,
    submitted_at INTEGER,
    FOREIGN KEY (tenant_id, area_code) REFERENCES areas(tenant_id, code)
);
CREATE INDEX initiatives_list ON initiatives(tenant_id, id DESC);
CREATE INDEX initiatives_state ON initiatives(tenant_id, state);
CREATE INDEX initiatives_area ON initiatives(tenant_id, area_code);
CREATE INDEX initiatives_initiator ON initiatives(initiator_id);

CREATE TABLE initiative_themes (
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL,
    PRIMARY KEY (initiative_id, theme_code)
);
CREATE INDEX initiative_themes_theme ON initiative_themes(tenant_id, theme_code);

CREATE TABLE initiative_sdgs (
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    sdg INTEGER NOT NULL REFERENCES sdgs(number),
    PRIMARY KEY (initiative_id, sdg)
);

CREATE TABLE initiative_links (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE INDEX initiative_links_initiative ON initiative_links(initiative_id);

CREATE TABLE help_requests (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    amount_cents INTEGER,
    state TEXT NOT NULL CHECK (state IN ('open', 'toegezegd', 'geleverd', 'afgewezen')),
    created_at INTEGER NOT NULL
);
CREATE INDEX help_requests_initiative ON help_requests(initiative_id);

CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    by_id INTEGER REFERENCES users(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_initiative ON timeline(initiative_id, at);

-- Full-text search: an external-content FTS5 table over the initiative's
-- text, kept in step by triggers; the 'dutch' tokenizer stems with Snowball.
CREATE VIRTUAL TABLE initiatives_fts USING fts5(
    title, summary, description,
    content='initiatives', content_rowid='id', tokenize='dutch'
);
CREATE TRIGGER initiatives_fts_ai AFTER INSERT ON initiatives BEGIN
    INSERT INTO initiatives_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
CREATE TRIGGER initiatives_fts_ad AFTER DELETE ON initiatives BEGIN
    INSERT INTO initiatives_fts(initiatives_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
END;
CREATE TRIGGER initiatives_fts_au AFTER UPDATE OF title, summary, description ON initiatives BEGIN
    INSERT INTO initiatives_fts(initiatives_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
    INSERT INTO initiatives_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
