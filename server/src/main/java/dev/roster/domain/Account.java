package dev.roster.domain;

import java.time.Instant;

/**
 * How an account is owned: its {@link Source}, and for LDAP accounts which directory source, entry
 * DN and stable entry id (entryUUID, objectGUID, nsUniqueId) it mirrors; its profile, whether lists
 * hide it, and when it last signed in.
 */
public record Account(
    Source source,
    String sourceName,
    String ldapDn,
    String ldapUuid,
    String profile,
    boolean hidden,
    Instant lastLogin) {

  public static Account local() {
    return new Account(Source.LOCAL, null, null, null, null, false, null);
  }

  public static Account of(Source source) {
    return new Account(source, null, null, null, null, false, null);
  }

  public Account withSource(Source newSource) {
    return new Account(newSource, sourceName, ldapDn, ldapUuid, profile, hidden, lastLogin);
  }

  /** The same account with this profile and hidden flag: what a SCIM write may change. */
  public Account withSettings(String newProfile, boolean newHidden) {
    return new Account(source, sourceName, ldapDn, ldapUuid, newProfile, newHidden, lastLogin);
  }
}
