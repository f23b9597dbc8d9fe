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
    // A sync normalizes every member value of every group (400,000 at 100,000 users), and the
    // parser allocated about 3 KB for each: most DNs are spelled plainly and need no parsing.
    String plain = plainForm(dn);
    if (plain != null) {
      return plain;
    }
    try {
      return new DN(dn).toNormalizedString().toLowerCase(Locale.ROOT);
    } catch (LDAPException e) {
      return dn.trim().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The canonical form of a DN spelled plainly, which is the DN lower-cased (the same instance when
   * it is lower-case already); null for any other spelling, which only the parser normalizes.
   * Plainly means: one {@code name=value} per RDN, the name a letter then letters, digits or
   * hyphens, the value of ASCII letters, digits, {@code . _ @ -} and single spaces between them,
   * nothing around {@code =} and {@code ,}. Escapes, quotes, {@code +}, OIDs, non-ASCII and spaces
   * at an edge are left to the parser.
   */
  static String plainForm(String dn) {
    int length = dn.length();
    boolean inName = true;
    boolean lowerCase = true;
    int partStart = 0;
    char previous = ',';
    for (int i = 0; i < length; i++) {
      char c = dn.charAt(i);
      if (inName) {
        if (c == '=' && i > partStart) {
          inName = false;
          partStart = i + 1;
        } else if (!isLetter(c) && (i == partStart || !(isDigit(c) || c == '-'))) {
          return null;
        }
      } else if (c == ',') {
        if (i == partStart || previous == ' ') {
          return null;
        }
        inName = true;
        partStart = i + 1;
      } else if (c == ' ') {
        if (i == partStart || previous == ' ') {
          return null;
        }
      } else if (!isLetter(c) && !isDigit(c) && c != '.' && c != '_' && c != '@' && c != '-') {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        lowerCase = false;
      }
      previous = c;
    }
    if (inName || partStart == length || previous == ' ') {
      return null;
    }
    return lowerCase ? dn : dn.toLowerCase(Locale.ROOT);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
