-- Roster's schema extensions (issue 8). Runs on H2 and PostgreSQL.
--
-- Most extension attributes of a user (comment, properties, preferences, trial, the names and
-- dates of secrets and credentials) live in user_account.attributes and are searched through
-- user_value like any other attribute. What needs more than that is here.

-- When the user last signed in through /admin/authenticate: shown as lastLogin, filterable.
ALTER TABLE user_account ADD COLUMN last_login TIMESTAMP WITH TIME ZONE;
-- Lists leave hidden users out unless asked: the column leads an index with the tenant.
CREATE INDEX ix_user_account_hidden ON user_account (tenant_id, hidden, id);
CREATE INDEX ix_user_account_profile ON user_account (tenant_id, profile);

-- The values of secrets and credential passwords, encrypted (AES-GCM, dev.roster.secrets).
-- Kept apart from the attributes JSON so that nothing that reads, renders, indexes or exports a
-- user ever holds them. kind is SECRET or CREDENTIAL; name is the secret's or credential's name.
-- key_id names the key a value is encrypted under, so `roster secrets rekey` finds what is left.
CREATE TABLE user_secret (
  user_id     UUID NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
  tenant_id   UUID NOT NULL REFERENCES tenant (id),
  kind        VARCHAR(16) NOT NULL,
  name        VARCHAR(256) NOT NULL,
  key_id      VARCHAR(16) NOT NULL,
  ciphertext  VARCHAR(100000) NOT NULL,
  PRIMARY KEY (user_id, kind, name)
);
CREATE INDEX ix_user_secret_key ON user_secret (key_id);

-- A group's admin flag: the last active administrator of a tenant is found through it.
ALTER TABLE user_group ADD COLUMN admin BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_user_group_admin ON user_group (tenant_id, admin);

-- The permissions a group grants its members (and the members of its member groups), as written
-- and case-folded (permission_key, compared as entitlements are). The group's JSON shows them;
-- these rows answer "users with permission X from any source" (effectivePermissions).
CREATE TABLE group_permission (
  group_id    UUID NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
  tenant_id   UUID NOT NULL REFERENCES tenant (id),
  permission      VARCHAR(256) NOT NULL,
  permission_key  VARCHAR(1024) ${textCollation} NOT NULL,
  PRIMARY KEY (group_id, permission_key)
);
CREATE INDEX ix_group_permission_lookup ON group_permission (tenant_id, permission_key, group_id);
