-- Gatehouse as the OpenID Provider of the product (io.gatehouse.provider, Spring Authorization Server).
-- See docs/integration.md, "OpenID Connect for the product".

-- Spring Authorization Server's JdbcOAuth2AuthorizationService table, in a form both H2 and PostgreSQL take:
-- its "blob" columns are VARCHAR here (the service reads the column type and then binds text, PostgreSQL has no
-- BLOB) and its timestamps carry the time zone. One row per sign-in of a user into an application: the code
-- (single use), the access, refresh and ID tokens. Deleted when the user is deactivated or deleted
-- (provider.ProviderDeactivation), which makes the refresh token fail and introspection answer active=false.
CREATE TABLE oauth2_authorization (
    id                             VARCHAR(100)     NOT NULL PRIMARY KEY,
    registered_client_id           VARCHAR(100)     NOT NULL,
    -- "<company id>:<user id>", the sign-in session's principal name
    principal_name                 VARCHAR(200)     NOT NULL,
    authorization_grant_type       VARCHAR(100)     NOT NULL,
    authorized_scopes              VARCHAR(1000),
    attributes                     VARCHAR(1000000),
    state                          VARCHAR(500),
    authorization_code_value       VARCHAR(1000),
    authorization_code_issued_at   TIMESTAMP WITH TIME ZONE,
    authorization_code_expires_at  TIMESTAMP WITH TIME ZONE,
    authorization_code_metadata    VARCHAR(100000),
    access_token_value             VARCHAR(8000),
    access_token_issued_at         TIMESTAMP WITH TIME ZONE,
    access_token_expires_at        TIMESTAMP WITH TIME ZONE,
    access_token_metadata          VARCHAR(1000000),
    access_token_type              VARCHAR(100),
    access_token_scopes            VARCHAR(1000),
    oidc_id_token_value            VARCHAR(1000000),
    oidc_id_token_issued_at        TIMESTAMP WITH TIME ZONE,
    oidc_id_token_expires_at       TIMESTAMP WITH TIME ZONE,
    oidc_id_token_metadata         VARCHAR(1000000),
    refresh_token_value            VARCHAR(1000),
    refresh_token_issued_at        TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at       TIMESTAMP WITH TIME ZONE,
    refresh_token_metadata         VARCHAR(100000),
    user_code_value                VARCHAR(1000),
    user_code_issued_at            TIMESTAMP WITH TIME ZONE,
    user_code_expires_at           TIMESTAMP WITH TIME ZONE,
    user_code_metadata             VARCHAR(100000),
    device_code_value              VARCHAR(1000),
    device_code_issued_at          TIMESTAMP WITH TIME ZONE,
    device_code_expires_at         TIMESTAMP WITH TIME ZONE,
    device_code_metadata           VARCHAR(100000)
);
-- Lookups the service makes by token value (code at the token endpoint, access token at userinfo and
-- introspection, refresh token at refresh) and the deactivation's lookup by user.
CREATE INDEX ix_oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX ix_oauth2_authorization_access ON oauth2_authorization (access_token_value);
CREATE INDEX ix_oauth2_authorization_refresh ON oauth2_authorization (refresh_token_value);
CREATE INDEX ix_oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX ix_oauth2_authorization_principal ON oauth2_authorization (principal_name);

-- Spring Authorization Server's JdbcOAuth2AuthorizationConsentService table (product applications need no
-- consent screen today; kept so a consent, once asked for, is shared by nodes).
CREATE TABLE oauth2_authorization_consent (
    registered_client_id  VARCHAR(100)  NOT NULL,
    principal_name        VARCHAR(200)  NOT NULL,
    authorities           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- RSA keys that sign ID tokens, access tokens and logout tokens; shared by every node. A key is published in the
-- JWKS from created_at, signs from signs_from (the newest such key signs), and stays published for verification
-- until verify_until (set when a newer key takes over). The private key is sealed (secrets.SecretSealer, purpose
-- "provider-signing-key", row key = kid); never logged, never leaves the database unsealed.
CREATE TABLE provider_signing_key (
    kid                 VARCHAR(64)   PRIMARY KEY,
    public_jwk          VARCHAR(4000) NOT NULL,
    private_jwk_sealed  VARCHAR(8000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    signs_from          TIMESTAMP WITH TIME ZONE NOT NULL,
    verify_until        TIMESTAMP WITH TIME ZONE
);
