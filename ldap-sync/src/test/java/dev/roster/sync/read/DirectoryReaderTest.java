package dev.roster.sync.read;

import static dev.roster.sync.testing.TestSources.activeDirectoryUsers;
import static dev.roster.sync.testing.TestSources.groups;
import static dev.roster.sync.testing.TestSources.inetOrgPeople;
import static dev.roster.sync.testing.TestSources.noGroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.unboundid.ldap.sdk.SearchScope;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.ConnectionSettings.TlsMode;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.Secret;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.testing.TestDirectory;
import dev.roster.sync.testing.TestSources;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a successful read returns, for each directory shape of the fixtures. */
class DirectoryReaderTest {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";
  private static final String GROUPS = "ou=groups,dc=example,dc=org";
  private static final String AD = "DC=corp,DC=example,DC=com";

  private final DirectoryReader reader = new DirectoryReader();

  static Stream<Arguments> membershipTypes() {
    return Stream.of(
        arguments(
            "openldap-style.ldif",
            "(objectClass=groupOfNames)",
            Membership.MEMBER,
            List.of(
                "admins: uid=carol,ou=people,dc=example,dc=org",
                "developers: uid=alice,ou=people,dc=example,dc=org uid=bob,ou=people,dc=example,dc=org")),
        arguments(
            "unique-members.ldif",
            "(objectClass=groupOfUniqueNames)",
            Membership.UNIQUE_MEMBER,
            List.of(
                "operators: uid=alice,ou=people,dc=example,dc=org uid=bob,ou=people,dc=example,dc=org")),
        arguments(
            "posix-groups.ldif",
            "(objectClass=posixGroup)",
            Membership.MEMBER_UID,
            List.of("staff: alice bob", "wheel: alice")),
        arguments(
            "nested-groups.ldif",
            "(objectClass=groupOfNames)",
            Membership.MEMBER,
            List.of(
                "cycle-a: cn=cycle-b,ou=groups,dc=example,dc=org uid=carol,ou=people,dc=example,dc=org",
                "cycle-b: cn=cycle-a,ou=groups,dc=example,dc=org",
                "everyone: cn=team-a,ou=groups,dc=example,dc=org uid=dave,ou=people,dc=example,dc=org",
                "team-a: uid=alice,ou=people,dc=example,dc=org uid=bob,ou=people,dc=example,dc=org")));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("membershipTypes")
  void readsEachMembershipTypeWithDnsNormalised(
      String fixture, String filter, Membership membership, List<String> expected)
      throws Exception {
    try (TestDirectory directory = start(fixture)) {
      DirectoryContent content =
          reader.read(directory.source(inetOrgPeople(PEOPLE), groups(GROUPS, filter, membership)));

      assertThat(render(content.groups())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void mapsInetOrgPersonAttributesAndSkipsAnEntryWithoutUserName() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      DirectoryContent content = reader.read(directory.source(inetOrgPeople(PEOPLE), noGroups()));

      assertThat(content.users())
          .extracting(
              u -> u.userName() + " " + u.displayName() + " " + u.email() + " " + u.enabled())
          .containsExactlyInAnyOrder(
              "alice Alice Liddell alice@example.org true",
              "bob null bob@example.org true",
              "carol Carol Shaw carol@example.org false");
      assertThat(content.users()).allSatisfy(u -> assertThat(u.anchor()).hasSize(36));
      assertThat(content.skippedEntries()).isEqualTo(1);
      assertThat(content.groups()).isEmpty();
    }
  }

  @Test
  void mapsActiveDirectoryGuidsAccountControlAndMemberOf() throws Exception {
    try (TestDirectory directory = TestDirectory.from("ad-style.ldif").withoutSchema().start()) {
      DirectoryContent content =
          reader.read(
              directory.source(
                  activeDirectoryUsers(AD),
                  groups(AD, "(objectClass=group)", Membership.MEMBER_OF)));

      assertThat(content.users())
          .extracting(u -> u.userName() + " " + u.anchor() + " " + u.enabled() + " " + u.dn())
          .containsExactlyInAnyOrder(
              "ada 01234567-89ab-cdef-0123-456789abcdef true cn=ada lovelace,ou=staff,dc=corp,dc=example,dc=com",
              "alan f6f80b57-db93-44fd-b9d4-0b1d52649b71 true cn=alan turing,ou=staff,dc=corp,dc=example,dc=com",
              "grace 1738b1fc-2c72-4a90-b484-4db7b1e9417b false cn=grace hopper,ou=staff,dc=corp,dc=example,dc=com");
      assertThat(content.memberOfByUserAnchor())
          .containsEntry(
              "01234567-89ab-cdef-0123-456789abcdef",
              Set.of(
                  "cn=engineering,ou=groups,dc=corp,dc=example,dc=com",
                  "cn=all staff,ou=groups,dc=corp,dc=example,dc=com"))
          .hasSize(3);
      assertThat(content.groups())
          .extracting(g -> g.name() + " " + g.anchor() + " " + g.dn() + " " + g.memberValues())
          .containsExactlyInAnyOrder(
              "Engineering c0464da1-3e05-4fc1-a5aa-df7f0cf0aca3 cn=engineering,ou=groups,dc=corp,dc=example,dc=com []",
              "All Staff ae610c65-f48e-468f-bc75-3dff16177437 cn=all staff,ou=groups,dc=corp,dc=example,dc=com []");
    }
  }

  @Test
  void readsActiveDirectoryGroupsByMember() throws Exception {
    try (TestDirectory directory = TestDirectory.from("ad-style.ldif").withoutSchema().start()) {
      DirectoryContent content =
          reader.read(
              directory.source(
                  activeDirectoryUsers(AD), groups(AD, "(objectClass=group)", Membership.MEMBER)));

      assertThat(render(content.groups()))
          .containsExactly(
              "All Staff: cn=ada lovelace,ou=staff,dc=corp,dc=example,dc=com cn=grace hopper,ou=staff,dc=corp,dc=example,dc=com",
              "Engineering: cn=ada lovelace,ou=staff,dc=corp,dc=example,dc=com cn=alan turing,ou=staff,dc=corp,dc=example,dc=com");
      assertThat(content.memberOfByUserAnchor()).isEmpty();
    }
  }

  static Stream<Arguments> renamesAndMoves() {
    return Stream.of(
        arguments("uid=john.doe", null, "uid=john.doe,ou=people,dc=example,dc=org", "john.doe"),
        arguments(
            "uid=jdoe",
            "ou=alumni,dc=example,dc=org",
            "uid=jdoe,ou=alumni,dc=example,dc=org",
            "jdoe"));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("renamesAndMoves")
  void keepsTheEntryUuidAnchorAcrossRenameAndMove(
      String newRdn, String newSuperior, String expectedDn, String expectedUserName)
      throws Exception {
    try (TestDirectory directory = TestDirectory.from("rename-user.ldif").start()) {
      DirectoryUser before = onlyUser(directory);
      directory.server().modifyDN("uid=jdoe," + PEOPLE, newRdn, true, newSuperior);
      DirectoryUser after = onlyUser(directory);

      assertThat(after.anchor()).isEqualTo(before.anchor());
      assertThat(after.dn()).isEqualTo(expectedDn);
      assertThat(after.userName()).isEqualTo(expectedUserName);
    }
  }

  @Test
  void readsPastAContinuationReferenceWithoutFollowingIt() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      directory
          .server()
          .add(
              "dn: ou=remote," + PEOPLE,
              "objectClass: referral",
              "objectClass: extensibleObject",
              "ou: remote",
              "ref: ldap://directory.invalid/ou=remote," + PEOPLE);
      assertThat(
              directory
                  .server()
                  .search(PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)")
                  .getReferenceCount())
          .isEqualTo(1);

      DirectoryContent content = reader.read(directory.source(inetOrgPeople(PEOPLE), noGroups()));

      assertThat(content.users()).hasSize(3);
    }
  }

  @Test
  void readsAnonymouslyWhenTheBindDnIsBlank() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      ConnectionSettings anonymous =
          new ConnectionSettings(
              List.of(directory.url()), " ", Secret.of(""), TlsMode.NONE, null, 1_000, 1_000, 10);

      DirectoryContent content =
          reader.read(TestSources.source(anonymous, inetOrgPeople(PEOPLE), noGroups()));

      assertThat(content.users()).hasSize(3);
    }
  }

  private DirectoryUser onlyUser(TestDirectory directory) throws DirectoryReadException {
    List<DirectoryUser> users =
        reader.read(directory.source(inetOrgPeople("dc=example,dc=org"), noGroups())).users();
    assertThat(users).hasSize(1);
    return users.get(0);
  }

  private static TestDirectory start(String fixture) throws Exception {
    TestDirectory.Builder builder = TestDirectory.from(fixture);
    return (fixture.startsWith("posix") ? builder.withoutSchema() : builder).start();
  }

  /** "name: member member …", members sorted, one line per group, lines sorted. */
  static List<String> render(List<DirectoryGroup> groups) {
    return groups.stream()
        .map(g -> g.name() + ": " + String.join(" ", new TreeSet<>(g.memberValues())))
        .sorted()
        .toList();
  }
}
