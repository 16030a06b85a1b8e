-- PostgreSQL only. An initial provisioning cycle grows the directory tables from empty to 100,000s of rows
-- in minutes; with the default thresholds autovacuum re-analyzes them only after 10 % growth, so plans are
-- made on stale statistics while the sync is running. Analyze after 1 % (plus 500 rows) instead.
ALTER TABLE app_user SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 500);
ALTER TABLE user_value SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 500);
ALTER TABLE user_group SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 500);
ALTER TABLE group_member SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 500);
