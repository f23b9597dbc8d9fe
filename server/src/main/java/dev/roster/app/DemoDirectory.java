package dev.roster.app;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  @Override
  public void close() throws LDAPException {
    server.shutDown(true);
  }
}
