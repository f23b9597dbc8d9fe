package dev.roster.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.app.Main;
import dev.roster.app.Roster;
import dev.roster.config.RosterConfig;
import dev.roster.domain.Tenant;
import dev.roster.testing.Db;
import dev.roster.testing.JavaProcess;
import dev.roster.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export's memory does not grow with the tenant: 200,000 users, each with about a kilobyte of
 * attributes (some 200 MB of JSON alone if they were all held at once), exported whole by a server
 * in a JVM of its own limited to a 128 MB heap that exits on the first OutOfMemoryError. Not a
 * timing test: it only asserts that every row arrives and the server lives on.
 */
class ExportMemoryTest {
  private static final int USERS = 200_000;

  /**
   * Measured: the server with these users idles at about 58 MB of live heap, mostly H2's own (it
   * runs inside the server), and stays there throughout the export.
   */
  private static final String HEAP = "-Xmx128m";

  /** Users per insert statement, each its own transaction: one of 200,000 bloats H2's file. */
  private static final int CHUNK = 20_000;

  /** The server's output, kept for a look after a failure. */
  private static final Path LOG = Path.of("target", "ExportMemoryTest-server.log");

  @TempDir Path dir;

  @Test
  void aServerWithA128MegabyteHeapExports200000Users() throws Exception {
    RosterConfig config = TestServer.config(Db.H2);
    Roster.open(config).close(); // creates the schema
    insertUsers(config);
    int port = freePort();
    Path configFile = dir.resolve("roster.yaml");
    Files.writeString(configFile, "dataDir: \"%s\"%n".formatted(config.dataDir()));
    ProcessBuilder builder =
        JavaProcess.of(
                List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"),
                Main.class,
                "serve",
                "--config",
                configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(LOG.toFile());
    builder.environment().put("ROSTER_HTTP_PORT", String.valueOf(port));
    builder.environment().put("ROSTER_HTTP_HOST", "127.0.0.1");
    builder.environment().put("ROSTER_BOOTSTRAP_TOKEN", TestServer.BOOTSTRAP_TOKEN);
    Process server = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      awaitReady(server, base);
      long[] lines = {0};
      String[] last = {null};
      HttpResponse<InputStream> response = get(base + "/admin/export/users.csv");
      assertThat(response.statusCode()).isEqualTo(200);
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        reader
            .lines()
            .forEach(
                line -> {
                  lines[0]++;
                  last[0] = line;
                });
      }
      assertThat(lines[0]).as("header + one row per user; see %s", LOG).isEqualTo(USERS + 1);
      assertThat(last[0]).contains(",mem%06d,".formatted(USERS));
      assertThat(server.isAlive()).as("the server survived the export").isTrue();
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /** Users written by one statement: loading 200,000 over HTTP would take minutes. */
  private static void insertUsers(RosterConfig config) throws Exception {
    try (Connection db =
        DriverManager.getConnection(config.jdbcUrl(), config.db().user(), config.db().password())) {
      // search_version: counted as indexed by any version, so the start does not index them
      // (the export reads no search values).
      for (int first = 1; first <= USERS; first += CHUNK) {
        db.createStatement()
            .executeUpdate(
                """
              insert into user_account (id, tenant_id, user_name, user_name_lower, display_name,
                display_name_lower, active, source, hidden, attributes, created, last_modified,
                version, search_version)
              select random_uuid(), '%s', 'mem' || lpad(x, 6, '0'), 'mem' || lpad(x, 6, '0'),
                'Member ' || x, 'member ' || x, true, 'LOCAL_NO_AUTH', false,
                '{"name":{"givenName":"Given","familyName":"Family ' || x || '"},'
                  || '"displayName":"Member ' || x || '","title":"' || repeat('t', 1000) || '",'
                  || '"emails":[{"value":"m' || x || '@example.org","primary":true}]}',
                current_timestamp, current_timestamp, 0, 2147483647
              from system_range(%d, %d)"""
                    .formatted(Tenant.DEFAULT_ID, first, first + CHUNK - 1));
      }
    }
  }

  private static void awaitReady(Process server, String base) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertThat(server.isAlive()).as("the server process is running").isTrue();
      try {
        if (HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server was not ready within 2 minutes");
  }

  private static HttpResponse<InputStream> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
