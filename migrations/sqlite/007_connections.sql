-- Connections (issue 5): the goals an initiative serves, the organisations
-- that help it and the other initiatives it works with, shown on both
-- sides. The initiator or an official adds them by hand, or an official
-- confirms a suggestion of the matching engine; a dismissed suggestion is
-- remembered so it stays away.

CREATE TABLE initiative_goals (
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    goal_code TEXT NOT NULL,
    by_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, goal_code)
);
CREATE INDEX initiative_goals_goal ON initiative_goals(tenant_id, goal_code);

CREATE TABLE initiative_organisations (
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    organisation_code TEXT NOT NULL,
    by_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, organisation_code)
);
CREATE INDEX initiative_organisations_org ON initiative_organisations(tenant_id, organisation_code);

-- Two initiatives that work together: one row, the smaller id first.
CREATE TABLE initiative_partners (
    tenant_id INTEGER NOT NULL,
    low_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    high_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    by_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
);
CREATE INDEX initiative_partners_high ON initiative_partners(high_id);

-- A suggestion an official dismissed: target is the suggested initiative's
-- id (as text), or the organisation, goal or fund code, or the official's
-- user id (as text).
CREATE TABLE suggestion_dismissals (
    tenant_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('initiative', 'organisation', 'goal', 'official', 'fund')),
    target TEXT NOT NULL,
    by_id INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, kind, target)
);
