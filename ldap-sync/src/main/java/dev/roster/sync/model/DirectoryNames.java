package dev.roster.sync.model;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/**
 * The one canonical form of a distinguished name (RFC 4514), so that a {@code member} value, a
 * {@code memberOf} value and an entry's own DN compare equal however the directory spelled them:
 * {@code "CN=Ada Lovelace, OU=People,DC=demo"} and {@code "cn=ada lovelace,ou=people,dc=demo"} both
 * become {@code "cn=ada lovelace,ou=people,dc=demo"}.
 */
public final class DirectoryNames {
  private DirectoryNames() {}

  /**
   * The canonical lower-case form of {@code dn}; a value that is not a valid DN is only trimmed and
   * lower-cased (it then matches nothing but itself). Null stays null.
   */
  public static String normalize(String dn) {
    if (dn == null) {
      return null;
    }
    try {
      return new DN(dn).toNormalizedString().toLowerCase(Locale.ROOT);
    } catch (LDAPException e) {
      return dn.trim().toLowerCase(Locale.ROOT);
    }
  }
}
