package dev.roster.sync.plan;

/**
 * A membership of origin {@code LDAP:<source>} to add or remove. Each side is a {@link Ref}: an
 * existing id, or the anchor of a user or group that this run creates.
 */
public sealed interface MembershipChange {
  Ref group();

  Ref user();

  record Add(Ref group, Ref user) implements MembershipChange {}

  record Remove(Ref group, Ref user) implements MembershipChange {}

  /** Exactly one of {@code id} and {@code anchor} is set. */
  record Ref(java.util.UUID id, String anchor) {
    public static Ref id(java.util.UUID id) {
      return new Ref(id, null);
    }

    public static Ref anchor(String anchor) {
      return new Ref(null, anchor);
    }

    @Override
    public String toString() {
      return id != null ? id.toString() : "anchor:" + anchor;
    }
  }
}
