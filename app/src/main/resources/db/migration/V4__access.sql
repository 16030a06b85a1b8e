-- Gatehouse schema, part 4: the access model (company roles and permissions, Spaces, break-glass admins).
-- Portable SQL: runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL). No triggers, no procedures.
-- Grants reference users and groups with ON DELETE CASCADE: when SCIM deletes a user or a group, its
-- grants go with it in the same statement, without the directory having to know about access.

-- Company-wide grants: the Administrator role or a single permission, to one user or to one user group.
-- kind/name: ('ROLE', 'ADMINISTRATOR') or ('PERMISSION', 'MANAGE_USERS'), ... (see access.Grantable).
CREATE TABLE access_grant (
    id          UUID         PRIMARY KEY,
    company_id  UUID         NOT NULL REFERENCES company (id),
    user_id     UUID         REFERENCES app_user (id) ON DELETE CASCADE,
    group_id    UUID         REFERENCES user_group (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_access_grant_grantee CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
-- NULLs never collide in a unique index, so each index guards one kind of grantee.
CREATE UNIQUE INDEX ux_access_grant_user ON access_grant (user_id, kind, name);
CREATE UNIQUE INDEX ux_access_grant_group ON access_grant (group_id, kind, name);
CREATE INDEX ix_access_grant_company ON access_grant (company_id, kind, name);

-- Spaces: shared areas of a company. Names are unique per company, archived ones included.
CREATE TABLE space (
    id           UUID          PRIMARY KEY,
    company_id   UUID          NOT NULL REFERENCES company (id),
    name         VARCHAR(200)  NOT NULL,
    name_ci      VARCHAR(200)  NOT NULL,
    archived_at  TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_space_name ON space (company_id, name_ci);

-- Who may use a Space, and as what: to one user or to one user group (the highest role wins).
CREATE TABLE space_grant (
    id          UUID         PRIMARY KEY,
    space_id    UUID         NOT NULL REFERENCES space (id) ON DELETE CASCADE,
    company_id  UUID         NOT NULL REFERENCES company (id),
    user_id     UUID         REFERENCES app_user (id) ON DELETE CASCADE,
    group_id    UUID         REFERENCES user_group (id) ON DELETE CASCADE,
    role        VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_space_grant_grantee CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX ux_space_grant_user ON space_grant (user_id, space_id);
CREATE UNIQUE INDEX ux_space_grant_group ON space_grant (group_id, space_id);
CREATE INDEX ix_space_grant_space ON space_grant (space_id);

-- One-time setup links for break-glass administrators. Only SHA-256 of the 256-bit token is stored.
CREATE TABLE setup_link (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    company_id  UUID         NOT NULL REFERENCES company (id),
    user_id     UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_setup_link_user ON setup_link (user_id);

-- Local passwords (break-glass sign-in). PBKDF2 parameters are stored per row so they can be raised
-- later: a stronger setting applies to passwords set from then on.
CREATE TABLE local_credential (
    user_id        UUID         PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    company_id     UUID         NOT NULL REFERENCES company (id),
    algorithm      VARCHAR(40)  NOT NULL,
    iterations     INT          NOT NULL,
    salt           VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(128) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
