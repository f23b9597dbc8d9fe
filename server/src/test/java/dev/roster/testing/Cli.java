package dev.roster.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.roster.app.Main;
import dev.roster.config.RosterConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The {@code roster} command line run in-process through {@link Main#run}, its output captured:
 * what a person at a terminal would see, against the data of a test server.
 */
public final class Cli {
  private Cli() {}

  /** What one command printed and how it exited. */
  public record Run(int exitCode, String out, String err) {}

  public static Run roster(String... args) {
    // A command run by Main.main logs warnings only (config/logback.xml); here it shares the
    // tests' logging, so the root level drops to WARN for the run, as it would be on its own.
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    root.setLevel(Level.WARN);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Run(
          code,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.setLevel(level);
    }
  }

  /**
   * {@code roster <command> <subcommand> --config <this server's config file> <options…>}: a
   * command run as a CLI user would run it against {@code server}'s database.
   */
  public static Run roster(
      TestServer server, Path dir, String command, String subcommand, String... options)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(command, subcommand, "--config", configFile(server, dir).toString()));
    args.addAll(List.of(options));
    return roster(args.toArray(String[]::new));
  }

  /** The config file a CLI user would pass for this server: its data directory and database. */
  public static Path configFile(TestServer server, Path dir) throws IOException {
    RosterConfig config = server.config();
    Path file = dir.resolve("roster.yaml");
    Files.writeString(
        file,
        """
        dataDir: "%s"
        db:
          url: "%s"
          user: "%s"
          password: "%s"
        """
            .formatted(
                config.dataDir(), config.db().url(), config.db().user(), config.db().password()));
    return file;
  }
}
