package dev.roster.sync.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "uid=ada,ou=people,dc=example          | uid=ada,ou=people,dc=example",
        "CN=Ada Lovelace,OU=People,DC=demo     | cn=ada lovelace,ou=people,dc=demo",
        "'CN=Ada Lovelace, OU=People,DC=demo'  | cn=ada lovelace,ou=people,dc=demo",
        "'cn=ada  lovelace,dc=demo'            | cn=ada lovelace,dc=demo",
        "cn=a\\,b,dc=demo                      | cn=a\\,b,dc=demo",
        "cn=b+uid=a,dc=demo                    | cn=b+uid=a,dc=demo",
        "'  uid=ada,dc=demo  '                 | uid=ada,dc=demo",
        "not a dn                              | not a dn",
      })
  void spellingsOfOneNameNormalizeAlike(String dn, String expected) {
    assertThat(DirectoryNames.normalize(dn)).isEqualTo(expected);
  }

  @Test
  void aPlainLowerCaseNameIsReturnedAsItIs() {
    String dn = "uid=user000042,ou=people,dc=bench";

    assertThat(DirectoryNames.normalize(dn)).isSameAs(dn);
  }

  /**
   * The shortcut for plainly spelled names must agree with the parser on every name it takes:
   * random names of one to three RDNs, their parts drawn from the characters either side of the
   * shortcut's rules.
   */
  @Test
  void theShortcutAgreesWithTheParserOnRandomNames() {
    Random random = new Random(20261123);
    int shortcuts = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder dn = new StringBuilder();
      int rdns = 1 + random.nextInt(3);
      for (int i = 0; i < rdns; i++) {
        if (i > 0) {
          dn.append(random.nextInt(8) == 0 ? ", " : ",");
        }
        dn.append(
            randomText(random, random.nextBoolean() ? "aZ0-" : "aZ09- =.", 1 + random.nextInt(3)));
        dn.append(random.nextInt(8) == 0 ? " = " : "=");
        String value = random.nextBoolean() ? "abzAZ09.-_@ " : "abzAZ09.-_@ ,=+#\\\";<>\u00e9";
        dn.append(randomText(random, value, 1 + random.nextInt(6)));
      }
      String plain = DirectoryNames.plainForm(dn.toString());
      if (plain != null) {
        shortcuts++;
        assertThat(plain).as(dn.toString()).isEqualTo(parsed(dn.toString()));
      }
    }
    assertThat(shortcuts).as("names the shortcut took").isGreaterThan(5_000);
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String parsed(String dn) {
    try {
      return new DN(dn).toNormalizedString().toLowerCase(Locale.ROOT);
    } catch (LDAPException e) {
      return "(not a DN: " + e.getMessage() + ")";
    }
  }
}
