package dev.roster.sync.read;

import static dev.roster.sync.testing.TestSources.groups;
import static dev.roster.sync.testing.TestSources.inetOrgPeople;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.unboundid.ldap.sdk.ResultCode;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.ConnectionSettings.TlsMode;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.testing.TestDirectory;
import dev.roster.sync.testing.TestSources;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Empty" is never "gone": every way a read can fall short throws, and nothing is returned. */
class DirectoryReaderStrictnessTest {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";
  private static final String GROUPS = "ou=groups,dc=example,dc=org";
  private static final GroupSettings GROUP_OF_NAMES =
      groups(GROUPS, "(objectClass=groupOfNames)", Membership.MEMBER);

  private final DirectoryReader reader = new DirectoryReader();

  static Stream<Arguments> resultCodesOnAPage() {
    return Stream.of(
        usersPage(2, ResultCode.SIZE_LIMIT_EXCEEDED, "sizeLimitExceeded"),
        usersPage(2, ResultCode.TIME_LIMIT_EXCEEDED, "timeLimitExceeded"),
        usersPage(1, ResultCode.BUSY, "busy"),
        usersPage(2, ResultCode.UNAVAILABLE, "unavailable"),
        usersPage(1, ResultCode.REFERRAL, "referral"),
        // How OpenLDAP and Active Directory answer a paging cookie they no longer honour.
        usersPage(2, ResultCode.UNWILLING_TO_PERFORM, "unwillingToPerform"),
        usersPage(2, ResultCode.PROTOCOL_ERROR, "protocolError"),
        // Success without the paging control: the server forgot the paged search.
        usersPage(2, ResultCode.SUCCESS, "pagedResultsMissing"),
        groupsPage(1, ResultCode.SIZE_LIMIT_EXCEEDED, "sizeLimitExceeded"),
        groupsPage(1, ResultCode.OTHER, "other"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("resultCodesOnAPage")
  void anyResultOtherThanSuccessOnAnyPageFailsTheRead(
      String baseDn, int page, ResultCode code, String message, String resultCode)
      throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      directory.quirks().failPage(baseDn, page, code);

      DirectoryReadException failure =
          readFailure(directory.source(inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(failure.getMessage()).startsWith(message);
      assertThat(failure.resultCode()).isEqualTo(resultCode);
    }
  }

  private static Arguments usersPage(int page, ResultCode code, String resultCode) {
    String message = "users search under " + PEOPLE + ": " + resultCode;
    return arguments(PEOPLE, page, code, message, resultCode);
  }

  private static Arguments groupsPage(int page, ResultCode code, String resultCode) {
    String message = "groups search under " + GROUPS + ": " + resultCode;
    return arguments(GROUPS, page, code, message, resultCode);
  }

  @Test
  void theServersOwnSizeLimitFailsAPagedRead() throws Exception {
    // The in-memory server counts its limit per page (OpenLDAP across pages): 1 < the page size.
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").sizeLimit(1).start()) {
      DirectoryReadException failure =
          readFailure(directory.source(inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(failure.resultCode()).isEqualTo("sizeLimitExceeded");
    }
  }

  @Test
  void aDirectoryShutDownBetweenTwoPagesFailsTheRead() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      directory.quirks().shutDownBeforePage(2);

      DirectoryReadException failure =
          readFailure(directory.source(inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(failure.getMessage()).startsWith("users search under " + PEOPLE + ": serverDown");
    }
  }

  @Test
  void twoEntriesWithOneAnchorFailTheRead() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      UserSettings anchoredBySurname =
          new UserSettings(
              PEOPLE, "sub", null, "cn", "sn", null, null, null, null, null, null, "default");
      directory
          .server()
          .add(
              "dn: uid=alice2," + PEOPLE,
              "objectClass: inetOrgPerson",
              "uid: alice2",
              "cn: Alice Twin",
              "sn: Liddell");

      DirectoryReadException failure =
          readFailure(directory.source(anchoredBySurname, GROUP_OF_NAMES));

      assertThat(failure.getMessage())
          .startsWith("users search under " + PEOPLE + ": duplicateAnchor (Liddell on ");
    }
  }

  static Stream<Arguments> missingBaseDns() {
    return Stream.of(
        arguments(
            "ou=nobody,dc=example,dc=org",
            GROUPS,
            "users search under ou=nobody,dc=example,dc=org: noSuchObject"),
        arguments(
            PEOPLE,
            "ou=nothing,dc=example,dc=org",
            "groups search under ou=nothing,dc=example,dc=org: noSuchObject"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("missingBaseDns")
  void aBaseDnThatDoesNotExistFailsTheRead(String users, String groups, String message)
      throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      DirectoryReadException failure =
          readFailure(
              directory.source(
                  inetOrgPeople(users), groups(groups, "(objectClass=*)", Membership.MEMBER)));

      assertThat(failure.getMessage()).startsWith(message);
    }
  }

  static Stream<Arguments> badBinds() {
    return Stream.of(
        arguments(TestDirectory.ADMIN_DN, "wrong-password-4711", "invalidCredentials"),
        arguments("cn=nobody,dc=example,dc=org", "wrong-password-4711", "invalidCredentials"),
        // A DN without a password would be an unauthenticated bind that succeeds unchecked.
        arguments(TestDirectory.ADMIN_DN, "", "parameterError"));
  }

  @ParameterizedTest(name = "{0} / {2}")
  @MethodSource("badBinds")
  void aRefusedBindFailsWithoutThePasswordInTheMessage(
      String bindDn, String password, String resultCode) throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      ConnectionSettings connection =
          new ConnectionSettings(
              List.of(directory.url()),
              bindDn,
              Secret.of(password),
              TlsMode.NONE,
              null,
              1_000,
              1_000,
              10);

      DirectoryReadException failure =
          readFailure(TestSources.source(connection, inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(failure.resultCode()).isEqualTo(resultCode);
      assertThat(failure.getMessage()).startsWith("bind as " + bindDn + ": " + resultCode);
      assertThat(failure.getMessage()).doesNotContain(TestDirectory.ADMIN_PASSWORD);
      if (!password.isEmpty()) {
        assertThat(failure.getMessage()).doesNotContain(password);
        assertThat(failure.toString()).doesNotContain(password);
      }
    }
  }

  @Test
  void failsOverToTheNextUrlWhenTheFirstIsDown() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      ConnectionSettings connection =
          directory.connection(List.of(deadUrl(), directory.url()), TlsMode.NONE, null);

      DirectoryContent content =
          reader.read(TestSources.source(connection, inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(content.users()).hasSize(3);
      assertThat(content.groups()).hasSize(2);
    }
  }

  @Test
  void failsToConnectWhenEveryUrlIsDown() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      ConnectionSettings connection =
          directory.connection(List.of(deadUrl(), deadUrl()), TlsMode.NONE, null);

      DirectoryReadException failure =
          readFailure(TestSources.source(connection, inetOrgPeople(PEOPLE), GROUP_OF_NAMES));

      assertThat(failure.getMessage()).startsWith("connect to [ldap://127.0.0.1:");
      assertThat(failure.resultCode()).isEqualTo("connectError");
    }
  }

  private DirectoryReadException readFailure(SourceSettings source) {
    DirectoryReadException failure =
        catchThrowableOfType(DirectoryReadException.class, () -> reader.read(source));
    assertThat(failure).as("the read must throw, not return content").isNotNull();
    return failure;
  }

  /** A loopback port nothing listens on: bound, then released. */
  private static String deadUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "ldap://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
