-- The upper office's role in a store shared by a province (README, "One store for a province"):
-- it reads every office's imports and rows (a role without an office in office_roles is not
-- limited by the row-level security policies) and changes nothing.
--   psql -v role=province -f reader-role.sql "dbname=province"
\set ON_ERROR_STOP on
BEGIN;
DELETE FROM office_roles WHERE role = :'role';
GRANT SELECT ON meta, imports, records, office_roles TO :"role";
COMMIT;
