-- Since this version a run spools its plan to a scratch file of its own (PlanSpool), not to these
-- tables. What runs of earlier versions left in them (runs that died) goes, with their changes
-- (ON DELETE CASCADE); a run of an earlier version still going on a node not upgraded yet started
-- less than a day ago and keeps its plan. The tables go in a later migration, once no node of an
-- earlier version can be running.
DELETE FROM sync_workspace WHERE created < CURRENT_TIMESTAMP - INTERVAL '1' DAY;
