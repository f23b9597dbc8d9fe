package dev.roster.app;

import dev.roster.domain.SyncRun;
import dev.roster.sync.SyncMode;
import dev.roster.sync.config.SourceSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roster sync [--source NAME] [--dry-run]}: runs once and prints the summary. */
@Command(name = "sync", description = "Synchronize LDAP sources once and print what happened.")
final class SyncCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--source", description = "Only this source (default: every configured source).")
  String source;

  @Option(names = "--dry-run", description = "Compute and print the plan; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    int failures = 0;
    try (Roster roster = Roster.open(config.load())) {
      var sync = roster.directorySync();
      if (sync.sources().isEmpty()) {
        System.err.println(
            "roster: no LDAP sources are configured (ldap.sources in the configuration)");
        return 2;
      }
      for (SourceSettings settings : sync.sources()) {
        if (source != null && !source.equals(settings.name())) {
          continue;
        }
        SyncRun run = sync.run(settings.name(), dryRun ? SyncMode.DRY_RUN : SyncMode.FULL);
        System.out.println(
            "source="
                + run.source()
                + " mode="
                + run.mode()
                + " status="
                + run.status()
                + " "
                + run.counts());
        run.reasons().forEach(reason -> System.out.println("  blocked: " + reason));
        if (run.error() != null) {
          System.out.println("  error: " + run.error());
          failures++;
        }
        if (dryRun) {
          sync.planLines(run.id()).forEach(line -> System.out.println("  " + line));
        }
      }
    }
    return failures == 0 ? 0 : 1;
  }
}
