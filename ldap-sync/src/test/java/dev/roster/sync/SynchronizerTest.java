package dev.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.read.DirectoryReader;
import dev.roster.sync.testing.TestSources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole run against a real LDAP server (UnboundID's in-memory one) and an in-memory store. */
class SynchronizerTest {
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
          + person("bob")
          + person("cy")
          + """

          dn: cn=admins,ou=groups,dc=ex
          objectClass: groupOfNames
          cn: admins
          member: uid=bob,ou=people,dc=ex

          dn: cn=staff,ou=groups,dc=ex
          objectClass: groupOfNames
          cn: staff
          member: UID=Ada,OU=People,DC=ex
          member: cn=admins,ou=groups,dc=ex
          """;

  private InMemoryDirectoryServer directory;
  private final MemoryStore store = new MemoryStore();
  private Synchronizer synchronizer;

  @BeforeEach
  void startDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=ex");
    config.addAdditionalBindCredentials("cn=sync", "sync-password");
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
  void aFullRunMirrorsTheDirectoryAndASecondRunPlansNothing() {
    SyncOutcome first = synchronizer.run(source(10), SyncMode.FULL);
    SyncOutcome second = synchronizer.run(source(10), SyncMode.FULL);

    assertThat(first.status()).isEqualTo(SyncOutcome.Status.SUCCEEDED);
    assertThat(store.users.values()).extracting(StoredUser::userName).contains("ada", "bob", "cy");
    assertThat(store.memberships())
        .isEqualTo("admins bob LDAP:corp\nstaff ada LDAP:corp\nstaff bob LDAP:corp");
    assertThat(second.plan().isEmpty()).isTrue();
  }

  @Test
  void aDryRunAppliesNothing() {
    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.DRY_RUN);

    assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.PLANNED);
    assertThat(outcome.plan().render()).contains("user create ada", "group create staff");
    assertThat(store.batches).isZero();
  }

  @Test
  void aRenamedEntryIsTheSameUserUpdated() throws LDAPException {
    synchronizer.run(source(10), SyncMode.FULL);
    UUID ada = idOf("ada");

    directory.modifyDN("uid=ada,ou=people,dc=ex", "uid=ada.l", true);
    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.FULL);

    assertThat(outcome.plan().render()).isEqualTo("user update ada.l fields=dn,userName");
    assertThat(store.users.get(ada).dn()).isEqualTo("uid=ada.l,ou=people,dc=ex");
    assertThat(store.memberships()).contains("staff ada.l LDAP:corp");
  }

  @Test
  void aScopeThatReadsEmptyIsBlockedUntilAPersonApprovesThePlan() throws LDAPException {
    synchronizer.run(source(10), SyncMode.FULL);
    for (String uid : List.of("ada", "bob", "cy")) {
      directory.delete("uid=" + uid + ",ou=people,dc=ex");
    }

    SyncOutcome blocked = synchronizer.run(source(10), SyncMode.FULL);
    assertThat(blocked.status()).isEqualTo(SyncOutcome.Status.BLOCKED_BY_SAFETY_LIMIT);
    assertThat(store.users.values()).allMatch(StoredUser::active);

    SyncOutcome approved = synchronizer.applyApproved(source(10), blocked.plan().digest());
    assertThat(approved.status()).isEqualTo(SyncOutcome.Status.SUCCEEDED);
    assertThat(store.users.values()).noneMatch(StoredUser::active);
    assertThat(store.memberships()).isEmpty();
  }

  @Test
  void anApprovalIsRefusedWhenTheDirectoryChangedSinceThePlan() throws Exception {
    synchronizer.run(source(0), SyncMode.FULL);
    directory.delete("uid=cy,ou=people,dc=ex");
    SyncOutcome blocked = synchronizer.run(source(0), SyncMode.FULL);
    directory.add(person("dan").lines().filter(line -> !line.isBlank()).toArray(String[]::new));

    SyncOutcome outcome = synchronizer.applyApproved(source(0), blocked.plan().digest());

    assertThat(outcome.error()).isEqualTo("the directory changed since the plan was made");
    assertThat(store.users.get(idOf("cy")).active()).isTrue();
  }

  @Test
  void aDirectoryThatIsDownChangesNothing() {
    synchronizer.run(source(10), SyncMode.FULL);
    int batches = store.batches;
    directory.shutDown(true);

    SyncOutcome outcome = synchronizer.run(source(10), SyncMode.FULL);

    assertThat(outcome.status()).isEqualTo(SyncOutcome.Status.FAILED);
    assertThat(store.batches).isEqualTo(batches);
    assertThat(store.users.values()).allMatch(StoredUser::active);
  }

  @Test
  void aManualMembershipSurvives() {
    synchronizer.run(source(10), SyncMode.FULL);
    UUID admins =
        store.groups.values().stream()
            .filter(g -> g.displayName().equals("admins"))
            .findFirst()
            .orElseThrow()
            .id();
    store.memberships.add(admins + " " + idOf("cy") + " MANUAL");

    synchronizer.run(source(10), SyncMode.FULL);

    assertThat(store.memberships()).contains("admins cy MANUAL");
  }

  private UUID idOf(String userName) {
    return store.users.values().stream()
        .filter(u -> u.userName().equals(userName))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * What the source holds is counted only when the safety check weighs it: for removals, and for a
   * read that returned nobody, which still blocks.
   */
  @Test
  void onlyARunThatRemovesOrReadsNobodyCountsWhatTheSourceHolds() throws Exception {
    synchronizer.run(source(10), SyncMode.FULL).close();
    store.countsTaken = 0;

    try (SyncOutcome unchanged = synchronizer.run(source(10), SyncMode.FULL)) {
      assertThat(unchanged.applied()).isTrue();
    }
    assertThat(store.countsTaken).isZero();

    directory.delete("uid=cy,ou=people,dc=ex");
    try (SyncOutcome oneLeft = synchronizer.run(source(10), SyncMode.FULL)) {
      assertThat(oneLeft.applied()).isTrue();
      assertThat(oneLeft.plan().counts().usersDisabled()).isEqualTo(1);
    }
    assertThat(store.countsTaken).isPositive();

    directory.delete("uid=ada,ou=people,dc=ex");
    directory.delete("uid=bob,ou=people,dc=ex");
    try (SyncOutcome empty = synchronizer.run(source(10), SyncMode.FULL)) {
      assertThat(empty.applied()).isFalse();
      assertThat(empty.verdict().reasons())
          .contains(
              "users: the directory returned no users but the source held 2;"
                  + " a scope that held entries and now reads empty is not taken as gone");
    }
  }

  private SourceSettings source(int maxDeletes) {
    return TestSources.corp(
        "ldap://127.0.0.1:" + directory.getListenPort(),
        "cn=sync",
        "sync-password",
        maxDeletes,
        50);
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
