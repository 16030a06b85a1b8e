-- Every admin action's audit entry names its target and outcome (SUCCESS, or REFUSED: refusals are audited too).
ALTER TABLE audit_event ADD COLUMN target VARCHAR(512);
ALTER TABLE audit_event ADD COLUMN outcome VARCHAR(16) DEFAULT 'SUCCESS' NOT NULL;
ALTER TABLE deployment_audit_event ADD COLUMN outcome VARCHAR(16) DEFAULT 'SUCCESS' NOT NULL;
