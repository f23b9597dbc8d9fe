package dev.roster.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP scenarios: for each repetition, a copy of the loaded store, Roster and the baseline each
 * in their own JVM, the baseline measured, every scenario measured, the baseline measured again.
 */
final class HttpBench {
  /** The most warm-up windows a server gets before its first scenario. */
  private static final int WARM_UP_WINDOWS = 24;

  /** Warm-up windows in a row without a gain that end the warm-up. */
  private static final int SETTLED_WINDOWS = 3;

  /** What one HTTP benchmark run is asked to do. */
  record Settings(
      Path rosterJar,
      Path benchJar,
      Path workDir,
      List<String> jvmFlags,
      int users,
      List<Integer> scaling,
      int repetitions,
      Duration warmup,
      Duration duration,
      int connections,
      boolean flightRecording,
      String only) {}

  /** The results, and the one-connection walks of all users (seconds per repetition). */
  record Results(List<Measurement> measurements, List<CursorWalk.Walk> walks, List<String> notes) {}

  private final Settings settings;
  private final DataSetLoader loader;
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<CursorWalk.Walk> walks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  HttpBench(Settings settings) {
    this.settings = settings;
    this.loader =
        new DataSetLoader(
            settings.rosterJar(), settings.jvmFlags(), settings.workDir().resolve("datasets"));
  }

  Results run() throws Exception {
    // Spare users for the member-add scenario: more than 16 connections add in a measured run
    // unless adding a member is much faster than it is today.
    int spares = Math.max(1_000, settings.users() / 10);
    DataSet main = loader.loadOrReuse(settings.users(), spares, true);
    for (int rep = 1; rep <= settings.repetitions(); rep++) {
      runRepetition(main, rep, chosen(allScenarios(main, rep)), settings.only().isEmpty());
    }
    for (int users : settings.scaling()) {
      DataSet data = loader.loadOrReuse(users, 0, false);
      for (int rep = 1; rep <= settings.repetitions(); rep++) {
        runRepetition(data, rep, chosen(lookups(data)), false);
      }
    }
    return new Results(measurements, walks, notes);
  }

  /** The scenarios whose name contains {@code --only} (all when it is empty). */
  private List<Planned> chosen(List<Planned> scenarios) {
    return scenarios.stream()
        .filter(planned -> planned.scenario().name().contains(settings.only()))
        .toList();
  }

  private static List<Planned> lookups(DataSet data) {
    return List.of(
        new Planned(new Get("GET /Users/{id}", () -> "/scim/v2/Users/" + data.randomId()), 0),
        new Planned(new FilterByUserName(data), 0));
  }

  private static List<Planned> allScenarios(DataSet data, int rep) {
    List<Planned> all = new ArrayList<>(lookups(data));
    int deep = Math.max(1, data.users() * 9 / 10);
    all.add(new Planned(new Get("list count=100 startIndex=1", () -> listPage(1)), 0));
    all.add(new Planned(new Get("list count=100 startIndex=" + deep, () -> listPage(deep)), 0));
    all.add(new Planned(new CursorWalk(100), 0));
    String group = "/scim/v2/Groups/" + data.groupId() + "?excludedAttributes=members";
    all.add(new Planned(new Get("GET large group excludedAttributes=members", () -> group), 0));
    all.add(new Planned(new CreateUser("new-r" + rep), 0));
    all.add(new Planned(new PatchReplace(data), 0));
    all.add(new Planned(new AddMember(data.groupId(), data.spareIds()), 0));
    all.add(new Planned(new EntraCycle("entra-r" + rep), 0));
    // A Bulk of 1,000 creates takes seconds: two at a time, as an IdP's batch would.
    all.add(new Planned(new BulkCreates("bulk-r" + rep, 1000), 2));
    return all;
  }

  private static String listPage(int startIndex) {
    return "/scim/v2/Users?startIndex=" + startIndex + "&count=100";
  }

  /** A scenario and its connections (0: the run's default). */
  private record Planned(Scenario scenario, int connections) {}

