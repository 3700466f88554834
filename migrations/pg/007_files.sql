-- Uploaded files (the same in meaning as migrations/sqlite/006_files.sql),
-- kept in the database so every process sees them: kind 'report_photo'
-- with owner_id an application's id. content_type is sniffed from the
-- bytes; name is the original file name, for alt text only.

CREATE TABLE files (
    id BIGSERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id),
    kind TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    uploader_id BIGINT REFERENCES users(id),
    content_type TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    size BIGINT NOT NULL CHECK (size >= 0),
    data BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX files_owner ON files(tenant_id, kind, owner_id);
