package dev.roster.domain;

import java.util.Objects;

/**
 * Where a membership came from. {@code MANUAL} memberships are made over SCIM or by an
 * administrator; {@code LDAP:<source>} ones by the synchronizer of that source, which adds and
 * removes only its own, so a manual membership survives every sync.
 */
public record Origin(String value) {
  public static final Origin MANUAL = new Origin("MANUAL");
  private static final String LDAP_PREFIX = "LDAP:";

  public Origin {
    Objects.requireNonNull(value, "value");
    if (!value.equals("MANUAL")
        && !(value.startsWith(LDAP_PREFIX) && value.length() > LDAP_PREFIX.length())) {
      throw new IllegalArgumentException("origin must be MANUAL or LDAP:<source>, got " + value);
    }
  }

  public static Origin ldap(String sourceName) {
    return new Origin(LDAP_PREFIX + sourceName);
  }

  public static Origin parse(String value) {
    return new Origin(value);
  }

  public boolean isManual() {
    return this.equals(MANUAL);
  }

  @Override
  public String toString() {
    return value;
  }
}
