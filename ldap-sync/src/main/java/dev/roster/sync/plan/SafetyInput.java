package dev.roster.sync.plan;

/**
 * What the safety check weighs: the removals a plan makes, per kind; what the source held before
 * the run; and what the read returned.
 *
 * @param usersNotLeft the held users that had not left the directory before this run
 * @param directoryUsers the users the read returned (an incremental run: the users it takes the
 *     directory to hold)
 * @param skippedEntries entries the read passed over as unreadable
 */
public record SafetyInput(
    PlanCounts counts,
    int heldUsers,
    int usersNotLeft,
    int heldGroups,
    int heldMemberships,
    int directoryUsers,
    int directoryGroups,
    int skippedEntries) {

  /** Disables (both kinds) and deletes. */
  int userRemovals() {
    return counts.usersDisabled() + counts.usersDeleted();
  }
}
