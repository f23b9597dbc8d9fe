package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.PlanCounts;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.read.CursoredRead;
import dev.roster.sync.read.DirectoryReader;
import dev.roster.sync.testing.TestSources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental runs against UnboundID's in-memory server, which offers no content synchronization:
 * they read the users whose modifyTimestamp is at or past the mark the last run kept. Every entry
 * of the fixture carries a modifyTimestamp of 2020, so that only what a test changes is newer. The
 * mark keeps a few seconds of overlap below the newest entry a run saw, which the next run reads
 * again: ada is that newest entry, a day newer than the others.
 */
class IncrementalSyncTest {
  private static final String OLD = "modifyTimestamp: 20200101000000Z\n";
  private static final String LDIF =
      """
      dn: dc=ex
      objectClass: domain
      dc: ex

      dn: ou=people,dc=ex
      objectClass: organizationalUnit
      ou: people

      dn: ou=groups,dc=ex
      objectClass: organizationalUnit
      ou: groups
      """
          + person("ada")
          + "modifyTimestamp: 20200102000000Z\n"
          + person("bob")
          + OLD
          + person("cy")
          + OLD
          + """

          dn: cn=admins,ou=groups,dc=ex
          objectClass: groupOfNames
          cn: admins
          member: uid=bob,ou=people,dc=ex
          """
          + OLD
          + """

          dn: cn=staff,ou=groups,dc=ex
          objectClass: groupOfNames
          cn: staff
          member: uid=ada,ou=people,dc=ex
          member: cn=admins,ou=groups,dc=ex
          """
          + OLD;

  private InMemoryDirectoryServer directory;
  private final MemoryStore store = new MemoryStore();
  private Synchronizer synchronizer;

