package dev.roster.sync.plan;

import java.util.ArrayList;
import java.util.List;

/** Renders a plan as sorted lines, one per change, so two plans compare as text. */
public final class PlanRenderer {
  private PlanRenderer() {}

  static String render(SyncPlan plan) {
    List<String> lines = lines(plan);
    lines.sort(null);
    return String.join("\n", lines);
  }

  /** One line per change and conflict of {@code plan}, in the plan's order. */
  public static List<String> lines(SyncPlan plan) {
    List<String> lines = new ArrayList<>();
    plan.users().forEach(change -> lines.add(line(change)));
    plan.groups().forEach(change -> lines.add(line(change)));
    plan.memberships().forEach(change -> lines.add(line(change)));
    plan.conflicts().forEach(conflict -> lines.add(line(conflict)));
    return lines;
  }

  /** The line of one change or conflict. */
  public static String line(Object change) {
    if (change instanceof UserChange user) {
      return user(user);
    } else if (change instanceof GroupChange group) {
      return group(group);
    } else if (change instanceof MembershipChange membership) {
      String verb = membership instanceof MembershipChange.Add ? "add" : "remove";
      return "membership " + verb + " group=" + membership.group() + " user=" + membership.user();
    }
    Conflict conflict = (Conflict) change;
    return "conflict userName="
        + conflict.userName()
        + " local="
        + conflict.localSource()
        + " resolution="
        + conflict.resolution()
        + " dn="
        + conflict.dn();
  }

  private static String user(UserChange change) {
    if (change instanceof UserChange.Create c) {
      return "user create "
          + c.user().userName()
          + " anchor="
          + c.user().anchor()
          + " dn="
          + c.user().dn();
    } else if (change instanceof UserChange.Update c) {
      return "user update " + c.user().userName() + " fields=" + String.join(",", c.fields());
    } else if (change instanceof UserChange.Disable c) {
      return "user disable "
          + c.userName()
          + (c.becauseLeft() ? " (left the directory)" : " (disabled in the directory)");
    } else if (change instanceof UserChange.Enable c) {
      return "user enable " + c.userName();
    } else if (change instanceof UserChange.Delete c) {
      return "user delete " + c.userName();
    }
    UserChange.Adopt c = (UserChange.Adopt) change;
    return "user adopt " + c.user().userName() + " anchor=" + c.user().anchor();
  }

  private static String group(GroupChange change) {
    if (change instanceof GroupChange.Create c) {
      return "group create " + c.group().name() + " anchor=" + c.group().anchor();
    } else if (change instanceof GroupChange.Rename c) {
      return "group rename " + c.id() + " to " + c.group().name();
    }
    GroupChange.Delete c = (GroupChange.Delete) change;
    return "group delete " + c.displayName();
  }
}
