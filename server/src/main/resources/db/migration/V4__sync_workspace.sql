-- The scratch space of a sync run (dev.roster.sync.port.SyncWorkspace), so that a run over any
-- number of users holds one page of them in memory: what the read has seen, the userNames the
-- plan takes, and the plan itself, spooled as it is made and read back in batches to apply.
-- A workspace lives for one run; the next run of its source drops whatever one left behind.
CREATE TABLE sync_workspace (
  id       UUID PRIMARY KEY,
  source   VARCHAR(64) NOT NULL,
  created  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sync_workspace_source ON sync_workspace (source);

-- kind 'A': an anchor the read returned; kind 'N': a userName key a change of the plan takes.
-- The value leads the key: H2 looks an IN list up in an index only by its first column.
CREATE TABLE sync_workspace_key (
  workspace_id  UUID NOT NULL REFERENCES sync_workspace (id) ON DELETE CASCADE,
  kind          CHAR(1) NOT NULL,
  key_value     VARCHAR(1024) NOT NULL,
  PRIMARY KEY (key_value, kind, workspace_id)
);
CREATE INDEX ix_sync_workspace_key_workspace ON sync_workspace_key (workspace_id);

-- One row per change or conflict: its place in the apply order (dev.roster.sync.plan.PlanOrder),
-- the line people read, and the change as JSON (null for a conflict, which is never applied).
CREATE TABLE sync_workspace_change (
  workspace_id  UUID NOT NULL REFERENCES sync_workspace (id) ON DELETE CASCADE,
  seq           BIGINT NOT NULL,
  kind          INTEGER NOT NULL,
  line          VARCHAR(4000) NOT NULL,
  payload       VARCHAR(100000),
  PRIMARY KEY (workspace_id, seq)
);
CREATE INDEX ix_sync_workspace_change_order ON sync_workspace_change (workspace_id, kind, seq);

-- What approving a blocked run compares: the digest of its plan (dev.roster.sync.plan.PlanDigest).
ALTER TABLE sync_run ADD COLUMN plan_digest VARCHAR(64);

-- A run looks users up a page at a time by anchor, userName and (incremental runs) DN, each an
-- IN list, which H2 answers from an index only when the listed column leads it.
CREATE INDEX ix_user_account_ldap_dn ON user_account (ldap_dn);
CREATE INDEX ix_user_account_anchor ON user_account (ldap_uuid);
CREATE INDEX ix_user_account_name_key ON user_account (user_name_lower);
