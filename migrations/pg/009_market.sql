-- The Beursvloer (issue 6, PostgreSQL; the same as sqlite/008_market.sql): organisations post requests (vraag) and offers
-- (aanbod) of kind knowledge, hands or means, tagged with the UN Global
-- Goals they serve; a request names its counter-offer (tegenprestatie).
-- A match pairs a request with an offer of another organisation and becomes
-- a deal with an agreed value in cents and a state (voorgesteld,
-- afgesproken, uitgevoerd, geannuleerd). A Beursvloer event has a date, a
-- place, registered organisations, pitches (selected requests) and the
-- deals made there. Every table carries tenant_id.

CREATE TABLE market_posts (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    side TEXT NOT NULL CHECK (side IN ('request', 'offer')),
    organisation_code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('knowledge', 'hands', 'means')),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    counter_offer TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX market_posts_list ON market_posts(tenant_id, side, state, created_at);
CREATE INDEX market_posts_organisation ON market_posts(tenant_id, organisation_code);

CREATE TABLE market_post_sdgs (
    tenant_id BIGINT NOT NULL,
    post_id BIGINT NOT NULL REFERENCES market_posts(id),
    sdg INTEGER NOT NULL REFERENCES sdgs(number),
    PRIMARY KEY (post_id, sdg)
);
CREATE INDEX market_post_sdgs_sdg ON market_post_sdgs(tenant_id, sdg);

CREATE TABLE market_events (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    date TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX market_events_date ON market_events(tenant_id, date);

CREATE TABLE market_event_participants (
    tenant_id BIGINT NOT NULL,
    event_id BIGINT NOT NULL REFERENCES market_events(id),
    organisation_code TEXT NOT NULL,
    registered_by BIGINT REFERENCES users(id),
    registered_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, organisation_code)
);

CREATE TABLE market_event_pitches (
    tenant_id BIGINT NOT NULL,
    event_id BIGINT NOT NULL REFERENCES market_events(id),
    request_id BIGINT NOT NULL REFERENCES market_posts(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, request_id)
);

CREATE TABLE market_deals (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    request_id BIGINT NOT NULL REFERENCES market_posts(id),
    offer_id BIGINT NOT NULL REFERENCES market_posts(id),
    value_cents BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'voorgesteld'
        CHECK (state IN ('voorgesteld', 'afgesproken', 'uitgevoerd', 'geannuleerd')),
    event_id BIGINT REFERENCES market_events(id),
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id),
    updated_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX market_deals_request ON market_deals(tenant_id, request_id);
CREATE INDEX market_deals_offer ON market_deals(tenant_id, offer_id);
CREATE INDEX market_deals_event ON market_deals(tenant_id, event_id);
