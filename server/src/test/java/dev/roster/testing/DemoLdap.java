package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import dev.roster.config.LdapSourceConfig;
import java.net.InetAddress;
import java.util.List;

/**
 * An UnboundID in-memory directory over the real LDAP protocol, loaded from {@code
 * src-test-ldif/demo.ldif}, and the source configuration {@code demo} that points at it.
 */
public final class DemoLdap implements AutoCloseable {
  public static final String BASE = "dc=demo,dc=roster,dc=dev";

  /** The password of every demo.ldif user. */
  public static final String PASSWORD = "demo-password";

  private final InMemoryDirectoryServer server;

  private DemoLdap(InMemoryDirectoryServer server) {
    this.server = server;
  }

  public static DemoLdap start() throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.importFromLDIF(true, "../src-test-ldif/demo.ldif");
    server.startListening();
    return new DemoLdap(server);
  }

  /** The directory itself, for tests that change entries or shut it down. */
  public InMemoryDirectoryServer server() {
    return server;
  }

  /** Source {@code demo}: users with employeeType=disabled are disabled; nested groups. */
  public LdapSourceConfig source(LdapSourceConfig.Policy policy, String defaultProfile) {
    return new LdapSourceConfig(
        "demo",
        List.of("ldap://127.0.0.1:" + server.getListenPort()),
        null,
        null,
        null,
        "none",
        null,
        2_000,
        2_000,
        5,
        new LdapSourceConfig.Users(
            "ou=people," + BASE,
            "sub",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "employeeType",
            "disabled",
            defaultProfile),
        new LdapSourceConfig.Groups("ou=groups," + BASE, null, null, null, "member", true),
        new LdapSourceConfig.Mapping(true, true),
        policy);
  }

  /** A server's scheduler runs every source once at start; tests begin after that run. */
  public static void awaitStartupRun(ScimClient admin) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonNode runs = admin.get("/sync/runs").expectStatus(200).json().get("runs");
      if (runs.size() > 0 && !runs.get(0).get("status").asText().equals("running")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the start-up sync did not finish");
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
