package dev.roster.sync;

/** How a run goes: a full read, an incremental one, or a full read that stops after the plan. */
public enum SyncMode {
  FULL,
  INCREMENTAL,
  DRY_RUN
}
