-- SCIM lookups by externalId (Entra matches on it; Okta too) are not unique-key lookups, so they are answered
-- in the listing order (created_at, id). With the order columns in the index, "company_id = ? AND
-- external_id = ? ORDER BY created_at, id LIMIT n" is one ordered index range on every database and with any
-- statistics: no sort, and no plan that walks the company's whole listing index filtering on external_id.
DROP INDEX ix_user_external_id;
CREATE INDEX ix_user_external_id ON app_user (company_id, external_id, created_at, id);
DROP INDEX ix_group_external_id;
CREATE INDEX ix_group_external_id ON user_group (company_id, external_id, created_at, id);
