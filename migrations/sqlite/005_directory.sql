-- The directory (issue 5): municipal goals as a tree with their portfolio
-- holder and responsible department; portfolio holders (wethouders);
-- the public profile of officials (expertise, themes, wijken; never their
-- e-mail or phone); organisations with kind, themes, what they offer, the
-- wijken they work in, contact route and members; places (wijkcentra)
-- with address and what happens there. The matching engine and the
-- Wegwijzer read these tables. Every table carries tenant_id.

CREATE TABLE portfolio_holders (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    portfolio TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, code)
);

ALTER TABLE goals ADD COLUMN holder_code TEXT;
ALTER TABLE goals ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

-- The themes a goal is about: the matching engine links initiatives to goals through them.
CREATE TABLE goal_themes (
    tenant_id INTEGER NOT NULL,
    goal_code TEXT NOT NULL,
    theme_code TEXT NOT NULL,
    PRIMARY KEY (tenant_id, goal_code, theme_code)
);
CREATE INDEX goal_themes_theme ON goal_themes(tenant_id, theme_code);

-- edited_at: set when a member or admin changes the page; reloading the
-- reference data then leaves the organisation's own text alone.
ALTER TABLE organisations ADD COLUMN offer TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN edited_at INTEGER;

CREATE TABLE organisation_themes (
    tenant_id INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    theme_code TEXT NOT NULL,
    PRIMARY KEY (tenant_id, organisation_code, theme_code)
);
CREATE INDEX organisation_themes_theme ON organisation_themes(tenant_id, theme_code);

-- What an organisation can help with, as help-request kinds (money,
-- volunteers, space, …): the Wegwijzer's "what do you need".
CREATE TABLE organisation_help_kinds (
    tenant_id INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    help_kind TEXT NOT NULL,
    PRIMARY KEY (tenant_id, organisation_code, help_kind)
);
CREATE INDEX organisation_help_kinds_kind ON organisation_help_kinds(tenant_id, help_kind);

-- The wijken an organisation works in; none: the whole municipality.
CREATE TABLE organisation_areas (
    tenant_id INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    PRIMARY KEY (tenant_id, organisation_code, area_code)
);
CREATE INDEX organisation_areas_area ON organisation_areas(tenant_id, area_code);

CREATE TABLE organisation_members (
    tenant_id INTEGER NOT NULL,
    organisation_code TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    since INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, organisation_code, user_id)
);
CREATE INDEX organisation_members_user ON organisation_members(user_id);

ALTER TABLE places ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN activities TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN area_code TEXT;
ALTER TABLE places ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

-- An official's public profile; the user row keeps the private data.
CREATE TABLE official_profiles (
    tenant_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL PRIMARY KEY REFERENCES users(id),
    expertise TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);

CREATE TABLE official_themes (
    tenant_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    theme_code TEXT NOT NULL,
    PRIMARY KEY (user_id, theme_code)
);
CREATE INDEX official_themes_theme ON official_themes(tenant_id, theme_code);

CREATE TABLE official_areas (
    tenant_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    area_code TEXT NOT NULL,
    PRIMARY KEY (user_id, area_code)
);
CREATE INDEX official_areas_area ON official_areas(tenant_id, area_code);
