package dev.roster.domain;

import java.util.List;

/**
 * One change to a group's manual members, as a PATCH asks for it (RFC 7644 §3.5.2): add or remove
 * these members, make the manual members exactly these, or remove them all. The store carries each
 * out as set-based SQL, so the group's other members are never read.
 *
 * <pre>{@code
 * new MembershipChange(MembershipChange.Kind.ADD, List.of(new MemberRef(userId)));
 * MembershipChange.removeAll();
 * }</pre>
 */
public record MembershipChange(Kind kind, List<MemberRef> members) {
  public enum Kind {
    ADD,
    REMOVE,
    REPLACE,
    REMOVE_ALL
  }

  public MembershipChange {
    members = List.copyOf(members);
  }

  public static MembershipChange removeAll() {
    return new MembershipChange(Kind.REMOVE_ALL, List.of());
  }
}
