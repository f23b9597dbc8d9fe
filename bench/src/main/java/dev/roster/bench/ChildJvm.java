package dev.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started by the bench: the server under test or the baseline, each in a JVM of its
 * own so that neither shares a heap, a JIT or a garbage collector with the load generator.
 *
 * <p>Output goes to a log file beside the run's other files. A shutdown hook stops the child if the
 * bench itself is interrupted, so a Ctrl-C leaves no server behind.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Thread reaper;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reaper = new Thread(process::destroyForcibly, "stop-child-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts {@code java <jvmFlags> <args>} in {@code workDir} with extra environment variables. */
  static ChildJvm start(
      List<String> jvmFlags, List<String> args, Map<String, String> env, Path workDir, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      return new ChildJvm(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A port nobody listens on now. Another process may take it before the child binds it. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** SIGTERM, so the server closes its database and a flight recording is written; then kill. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway; the process is gone
    }
  }
}
