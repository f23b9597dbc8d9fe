package dev.roster.sync.port;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/**
 * The user that holds a userName: its id, its source as a conflict names it ({@code LOCAL}, {@code
 * LOCAL_NO_AUTH} or {@code LDAP:<source>}) and, for an LDAP user, its anchor.
 */
public record NameHolder(UUID id, String userName, String source, String anchor) {

  /**
   * The key under which userNames clash: NFKC, lower case, NFC — the same as the server's {@code
   * CaseInsensitive.key} and its unique index, so that a clash the database would refuse is found
   * while planning and reported as a conflict.
   */
  public static String key(String userName) {
    if (userName == null) {
      return "";
    }
    String folded = Normalizer.normalize(userName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }
}
