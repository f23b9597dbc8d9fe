package dev.roster.sync.plan;

import java.util.List;

/**
 * Everything one run would change, decided before anything is written. A dry run returns it; a
 * blocked run keeps it; {@link #render()} is what people and tests read.
 */
public record SyncPlan(
    String source,
    List<UserChange> users,
    List<GroupChange> groups,
    List<MembershipChange> memberships,
    List<Conflict> conflicts) {

  public SyncPlan {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    memberships = List.copyOf(memberships);
    conflicts = List.copyOf(conflicts);
  }

  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty() && memberships.isEmpty();
  }

  public PlanCounts counts() {
    return PlanCounts.of(this);
  }

  /** One line per change, in a stable order: the dry-run output and the run record. */
  public String render() {
    return PlanRenderer.render(this);
  }
}
