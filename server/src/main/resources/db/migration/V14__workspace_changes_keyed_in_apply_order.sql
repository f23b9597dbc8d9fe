-- A run's spooled changes are keyed in the order they are read back (workspace, kind, seq), which
-- was a second index beside the key (workspace, seq): every change a run spools and drops again
-- (531,998 in a first run of 100,000 users) wrote and removed one B-tree entry fewer. The table is
-- scratch that lives for one run, so it is made anew rather than altered.
DROP TABLE sync_workspace_change;
CREATE TABLE sync_workspace_change (
  workspace_id  UUID NOT NULL REFERENCES sync_workspace (id) ON DELETE CASCADE,
  kind          INTEGER NOT NULL,
  seq           BIGINT NOT NULL,
  line          VARCHAR(4000) NOT NULL,
  payload       VARCHAR(100000),
  PRIMARY KEY (workspace_id, kind, seq)
);
