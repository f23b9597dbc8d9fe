package dev.roster.sync.config;

/**
 * Where groups are and how membership is expressed.
 *
 * @param baseDn null or blank when the source syncs no groups
 * @param membership {@code member}, {@code uniqueMember} (values are DNs), {@code memberUid}
 *     (values are userNames) or {@code memberOf} (read from the users)
 * @param nested whether a group's members include the members of its member groups
 */
public record GroupSettings(
    String baseDn,
    String filter,
    String nameAttribute,
    String anchorAttribute,
    Membership membership,
    boolean nested) {

  public enum Membership {
    MEMBER,
    UNIQUE_MEMBER,
    MEMBER_UID,
    MEMBER_OF
  }

  public boolean enabled() {
    return baseDn != null && !baseDn.isBlank();
  }
}
