package dev.roster.app;

import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that opens the database. */
final class ConfigOption {
  static final Path DEFAULT_FILE = Path.of("config", "roster.yaml");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (default: config/roster.yaml if present); ROSTER_* env variables override it")
  Path file;

  RosterConfig load() {
    Path chosen = file != null ? file : (Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null);
    return ConfigLoader.load(chosen, System.getenv());
  }
}
