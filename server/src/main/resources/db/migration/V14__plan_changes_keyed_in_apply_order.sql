-- A run's spooled changes, keyed in the order they are read back (workspace, kind, seq). They were
-- rows of sync_workspace_change, keyed (workspace, seq) with a second index (workspace, kind, seq):
-- every change a run spools and drops again (531,998 in a first run of 100,000 users) wrote and
-- removed one B-tree entry more. A new table rather than that one altered or dropped: a node still
-- on the previous version may be running a sync on a shared database while this one migrates it,
-- and it keeps its plan. sync_workspace_change stays, empty once such runs end, for a later
-- migration to drop.
CREATE TABLE sync_plan_change (
  workspace_id  UUID NOT NULL REFERENCES sync_workspace (id) ON DELETE CASCADE,
  kind          INTEGER NOT NULL,
  seq           BIGINT NOT NULL,
  line          VARCHAR(4000) NOT NULL,
  payload       VARCHAR(100000),
  PRIMARY KEY (workspace_id, kind, seq)
);
