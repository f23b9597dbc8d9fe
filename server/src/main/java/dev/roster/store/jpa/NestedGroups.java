package dev.roster.store.jpa;

/**
 * SQL for walking nested groups: from seed pairs {@code (gid, tag)} to the groups above or below
 * them, up to {@link #DEPTH} levels, each level a join on the membership indexes. A recursive query
 * with a depth column: the bound stops it on a cycle of groups, which neither H2 nor PostgreSQL
 * would do on their own with {@code union all}, and makes the cost of any membership graph known.
 * It was once written as unrolled levels, each nesting the one before as a derived table; H2 plans
 * such a query in time and memory doubling with each level, re-parsing the seed every time, and a
 * page of 1,000 users (a seed of 1,000 ids) ran the server out of heap.
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
    return walk(
        seed,
        "select m.group_id, l.tag, l.depth + 1 from membership m"
            + " join nested l on m.member_group_id = l.gid where l.depth < "
            + DEPTH);
  }

  /** The seed's groups and the groups nested in them, transitively: {@code (gid, tag)}. */
  static String downward(String seed) {
    return walk(
        seed,
        "select m.member_group_id, l.tag, l.depth + 1 from membership m"
            + " join nested l on m.group_id = l.gid"
            + " where m.member_group_id is not null and l.depth < "
            + DEPTH);
  }

  /**
   * A query of {@code (gid, tag)}: the seed's rows at depth 0, then {@code step} level by level.
   */
  private static String walk(String seed, String step) {
    return "select n.gid, n.tag from (with recursive nested(gid, tag, depth) as ("
        + "select s.gid, s.tag, 0 from ("
        + seed
        + ") s union all "
        + step
        + ") select gid, tag from nested) n";
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
