package dev.roster.testing;

import dev.roster.app.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.DbConfig;
import dev.roster.config.RosterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Roster serving HTTP on a free port, on H2 (in a temp data directory) or on a fresh
 * PostgreSQL database. {@link #shared} keeps one per database for the whole run.
 */
public final class TestServer implements AutoCloseable {
  public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0123456789";
  private static final Map<Db, TestServer> SHARED = new EnumMap<>(Db.class);
  // Every data directory a test made; one hook at exit stops the shared servers and deletes
  // them, so a run leaves nothing behind in /tmp (a suite makes hundreds, some of 300 MB).
  private static final List<Path> DATA_DIRS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestServer::cleanUp, "test-server-clean-up"));
  }

  private final RosterConfig config;
  private Roster roster;

  private TestServer(RosterConfig config) {
    this.config = config;
  }

  /** A server for this database kind, shared by every test class that asks for it. */
  public static synchronized TestServer shared(Db db) {
    return SHARED.computeIfAbsent(db, kind -> start(kind));
  }

  /** A server of its own, on a new data directory or database. */
  public static TestServer start(Db db) {
    return start(db, config -> config);
  }

  /** A server of its own with a changed configuration (LDAP sources, limits). */
  public static TestServer start(Db db, java.util.function.UnaryOperator<RosterConfig> change) {
    TestServer server = new TestServer(change.apply(config(db)));
    server.startRoster();
    return server;
  }

  public Roster roster() {
    return roster;
  }

  /** The configuration a test server runs with: port 0, a temp data dir, the test token. */
  public static RosterConfig config(Db db) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("roster-test-");
      synchronized (DATA_DIRS) {
        DATA_DIRS.add(dataDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RosterConfig config =
        ConfigLoader.load(
            null,
            Map.of(
                "ROSTER_HTTP_PORT",
                "0",
                "ROSTER_HTTP_HOST",
                "127.0.0.1",
                "ROSTER_DATA_DIR",
                dataDir.toString(),
                "ROSTER_BOOTSTRAP_TOKEN",
                BOOTSTRAP_TOKEN));
    if (db == Db.POSTGRES) {
      config =
          config.withDb(
              new DbConfig(EmbeddedPostgresServer.newDatabase(), "postgres", "postgres", 5));
    }
    return config;
  }

  private static void cleanUp() {
    synchronized (TestServer.class) {
      SHARED.values().forEach(TestServer::close);
    }
    synchronized (DATA_DIRS) {
      DATA_DIRS.forEach(TestServer::deleteTree);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort at exit: a directory left behind is only disk space.
    }
  }

  /** Stops and starts again on the same data: what a restart of the process does. */
  public void restart() {
    close();
    startRoster();
  }

  private void startRoster() {
    try {
      roster = Roster.serve(config);
    } catch (Exception e) {
      throw new IllegalStateException("the test server did not start", e);
    }
  }

  public RosterConfig config() {
    return config;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + roster.port();
  }

  public ScimClient client() {
    return new ScimClient(baseUrl() + "/scim/v2", BOOTSTRAP_TOKEN);
  }

  public ScimClient client(String token) {
    return new ScimClient(baseUrl() + "/scim/v2", token);
  }

  @Override
  public void close() {
    if (roster != null) {
      try {
        roster.close();
      } catch (Exception e) {
        throw new IllegalStateException("the test server did not stop cleanly", e);
      } finally {
        roster = null;
      }
    }
  }
}
