package dev.roster.bench;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * UnboundID's {@link InMemoryDirectoryServer} in the bench's JVM, loaded from the generated LDIF.
 * It offers paged results but not RFC 4533 content sync, so Roster's incremental runs read it by
 * {@code modifyTimestamp}. Its CPU is the bench JVM's, on the same cores as the server.
 */
final class InMemoryDirectory implements Directory {
  private final InMemoryDirectoryServer server;

  private InMemoryDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  static InMemoryDirectory start(Path ldif) throws LDAPException, IOException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DirectoryLdif.SUFFIX);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.addAdditionalBindCredentials(DirectoryLdif.ROOT_DN, DirectoryLdif.ROOT_PASSWORD);
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
      server.importFromLDIF(true, reader);
    }
    server.startListening();
    return new InMemoryDirectory(server);
  }

  @Override
  public String name() {
    return "in-memory";
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return server.getListenPort();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
