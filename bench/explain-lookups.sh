#!/usr/bin/env bash
# Query plans of the SCIM lookups on PostgreSQL with a large directory, without running the server: a scratch
# database with the application's schema (the Flyway migration files, applied with psql), USERS users of one
# company plus a second company of USERS/5 users, ANALYZE, then EXPLAIN (ANALYZE, BUFFERS) of the statements
# the application sends for a userName and an externalId filter, a group displayName filter, the token lookup
# and the groups page, each both as a custom and as a generic plan (what a JDBC prepared statement ends up with).
#
#   bench/explain-lookups.sh [users]        # default 1000000; ~1-2 minutes and ~600 MB of disk at 1M
#
# Environment: PGHOST_PORT (5432; user postgres, trust auth on 127.0.0.1), KEEP_DB=1 keeps the database
# gatehouse_explain for further EXPLAINs. Output: the plans on standard out.
set -euo pipefail

USERS=${1:-1000000}
[[ $USERS =~ ^[1-9][0-9]*$ ]] || { echo "users must be a number" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIGRATIONS=$ROOT/app/src/main/resources/db
DB=gatehouse_explain
PSQL=(psql -h 127.0.0.1 -p "${PGHOST_PORT:-5432}" -U postgres -X -q -v ON_ERROR_STOP=1)

dropdb -h 127.0.0.1 -p "${PGHOST_PORT:-5432}" -U postgres --if-exists "$DB" 2>/dev/null
createdb -h 127.0.0.1 -p "${PGHOST_PORT:-5432}" -U postgres "$DB"
[[ ${KEEP_DB:-0} == 1 ]] || trap 'dropdb -h 127.0.0.1 -p "${PGHOST_PORT:-5432}" -U postgres --if-exists "$DB"' EXIT

# the schema in Flyway's order: versioned files of both locations, sorted by version
for f in $(ls "$MIGRATIONS"/migration/V*.sql "$MIGRATIONS"/vendor/postgresql/V*.sql \
             | awk -F/ '{v=$NF; sub(/^V/, "", v); sub(/__.*/, "", v); gsub(/_/, ".", v); print v " " $0}' \
             | sort -t. -k1,1n -k2,2n | cut -d' ' -f2); do
  "${PSQL[@]}" -d "$DB" -f "$f" >/dev/null
done

"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO company (id, name, plan_code, created_at, updated_at) VALUES
  ('00000000-0000-0000-0000-00000000000a', 'Big', 'premium', now(), now()),
  ('00000000-0000-0000-0000-00000000000b', 'Other', 'premium', now(), now());
INSERT INTO credential (id, company_id, kind, lookup_id, secret_hash, display_prefix, created_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', 'SCIM', 'lookup' || i, md5(i::text) || md5(i::text),
       'gh_scim_' || i, now()
FROM generate_series(1, 50) i;
INSERT INTO app_user (id, company_id, user_name, user_name_ci, external_id, active, display_name, resource, source,
                      version, created_at, last_modified_at)
SELECT md5('u' || i)::uuid,
       CASE WHEN i <= $USERS THEN '00000000-0000-0000-0000-00000000000a'::uuid
            ELSE '00000000-0000-0000-0000-00000000000b'::uuid END,
       'User.' || i || '@contoso.example', 'user.' || i || '@contoso.example', md5(i::text)::uuid::text, true,
       'User ' || i, '{"userName":"User.' || i || '@contoso.example","displayName":"User ' || i || '"}', 'SCIM', 1,
       timestamp with time zone '2026-01-01' + i * interval '1 millisecond', now()
FROM generate_series(1, $USERS + $USERS / 5) i;
INSERT INTO user_group (id, company_id, display_name, display_name_ci, external_id, resource, source, version,
                        created_at, last_modified_at)
SELECT md5('g' || i)::uuid, '00000000-0000-0000-0000-00000000000a', 'Group ' || i, 'group ' || i,
       md5('g' || i)::uuid::text, '{"displayName":"Group ' || i || '"}', 'SCIM', 1,
       timestamp with time zone '2026-01-01' + i * interval '1 millisecond', now()
FROM generate_series(1, greatest(1, $USERS / 100)) i;
-- every user of the big company in one group: user i in group 1 + i mod (users / 100). Generated rows are
-- consistent by construction: skip the per-row foreign-key checks (they lock and dirty every user row).
SET session_replication_role = replica;
INSERT INTO group_member (group_id, user_id, company_id)
SELECT md5('g' || (1 + i % greatest(1, $USERS / 100)))::uuid, md5('u' || i)::uuid,
       '00000000-0000-0000-0000-00000000000a'
FROM generate_series(1, $USERS) i;
SET session_replication_role = DEFAULT;
VACUUM ANALYZE;
SQL

"${PSQL[@]}" -d "$DB" <<SQL
\echo '== sizes'
SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN ('app_user', 'user_group', 'group_member')
ORDER BY relname;
PREPARE token(text) AS
  SELECT cr.id AS credential_id, cr.secret_hash, cr.last_used_at, c.id, c.name, c.plan_code,
         c.provisioning_enabled, c.created_at
  FROM credential cr JOIN company c ON c.id = cr.company_id
  WHERE cr.lookup_id = \$1 AND cr.kind = 'SCIM' AND cr.revoked_at IS NULL;
PREPARE by_user_name(uuid, text) AS
  SELECT u.id, u.company_id, u.resource, u.source, u.version, u.created_at, u.last_modified_at
  FROM app_user u WHERE u.company_id = \$1 AND (u.user_name_ci = \$2) LIMIT 100 OFFSET 0;
PREPARE by_external_id(uuid, text) AS
  SELECT u.id, u.company_id, u.resource, u.source, u.version, u.created_at, u.last_modified_at
  FROM app_user u WHERE u.company_id = \$1 AND (u.external_id = \$2) ORDER BY u.created_at, u.id LIMIT 100 OFFSET 0;
PREPARE groups_of(uuid, uuid) AS
  SELECT m.user_id, g.id, g.display_name FROM group_member m JOIN user_group g ON g.id = m.group_id
  WHERE m.company_id = \$1 AND m.user_id IN (\$2) ORDER BY m.user_id, g.display_name_ci;
PREPARE groups_page(uuid) AS
  SELECT g.id, g.company_id, g.resource, g.source, g.version, g.created_at, g.last_modified_at FROM user_group g
  WHERE g.company_id = \$1 ORDER BY g.created_at, g.id LIMIT 100 OFFSET 9000;
PREPARE groups_count(uuid) AS SELECT COUNT(*) FROM user_group g WHERE g.company_id = \$1;
SELECT id AS probe_user FROM app_user WHERE user_name_ci = 'user.$((USERS / 2))@contoso.example' \\gset
SET plan_cache_mode = force_custom_plan;
\\echo '---- custom plans'
\\echo '== token lookup (every SCIM request)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE token('lookup7');
\\echo '== userName eq (unique key: no ORDER BY; no COUNT, the short page proves the total)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_user_name('00000000-0000-0000-0000-00000000000a', 'user.$((USERS / 2))@contoso.example');
\\echo '== externalId eq (listing order from the index; no COUNT)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_external_id('00000000-0000-0000-0000-00000000000a', md5('$((USERS / 3))')::uuid::text);
\\echo '== the groups attribute of the found user'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE groups_of('00000000-0000-0000-0000-00000000000a', :'probe_user');
\\echo '== groups page at startIndex 9001 (excludedAttributes=members) and its count (not needed on the last page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE groups_page('00000000-0000-0000-0000-00000000000a');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE groups_count('00000000-0000-0000-0000-00000000000a');
SET plan_cache_mode = force_generic_plan;
\\echo '---- generic plans (a JDBC prepared statement after its 5th execution)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE token('lookup9');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_user_name('00000000-0000-0000-0000-00000000000a', 'user.$((USERS / 4))@contoso.example');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE by_external_id('00000000-0000-0000-0000-00000000000a', md5('$((USERS / 5))')::uuid::text);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE groups_page('00000000-0000-0000-0000-00000000000a');
SQL
