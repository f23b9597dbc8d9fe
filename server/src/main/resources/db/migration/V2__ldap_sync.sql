-- The LDAP synchronizer's state. Runs unchanged on H2 and PostgreSQL.

-- Why a user is inactive, so that the sync undoes only its own disables:
-- LEFT_DIRECTORY (the entry is gone; undone when it returns), DIRECTORY (disabled in the
-- directory; follows the directory) or ADMIN (an administrator; never undone by a sync).
ALTER TABLE user_account ADD COLUMN disabled_reason VARCHAR(16);
UPDATE user_account SET disabled_reason = 'ADMIN' WHERE active = FALSE;

-- Directory group names whose members the sync puts into this local group (JSON array).
ALTER TABLE user_group ADD COLUMN ldap_group_names VARCHAR(4000);

CREATE INDEX ix_user_account_source ON user_account (tenant_id, source, source_name);
CREATE INDEX ix_user_group_source ON user_group (tenant_id, source, source_name);
CREATE INDEX ix_membership_origin ON membership (origin, group_id);

-- One row per run: what it was asked, what it found, what it did.
CREATE TABLE sync_run (
  id          UUID PRIMARY KEY,
  tenant_id   UUID NOT NULL REFERENCES tenant (id),
  source      VARCHAR(64) NOT NULL,
  mode        VARCHAR(16) NOT NULL,
  status      VARCHAR(32) NOT NULL,
  started     TIMESTAMP WITH TIME ZONE NOT NULL,
  finished    TIMESTAMP WITH TIME ZONE,
  counts      VARCHAR(4000),
  reasons     VARCHAR(4000),
  error       VARCHAR(4000),
  approved_by UUID
);
CREATE INDEX ix_sync_run_started ON sync_run (tenant_id, started, id);
CREATE INDEX ix_sync_run_source ON sync_run (source, started);

-- The plan of a run, one rendered line per change: what a dry run shows, what a blocked
-- run keeps for approval (approving re-plans and applies only if the lines are the same).
CREATE TABLE sync_plan_line (
  run_id  UUID NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  line    VARCHAR(4000) NOT NULL,
  PRIMARY KEY (run_id, line_no)
);

-- One node runs a source at a time: the holder of an unexpired lease. The fencing token
-- grows with every grant, so a node whose lease lapsed can tell it lost it.
CREATE TABLE sync_lease (
  source   VARCHAR(64) PRIMARY KEY,
  holder   VARCHAR(128) NOT NULL,
  fencing  BIGINT NOT NULL,
  expires  TIMESTAMP WITH TIME ZONE NOT NULL
);
