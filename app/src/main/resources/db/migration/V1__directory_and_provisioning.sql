-- Gatehouse schema, part 1: tenancy, credentials, directory, provisioning log.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL). No triggers, no procedures.

-- Plans and their features are data: a new plan or feature is a row, not a code change.
CREATE TABLE plan (
    code          VARCHAR(40)  PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL
);

CREATE TABLE plan_feature (
    plan_code  VARCHAR(40) NOT NULL REFERENCES plan (code),
    feature    VARCHAR(60) NOT NULL,
    PRIMARY KEY (plan_code, feature)
);

INSERT INTO plan (code, display_name) VALUES ('standard', 'Standard'), ('premium', 'Premium');
INSERT INTO plan_feature (plan_code, feature) VALUES ('premium', 'USER_GROUPS');

CREATE TABLE company (
    id                    UUID         PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    plan_code             VARCHAR(40)  NOT NULL REFERENCES plan (code),
    -- operator switch: off unlocks local management even while a SCIM token exists
    provisioning_enabled  BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- SCIM tokens and operator tokens. Only a SHA-256 of the secret part is stored; the public
-- lookup id selects the row, the hash is compared in constant time.
CREATE TABLE credential (
    id            UUID        PRIMARY KEY,
    company_id    UUID        REFERENCES company (id),
    kind          VARCHAR(20) NOT NULL,
    lookup_id     VARCHAR(32) NOT NULL,
    secret_hash   VARCHAR(64) NOT NULL,
    display_prefix VARCHAR(40) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_credential_lookup ON credential (lookup_id);
CREATE INDEX ix_credential_company ON credential (company_id, kind);

-- Users. The SCIM representation is kept whole in "resource" (JSON text, without id/meta/groups);
-- the columns beside it are the filterable/sortable projections, written from the same object.
CREATE TABLE app_user (
    id                     UUID          PRIMARY KEY,
    company_id             UUID          NOT NULL REFERENCES company (id),
    user_name              VARCHAR(512)  NOT NULL,
    user_name_ci           VARCHAR(512)  NOT NULL,
    external_id            VARCHAR(512),
    active                 BOOLEAN       NOT NULL,
    display_name           VARCHAR(512),
    nick_name              VARCHAR(512),
    profile_url            VARCHAR(2048),
    title                  VARCHAR(512),
    user_type              VARCHAR(256),
    preferred_language     VARCHAR(64),
    locale                 VARCHAR(64),
    timezone               VARCHAR(64),
    name_formatted         VARCHAR(1024),
    name_family_name       VARCHAR(512),
    name_given_name        VARCHAR(512),
    name_middle_name       VARCHAR(512),
    name_honorific_prefix  VARCHAR(128),
    name_honorific_suffix  VARCHAR(128),
    employee_number        VARCHAR(256),
    cost_center            VARCHAR(256),
    organization           VARCHAR(512),
    division               VARCHAR(512),
    department             VARCHAR(512),
    manager_id             VARCHAR(512),
    resource               VARCHAR       NOT NULL,
    source                 VARCHAR(16)   NOT NULL,
    version                BIGINT        NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_user_name ON app_user (company_id, user_name_ci);
CREATE INDEX ix_user_external_id ON app_user (company_id, external_id);
CREATE INDEX ix_user_company_created ON app_user (company_id, created_at, id);

-- Multi-valued attributes of users (emails, phoneNumbers, addresses, roles, ims, photos,
-- entitlements, x509Certificates), one row per value, so filters such as
-- emails[type eq "work" and value co "@x.com"] compile to an indexed EXISTS.
CREATE TABLE user_value (
    user_id         UUID          NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    company_id      UUID          NOT NULL,
    attr            VARCHAR(32)   NOT NULL,
    ordinal         INT           NOT NULL,
    attr_value      VARCHAR(2048),
    value_ci        VARCHAR(2048),
    type            VARCHAR(128),
    is_primary      BOOLEAN,
    display         VARCHAR(512),
    formatted       VARCHAR(1024),
    street_address  VARCHAR(1024),
    locality        VARCHAR(256),
    region          VARCHAR(256),
    postal_code     VARCHAR(64),
    country         VARCHAR(64),
    PRIMARY KEY (user_id, attr, ordinal)
);
CREATE INDEX ix_user_value_lookup ON user_value (company_id, attr, value_ci);

CREATE TABLE user_group (
    id                UUID          PRIMARY KEY,
    company_id        UUID          NOT NULL REFERENCES company (id),
    display_name      VARCHAR(512)  NOT NULL,
    display_name_ci   VARCHAR(512)  NOT NULL,
    external_id       VARCHAR(512),
    resource          VARCHAR       NOT NULL,
    source            VARCHAR(16)   NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_group_display_name ON user_group (company_id, display_name_ci);
CREATE INDEX ix_group_external_id ON user_group (company_id, external_id);
CREATE INDEX ix_group_company_created ON user_group (company_id, created_at, id);

CREATE TABLE group_member (
    group_id    UUID NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    user_id     UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    company_id  UUID NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ix_group_member_user ON group_member (user_id, group_id);

-- Every SCIM request, for the company's provisioning log. Never holds a token or secret.
CREATE TABLE provisioning_event (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    company_id     UUID          NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    method         VARCHAR(10)   NOT NULL,
    path           VARCHAR(1024) NOT NULL,
    status         INT           NOT NULL,
    resource_type  VARCHAR(16),
    resource_id    VARCHAR(64),
    outcome        VARCHAR(512),
    duration_ms    DOUBLE PRECISION NOT NULL,
    user_agent     VARCHAR(256)
);
CREATE INDEX ix_provisioning_event_company ON provisioning_event (company_id, id);
