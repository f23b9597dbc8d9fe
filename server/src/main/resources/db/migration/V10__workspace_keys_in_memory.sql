-- A sync run keeps the anchors it has read and the userNames it claims as digests in memory
-- (dev.roster.store.jpa.KeyDigests): as rows of this table every run wrote and deleted them again.
DROP TABLE sync_workspace_key;
