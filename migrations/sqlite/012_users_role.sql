-- Users by role: the officials of a municipality (the directory's list of
-- officials, the contact persons at intake) without reading every resident.
CREATE INDEX users_role ON users(tenant_id, role);
