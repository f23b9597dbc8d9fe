package dev.roster.sync.plan;

/** How many changes of each kind a plan holds: the summary of a run. */
public record PlanCounts(
    int usersCreated,
    int usersUpdated,
    int usersDisabled,
    int usersEnabled,
    int usersDeleted,
    int usersAdopted,
    int groupsCreated,
    int groupsRenamed,
    int groupsDeleted,
    int membershipsAdded,
    int membershipsRemoved,
    int conflicts) {

  public static PlanCounts of(SyncPlan plan) {
    int[] u = new int[6];
    for (UserChange change : plan.users()) {
      u[userKind(change)]++;
    }
    int[] g = new int[3];
    for (GroupChange change : plan.groups()) {
      g[change instanceof GroupChange.Create ? 0 : change instanceof GroupChange.Rename ? 1 : 2]++;
    }
    int added = 0;
    int removed = 0;
    for (MembershipChange change : plan.memberships()) {
      if (change instanceof MembershipChange.Add) {
        added++;
      } else {
        removed++;
      }
    }
    return new PlanCounts(
        u[0],
        u[1],
        u[2],
        u[3],
        u[4],
        u[5],
        g[0],
        g[1],
        g[2],
        added,
        removed,
        plan.conflicts().size());
  }

  /** These counts and {@code other}'s added up: the counts of a plan made in parts. */
  public PlanCounts plus(PlanCounts other) {
    return new PlanCounts(
        usersCreated + other.usersCreated,
        usersUpdated + other.usersUpdated,
        usersDisabled + other.usersDisabled,
        usersEnabled + other.usersEnabled,
        usersDeleted + other.usersDeleted,
        usersAdopted + other.usersAdopted,
        groupsCreated + other.groupsCreated,
        groupsRenamed + other.groupsRenamed,
        groupsDeleted + other.groupsDeleted,
        membershipsAdded + other.membershipsAdded,
        membershipsRemoved + other.membershipsRemoved,
        conflicts + other.conflicts);
  }

  /** How many changes there are, conflicts aside. */
  public int changes() {
    return usersCreated
        + usersUpdated
        + usersDisabled
        + usersEnabled
        + usersDeleted
        + usersAdopted
        + groupsCreated
        + groupsRenamed
        + groupsDeleted
        + membershipsAdded
        + membershipsRemoved;
  }

  public static PlanCounts none() {
    return new PlanCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  private static int userKind(UserChange change) {
    if (change instanceof UserChange.Create) {
      return 0;
    } else if (change instanceof UserChange.Update) {
      return 1;
    } else if (change instanceof UserChange.Disable) {
      return 2;
    } else if (change instanceof UserChange.Enable) {
      return 3;
    } else if (change instanceof UserChange.Delete) {
      return 4;
    }
    return 5;
  }

  /** key=value pairs for the one log line per run. */
  @Override
  public String toString() {
    return "usersCreated="
        + usersCreated
        + " usersUpdated="
        + usersUpdated
        + " usersDisabled="
        + usersDisabled
        + " usersEnabled="
        + usersEnabled
        + " usersDeleted="
        + usersDeleted
        + " usersAdopted="
        + usersAdopted
        + " groupsCreated="
        + groupsCreated
        + " groupsRenamed="
        + groupsRenamed
        + " groupsDeleted="
        + groupsDeleted
        + " membershipsAdded="
        + membershipsAdded
        + " membershipsRemoved="
        + membershipsRemoved
        + " conflicts="
        + conflicts;
  }
}
