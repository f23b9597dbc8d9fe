package dev.roster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.app.Roster;
import dev.roster.config.RosterConfig;
import dev.roster.config.SecretsConfig;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-GCM at rest, and `roster secrets rekey` moving every value to a new key. */
class SecretsRekeyTest {
  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void aSealedValueOpensOnlyWithItsKeyAndNeverShowsTheClearText() {
    AesGcmCipher cipher = AesGcmCipher.of(Base64.getDecoder().decode(newKey()));
    var sealed = cipher.seal("TOPSECRET");
    assertThat(sealed.ciphertext()).doesNotContain("TOPSECRET");
    assertThat(cipher.seal("TOPSECRET").ciphertext()).isNotEqualTo(sealed.ciphertext());
    assertThat(cipher.open(sealed)).isEqualTo("TOPSECRET");
    AesGcmCipher other = AesGcmCipher.of(Base64.getDecoder().decode(newKey()));
    assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rekeyReencryptsEveryValueUnderTheNewKeyOnce() throws Exception {
    String oldKey = newKey();
    RosterConfig config =
        TestServer.config(Db.H2).withSecrets(new SecretsConfig(oldKey)).withHttpPort(0);
    try (TestServer server = TestServer.start(Db.H2, c -> config)) {
      server
          .client()
          .createUser(
              "{\"userName\":\"rekey\",\"urn:roster:scim:extension:2.0:User\":{"
                  + "\"secrets\":[{\"name\":\"a\",\"value\":\"one\"}],"
                  + "\"credentials\":[{\"name\":\"c\",\"user\":\"u\",\"password\":\"two\"}]}}");
    }
    AesGcmCipher previous = AesGcmCipher.of(Base64.getDecoder().decode(oldKey));
    try (Roster roster = Roster.open(config.withSecrets(new SecretsConfig(newKey())))) {
      assertThat(roster.rekeySecrets(previous)).isEqualTo(2);
      assertThat(roster.rekeySecrets(previous)).isZero();
    }
  }
}
