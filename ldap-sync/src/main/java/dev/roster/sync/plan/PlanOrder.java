package dev.roster.sync.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order a plan is applied in: deletes first and creates last within users and within groups, so
 * that a change frees a userName or group name before another takes it; users and groups before the
 * memberships that name them. Conflicts come last and are never applied.
 */
public final class PlanOrder {
  private static final List<Class<?>> ORDER =
      List.of(
          UserChange.Delete.class,
          UserChange.Disable.class,
          UserChange.Update.class,
          UserChange.Enable.class,
          UserChange.Adopt.class,
          UserChange.Create.class,
          GroupChange.Delete.class,
          GroupChange.Rename.class,
          GroupChange.Create.class,
          MembershipChange.Remove.class,
          MembershipChange.Add.class,
          Conflict.class);

  private PlanOrder() {}

  /** The position of a change's kind in the apply order. */
  public static int of(Object change) {
    int position = ORDER.indexOf(change.getClass());
    if (position < 0) {
      throw new IllegalArgumentException("not a plan change: " + change.getClass());
    }
    return position;
  }

  /** The class of the kind at {@code position}, as {@link #of} numbers it. */
  public static Class<?> kind(int position) {
    return ORDER.get(position);
  }

  /** By kind in apply order, then by value, so that equal inputs give equal plans. */
  public static <T> List<T> sorted(List<T> changes) {
    List<T> result = new ArrayList<>(changes);
    result.sort(Comparator.<T>comparingInt(PlanOrder::of).thenComparing(Object::toString));
    return result;
  }
}
