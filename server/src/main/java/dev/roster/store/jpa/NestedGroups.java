package dev.roster.store.jpa;

/**
 * SQL for walking nested groups: from seed pairs {@code (gid, tag)} to the groups above or below
 * them, up to {@link #DEPTH} levels, each level a join on the membership indexes. Written as
 * unrolled levels rather than a recursive query: H2's recursive queries do not stop on a cycle of
 * groups, and a depth bound makes the cost of any membership graph, cycles included, known.
 *
 * <pre>{@code
 * String sql = NestedGroups.upward("select m.group_id as gid, m.user_id as tag from membership m"
 *     + " where m.user_id in (:ids)");  // every group each user is in, with the user as tag
 * }</pre>
 */
final class NestedGroups {
  /** How deep nesting is followed; deeper chains of groups are not a structure people keep. */
  static final int DEPTH = 8;

  private NestedGroups() {}

  /** The seed's groups and the groups they are members of, transitively: {@code (gid, tag)}. */
  static String upward(String seed) {
    return levels(
        seed,
        "select m.group_id as gid, l.tag from membership m join (%s) l on m.member_group_id = l.gid");
  }

  /** The seed's groups and the groups nested in them, transitively: {@code (gid, tag)}. */
  static String downward(String seed) {
    return levels(
        seed,
        "select m.member_group_id as gid, l.tag from membership m join (%s) l on m.group_id = l.gid"
            + " where m.member_group_id is not null");
  }

  private static String levels(String seed, String step) {
    StringBuilder all = new StringBuilder(seed);
    String level = seed;
    for (int i = 1; i <= DEPTH; i++) {
      level = step.formatted(level);
      all.append(" union all ").append(level);
    }
    return all.toString();
  }

  /**
   * Every (user, permission) a user holds through groups, and its own entitlements, permissions
   * case-folded as entitlements are compared: the rows {@code effectivePermissions} is searched in.
   */
  static String effectivePermissions() {
    String groups =
        downward(
            "select gp.group_id as gid, gp.permission_key as tag from group_permission gp"
                + " where gp.tenant_id = "
                + SqlParameters.TENANT);
    return "(select m.user_id as owner_id, r.tag as permission from membership m join ("
        + groups
        + ") r on m.group_id = r.gid where m.user_id is not null"
        + " union all select v.user_id as owner_id, v.text_value as permission from user_value v"
        + " where v.tenant_id = "
        + SqlParameters.TENANT
        + " and v.path = 'entitlements.value')";
  }
}
