package dev.roster.domain;

/** What a group member is: a user or a nested group. */
public enum MemberType {
  USER("User"),
  GROUP("Group");

  private final String scimName;

  MemberType(String scimName) {
    this.scimName = scimName;
  }

  /** The name RFC 7643 §4.2 uses in {@code members.type}. */
  public String scimName() {
    return scimName;
  }
}
