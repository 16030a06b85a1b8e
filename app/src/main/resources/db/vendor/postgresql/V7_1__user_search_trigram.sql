-- PostgreSQL only. The console's Users search matches a userName prefix OR a part of the display name
-- (LIKE 'x%' / LIKE '%x%'); no B-tree serves '%x%', and with a non-C collation none serves the prefix either,
-- so at 100,000 users every search read the whole company. Trigram GIN indexes serve both (queries of 3+
-- characters), combined with a BitmapOr. pg_trgm is a trusted extension: the database owner may create it.
-- Cost: each user insert/update also updates two GIN indexes (fastupdate batches that work).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_user_name_trgm ON app_user USING gin (user_name_ci gin_trgm_ops);
CREATE INDEX ix_user_display_name_trgm ON app_user USING gin (LOWER(display_name) gin_trgm_ops);