  @BeforeEach
  void startDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=ex");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    config.setReferentialIntegrityAttributes("member");
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(
        true, new LDIFReader(new ByteArrayInputStream(LDIF.getBytes(StandardCharsets.UTF_8))));
    directory.startListening();
    synchronizer = new Synchronizer(new DirectoryReader(), store, 3);
  }

  @AfterEach
  void stopDirectory() {
    directory.shutDown(true);
  }

  @Test
  void aFullRunKeepsAModifyTimestampCursor() {
    synchronizer.run(source(10), SyncMode.FULL);

    assertThat(store.cursors.get("corp")).startsWith("v1|ts|").endsWith("|20200101235958Z");
  }

  @Test
  void anIncrementalRunReadsExactlyTheModifiedEntry() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL);
    String cursor = store.cursors.get("corp");
    directory.modify("uid=ada,ou=people,dc=ex", replace("sn", "Lovelace"));

    CursoredRead<DirectoryDelta> delta =
        new DirectoryReader().readChanges(source(10), cursor).orElseThrow();
    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.INCREMENTAL);

    assertThat(delta.content().changedUsers())
        .extracting(DirectoryUser::userName)
        .containsOnly("ada");
    assertThat(delta.content().groups()).hasSize(2);
    assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.SUCCEEDED);
    assertThat(outcome.plan().render()).isEqualTo("user update ada fields=familyName");
    assertThat(user("ada").familyName()).isEqualTo("Lovelace");
    assertThat(store.cursors.get("corp")).isNotEqualTo(cursor).startsWith("v1|ts|");
  }

  @Test
  void anIncrementalRunCreatesANewEntryWithItsMemberships() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL);
    directory.add(entry("dan"));
    directory.modify("cn=admins,ou=groups,dc=ex", add("member", "uid=dan,ou=people,dc=ex"));

    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.INCREMENTAL);

    assertThat(outcome.plan().render()).startsWith("membership add").contains("user create dan");
    assertThat(store.memberships()).contains("admins dan LDAP:corp", "staff dan LDAP:corp");
  }

  @Test
  void aGroupChangeReachesUsersThatDidNotChange() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL);
    directory.modify("cn=admins,ou=groups,dc=ex", add("member", "uid=cy,ou=people,dc=ex"));
    directory.modify("cn=staff,ou=groups,dc=ex", delete("member", "uid=ada,ou=people,dc=ex"));

    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.INCREMENTAL);

    assertThat(userChanges(outcome)).isZero();
    assertThat(store.memberships())
        .isEqualTo(
            """
            admins bob LDAP:corp
            admins cy LDAP:corp
            staff bob LDAP:corp
            staff cy LDAP:corp""");
  }

  @Test
  void aDeletedEntryIsDisabledByTheNextFullRunNotByAnIncrementalOne() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL);
    directory.delete("uid=bob,ou=people,dc=ex");

    SyncOutcome incremental = synchronizer.run(source(10), SyncMode.INCREMENTAL);
    assertThat(userChanges(incremental)).isZero();
    assertThat(user("bob").active()).isTrue();

    SyncOutcome full = synchronizer.run(source(10), SyncMode.FULL);
    assertThat(full.plan().render()).contains("user disable bob (left the directory)");
    assertThat(user("bob").active()).isFalse();
    assertThat(store.memberships()).doesNotContain("bob");
  }

  @Test
  void incrementalThenFullEqualsFullAlone() throws Exception {
    MemoryStore fullOnly = new MemoryStore();
    Synchronizer fullOnlySync = new Synchronizer(new DirectoryReader(), fullOnly, 3);
    synchronizer.run(source(10), SyncMode.FULL);
    fullOnlySync.run(source(10), SyncMode.FULL);
    directory.modify("uid=ada,ou=people,dc=ex", replace("mail", "ada@new.ex"));
    directory.modifyDN("uid=bob,ou=people,dc=ex", "uid=bobby", true);
    directory.add(entry("dan"));
    directory.modify("cn=admins,ou=groups,dc=ex", add("member", "uid=dan,ou=people,dc=ex"));
    directory.delete("uid=cy,ou=people,dc=ex");

    assertThat(synchronizer.run(source(10), SyncMode.INCREMENTAL).applied()).isTrue();
    directory.modify("uid=dan,ou=people,dc=ex", replace("sn", "Second"));
    assertThat(synchronizer.run(source(10), SyncMode.INCREMENTAL).applied()).isTrue();
    assertThat(user("cy").active()).as("incremental runs leave deletes to the full one").isTrue();
    synchronizer.run(source(10), SyncMode.FULL);
    fullOnlySync.run(source(10), SyncMode.FULL);

    assertThat(store.snapshot()).isEqualTo(fullOnly.snapshot());
    assertThat(store.snapshot()).contains("user bobby", "active=false", "admins dan LDAP:corp");
  }

  @Test
  void withoutUsableCursorAnIncrementalRunReadsInFull() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL);
    directory.delete("uid=cy,ou=people,dc=ex");

    SyncOutcome otherFilter = synchronizer.run(otherFilter(source(10)), SyncMode.INCREMENTAL);
    assertThat(otherFilter.plan().render()).contains("user disable cy (left the directory)");

    store.cursors.clear();
    store.users.clear();
    SyncOutcome noCursor = synchronizer.run(source(10), SyncMode.INCREMENTAL);
    assertThat(noCursor.plan().render()).contains("user create ada", "user create bob");
    assertThat(store.cursors).containsKey("corp");
  }

  @Test
  void onlyAnAppliedRunKeepsACursor() throws Exception {
    synchronizer.run(source(10), SyncMode.DRY_RUN);
    assertThat(store.cursors).isEmpty();

    synchronizer.run(source(0), SyncMode.FULL);
    String cursor = store.cursors.get("corp");
    directory.modify("cn=staff,ou=groups,dc=ex", delete("member", "uid=ada,ou=people,dc=ex"));
    SyncOutcome blocked = synchronizer.run(source(0), SyncMode.INCREMENTAL);
    assertThat(blocked.status()).isEqualTo(SyncOutcome.Status.BLOCKED_BY_SAFETY_LIMIT);
    assertThat(blocked.verdict().reasons()).anyMatch(r -> r.startsWith("memberships: 1 removals"));

    directory.modify("uid=ada,ou=people,dc=ex", replace("sn", "Lovelace"));
    SyncOutcome dry = synchronizer.run(source(0), SyncMode.DRY_RUN);
    directory.shutDown(true);
    SyncOutcome failed = synchronizer.run(source(0), SyncMode.INCREMENTAL);

    assertThat(dry.applied()).isFalse();
    assertThat(failed.status()).isEqualTo(SyncOutcome.Status.FAILED);
    assertThat(store.cursors.get("corp")).isEqualTo(cursor);
  }

  private static int userChanges(SyncOutcome outcome) {
    PlanCounts c = outcome.plan().counts();
    return c.usersCreated()
        + c.usersUpdated()
        + c.usersDisabled()
        + c.usersEnabled()
        + c.usersDeleted()
        + c.usersAdopted();
  }

  private StoredUser user(String userName) {
    return store.users.values().stream()
        .filter(u -> u.userName().equals(userName))
        .findFirst()
        .orElseThrow();
  }

  private static Modification replace(String attribute, String value) {
    return new Modification(ModificationType.REPLACE, attribute, value);
  }

  private static Modification add(String attribute, String value) {
    return new Modification(ModificationType.ADD, attribute, value);
  }

  private static Modification delete(String attribute, String value) {
    return new Modification(ModificationType.DELETE, attribute, value);
  }

  private static com.unboundid.ldap.sdk.Entry entry(String uid) throws LDAPException {
    return new com.unboundid.ldap.sdk.Entry(
        "uid=" + uid + ",ou=people,dc=ex",
        new Attribute("objectClass", "inetOrgPerson"),
        new Attribute("uid", uid),
        new Attribute("cn", uid + " Example"),
        new Attribute("sn", "Example"));
  }

  private SourceSettings source(int maxDeletes) {
    return TestSources.corp(
        "ldap://127.0.0.1:" + directory.getListenPort(), "", "", maxDeletes, -1);
  }

  private static SourceSettings otherFilter(SourceSettings source) {
    UserSettings u = source.users();
    return new SourceSettings(
        source.name(),
        source.connection(),
        new UserSettings(
            u.baseDn(),
            u.scope(),
            "(&(objectClass=inetOrgPerson)(uid=*))",
            u.userNameAttribute(),
            u.anchorAttribute(),
            u.givenNameAttribute(),
            u.familyNameAttribute(),
            u.displayNameAttribute(),
            u.emailAttribute(),
            u.disabledAttribute(),
            u.disabledValue(),
            u.defaultProfile()),
        source.groups(),
        source.mapping(),
        source.policy());
  }

  private static String person(String uid) {
    return """

        dn: uid=%s,ou=people,dc=ex
        objectClass: inetOrgPerson
        uid: %s
        cn: %s Example
        givenName: %s
        sn: Example
        mail: %s@ex
        """
        .formatted(uid, uid, uid, uid, uid);
  }
}
