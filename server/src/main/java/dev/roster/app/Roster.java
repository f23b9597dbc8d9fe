package dev.roster.app;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.roster.admin.AuthenticateEndpoint;
import dev.roster.admin.ExportEndpoint;
import dev.roster.admin.SyncEndpoint;
import dev.roster.admin.TokensEndpoint;
import dev.roster.auth.Argon2PasswordHasher;
import dev.roster.auth.BearerAuthFilter;
import dev.roster.auth.CredentialCheck;
import dev.roster.auth.FailureThrottle;
import dev.roster.auth.TokenService;
import dev.roster.config.LdapSettingsMapper;
import dev.roster.config.LdapSourceConfig;
import dev.roster.config.RosterConfig;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.SyncScheduler;
import dev.roster.domain.AdministratorGuard;
import dev.roster.domain.GroupService;
import dev.roster.domain.Scope;
import dev.roster.domain.Tenant;
import dev.roster.domain.User;
import dev.roster.domain.UserService;
import dev.roster.export.UserCsvExport;
import dev.roster.scim.DiscoveryEndpoints;
import dev.roster.scim.GroupResources;
import dev.roster.scim.GroupsEndpoint;
import dev.roster.scim.MeEndpoint;
import dev.roster.scim.RequestValues;
import dev.roster.scim.RootSearchEndpoint;
import dev.roster.scim.ScimExceptionMapper;
import dev.roster.scim.ScimJson;
import dev.roster.scim.ScimSettings;
import dev.roster.scim.UserResources;
import dev.roster.scim.UsersEndpoint;
import dev.roster.scim.bulk.BulkEndpoint;
import dev.roster.secrets.AesGcmCipher;
import dev.roster.secrets.SecretKeys;
import dev.roster.store.GroupStore;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import dev.roster.store.jpa.Database;
import dev.roster.store.jpa.JpaAdministrators;
import dev.roster.store.jpa.JpaGroupStore;
import dev.roster.store.jpa.JpaSyncRunStore;
import dev.roster.store.jpa.JpaSyncStore;
import dev.roster.store.jpa.JpaTokenStore;
import dev.roster.store.jpa.JpaTransactions;
import dev.roster.store.jpa.JpaUserExportStore;
import dev.roster.store.jpa.JpaUserStore;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.read.DirectoryReader;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Roster, wired by hand: every object is built here with {@code new} and handed its collaborators.
 * The reader of the code starts here.
 */
public final class Roster implements AutoCloseable {
  static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

  /** Changes per transaction when a sync applies its plan. */
  private static final int SYNC_BATCH = 500;

  /** Users per page of a CSV export: one page is what an export holds in memory. */
  private static final int EXPORT_PAGE = 500;

  private final Database database;
  private final TokenService tokens;
  private final UserService userService;
  private final AesGcmCipher cipher;
  private final GroupService groupService;
  private final JpaTransactions tx;
  private final UserStore users;
  private final GroupStore groups;
  private final ScimSettings scimSettings;
  private final DirectorySync directorySync;
  private final CredentialCheck credentialCheck;
  private final UserCsvExport userExport;
  private SyncScheduler scheduler;
  private Server server;

  private Roster(RosterConfig config) {
    this.database =
        Database.open(
            config.jdbcUrl(),
            config.db().user(),
            config.db().password(),
            config.db().maxPoolSize());
    this.tx = new JpaTransactions(database.sessionFactory());
    JpaUserStore userStore = new JpaUserStore(tx, database.isPostgres());
    userStore.indexStaleSearchValues();
    this.users = userStore;
    this.groups = new JpaGroupStore(tx, database.isPostgres());
    this.tokens = new TokenService(tx, new JpaTokenStore(tx), config.bootstrapToken());
    Argon2PasswordHasher hasher = new Argon2PasswordHasher();
    this.cipher = SecretKeys.cipher(config.secrets().key(), Path.of(config.dataDir()));
    AdministratorGuard guard = new AdministratorGuard(new JpaAdministrators(tx));
    this.userService =
        new UserService(tx, users, hasher, cipher, config.users().toProfiles(), guard);
    this.groupService = new GroupService(tx, groups, guard, Database.LOCK_TIMEOUT);
    List<SourceSettings> sources = new ArrayList<>();
    List<LdapSourceConfig> configured = config.ldap().sources();
    for (int i = 0; i < configured.size(); i++) {
      sources.add(LdapSettingsMapper.toSettings(configured.get(i), i, System.getenv()));
    }
    Map<String, String> defaultProfiles = new HashMap<>();
    sources.forEach(source -> defaultProfiles.put(source.name(), source.users().defaultProfile()));
    JpaSyncStore syncStore =
        new JpaSyncStore(
            tx,
            Tenant.DEFAULT_ID,
            defaultProfiles,
            database.isPostgres(),
            Path.of(config.dataDir(), "sync-spool"));
    this.directorySync =
        new DirectorySync(
            tx,
            new JpaSyncRunStore(tx),
            new DirectoryReader(),
            syncStore,
            SYNC_BATCH,
            sources,
            Tenant.DEFAULT_ID);
    // 5 failures per userName in 15 minutes, counted on this node only (see FailureThrottle).
    FailureThrottle throttle =
        new FailureThrottle(5, Duration.ofMinutes(15), InstantSource.system());
    this.credentialCheck =
        new CredentialCheck(
            tx, users, hasher, syncStore, directorySync.sources(), Tenant.DEFAULT_ID, throttle);
    this.userExport = new UserCsvExport(tx, new JpaUserExportStore(tx), EXPORT_PAGE);
    this.scimSettings =
        new ScimSettings(
            config.scim().maxResults(),
            config.scim().bulkMaxOperations(),
            config.scim().bulkMaxPayloadSize());
  }

