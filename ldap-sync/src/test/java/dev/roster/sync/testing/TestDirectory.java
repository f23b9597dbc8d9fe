package dev.roster.sync.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.SSLUtil;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.ConnectionSettings.TlsMode;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An UnboundID in-memory directory on a free loopback port, loaded from an LDIF fixture in the
 * repository's {@code src-test-ldif/}, reached over the real LDAP protocol. Its {@link #quirks()}
 * imitate what other servers do (Active Directory's range retrieval and page size cap, limits,
 * failures between pages).
 *
 * <pre>{@code
 * try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
 *   DirectoryContent content = new DirectoryReader().read(directory.source(users, groups));
 * }
 * }</pre>
 */
public final class TestDirectory implements AutoCloseable {
  public static final String ADMIN_DN = "cn=Directory Manager";
  public static final String ADMIN_PASSWORD = "in-memory-admin-secret";
  public static final int PAGE_SIZE = 2;

  private final InMemoryDirectoryServer server;
  private final DirectoryQuirks quirks;
  private final String baseDn;
  private final File trustStore;

  private TestDirectory(
      InMemoryDirectoryServer server, DirectoryQuirks quirks, String baseDn, File trustStore) {
    this.server = server;
    this.quirks = quirks;
    this.baseDn = baseDn;
    this.trustStore = trustStore;
  }

  /** A directory loaded from {@code src-test-ldif/<fixture>}; its first entry is the base DN. */
  public static Builder from(String fixture) {
    return new Builder(fixture);
  }

  /** Options of the directory to start. */
  public static final class Builder {
    private final String fixture;
    private boolean schema = true;
    private String tlsHostName;
    private int sizeLimit;

    private Builder(String fixture) {
      this.fixture = fixture;
    }

    /** Schema checking off, for fixtures with classes the standard schema lacks (AD, NIS). */
    public Builder withoutSchema() {
      schema = false;
      return this;
    }

    /**
     * An LDAPS listener and StartTLS on the plain one, with a temporary self-signed certificate
     * naming only {@code hostName}; {@link #trustStore()} trusts it.
     */
    public Builder withTls(String hostName) {
      tlsHostName = hostName;
      return this;
    }

    /** The server's own size limit: entries per search, as OpenLDAP's {@code sizelimit}. */
    public Builder sizeLimit(int entries) {
      sizeLimit = entries;
      return this;
    }

    public TestDirectory start() throws Exception {
      Path ldif = fixture(fixture);
      String baseDn;
      try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
        baseDn = reader.readEntry().getDN();
      }
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
      config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
      if (!schema) {
        config.setSchema(null);
      }
      config.setMaxSizeLimit(sizeLimit);
      DirectoryQuirks quirks = new DirectoryQuirks();
      config.addInMemoryOperationInterceptor(quirks);
      File trustStore =
          tlsHostName != null ? listenWithTls(config, tlsHostName) : listenPlain(config);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(true, ldif.toFile());
      quirks.attach(server);
      server.startListening();
      return new TestDirectory(server, quirks, baseDn, trustStore);
    }

    private static File listenPlain(InMemoryDirectoryServerConfig config) throws LDAPException {
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "LDAP", InetAddress.getLoopbackAddress(), 0, null));
      return null;
    }

    private static File listenWithTls(InMemoryDirectoryServerConfig config, String hostName)
        throws Exception {
      TestCertificate certificate = TestCertificate.forHost(hostName);
      SSLUtil ssl = certificate.serverSsl();
      InetAddress loopback = InetAddress.getLoopbackAddress();
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig(
              "LDAP", loopback, 0, ssl.createSSLSocketFactory()),
          InMemoryListenerConfig.createLDAPSConfig(
              "LDAPS", loopback, 0, ssl.createSSLServerSocketFactory(), null));
      return certificate.trustStore();
    }
  }

  /** Where the fixtures are: the repository root's src-test-ldif, seen from the module or root. */
  public static Path fixture(String name) {
    for (String folder : List.of("../src-test-ldif", "src-test-ldif")) {
      Path path = Path.of(folder, name);
      if (Files.isReadable(path)) {
        return path;
      }
    }
    throw new IllegalArgumentException("no LDIF fixture src-test-ldif/" + name);
  }

  public String baseDn() {
    return baseDn;
  }

  public InMemoryDirectoryServer server() {
    return server;
  }

  public DirectoryQuirks quirks() {
    return quirks;
  }

  public String url() {
    return "ldap://127.0.0.1:" + server.getListenPort("LDAP");
  }

  /** The LDAPS URL by {@code hostName}, with {@link Builder#withTls(String)}. */
  public String ldapsUrl(String hostName) {
    return "ldaps://" + hostName + ":" + server.getListenPort("LDAPS");
  }

  /** The plain LDAP URL (StartTLS-capable with TLS) by {@code hostName}. */
  public String url(String hostName) {
    return "ldap://" + hostName + ":" + server.getListenPort("LDAP");
  }

  /**
   * A trust store holding the directory's self-signed certificate, with {@link
   * Builder#withTls(String)}.
   */
  public String trustStore() {
    return trustStore.getPath();
  }

  /** Plain LDAP as the in-memory administrator, {@link #PAGE_SIZE} entries a page. */
  public ConnectionSettings connection() {
    return connection(List.of(url()), TlsMode.NONE, null);
  }

  /** Plain LDAP as the in-memory administrator, asking for pages of {@code pageSize} entries. */
  public ConnectionSettings connection(int pageSize) {
    return new ConnectionSettings(
        List.of(url()),
        ADMIN_DN,
        Secret.of(ADMIN_PASSWORD),
        TlsMode.NONE,
        null,
        2_000,
        5_000,
        pageSize);
  }

  public ConnectionSettings connection(List<String> urls, TlsMode tls, String trustStore) {
    return new ConnectionSettings(
        urls, ADMIN_DN, Secret.of(ADMIN_PASSWORD), tls, trustStore, 2_000, 5_000, PAGE_SIZE);
  }

  /** A source reading this directory over {@link #connection()}. */
  public SourceSettings source(UserSettings users, GroupSettings groups) {
    return TestSources.source(connection(), users, groups);
  }

  /**
   * Adds {@code count} people {@code uid=person-00001…} under {@code parentDn}; returns their DNs.
   */
  public List<String> addPeople(String parentDn, int count) throws LDAPException {
    List<String> dns = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String uid = String.format("person-%05d", i);
      String dn = "uid=" + uid + "," + parentDn;
      server.add(
          new Entry(
              dn,
              new Attribute("objectClass", "top", "person", "inetOrgPerson"),
              new Attribute("uid", uid),
              new Attribute("cn", "Person " + i),
              new Attribute("sn", "Person")));
      dns.add(dn);
    }
    return dns;
  }

  /** Adds a groupOfNames {@code cn=<name>} under {@code parentDn} with these member DNs. */
  public void addGroup(String parentDn, String name, List<String> memberDns) throws LDAPException {
    server.add(
        new Entry(
            "cn=" + name + "," + parentDn,
            new Attribute("objectClass", "top", "groupOfNames"),
            new Attribute("cn", name),
            new Attribute("member", memberDns)));
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
