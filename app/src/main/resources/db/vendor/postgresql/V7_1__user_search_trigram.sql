-- PostgreSQL only. The console's Users search matches a userName prefix OR a part of the display name
-- (LIKE 'x%' / LIKE '%x%'). No B-tree serves '%x%', and with a non-C collation (e.g. C.UTF-8, en_US.UTF-8)
-- the unique (company_id, user_name_ci) index does not serve LIKE 'x%' either, so at 100,000 users every
-- search read the whole company. Now: a text_pattern_ops B-tree for the userName prefix and a trigram GIN
-- index for the display name, combined with a BitmapOr (display-name parts of 3+ characters; a trigram index
-- on userName was tried and is slow for long prefixes: trigrams such as "u00" occur in every row).
-- pg_trgm is a trusted extension: the database owner may create it.
-- Cost: each user insert/update also updates these two indexes (GIN's fastupdate batches its part).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_user_name_prefix ON app_user (company_id, user_name_ci text_pattern_ops);
CREATE INDEX ix_user_display_name_trgm ON app_user USING gin (LOWER(display_name) gin_trgm_ops);
