-- Volunteering (issue 6, capability 5): vacancies of organisations and
-- initiatives, volunteer profiles, responses, placements and invitations.
-- Sets are small: availability and a vacancy's times are a bit mask of
-- day × part of the day (bit day*3 + part; day 0 = Monday, part 0 =
-- morning, 1 = afternoon, 2 = evening), suits is a bit mask (1 youth,
-- 2 older, 4 learning Dutch, 8 newcomers, 16 distance to the labour
-- market), a profile's themes and areas are comma-separated codes. Every
-- table carries tenant_id.

CREATE TABLE vacancies (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    organisation_code TEXT,
    initiative_id INTEGER REFERENCES initiatives(id),
    title TEXT NOT NULL,
    tasks TEXT NOT NULL DEFAULT '',
    offer TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    theme_code TEXT,
    area_code TEXT,
    from_home INTEGER NOT NULL DEFAULT 0,
    one_off_date TEXT,
    hours INTEGER NOT NULL DEFAULT 0,
    hours_per_week INTEGER NOT NULL DEFAULT 0,
    period_start TEXT,
    period_end TEXT,
    times INTEGER NOT NULL DEFAULT 0,
    places INTEGER NOT NULL DEFAULT 1 CHECK (places >= 1),
    suits INTEGER NOT NULL DEFAULT 0,
    contact TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'filled', 'closed')),
    closes_on TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (organisation_code IS NOT NULL OR initiative_id IS NOT NULL)
);
CREATE INDEX vacancies_open ON vacancies(tenant_id, state, closes_on);
CREATE INDEX vacancies_area ON vacancies(tenant_id, area_code, state);
CREATE INDEX vacancies_theme ON vacancies(tenant_id, theme_code, state);
CREATE INDEX vacancies_organisation ON vacancies(tenant_id, organisation_code);

CREATE TABLE volunteer_profiles (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    skills TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    areas TEXT NOT NULL DEFAULT '',
    availability INTEGER NOT NULL DEFAULT 0,
    preference TEXT NOT NULL DEFAULT 'any' CHECK (preference IN ('any', 'one_off', 'recurring')),
    visible INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX volunteer_profiles_visible ON volunteer_profiles(tenant_id, visible);

CREATE TABLE vacancy_responses (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    message TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'declined', 'withdrawn')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (vacancy_id, user_id)
);
CREATE INDEX vacancy_responses_user ON vacancy_responses(tenant_id, user_id);

CREATE TABLE placements (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    ended_by INTEGER REFERENCES users(id)
);
CREATE INDEX placements_vacancy ON placements(tenant_id, vacancy_id);
CREATE INDEX placements_user ON placements(tenant_id, user_id);

CREATE TABLE vacancy_invitations (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    vacancy_id INTEGER NOT NULL REFERENCES vacancies(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    invited_by INTEGER REFERENCES users(id),
    message TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'invited' CHECK (state IN ('invited', 'accepted', 'declined')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (vacancy_id, user_id)
);
CREATE INDEX vacancy_invitations_user ON vacancy_invitations(tenant_id, user_id);
