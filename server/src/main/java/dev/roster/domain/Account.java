package dev.roster.domain;

/**
 * How an account is owned: its {@link Source}, and for LDAP accounts which directory source, entry
 * DN and stable entry id (entryUUID, objectGUID, nsUniqueId) it mirrors.
 */
public record Account(
    Source source,
    String sourceName,
    String ldapDn,
    String ldapUuid,
    String profile,
    boolean hidden) {

  public static Account local() {
    return new Account(Source.LOCAL, null, null, null, null, false);
  }

  public static Account of(Source source) {
    return new Account(source, null, null, null, null, false);
  }

  public Account withSource(Source newSource) {
    return new Account(newSource, sourceName, ldapDn, ldapUuid, profile, hidden);
  }
}
