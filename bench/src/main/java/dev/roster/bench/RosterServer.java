package dev.roster.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server under test: {@code java <heap> -jar roster.jar serve} in its own JVM, on a free
 * loopback port, on its own data directory, with an admin bootstrap token (README,
 * "Configuration").
 */
final class RosterServer implements AutoCloseable {
  /** An admin token of the default tenant for this process ({@code rst_} + 32 characters). */
  static final String TOKEN = "rst_benchmarkbenchmarkbenchmark0123";

  private static final int START_SECONDS = 300;

  private final ChildJvm process;
  private final String base;

  private RosterServer(ChildJvm process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * @param jvmFlags heap and logging flags, the same as the baseline's plus what a run asks for (a
   *     GC log, a flight recording)
   * @param config a roster.yaml, or null for the built-in defaults
   */
  static RosterServer start(
      Path jar,
      List<String> jvmFlags,
      Path dataDir,
      Path workDir,
      Path config,
      Map<String, String> env)
      throws InterruptedException {
    int port = ChildJvm.freePort();
    Map<String, String> environment = new HashMap<>(env);
    environment.put("ROSTER_HTTP_HOST", "127.0.0.1");
    environment.put("ROSTER_HTTP_PORT", Integer.toString(port));
    environment.put("ROSTER_DATA_DIR", dataDir.toAbsolutePath().toString());
    environment.put("ROSTER_BOOTSTRAP_TOKEN", TOKEN);
    List<String> args = new ArrayList<>(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
    if (config != null) {
      args.addAll(List.of("--config", config.toAbsolutePath().toString()));
    }
    ChildJvm process =
        ChildJvm.start(jvmFlags, args, environment, workDir, workDir.resolve("roster.log"));
    RosterServer server = new RosterServer(process, "http://127.0.0.1:" + port);
    try (Http http = server.http(1)) {
      // Ready means the database answers; a first full sync may still be running.
      http.awaitOk("/health/ready", START_SECONDS, process);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
    return server;
  }

  Http http(int connections) {
    return new Http(base, TOKEN, connections);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.close();
  }
}
