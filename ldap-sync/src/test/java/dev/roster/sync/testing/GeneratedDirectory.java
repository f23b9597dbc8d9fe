package dev.roster.sync.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * An in-memory directory of {@code n} generated people {@code u000…} under {@code ou=people,dc=ex}
 * and four groupOfNames groups: {@code all} (everyone), {@code even}, {@code small} (u001, u003)
 * and {@code team} (group small, nested, and u005 spelled in upper case). Each person's
 * employeeNumber is its number, so tests can anchor on it and make two entries share one.
 */
public final class GeneratedDirectory implements AutoCloseable {
  private final InMemoryDirectoryServer server;

  private GeneratedDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  public static GeneratedDirectory start(int users) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=ex");
    config.addAdditionalBindCredentials("cn=sync", "sync-password");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    StringBuilder ldif =
        new StringBuilder(
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
            """);
    StringBuilder all = new StringBuilder();
    StringBuilder even = new StringBuilder();
    for (int i = 0; i < users; i++) {
      ldif.append(person(i));
      all.append("member: ").append(dn(i)).append('\n');
      if (i % 2 == 0) {
        even.append("member: ").append(dn(i)).append('\n');
      }
    }
    ldif.append(group("all", all.toString()))
        .append(group("even", even.toString()))
        .append(group("small", "member: " + dn(1) + "\nmember: " + dn(3) + "\n"))
        .append(
            group(
                "team", "member: cn=small,ou=groups,dc=ex\nmember: " + dn(5).toUpperCase() + "\n"));
    server.importFromLDIF(
        true,
        new LDIFReader(new ByteArrayInputStream(ldif.toString().getBytes(StandardCharsets.UTF_8))));
    server.startListening();
    return new GeneratedDirectory(server);
  }

  public InMemoryDirectoryServer server() {
    return server;
  }

  /** Person {@code i} again (after a delete it comes back with a new entryUUID). */
  public void add(int i) throws Exception {
    server.add(person(i).lines().filter(line -> !line.isBlank()).toArray(String[]::new));
  }

  /**
   * Source {@code corp} (nested groups, mirrored) reading pages of {@code pageSize}, anchored on
   * {@code anchor}, with no count limit and {@code maxDeletePercent} (-1: none).
   */
  public SourceSettings source(
      int pageSize, PolicySettings.Deletion deletion, String anchor, int maxDeletePercent) {
    SourceSettings corp =
        TestSources.corp(
            "ldap://127.0.0.1:" + server.getListenPort(), "cn=sync", "sync-password", -1, -1);
    ConnectionSettings c = corp.connection();
    UserSettings u = corp.users();
    return new SourceSettings(
        corp.name(),
        new ConnectionSettings(
            c.urls(),
            c.bindDn(),
            c.bindPassword(),
            c.tls(),
            c.trustStore(),
            c.connectTimeoutMillis(),
            c.responseTimeoutMillis(),
            pageSize),
        new UserSettings(
            u.baseDn(),
            u.scope(),
            u.filter(),
            u.userNameAttribute(),
            anchor,
            u.givenNameAttribute(),
            u.familyNameAttribute(),
            u.displayNameAttribute(),
            u.emailAttribute(),
            u.disabledAttribute(),
            u.disabledValue(),
            u.defaultProfile()),
        corp.groups(),
        corp.mapping(),
        new PolicySettings(
            deletion, -1, maxDeletePercent, PolicySettings.Conflicts.SKIP, 60, 3600));
  }

  public static String dn(int i) {
    return "uid=" + name(i) + ",ou=people,dc=ex";
  }

  public static String name(int i) {
    return "u%03d".formatted(i);
  }

  private static String person(int i) {
    return """

        dn: %s
        objectClass: inetOrgPerson
        uid: %s
        cn: %s
        sn: Example
        mail: %s@ex
        employeeNumber: %d
        """
        .formatted(dn(i), name(i), name(i), name(i), i);
  }

  private static String group(String name, String members) {
    return """

        dn: cn=%s,ou=groups,dc=ex
        objectClass: groupOfNames
        cn: %s
        %s"""
        .formatted(name, name, members);
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
