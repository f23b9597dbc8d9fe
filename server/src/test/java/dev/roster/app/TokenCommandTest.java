package dev.roster.app;

import static dev.roster.testing.Cli.roster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli;
import dev.roster.testing.Cli.Run;
import dev.roster.testing.Db;
import dev.roster.testing.JavaProcess;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code roster token create|list|revoke} run in-process through {@link Main#run}, against the data
 * of a server that is running meanwhile, and the tokens used over HTTP.
 */
@ParameterizedClass
@EnumSource(Db.class)
class TokenCommandTest {
  private final Db db;
  private TestServer server;
  @TempDir Path dir;

  TokenCommandTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void startServer() {
    server = TestServer.start(db);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private String createToken(String name, String scope) throws IOException {
    Run run = roster(server, dir, "token", "create", "--name", name, "--scope", scope);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().strip();
  }

  @Test
  void aReadTokenReadsButCannotWrite() throws IOException {
    String token = createToken("reader", "read");
    var scim = server.client(token);
    scim.get("/Users").expectStatus(200);
    scim.post("/Users", "{\"userName\":\"nope\"}").expectError(403, null);
    scim.delete("/Users/" + UUID.randomUUID()).expectError(403, null);
  }

  @Test
  void aWriteTokenWrites() throws IOException {
    String token = createToken("provisioner", "write");
    server.client(token).post("/Users", "{\"userName\":\"written-by-token\"}").expectStatus(201);
  }

  @Test
  void aTokenCreatedForAUserActsAsThatUserAtMe() throws IOException {
    String id = server.client().createUser("{\"userName\":\"token-owner\"}");
    Run run =
        roster(
            server,
            dir,
            "token",
            "create",
            "--name",
            "mine",
            "--scope",
            "write",
            "--user",
            "TOKEN-OWNER");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("for user 'TOKEN-OWNER'");
    server.client(run.out().strip()).get("/Me").expectStatus(200);
    assertThat(server.client(run.out().strip()).get("/Me").json().get("id").asText()).isEqualTo(id);
    Run nobody = roster(server, dir, "token", "create", "--name", "x", "--user", "nobody");
    assertThat(nobody.exitCode()).isEqualTo(1);
    assertThat(nobody.err()).contains("no user named 'nobody'");
  }

  @Test
  void listShowsNamesAndScopesButNeverTheTokens() throws IOException {
    String token = createToken("listed", "admin");
    Run list = roster(server, dir, "token", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("listed").contains("admin").doesNotContain(token);
  }

  @Test
  void aRevokedTokenStopsWorking() throws IOException {
    String token = createToken("short-lived", "read");
    server.client(token).get("/Users").expectStatus(200);
    Run revoke = roster(server, dir, "token", "revoke", "--name", "short-lived");
    assertThat(revoke.exitCode()).as(revoke.err()).isZero();
    server.client(token).get("/Users").expectError(401, null);
  }

  @Test
  void aDuplicateNameOrABadScopeIsOneLineAndExit2() throws IOException {
    createToken("twice", "read");
    Run duplicate = roster(server, dir, "token", "create", "--name", "twice");
    assertThat(duplicate.exitCode()).isEqualTo(2);
    assertThat(duplicate.err().strip())
        .startsWith("roster: ")
        .contains("twice")
        .doesNotContain("\n");
    Run badScope = roster(server, dir, "token", "create", "--name", "x", "--scope", "root");
    assertThat(badScope.exitCode()).isEqualTo(2);
    assertThat(badScope.err()).contains("scope");
  }

  /**
   * The real use: a second process (the CLI) writes while the server process holds the database. On
   * H2 this is what mixed mode (AUTO_SERVER) is for.
   */
  @Test
  void aSeparateProcessCanCreateATokenWhileTheServerRuns() throws Exception {
    ProcessOutput cli =
        runCli(List.of(), Cli.configFile(server, dir), "from-another-process", "write");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    server
        .client(cli.out().strip())
        .post("/Users", "{\"userName\":\"made-by-cli-token\"}")
        .expectStatus(201);
  }

  /**
   * The jar's own logging (config/logback.xml) in a process of its own that holds the database (the
   * server has stopped): stdout carries the token and nothing else, so {@code TOKEN=$(roster token
   * create …)} works; the log goes to stderr, and only warnings unless asked for more.
   */
  @Test
  void aCommandPrintsOnlyItsOutputOnStdoutAndLogsOnStderr() throws Exception {
    Path config = Cli.configFile(server, dir);
    server.close();
    String productionLogging = Path.of(Main.class.getResource("/logback.xml").toURI()).toString();

    ProcessOutput quiet =
        runCli(
            List.of("-Dlogback.configurationFile=" + productionLogging), config, "quiet", "read");
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.out()).matches("rst_[A-Za-z0-9_-]{43}\n");
    assertThat(quiet.err()).startsWith("token 'quiet' created").doesNotContain("INFO");

    ProcessOutput verbose =
        runCli(
            List.of("-Dlogback.configurationFile=" + productionLogging, "-Droster.log.level=INFO"),
            config,
            "verbose",
            "read");
    assertThat(verbose.exitCode()).as(verbose.err()).isZero();
    assertThat(verbose.out()).matches("rst_[A-Za-z0-9_-]{43}\n");
    if (db == Db.H2) {
      // This process holds the H2 file, so it sizes the page cache and says so, on stderr.
      assertThat(verbose.err()).contains("INFO").contains("H2 page cache set to");
    }
    server.restart();
    server.client(quiet.out().strip()).get("/Users").expectStatus(200);
  }

  private record ProcessOutput(int exitCode, String out, String err) {}

  /** {@code roster token create} in a JVM of its own, its stdout and stderr kept apart. */
  private static ProcessOutput runCli(
      List<String> jvmOptions, Path config, String name, String scope) throws Exception {
    Path err = Files.createTempFile("roster-cli", ".err");
    try {
      Process cli =
          JavaProcess.of(
                  jvmOptions,
                  Main.class,
                  "token",
                  "create",
                  "--config",
                  config.toString(),
                  "--name",
                  name,
                  "--scope",
                  scope)
              .redirectError(err.toFile())
              .start();
      String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exitCode = cli.waitFor();
      return new ProcessOutput(exitCode, out, Files.readString(err));
    } finally {
      Files.delete(err);
    }
  }

  @Test
  void onlyTheHashOfATokenIsStored() throws Exception {
    String token = createToken("hashed", "read");
    try (var connection =
            java.sql.DriverManager.getConnection(
                server.config().jdbcUrl(),
                server.config().db().user(),
                server.config().db().password());
        var rows =
            connection.createStatement().executeQuery("select token_hash from access_token")) {
      while (rows.next()) {
        assertThat(rows.getString(1))
            .hasSize(64)
            .isNotEqualTo(token)
            .doesNotContain(token.substring(4));
      }
    }
  }
}
