-- The foundation for PostgreSQL, the same in meaning as
-- migrations/sqlite/001_foundation.sql: tenants, reference data, accounts,
-- initiatives and their process. Every domain table carries tenant_id.
-- Times are unix seconds (BIGINT).

CREATE TABLE tenants (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    host TEXT
);

CREATE TABLE settings (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE areas (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
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
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE help_kinds (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
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
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description_nl TEXT NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE places (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation_code TEXT,
    town TEXT,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE goals (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    title_nl TEXT NOT NULL,
    source_document TEXT NOT NULL,
    parent_code TEXT,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    role TEXT NOT NULL CHECK (role IN ('resident', 'official', 'committee', 'coordinator', 'admin')),
    password_hash TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,            -- SHA-256 of the cookie value, hex
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,            -- SHA-256 of the token, hex
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE login_attempts (
    tenant_id BIGINT NOT NULL,
    key TEXT NOT NULL,              -- hashed e-mail or client address
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE initiatives (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    area_code TEXT NOT NULL,
    state TEXT NOT NULL,
    initiator_id BIGINT NOT NULL REFERENCES users(id),
    show_name INTEGER NOT NULL DEFAULT 1,
    contact_id BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    state_since BIGINT NOT NULL,
    submitted_at BIGINT,
    FOREIGN KEY (tenant_id, area_code) REFERENCES areas(tenant_id, code)
);
CREATE INDEX initiatives_list ON initiatives(tenant_id, id DESC);
CREATE INDEX initiatives_state ON initiatives(tenant_id, state);
CREATE INDEX initiatives_area ON initiatives(tenant_id, area_code);
CREATE INDEX initiatives_initiator ON initiatives(initiator_id);

CREATE TABLE initiative_themes (
    tenant_id BIGINT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    theme_code TEXT NOT NULL,
    PRIMARY KEY (initiative_id, theme_code)
);
CREATE INDEX initiative_themes_theme ON initiative_themes(tenant_id, theme_code);

CREATE TABLE initiative_sdgs (
    tenant_id BIGINT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    sdg INTEGER NOT NULL REFERENCES sdgs(number),
    PRIMARY KEY (initiative_id, sdg)
);

CREATE TABLE initiative_links (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE INDEX initiative_links_initiative ON initiative_links(initiative_id);

CREATE TABLE help_requests (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    amount_cents BIGINT,
    state TEXT NOT NULL CHECK (state IN ('open', 'toegezegd', 'geleverd', 'afgewezen')),
    created_at BIGINT NOT NULL
);
CREATE INDEX help_requests_initiative ON help_requests(initiative_id);

CREATE TABLE timeline (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    by_id BIGINT REFERENCES users(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_initiative ON timeline(initiative_id, at);

-- Full-text search with PostgreSQL's 'dutch' configuration (Snowball
-- stemming, so "speeltuinen" finds "speeltuin"): the title weighs most (A),
-- then the summary (B), then the description (C), as bm25's weights do
-- for SQLite's FTS5.
ALTER TABLE initiatives ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, title), 'A') ||
    setweight(to_tsvector('dutch'::regconfig, summary), 'B') ||
    setweight(to_tsvector('dutch'::regconfig, description), 'C')
) STORED;
CREATE INDEX initiatives_tsv ON initiatives USING GIN (tsv);
