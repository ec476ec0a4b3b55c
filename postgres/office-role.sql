-- One office's role in a store shared by a province (README, "One store for a province").
-- Run by the store's owner, after the store was made (casestat-import --db STORE --init):
--   psql -v role=linjiang -v office=临江县人民检察院 -f office-role.sql "dbname=province"
-- The role (made beforehand by createuser) then reads and writes only its own office's imports
-- and rows (the row-level security policies of the store); casestat-import connected as it
-- files its imports under its office without --office.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO office_roles(role, office) VALUES (:'role', :'office')
  ON CONFLICT (role) DO UPDATE SET office = excluded.office;
GRANT SELECT ON meta, office_roles TO :"role";
GRANT SELECT, INSERT, UPDATE, DELETE ON imports, records TO :"role";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"role";
-- Counts and file names of other offices' case numbers, for the overlap warning; never the rows.
GRANT EXECUTE ON FUNCTION casestat_overlaps(BIGINT) TO :"role";
COMMIT;
