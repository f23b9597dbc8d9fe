package dev.roster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync scenarios: a generated directory served by slapd and by the in-memory server; for each,
 * per repetition, a fresh Roster under a fixed heap that syncs it into an empty store at start (the
 * first full run), a second full run with nothing changed, and an incremental run after 100 users
 * changed. Runs are triggered with {@code POST /admin/sync/bench/run} (synchronous) and timed by
 * the server's own record of them (started, finished).
 */
final class SyncBench {
  static final String SOURCE = "bench";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHANGED = 100;

  /** What one sync benchmark run is asked to do. */
  record Settings(
      Path rosterJar,
      Path workDir,
      String heap,
      List<String> jvmOptions,
      int users,
      int groups,
      List<String> directories,
      int repetitions,
      boolean flightRecording) {}

  private final Settings settings;
  private final List<SyncPhase> phases = new ArrayList<>();
  private final Map<String, List<DirectoryRead.Timing>> reads = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  SyncBench(Settings settings) {
    this.settings = settings;
  }

  static SyncBench fromOptions(RunOptions options) {
    return new SyncBench(
        new Settings(
            options.rosterJar,
            options.workDir,
            options.syncHeap,
            options.jvmOptions(),
            options.syncUsers,
            Math.max(2, options.syncUsers / 50),
            options.directories,
            options.repetitions,
            options.flightRecording));
  }

  String run() throws Exception {
    Path dir = settings.workDir().resolve("sync");
    Files.createDirectories(dir);
    Path ldif = dir.resolve("directory.ldif");
    DirectoryLdif.Shape shape = DirectoryLdif.write(ldif, settings.users(), settings.groups());
    Progress.say(
        String.format(
            "sync: directory of %,d users, %,d groups, %,d member values",
            shape.users(), shape.groups(), shape.memberValues()));
    for (String kind : settings.directories()) {
      if (kind.equals("slapd") && !SlapdDirectory.installed()) {
        notes.add("slapd is not installed (apt-get install slapd ldap-utils): skipped");
        Progress.say("sync: slapd is not installed, skipped");
        continue;
      }
      try (Directory directory = start(kind, dir, ldif)) {
        for (int rep = 1; rep <= settings.repetitions(); rep++) {
          DirectoryRead.Timing read = DirectoryRead.time(directory);
          reads.computeIfAbsent(kind, k -> new ArrayList<>()).add(read);
          Progress.say(
              String.format(
                  "sync %s repetition %d: directory read alone %.1f s (%d users, %d groups, %d"
                      + " member values)",
                  kind, rep, read.seconds(), read.users(), read.groups(), read.memberValues()));
          runOnce(directory, rep);
        }
      }
    }
    return new SyncReport(shape, settings.heap(), settings.jvmOptions(), phases, reads, notes)
        .markdown();
  }

  private static Directory start(String kind, Path dir, Path ldif) throws Exception {
    long start = System.nanoTime();
    Directory directory =
        switch (kind) {
          case "slapd" -> SlapdDirectory.start(dir.resolve("slapd"), ldif);
          case "in-memory" -> InMemoryDirectory.start(ldif);
          default -> throw new IllegalArgumentException("no directory kind " + kind);
        };
    Progress.say(
        String.format(
            "sync: %s loaded and listening in %.1f s at %s",
            kind, (System.nanoTime() - start) / 1e9, directory.url()));
    return directory;
  }

  private void runOnce(Directory directory, int rep) throws Exception {
    Path dir = settings.workDir().resolve("sync-" + directory.name() + "-rep" + rep);
    DataSetLoader.deleteRecursively(dir);
    Files.createDirectories(dir.resolve("data"));
    Path config = dir.resolve("roster.yaml");
    Files.writeString(config, SyncConfig.yaml(directory.url()));
    Path gc = dir.resolve("gc.log");
    Path recording = dir.resolve("roster.jfr");
    List<String> flags = new ArrayList<>(List.of("-Xmx" + settings.heap(), GcLog.flag(gc)));
    flags.addAll(settings.jvmOptions());
    if (settings.flightRecording()) {
      flags.add(Hotspots.STACK_DEPTH);
      flags.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
    }
    List<JsonNode> runs = new ArrayList<>();
    try (RosterServer roster =
            RosterServer.start(
                settings.rosterJar(),
                flags,
                dir.resolve("data"),
                dir,
                config,
                Map.of(SyncConfig.PASSWORD_ENV, DirectoryLdif.READER_PASSWORD));
        Http http = roster.http(1)) {
      runs.add(firstRun(http));
      say(directory, rep, "full, empty store", runs.get(0));
      runs.add(trigger(http, "full"));
      say(directory, rep, "full, nothing changed", runs.get(1));
      // modifyTimestamp has whole seconds: changes in the second the last run ended still count,
      // but a clear second apart keeps the in-memory directory's case plain.
      Thread.sleep(1_100);
      directory.changeUsers(CHANGED, settings.users(), directory.name() + rep);
      runs.add(trigger(http, "incremental"));
      say(directory, rep, "incremental, " + CHANGED + " changed", runs.get(2));
    } finally {
      // 3.5 GB a repetition; the logs and the recording stay.
      DataSetLoader.deleteRecursively(dir.resolve("data"));
    }
    String[] names = {"full, empty store", "full, nothing changed", "incremental, 100 changed"};
    for (int i = 0; i < runs.size(); i++) {
      JsonNode run = runs.get(i);
      Instant started = Instant.parse(run.path("started").asText());
      Instant finished = Instant.parse(run.path("finished").asText());
      Map<String, Long> counts = new LinkedHashMap<>();
      run.path("counts")
          .fields()
          .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
      phases.add(
          new SyncPhase(
              directory.name(),
              rep,
              names[i],
              run.path("status").asText(),
              (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0,
              counts,
              GcLog.peak(gc, started, finished)));
      if (settings.flightRecording() && Files.exists(recording)) {
        notes.add(
            "hotspots of '"
                + names[i]
                + "' from "
                + directory.name()
                + ", repetition "
                + rep
                + ":\n"
                + Hotspots.summarize(recording, started, finished, 15));
      }
    }
  }

  /** The full run the server starts by itself, once it has finished. */
  private static JsonNode firstRun(Http http) throws Exception {
    while (true) {
      Reply reply = http.get("/admin/sync/runs?count=1");
      if (!reply.is(200)) {
        throw new IllegalStateException("GET /admin/sync/runs: " + reply.abbreviated());
      }
      JsonNode runs = JSON.readTree(reply.body()).path("runs");
      if (runs.size() > 0
          && !runs.get(0).path("finished").isNull()
          && !runs.get(0).path("finished").isMissingNode()) {
        return runs.get(0);
      }
      Thread.sleep(500);
    }
  }

  private static JsonNode trigger(Http http, String mode) throws Exception {
    Reply reply = http.post("/admin/sync/" + SOURCE + "/run?mode=" + mode, "");
    if (!reply.is(200)) {
      throw new IllegalStateException("sync " + mode + ": " + reply.abbreviated());
    }
    return JSON.readTree(reply.body());
  }

  private static void say(Directory directory, int rep, String phase, JsonNode run) {
    Progress.say(
        String.format(
            "  %s rep %d, %s: %s, %s → %s, counts %s",
            directory.name(),
            rep,
            phase,
            run.path("status").asText(),
            run.path("started").asText(),
            run.path("finished").asText(),
            run.path("counts")));
  }
}
