package dev.roster.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every benchmark command shares: sizes, times, repetitions, where things are. */
final class RunOptions {
  /** The command this mixin is part of, for the arguments it was given. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--roster-jar",
      defaultValue = "server/target/roster.jar",
      description = "The server under test (default: ${DEFAULT-VALUE}).")
  Path rosterJar;

  @Option(
      names = "--work-dir",
      defaultValue = "bench/target/work",
      description = "Data sets, logs, recordings (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--users",
      defaultValue = "100000",
      description = "Users in the store for the HTTP scenarios (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--scaling",
      defaultValue = "10000,1000000",
      description =
          "Further store sizes for GET by id and userName eq, comma-separated; empty for none"
              + " (default: ${DEFAULT-VALUE}).")
  String scalingSizes;

  @Option(
      names = "--repetitions",
      defaultValue = "3",
      description = "Repetitions; medians are reported (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Seconds of warm-up before each measured run (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--duration",
      defaultValue = "20",
      description = "Measured seconds per scenario (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--connections",
      defaultValue = "16",
      description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--heap",
      defaultValue = "1g",
      description =
          "-Xmx of the server and the baseline in the HTTP scenarios (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--jvm-options",
      defaultValue = "",
      description =
          "More JVM options for every server the bench starts and for the baseline, e.g."
              + " '-XX:MaxTenuringThreshold=1' to try a collector setting (default: none).")
  String jvmOptions;

  @Option(
      names = "--sync-users",
      defaultValue = "100000",
      description = "Users in the generated directory (default: ${DEFAULT-VALUE}).")
  int syncUsers;

  @Option(
      names = "--sync-heap",
      defaultValue = "512m",
      description = "-Xmx of the server in the sync scenarios (default: ${DEFAULT-VALUE}).")
  String syncHeap;

  @Option(
      names = "--directories",
      split = ",",
      defaultValue = "slapd,in-memory",
      description = "Directories to sync from: slapd, in-memory (default: ${DEFAULT-VALUE}).")
  List<String> directories;

  @Option(
      names = "--jfr",
      description =
          "Record the server with JFR and print the hotspots of each scenario (adds a little"
              + " overhead).")
  boolean flightRecording;

  @Option(
      names = "--only",
      defaultValue = "",
      description =
          "Only the HTTP scenarios whose name contains this text, e.g. 'GET /Users/{id}' (with"
              + " --jfr: a longer profile of one scenario).")
  String only;

  @Option(
      names = "--out",
      description = "Also write the report to this file (default: under the work directory).")
  Path out;

  List<Integer> scaling() {
    return Arrays.stream(scalingSizes.split(","))
        .map(String::strip)
        .filter(size -> !size.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }

  Duration warmup() {
    return Duration.ofSeconds(warmupSeconds);
  }

  Duration duration() {
    return Duration.ofSeconds(durationSeconds);
  }

  List<String> jvmFlags(String maxHeap) {
    List<String> flags = new ArrayList<>(List.of("-Xms" + maxHeap, "-Xmx" + maxHeap));
    flags.addAll(jvmOptions());
    return flags;
  }

  List<String> jvmOptions() {
    return Arrays.stream(jvmOptions.strip().split("\\s+")).filter(o -> !o.isEmpty()).toList();
  }

  /**
   * The arguments of this run as a shell would take them back, for the report's heading. From the
   * parser, not the process: the JDK reads {@code /proc/self/cmdline} and stops at an empty
   * argument, so {@code --scaling ''} lost itself and everything after it.
   */
  String commandLine() {
    StringJoiner line = new StringJoiner(" ");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      line.add(shellWord(arg));
    }
    return line.toString();
  }

  /** {@code arg} as is when a shell leaves it whole, else in single quotes. */
  static String shellWord(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./,:=@+%-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** The options as a report heading adds them after the heap: empty, or a space and them. */
  static String shown(List<String> jvmOptions) {
    return jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions);
  }
}
