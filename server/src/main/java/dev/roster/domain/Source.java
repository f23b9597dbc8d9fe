package dev.roster.domain;

/** Who owns an account: Roster (with or without a password) or a directory. */
public enum Source {
  /** Password kept by Roster. */
  LOCAL,
  /** Owned by an LDAP directory; the synchronizer writes its mapped attributes. */
  LDAP,
  /** Signs in through SSO; Roster keeps no password. */
  LOCAL_NO_AUTH
}
