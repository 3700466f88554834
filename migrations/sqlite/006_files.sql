-- Uploaded files, kept in the database itself so every process of a
-- PostgreSQL deployment sees the same ones (no shared disk needed). A
-- file belongs to one thing: kind 'report_photo' with owner_id an
-- application's id (a photo with its accountability report). content_type
-- is what the bytes are (sniffed, never what the browser said); name is
-- the original file name without any directory, for alt text only.

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    kind TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    uploader_id INTEGER REFERENCES users(id),
    content_type TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL CHECK (size >= 0),
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX files_owner ON files(tenant_id, kind, owner_id);
