package dev.roster.sync.plan;

import java.util.ArrayList;
import java.util.List;

/** Renders a plan as sorted lines, one per change, so two plans compare as text. */
final class PlanRenderer {
  private PlanRenderer() {}

  static String render(SyncPlan plan) {
    List<String> lines = new ArrayList<>();
    for (UserChange change : plan.users()) {
      lines.add(user(change));
    }
    for (GroupChange change : plan.groups()) {
      lines.add(group(change));
    }
    for (MembershipChange change : plan.memberships()) {
      String verb = change instanceof MembershipChange.Add ? "add" : "remove";
      lines.add("membership " + verb + " group=" + change.group() + " user=" + change.user());
    }
    for (Conflict conflict : plan.conflicts()) {
      lines.add(
          "conflict userName="
              + conflict.userName()
              + " local="
              + conflict.localSource()
              + " resolution="
              + conflict.resolution()
              + " dn="
              + conflict.dn());
    }
    lines.sort(null);
    return String.join("\n", lines);
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