  /** Opens the database (migrating it) without serving HTTP: for the CLI commands. */
  public static Roster open(RosterConfig config) {
    return new Roster(config);
  }

  /** Opens the database and serves HTTP on the configured host and port. */
  public static Roster serve(RosterConfig config) throws Exception {
    Roster roster = new Roster(config);
    try {
      roster.startHttp(config.http().host(), config.http().port());
      roster.scheduler = new SyncScheduler(roster.directorySync);
      roster.scheduler.start();
      return roster;
    } catch (Exception e) {
      roster.close();
      throw e;
    }
  }

  private void startHttp(String host, int port) throws Exception {
    server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    // Long enough for a filter at SearchParameters' length limit, so that limit is what speaks.
    http.setRequestHeaderSize(32 * 1024);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(
        new FilterHolder(new RequestLogFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(
        new ServletHolder("scim", new ServletContainer(scimApplication())), "/scim/v2/*");
    context.addServlet(
        new ServletHolder("admin", new ServletContainer(adminApplication())), "/admin/*");
    context.addServlet(new ServletHolder("health", new HealthServlet(database)), "/health/*");
    context.addServlet(new ServletHolder("docs", new DocsServlet()), "/docs");
    // Bodies beyond this are refused with 413 before they are read: a group of 100,000
    // members fits in a few MB, and nothing legitimate needs more.
    SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
    sizeLimit.setHandler(context);
    server.setHandler(sizeLimit);
    server.setErrorHandler(new JsonErrorHandler());
    context.setErrorHandler(new JsonErrorHandler());
    server.start();
  }

  private ResourceConfig scimApplication() {
    return application(
        Scope.WRITE,
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(tx).to(Transactions.class);
            bind(users).to(UserStore.class);
            bind(groups).to(GroupStore.class);
            bind(userService).to(UserService.class);
            bind(groupService).to(GroupService.class);
            bind(scimSettings).to(ScimSettings.class);
            bind(new UserResources(tx, users, userService)).to(UserResources.class);
            bind(new GroupResources(tx, groups, groupService)).to(GroupResources.class);
            bind(new RequestValues()).to(ValueParamProvider.class);
          }
        },
        UsersEndpoint.class,
        GroupsEndpoint.class,
        RootSearchEndpoint.class,
        MeEndpoint.class,
        BulkEndpoint.class,
        DiscoveryEndpoints.class);
  }

  private ResourceConfig adminApplication() {
    return application(
        Scope.ADMIN,
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(directorySync).to(DirectorySync.class);
            bind(credentialCheck).to(CredentialCheck.class);
            bind(userExport).to(UserCsvExport.class);
            bind(tokens).to(TokenService.class);
            bind(tx).to(Transactions.class);
            bind(users).to(UserStore.class);
          }
        },
        SyncEndpoint.class,
        AuthenticateEndpoint.class,
        ExportEndpoint.class,
        TokensEndpoint.class);
  }

  /**
   * A Jersey application: its endpoints with their collaborators, bearer auth (writes need {@code
   * writeScope}), the one exception mapper, JSON, and the body a refused request left unread.
   * Nothing is discovered from the class path: what runs is what is listed here. The SCIM endpoints
   * are singletons ({@code @Singleton}): building one per request was a sixth of a GET's CPU in
   * HK2; what they need of the request comes as {@code @Context} parameters from {@link
   * RequestValues}.
   */
  private ResourceConfig application(
      Scope writeScope, AbstractBinder collaborators, Class<?>... endpoints) {
    ResourceConfig app = new ResourceConfig();
    app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    app.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    app.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    for (Class<?> endpoint : endpoints) {
      app.register(endpoint);
    }
    app.register(new BearerAuthFilter(tokens, writeScope));
    app.register(new UnreadBodyFilter());
    app.register(new ScimExceptionMapper());
    app.register(new JacksonJsonProvider(ScimJson.MAPPER));
    app.register(collaborators);
    return app;
  }

  /**
   * Re-encrypts every stored secret value under the configured key; {@code previous} opens the
   * values written under the key before it.
   *
   * @return how many values were re-encrypted
   */
  public int rekeySecrets(AesGcmCipher previous) {
    return JpaUserStore.rekeySecrets(tx, cipher.keyId(), old -> cipher.seal(previous.open(old)));
  }

  /** The id of the key secrets are encrypted under now (never the key). */
  public String secretsKeyId() {
    return cipher.keyId();
  }

  public DirectorySync directorySync() {
    return directorySync;
  }

  /** The port HTTP listens on (the real one when the configuration said 0). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The users CSV export, for {@code roster export users}. */
  public UserCsvExport userExport() {
    return userExport;
  }

  public TokenService tokens() {
    return tokens;
  }

  /** The id of the user with this userName (ignoring case): the owner of a token, for /Me. */
  public Optional<UUID> userId(UUID tenantId, String userName) {
    return tx.inTransaction(() -> users.findByUserName(tenantId, userName).map(User::id));
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    try {
      if (scheduler != null) {
        scheduler.close();
      }
      if (server != null) {
        server.stop();
      }
    } finally {
      database.close();
    }
  }
}
