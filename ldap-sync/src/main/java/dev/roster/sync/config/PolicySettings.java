package dev.roster.sync.config;

/**
 * What a run may do, and when it must stop and ask.
 *
 * @param deletion what happens to a user who left the directory
 * @param maxDeletes the most users, groups or memberships (each kind counted alone) one run may
 *     delete or disable before it is blocked
 * @param maxDeletePercent the same as a percentage of what the source held before the run
 * @param conflicts what happens when a directory entry's userName belongs to a local user
 */
public record PolicySettings(
    Deletion deletion,
    int maxDeletes,
    int maxDeletePercent,
    Conflicts conflicts,
    int incrementalIntervalSeconds,
    int fullIntervalSeconds) {

  public enum Deletion {
    DISABLE,
    DELETE
  }

  public enum Conflicts {
    SKIP,
    ADOPT
  }
}
