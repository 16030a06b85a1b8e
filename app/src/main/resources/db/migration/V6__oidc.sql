-- Gatehouse schema, part 6: "Sign in with Microsoft" (OpenID Connect against Entra's multi-tenant endpoint).
-- Portable SQL: runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL). No CHECK constraints with IN lists
-- (see V3); enum-like columns are written only from Java enums.

-- The company's OpenID Connect sign-in method. tenant_id is the Entra tenant (directory) id that an
-- administrator of the company approved (admin consent): the tid claim of an ID token selects the company
-- through it, so one tenant belongs to at most one company. Null = not approved yet.
CREATE TABLE oidc_setting (
    company_id    UUID          PRIMARY KEY REFERENCES company (id),
    enabled       BOOLEAN       NOT NULL DEFAULT FALSE,
    link_by       VARCHAR(16)   NOT NULL DEFAULT 'EXTERNAL_ID',  -- saml.LinkBy
    tenant_id     VARCHAR(64),
    approved_by   VARCHAR(512),
    approved_at   TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_oidc_setting_tenant ON oidc_setting (tenant_id);

-- Authorization requests we sent and not yet answered, for any node to finish: the state parameter is the
-- key and is used once (deleted when the browser comes back). browser_binding is the SHA-256 of a value
-- only the starting browser holds (a cookie for sign-in, the session id for admin consent), so a state
-- cannot be finished from another browser. kind: oidc.Pending.Kind.
CREATE TABLE oidc_pending (
    state            VARCHAR(128)  PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    company_id       UUID,
    user_id          UUID,
    browser_binding  VARCHAR(64)   NOT NULL,
    nonce            VARCHAR(128),
    code_verifier    VARCHAR(128),
    target           VARCHAR(1024),
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_oidc_pending_expiry ON oidc_pending (expires_at);

-- ID tokens already used (by SHA-256 of the token), kept until they expire: a token is accepted once,
-- on whichever node it arrives.
CREATE TABLE oidc_replay (
    token_hash   VARCHAR(64)   PRIMARY KEY,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_oidc_replay_expiry ON oidc_replay (expires_at);
