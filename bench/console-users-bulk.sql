-- Bulk path of bench/run-console-users.sh (PostgreSQL only): grows a company's directory to :total users by
-- cloning the rows that SCIM created for it (app_user and its user_value rows), so every added user is stored
-- exactly as a SCIM-created one (same projections, resource JSON, multi-valued rows), with its own id,
-- userName ("<local part>.c<n>@<domain>") and externalId. Then ANALYZE, as autovacuum would.
-- psql -v company=<uuid> -v total=<n> -f bench/console-users-bulk.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE clone ON COMMIT DROP AS
SELECT g AS n, gen_random_uuid() AS new_id, s.id AS src_id, s.user_name AS src_name, s.external_id AS src_ext,
       replace(s.user_name, '@', '.c' || g || '@') AS new_name, s.external_id || '-c' || g AS new_ext
FROM generate_series(1, GREATEST(:total - (SELECT COUNT(*) FROM app_user WHERE company_id = :'company'), 0)) g
JOIN (SELECT id, user_name, external_id, row_number() OVER (ORDER BY id) - 1 AS k
      FROM app_user WHERE company_id = :'company' AND source = 'SCIM') s
  ON s.k = g % (SELECT COUNT(*) FROM app_user WHERE company_id = :'company' AND source = 'SCIM');

INSERT INTO app_user (id, company_id, user_name, user_name_ci, external_id, active, display_name, nick_name,
    profile_url, title, user_type, preferred_language, locale, timezone, name_formatted, name_family_name,
    name_given_name, name_middle_name, name_honorific_prefix, name_honorific_suffix, employee_number, cost_center,
    organization, division, department, manager_id, resource, source, version, created_at, last_modified_at)
SELECT c.new_id, u.company_id, c.new_name, lower(c.new_name), c.new_ext, u.active, u.display_name, u.nick_name,
    u.profile_url, u.title, u.user_type, u.preferred_language, u.locale, u.timezone, u.name_formatted,
    u.name_family_name, u.name_given_name, u.name_middle_name, u.name_honorific_prefix, u.name_honorific_suffix,
    u.employee_number, u.cost_center, u.organization, u.division, u.department, u.manager_id,
    replace(replace(u.resource, c.src_name, c.new_name), '"' || c.src_ext || '"', '"' || c.new_ext || '"'),
    u.source, u.version, u.created_at + c.n * interval '1 millisecond', u.last_modified_at
FROM clone c JOIN app_user u ON u.id = c.src_id;

INSERT INTO user_value (user_id, company_id, attr, ordinal, attr_value, value_ci, type, is_primary, display,
    formatted, street_address, locality, region, postal_code, country)
SELECT c.new_id, v.company_id, v.attr, v.ordinal, replace(v.attr_value, c.src_name, c.new_name),
    replace(v.value_ci, lower(c.src_name), lower(c.new_name)), v.type, v.is_primary, v.display, v.formatted,
    v.street_address, v.locality, v.region, v.postal_code, v.country
FROM clone c JOIN user_value v ON v.user_id = c.src_id;
COMMIT;
ANALYZE app_user;
ANALYZE user_value;
SELECT COUNT(*) AS users FROM app_user WHERE company_id = :'company';