  private void runRepetition(DataSet data, int rep, List<Planned> scenarios, boolean walk)
      throws Exception {
    Path dir = settings.workDir().resolve("http-" + data.users() + "-rep" + rep);
    Path dataDir = DataSetLoader.copy(data, dir.resolve("data"));
    List<String> flags = new ArrayList<>(settings.jvmFlags());
    Path recording = dir.resolve("roster.jfr");
    Path gc = dir.resolve("gc.log");
    flags.add(GcLog.flag(gc));
    if (settings.flightRecording()) {
      flags.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
      flags.add(Hotspots.STACK_DEPTH);
    }
    Progress.say("http: " + data.users() + " users, repetition " + rep);
    List<Measurement> these = new ArrayList<>();
    try (RosterServer roster =
            RosterServer.start(settings.rosterJar(), flags, dataDir, dir, null, Map.of());
        Http scim = roster.http(settings.connections())) {
      Reply user = scim.get("/scim/v2/Users/" + data.ids().get(0));
      int bodyBytes = user.body().getBytes(StandardCharsets.UTF_8).length;
      int port = ChildJvm.freePort();
      try (ChildJvm baseline =
              BaselineServer.start(settings.benchJar(), settings.jvmFlags(), port, bodyBytes);
          Http bare = new Http("http://127.0.0.1:" + port, "none", settings.connections())) {
        Scenario fixed = new Get("baseline", () -> "/scim/v2/Users/" + data.randomId());
        warmUp(scim, data);
        LoadResult before = measure(bare, fixed, settings.connections());
        List<LoadResult> results = new ArrayList<>();
        for (Planned planned : scenarios) {
          int connections =
              planned.connections() > 0 ? planned.connections() : settings.connections();
          results.add(measure(scim, planned.scenario(), connections));
        }
        if (walk) {
          CursorWalk.Walk all = walkAll(scim, data.users(), rep);
          walks.add(all);
          Progress.say(
              String.format(
                  "  walk of all users, count=1000: %d pages in %.1f s",
                  all.pages(), all.seconds()));
        }
        LoadResult after = measure(bare, fixed, settings.connections());
        double reference = (before.throughput() + after.throughput()) / 2;
        these.add(new Measurement(data.users(), rep, before, reference));
        these.add(new Measurement(data.users(), rep, after, reference));
        for (LoadResult result : results) {
          these.add(new Measurement(data.users(), rep, result, reference));
        }
        notes.add(
            String.format(
                "%d users, repetition %d: a user resource is %d bytes",
                data.users(), rep, bodyBytes));
      }
    } finally {
      // A copy of the data set per repetition is 13 GB at 1,000,000 users: three of them filled
      // the disk during a run. The logs and the recording stay.
      DataSetLoader.deleteRecursively(dataDir);
    }
    measurements.addAll(these);
    boolean recorded = settings.flightRecording() && Files.exists(recording);
    for (Measurement m : these) {
      LoadResult result = m.result();
      if (!result.available() || result.scenario().equals("baseline")) {
        continue;
      }
      String scenario =
          String.format("%s at %d users, repetition %d", result.scenario(), data.users(), rep);
      notes.add(scenario + ": " + GcLog.pauses(gc, result.start(), result.end()));
      if (recorded) {
        notes.add(
            "hotspots of "
                + scenario
                + ":\n"
                + Hotspots.summarize(recording, result.start(), result.end(), 12));
      }
    }
  }

  /**
   * A fresh server JVM compiles its hot paths during its first minutes under load, and on 2 cores
   * shared with 16 busy request threads its JIT compilers get little time: a GET by id settled only
   * after about 100 s of load here (server CPU per request 2.7 ms in the first 15 s, 0.36 ms from
   * 100 s on), where a fixed 30 s warm-up left the first scenarios measured on a half-compiled
   * server. So every server first gets the lookups in windows of one warm-up each, not measured,
   * until {@link #SETTLED_WINDOWS} windows in a row were none more than 5 % faster than the best
   * one before them (at most {@link #WARM_UP_WINDOWS} windows). The JIT's gains come in steps with
   * plateaus between them (402, 1,027, 1,673, 1,959, 2,280, 2,504, 3,755/s in one run), so one
   * window that gained nothing does not mean the server has settled.
   */
  private void warmUp(Http scim, DataSet data) throws InterruptedException {
    for (Planned planned : lookups(data)) {
      double best = 0;
      int settled = 0;
      for (int window = 1; window <= WARM_UP_WINDOWS && settled < SETTLED_WINDOWS; window++) {
        LoadResult result =
            new LoadGenerator(scim, Duration.ZERO, settings.warmup())
                .run(planned.scenario(), settings.connections());
        double throughput = result.available() ? result.throughput() : 0;
        Progress.say(
            String.format(
                "  warming up %s: window %d, %.0f/s", result.scenario(), window, throughput));
        settled = throughput > best * 1.05 ? 0 : settled + 1;
        best = Math.max(best, throughput);
      }
    }
  }

  /** One walk of all users; a failure is noted, and retried once, rather than ending the run. */
  private CursorWalk.Walk walkAll(Http scim, int users, int rep) {
    for (int attempt = 1; ; attempt++) {
      try {
        return CursorWalk.walkAll(scim, 1000);
      } catch (IllegalStateException e) {
        notes.add(users + " users, repetition " + rep + ": walk attempt " + attempt + ": " + e);
        if (attempt == 2) {
          throw e;
        }
      }
    }
  }

  private LoadResult measure(Http http, Scenario scenario, int connections)
      throws InterruptedException {
    LoadResult result =
        new LoadGenerator(http, settings.warmup(), settings.duration()).run(scenario, connections);
    if (result.available()) {
      Progress.say(
          String.format(
              "  %-50s %8.0f/s  p50 %7.2f  p99 %7.2f  p99.9 %7.2f ms  errors %d",
              result.scenario(),
              result.throughput(),
              result.p50Millis(),
              result.p99Millis(),
              result.p999Millis(),
              result.errors()));
    } else {
      Progress.say(String.format("  %-50s %s", result.scenario(), result.unavailable()));
    }
    return result;
  }
}
