-- Users by role (PostgreSQL; the same as sqlite/012_users_role.sql): the
-- officials of a municipality without reading every resident.
CREATE INDEX users_role ON users(tenant_id, role);
