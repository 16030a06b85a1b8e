-- Provisioning health for the support console: the RFC 7644 scimType of refused SCIM requests, and an index
-- that lets "requests and failures in the last 24 hours" read one company's recent rows only.
ALTER TABLE provisioning_event ADD COLUMN scim_type VARCHAR(32);
CREATE INDEX ix_provisioning_event_company_time ON provisioning_event (company_id, occurred_at);
