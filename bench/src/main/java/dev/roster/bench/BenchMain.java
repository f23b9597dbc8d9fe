package dev.roster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar bench/target/roster-bench.jar all|http|sync}: Roster's benchmarks (issue 7). Run
 * from the repository root after {@code mvn -B -q -DskipTests package}.
 */
@Command(
    name = "roster-bench",
    mixinStandardHelpOptions = true,
    description =
        "Throughput, latency and sync cost of Roster, beside a bare Jetty + Jersey baseline.",
    subcommands = {
      BenchMain.All.class,
      BenchMain.HttpOnly.class,
      BenchMain.SyncOnly.class,
      BenchMain.Baseline.class,
      BenchMain.HotspotsCommand.class
    })
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(BenchMain.class).execute(args));
  }

  @Command(
      name = "all",
      mixinStandardHelpOptions = true,
      description = "The HTTP scenarios, then the sync scenarios.")
  static final class All implements Callable<Integer> {
    @Mixin RunOptions options;

    @Override
    public Integer call() throws Exception {
      return Runs.report(options, true, true);
    }
  }

  @Command(name = "http", mixinStandardHelpOptions = true, description = "The HTTP scenarios only.")
  static final class HttpOnly implements Callable<Integer> {
    @Mixin RunOptions options;

    @Override
    public Integer call() throws Exception {
      return Runs.report(options, true, false);
    }
  }

  @Command(name = "sync", mixinStandardHelpOptions = true, description = "The sync scenarios only.")
  static final class SyncOnly implements Callable<Integer> {
    @Mixin RunOptions options;

    @Override
    public Integer call() throws Exception {
      return Runs.report(options, false, true);
    }
  }

  @Command(
      name = "baseline",
      mixinStandardHelpOptions = true,
      description = "Serve the baseline (started by the bench itself).")
  static final class Baseline implements Callable<Integer> {
    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--body-bytes", required = true)
    int bodyBytes;

    @Override
    public Integer call() throws Exception {
      BaselineServer.serve(port, bodyBytes);
      return 0;
    }
  }

  @Command(
      name = "hotspots",
      mixinStandardHelpOptions = true,
      description = "CPU hotspots of a JFR recording.")
  static final class HotspotsCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "A .jfr file.")
    Path recording;

    @Option(names = "--top", defaultValue = "20")
    int top;

    @Override
    public Integer call() {
      System.out.print(Hotspots.summarize(recording, Instant.MIN, Instant.MAX, top));
      return 0;
    }
  }

  /** Runs what was asked, prints the report and writes it beside the work files. */
  static final class Runs {
    private Runs() {}

    static int report(RunOptions options, boolean http, boolean sync) throws Exception {
      if (!Files.isRegularFile(options.rosterJar)) {
        System.err.println(
            "roster-bench: no "
                + options.rosterJar
                + "; run `mvn -B -q -DskipTests package` first");
        return 2;
      }
      // Absolute: the servers run in directories of their own and are handed paths below it.
      options.workDir = options.workDir.toAbsolutePath();
      Files.createDirectories(options.workDir);
      // The bench runs a copy: rebuilding the project meanwhile leaves the measured jar alone.
      Path jar = options.workDir.resolve("roster.jar");
      Files.copy(options.rosterJar, jar, StandardCopyOption.REPLACE_EXISTING);
      options.rosterJar = jar;
      Path benchJar =
          Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      StringBuilder report = new StringBuilder();
      report.append("## Run of ").append(started).append("\n\n");
      report.append("- machine: ").append(Machine.current()).append('\n');
      report
          .append("- command: `java -jar bench/target/roster-bench.jar ")
          .append(options.commandLine())
          .append("`\n");
      if (http) {
        HttpBench.Results results =
            new HttpBench(
                    new HttpBench.Settings(
                        options.rosterJar,
                        benchJar,
                        options.workDir,
                        options.jvmFlags(options.heap),
                        options.users,
                        options.scaling(),
                        options.repetitions,
                        options.warmup(),
                        options.duration(),
                        options.connections,
                        options.flightRecording,
                        options.only))
                .run();
        report.append(
            String.format(
                "- HTTP: %d connections, %d s warm-up, %d s measured per scenario, %d repetitions,"
                    + " server and baseline with -Xmx%s%s%n%n",
                options.connections,
                options.warmupSeconds,
                options.durationSeconds,
                options.repetitions,
                options.heap,
                RunOptions.shown(options.jvmOptions())));
        report.append(new HttpReport(results, options.users).markdown());
        report.append("\n<details><summary>notes</summary>\n\n```\n");
        results.notes().forEach(note -> report.append(note).append('\n'));
        report.append("```\n</details>\n\n");
      }
      Path out =
          options.out != null
              ? options.out
              : options.workDir.resolve("report-" + started.replace(':', '-') + ".md");
      // Written as each half ends, so a failure in the sync half keeps the HTTP numbers.
      Files.writeString(out, report);
      if (sync) {
        report.append(SyncBench.fromOptions(options).run());
      }
      System.out.println(report);
      Files.writeString(out, report);
      Progress.say("report written to " + out);
      return 0;
    }
  }
}
