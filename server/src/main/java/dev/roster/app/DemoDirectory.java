package dev.roster.app;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import dev.roster.config.LdapConfig;
import dev.roster.config.LdapSourceConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo directory of {@code serve --demo}: UnboundID's in-memory LDAP server on a free loopback
 * port, loaded from {@code src-test-ldif/demo.ldif} (or the copy in the jar).
 */
final class DemoDirectory implements AutoCloseable {
  static final String BASE_DN = "dc=demo,dc=roster,dc=dev";
  private static final Path LDIF_FILE = Path.of("src-test-ldif", "demo.ldif");

  private final InMemoryDirectoryServer server;

  private DemoDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  static DemoDirectory start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig(
            "demo", java.net.InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    try (InputStream ldif =
        Files.isRegularFile(LDIF_FILE)
            ? Files.newInputStream(LDIF_FILE)
            : DemoDirectory.class.getResourceAsStream("/dev/roster/demo/demo.ldif")) {
      if (ldif == null) {
        throw new IllegalStateException("demo.ldif is neither in src-test-ldif/ nor in the jar");
      }
      server.importFromLDIF(true, new LDIFReader(ldif));
    }
    server.startListening();
    return new DemoDirectory(server);
  }

  /** The configuration's sources plus {@code demo}: this directory, synced every minute. */
  LdapConfig withSource(LdapConfig ldap) {
    LdapSourceConfig demo =
        new LdapSourceConfig(
            "demo",
            List.of(url()),
            null,
            null,
            null,
            "none",
            null,
            null,
            null,
            null,
            new LdapSourceConfig.Users(
                "ou=people," + BASE_DN,
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
                null),
            new LdapSourceConfig.Groups("ou=groups," + BASE_DN, null, null, null, "member", true),
            new LdapSourceConfig.Mapping(true, true),
            new LdapSourceConfig.Policy(null, null, null, null, 60, 60));
    List<LdapSourceConfig> sources = new ArrayList<>(ldap.sources());
    sources.add(demo);
    return new LdapConfig(sources);
  }

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  @Override
  public void close() throws LDAPException {
    server.shutDown(true);
  }
}
