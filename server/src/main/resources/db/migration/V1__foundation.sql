-- Roster's first schema. Runs unchanged on H2 (2.x) and PostgreSQL (14+).
-- Case-insensitive uniqueness is a unique index on a *_lower column that the application
-- fills with a normalized, case-folded key (dev.roster.domain.CaseInsensitive; folding can
-- lengthen a string, hence the wider columns), so it behaves the same on both databases and a race between two
-- creates ends in one success and one constraint violation, never two rows.

CREATE TABLE organization (
  id          UUID PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  name_lower  VARCHAR(200) NOT NULL,
  created     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_organization_name ON organization (name_lower);

CREATE TABLE tenant (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  name             VARCHAR(200) NOT NULL,
  name_lower       VARCHAR(200) NOT NULL,
  created          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_tenant_name ON tenant (organization_id, name_lower);

INSERT INTO organization (id, name, name_lower, created)
VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'default', CURRENT_TIMESTAMP);
INSERT INTO tenant (id, organization_id, name, name_lower, created)
VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
        'default', 'default', CURRENT_TIMESTAMP);

-- attributes: the JSON of the descriptive SCIM attributes (name, emails, …), so a read
-- is one row; the columns are what lookups, uniqueness and sorting use.
CREATE TABLE user_account (
  id                  UUID PRIMARY KEY,
  tenant_id           UUID NOT NULL REFERENCES tenant (id),
  user_name           VARCHAR(256) NOT NULL,
  user_name_lower     VARCHAR(1024) NOT NULL,
  external_id         VARCHAR(256),
  display_name        VARCHAR(256),
  display_name_lower  VARCHAR(1024),
  active              BOOLEAN NOT NULL,
  source              VARCHAR(16) NOT NULL,
  source_name         VARCHAR(128),
  ldap_dn             VARCHAR(1024),
  ldap_uuid           VARCHAR(128),
  profile             VARCHAR(128),
  hidden              BOOLEAN NOT NULL,
  password_hash       VARCHAR(512),
  attributes          VARCHAR(1000000) NOT NULL,
  created             TIMESTAMP WITH TIME ZONE NOT NULL,
  last_modified       TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_user_account_user_name ON user_account (tenant_id, user_name_lower);
CREATE INDEX ix_user_account_external_id ON user_account (tenant_id, external_id);
CREATE INDEX ix_user_account_display_name ON user_account (tenant_id, display_name_lower);
CREATE INDEX ix_user_account_created ON user_account (tenant_id, created, id);
CREATE INDEX ix_user_account_last_modified ON user_account (tenant_id, last_modified, id);
CREATE UNIQUE INDEX ux_user_account_ldap_uuid ON user_account (tenant_id, source_name, ldap_uuid);

CREATE TABLE user_group (
  id                  UUID PRIMARY KEY,
  tenant_id           UUID NOT NULL REFERENCES tenant (id),
  display_name        VARCHAR(256) NOT NULL,
  display_name_lower  VARCHAR(1024) NOT NULL,
  external_id         VARCHAR(256),
  source              VARCHAR(16) NOT NULL,
  source_name         VARCHAR(128),
  ldap_uuid           VARCHAR(128),
  attributes          VARCHAR(1000000) NOT NULL,
  created             TIMESTAMP WITH TIME ZONE NOT NULL,
  last_modified       TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_user_group_display_name ON user_group (tenant_id, display_name_lower);
CREATE INDEX ix_user_group_external_id ON user_group (tenant_id, external_id);
CREATE INDEX ix_user_group_created ON user_group (tenant_id, created, id);
CREATE UNIQUE INDEX ux_user_group_ldap_uuid ON user_group (tenant_id, source_name, ldap_uuid);

-- A member is a user or a group: one column for each, each a foreign key, exactly one set.
-- The database then guarantees that no membership outlives its member, even when a delete
-- races with an insert (the insert's key check waits for, or fails against, the delete).
CREATE TABLE membership (
  group_id         UUID NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
  user_id          UUID REFERENCES user_account (id) ON DELETE CASCADE,
  member_group_id  UUID REFERENCES user_group (id) ON DELETE CASCADE,
  origin           VARCHAR(160) NOT NULL,
  tenant_id        UUID NOT NULL REFERENCES tenant (id),
  created          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ck_membership_one_member CHECK ((user_id IS NULL) <> (member_group_id IS NULL))
);
CREATE UNIQUE INDEX ux_membership_user ON membership (group_id, user_id, origin);
CREATE UNIQUE INDEX ux_membership_group ON membership (group_id, member_group_id, origin);
CREATE INDEX ix_membership_by_user ON membership (user_id, group_id);
CREATE INDEX ix_membership_by_group ON membership (member_group_id, group_id);

-- Tokens are stored as a SHA-256 of the token: the token itself is shown once.
CREATE TABLE access_token (
  id             UUID PRIMARY KEY,
  tenant_id      UUID NOT NULL REFERENCES tenant (id),
  name           VARCHAR(200) NOT NULL,
  name_lower     VARCHAR(200) NOT NULL,
  owner_user_id  UUID REFERENCES user_account (id) ON DELETE CASCADE,
  scope          VARCHAR(16) NOT NULL,
  token_hash     VARCHAR(64) NOT NULL,
  created        TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used      TIMESTAMP WITH TIME ZONE,
  expires        TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_access_token_hash ON access_token (token_hash);
CREATE UNIQUE INDEX ux_access_token_name ON access_token (tenant_id, name_lower);
