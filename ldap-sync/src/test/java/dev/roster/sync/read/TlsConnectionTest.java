package dev.roster.sync.read;

import static dev.roster.sync.testing.TestSources.inetOrgPeople;
import static dev.roster.sync.testing.TestSources.noGroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.ConnectionSettings.TlsMode;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.testing.TestDirectory;
import dev.roster.sync.testing.TestSources;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LDAPS and StartTLS against a directory whose self-signed certificate names {@code localhost}:
 * trusted through the configured trust store, checked against the host name in the URL.
 */
class TlsConnectionTest {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";
  private static TestDirectory directory;

  private final DirectoryReader reader = new DirectoryReader();

  @BeforeAll
  static void start() throws Exception {
    directory = TestDirectory.from("openldap-style.ldif").withTls("localhost").start();
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsModes")
  void readsOverTlsWithTheConfiguredTrustStore(TlsMode tls) throws Exception {
    assertThat(read(url(tls, "localhost"), tls, directory.trustStore()).users()).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsModes")
  void refusesACertificateTheJvmDoesNotTrust(TlsMode tls) {
    assertThat(failure(url(tls, "localhost"), tls, null).getMessage())
        .startsWith("connect to [" + url(tls, "localhost") + "]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tlsModes")
  void refusesACertificateThatNamesAnotherHost(TlsMode tls) throws Exception {
    try (TestDirectory elsewhere =
        TestDirectory.from("openldap-style.ldif").withTls("directory.invalid").start()) {
      String url =
          tls == TlsMode.LDAPS ? elsewhere.ldapsUrl("localhost") : elsewhere.url("localhost");
      assertThat(failure(url, tls, elsewhere.trustStore()).getMessage())
          .containsIgnoringCase("hostname verification failed");
    }
  }

  @Test
  void plainLdapNeedsNoTrustStore() throws Exception {
    assertThat(read(directory.url(), TlsMode.NONE, null).users()).hasSize(3);
  }

  static Stream<Arguments> tlsModes() {
    return Stream.of(arguments(TlsMode.LDAPS), arguments(TlsMode.START_TLS));
  }

  private static String url(TlsMode tls, String host) {
    return tls == TlsMode.LDAPS ? directory.ldapsUrl(host) : directory.url(host);
  }

  private DirectoryReadException failure(String url, TlsMode tls, String trustStore) {
    DirectoryReadException failure =
        catchThrowableOfType(DirectoryReadException.class, () -> read(url, tls, trustStore));
    assertThat(failure).as("the read must throw").isNotNull();
    return failure;
  }

  private DirectoryContent read(String url, TlsMode tls, String trustStore)
      throws DirectoryReadException {
    ConnectionSettings connection = directory.connection(List.of(url), tls, trustStore);
    return reader.read(TestSources.source(connection, inetOrgPeople(PEOPLE), noGroups()));
  }
}
