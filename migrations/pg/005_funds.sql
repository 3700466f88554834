-- Funds and committee assessment (issue 4) for PostgreSQL, the same in
-- meaning as migrations/sqlite/004_funds.sql. Every table carries
-- tenant_id. Times are unix seconds (BIGINT); *_day columns are civil day
-- numbers (lib/dates.h). A decision locks its fund_years row (SELECT … FOR
-- UPDATE) so two decisions cannot both spend the same remaining budget.

CREATE TABLE funds (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation_code TEXT,
    description TEXT NOT NULL DEFAULT '',
    who_may_apply TEXT NOT NULL DEFAULT '',
    exclusions TEXT NOT NULL DEFAULT '',
    cadence TEXT NOT NULL DEFAULT '',
    max_amount_cents BIGINT NOT NULL CHECK (max_amount_cents > 0),
    decision_weeks INTEGER NOT NULL DEFAULT 8 CHECK (decision_weeks > 0),
    criteria_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, code)
);

CREATE TABLE fund_years (
    tenant_id BIGINT NOT NULL,
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    year INTEGER NOT NULL,
    budget_cents BIGINT NOT NULL CHECK (budget_cents >= 0),
    closed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fund_id, year)
);

CREATE TABLE fund_criteria (
    tenant_id BIGINT NOT NULL,
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    question TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (fund_id, version, code)
);

CREATE TABLE fund_members (
    tenant_id BIGINT NOT NULL,
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    chair INTEGER NOT NULL DEFAULT 0,
    since INTEGER NOT NULL,
    PRIMARY KEY (fund_id, user_id)
);
CREATE INDEX fund_members_user ON fund_members(user_id);

CREATE TABLE fund_rounds (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    meeting_day BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX fund_rounds_fund ON fund_rounds(fund_id, meeting_day);

CREATE TABLE applications (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    initiative_id BIGINT NOT NULL REFERENCES initiatives(id),
    help_request_id BIGINT REFERENCES help_requests(id),
    applicant_id BIGINT NOT NULL REFERENCES users(id),
    year INTEGER NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    own_contribution TEXT NOT NULL,
    own_contribution_cents BIGINT NOT NULL DEFAULT 0,
    own_contribution_hours INTEGER NOT NULL DEFAULT 0,
    needed_by BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ingediend', 'in_beoordeling', 'besluit', 'uitbetaald', 'verantwoord',
                                         'ingetrokken')),
    submitted_at BIGINT NOT NULL,
    state_since BIGINT NOT NULL,
    decision_due_day BIGINT NOT NULL,
    paused_since BIGINT NOT NULL DEFAULT 0,
    paused_days INTEGER NOT NULL DEFAULT 0,
    info_request TEXT,
    info_requested_at BIGINT NOT NULL DEFAULT 0,
    info_response TEXT,
    info_supplied_at BIGINT NOT NULL DEFAULT 0,
    outcome TEXT CHECK (outcome IN ('granted', 'rejected', 'referred')),
    granted_cents BIGINT NOT NULL DEFAULT 0,
    motivation TEXT,
    conditions TEXT,
    referral TEXT,
    criteria_version INTEGER NOT NULL,
    decided_at BIGINT NOT NULL DEFAULT 0,
    decided_by BIGINT REFERENCES users(id),
    round_id BIGINT REFERENCES fund_rounds(id),
    withdraw_reason TEXT,
    report_submitted_at BIGINT NOT NULL DEFAULT 0,
    report_participants INTEGER NOT NULL DEFAULT 0,
    report_reach INTEGER NOT NULL DEFAULT 0,
    report_costs_cents BIGINT NOT NULL DEFAULT 0,
    report_story TEXT,
    report_photo_url TEXT,
    report_accepted INTEGER NOT NULL DEFAULT 0,
    report_note TEXT,
    report_reviewed_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX applications_fund ON applications(fund_id, state);
CREATE INDEX applications_initiative ON applications(initiative_id);
CREATE INDEX applications_applicant ON applications(applicant_id);
CREATE INDEX applications_round ON applications(round_id);

CREATE TABLE application_lines (
    tenant_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (application_id, position)
);

CREATE TABLE assessments (
    tenant_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users(id),
    criterion TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    remark TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    PRIMARY KEY (application_id, member_id, criterion)
);

CREATE TABLE conflicts (
    tenant_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    PRIMARY KEY (application_id, member_id)
);

CREATE TABLE ledger_entries (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    fund_id BIGINT NOT NULL REFERENCES funds(id),
    year INTEGER NOT NULL,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('commit', 'release', 'payment', 'repayment')),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    application_id BIGINT REFERENCES applications(id),
    note TEXT NOT NULL DEFAULT '',
    by_id BIGINT REFERENCES users(id)
);
CREATE INDEX ledger_entries_fund_year ON ledger_entries(fund_id, year);
CREATE INDEX ledger_entries_application ON ledger_entries(application_id);
