package dev.roster.sync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.roster.sync.MemoryStore;
import dev.roster.sync.SyncMode;
import dev.roster.sync.SyncOutcome;
import dev.roster.sync.Synchronizer;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.read.SyncCursor.Kind;
import dev.roster.sync.testing.Slapd;
import dev.roster.sync.testing.TestSources;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 4533 content synchronization against a real OpenLDAP with syncprov and a session log: an
 * incremental run gets the changed entries and, explicitly, the deleted ones. Skipped where slapd
 * is not installed.
 */
class ContentSyncSlapdTest {
  private static final String PEOPLE = "ou=people," + Slapd.SUFFIX;
  private static final String GROUPS = "ou=groups," + Slapd.SUFFIX;
  private static final String LDIF =
      """
      dn: %1$s
      objectClass: organizationalUnit
      ou: people

      dn: %2$s
      objectClass: organizationalUnit
      ou: groups

      dn: uid=ada,%1$s
      objectClass: inetOrgPerson
      uid: ada
      cn: Ada
      sn: Example

      dn: uid=bob,%1$s
      objectClass: inetOrgPerson
      uid: bob
      cn: Bob
      sn: Example

      dn: uid=cy,%1$s
      objectClass: inetOrgPerson
      uid: cy
      cn: Cy
      sn: Example

      dn: cn=staff,%2$s
      objectClass: groupOfNames
      cn: staff
      member: uid=ada,%1$s
      member: uid=cy,%1$s
      """
          .formatted(PEOPLE, GROUPS);

  private final DirectoryReader reader = new DirectoryReader();
  private Slapd slapd;
  private SourceSettings source;

  @BeforeAll
  static void slapdInstalled() {
    Slapd.assumeInstalled();
  }

  @BeforeEach
  void start() {
    slapd = Slapd.start(LDIF);
    ConnectionSettings connection =
        new ConnectionSettings(
            List.of(slapd.url()),
            Slapd.READER_DN,
            Secret.of(Slapd.READER_PASSWORD),
            ConnectionSettings.TlsMode.NONE,
            null,
            5_000,
            10_000,
            100);
    source =
        TestSources.source(
            connection,
            TestSources.inetOrgPeople(PEOPLE),
            TestSources.groups(GROUPS, "(objectClass=groupOfNames)", Membership.MEMBER));
  }

  @AfterEach
  void stop() {
    if (slapd != null) {
      slapd.close();
    }
  }

  @Test
  void aModifyAndADeleteArriveWithANewCookie() throws Exception {
    CollectingSink read = new CollectingSink();
    FullRead full = reader.readAll(source, read);
    String cyAnchor = anchorOf(read.users(), "cy");
    change();

    CursoredRead<DirectoryDelta> changes = reader.readChanges(source, full.cursor()).orElseThrow();

    assertThat(full.cursor()).startsWith("v1|cs|");
    assertThat(changes.content().changedUsers())
        .extracting(DirectoryUser::userName, DirectoryUser::familyName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ada", "Lovelace"));
    // syncprov's session log also names entries that changed outside the filter (the group here):
    // deletes of anchors the source does not hold plan nothing.
    assertThat(changes.content().deletedUserAnchors())
        .contains(cyAnchor)
        .doesNotContain(anchorOf(read.users(), "ada"), anchorOf(read.users(), "bob"));
    assertThat(changes.content().groups()).hasSize(1);
    assertThat(changes.cursor()).startsWith("v1|cs|").isNotEqualTo(full.cursor());
    assertThat(reader.readChanges(source, changes.cursor()).orElseThrow().content().changedUsers())
        .isEmpty();
  }

  @Test
  void anIncrementalRunDisablesTheDeletedUserAndTheNextFullRunHasNothingLeftToDo()
      throws Exception {
    MemoryStore store = new MemoryStore();
    Synchronizer synchronizer = new Synchronizer(reader, store, 50);
    synchronizer.run(source, SyncMode.FULL);
    change();

    SyncOutcome incremental = synchronizer.run(source, SyncMode.INCREMENTAL);
    SyncOutcome full = synchronizer.run(source, SyncMode.FULL);

    assertThat(incremental.status()).isEqualTo(SyncOutcome.Status.SUCCEEDED);
    assertThat(incremental.plan().render())
        .isEqualTo(
            """
            membership remove group=%s user=%s
            user disable cy (left the directory)
            user update ada fields=familyName"""
                .formatted(groupId(store), idOf(store, "cy")));
    assertThat(store.memberships()).isEqualTo("staff ada LDAP:corp".replace("corp", source.name()));
    assertThat(store.users.values())
        .filteredOn(u -> !u.active())
        .extracting(StoredUser::userName)
        .containsExactly("cy");
    assertThat(full.plan().isEmpty()).isTrue();
  }

  @Test
  void aCookieTheServerCannotUseMeansAFullRead() throws Exception {
    String garbage = cursor("not a cookie");
    String tooOld = cursor("rid=000,csn=20000101000000.000000Z#000000#000#000000");

    assertThat(reader.readChanges(source, garbage)).isEmpty();
    assertThat(reader.readChanges(source, tooOld)).isEmpty();
  }

  private String cursor(String cookie) {
    String value = Base64.getEncoder().encodeToString(cookie.getBytes(StandardCharsets.UTF_8));
    return SyncCursor.of(Kind.CONTENT_SYNC, source, value).encode();
  }

  /** Ada's surname changes, cy is deleted (and so leaves staff), as the root DN. */
  private void change() throws Exception {
    try (LDAPConnection root =
        new LDAPConnection("127.0.0.1", slapd.port(), Slapd.ROOT_DN, Slapd.ROOT_PASSWORD)) {
      root.modify(
          "uid=ada," + PEOPLE, new Modification(ModificationType.REPLACE, "sn", "Lovelace"));
      root.modify(
          "cn=staff," + GROUPS,
          new Modification(ModificationType.DELETE, "member", "uid=cy," + PEOPLE));
      root.delete("uid=cy," + PEOPLE);
    }
  }

  private static String anchorOf(List<DirectoryUser> users, String userName) {
    return users.stream()
        .filter(u -> u.userName().equals(userName))
        .findFirst()
        .orElseThrow()
        .anchor();
  }

  private static String groupId(MemoryStore store) {
    return store.memberships.iterator().next().split(" ")[0];
  }

  private static java.util.UUID idOf(MemoryStore store, String userName) {
    return store.users.values().stream()
        .filter(u -> u.userName().equals(userName))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
