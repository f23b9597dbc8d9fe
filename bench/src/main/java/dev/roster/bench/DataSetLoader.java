package dev.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a data set through the SCIM API, before any clock starts: {@code POST /Users} from several
 * connections at once, then one {@code POST /Groups} holding the users. Going through the API keeps
 * the bench free of Roster's storage layout (the JSON column, the {@code user_value} rows, the
 * case-folded keys), so a data set is exactly what an identity provider would have pushed, and the
 * bench keeps working when the schema changes. The price is time (measured and printed); a loaded
 * store is kept under the cache directory, keyed by its shape and by the roster.jar it was made
 * with, and copied for every repetition, so each repetition starts from the same state.
 */
final class DataSetLoader {
  private static final int LOADERS = 8;

  /** Bodies over this are refused by the server (16 MiB): larger groups are not made. */
  private static final int GROUP_LIMIT = 200_000;

  private final Path jar;
  private final List<String> jvmFlags;
  private final Path cacheDir;

  DataSetLoader(Path jar, List<String> jvmFlags, Path cacheDir) {
    this.jar = jar;
    this.jvmFlags = jvmFlags;
    this.cacheDir = cacheDir;
  }

  DataSet loadOrReuse(int users, int spares, boolean group) throws Exception {
    Path dir = cacheDir.resolve("users-" + users + "-spares-" + spares + (group ? "-group" : ""));
    Path complete = dir.resolve("complete");
    String stamp = schemaOf(jar);
    if (Files.exists(complete) && Files.readString(complete).equals(stamp)) {
      Progress.say("data set " + dir.getFileName() + ": reused from " + dir);
      compactOnce(dir);
      return DataSet.read(dir);
    }
    deleteRecursively(dir);
    Files.createDirectories(dir.resolve("data"));
    long start = System.nanoTime();
    DataSet data;
    try (RosterServer server =
            RosterServer.start(jar, jvmFlags, dir.resolve("data"), dir, null, Map.of());
        Http http = server.http(LOADERS)) {
      List<String> ids = create(http, "user", users, 0);
      List<String> spareIds = create(http, "spare", spares, users);
      String groupId = group && users <= GROUP_LIMIT ? createGroup(http, ids) : null;
      data = new DataSet(dir.resolve("data"), ids, spareIds, groupId);
    }
    data.write(dir);
    double seconds = (System.nanoTime() - start) / 1e9;
    Progress.say(
        String.format(
            "data set %s: loaded in %.0f s (%.0f users/s through POST /Users)",
            dir.getFileName(), seconds, (users + spares) / seconds));
    compactOnce(dir);
    Files.writeString(complete, stamp);
    return data;
  }

  /**
   * Rewrites the loaded store without the space the load left behind (H2's {@code SHUTDOWN
   * COMPACT}, with the H2 inside roster.jar), once per data set. A freshly loaded store is about a
   * quarter live pages, and H2 rewrites such a store in the background for many minutes: in a
   * measured read-only run that took 14% of the CPU samples, which is the load's cost, not the
   * scenario's.
   */
  private void compactOnce(Path dir) throws IOException, InterruptedException {
    Path marker = dir.resolve("compacted");
    if (Files.exists(marker)) {
      return;
    }
    long start = System.nanoTime();
    long before = Files.size(dir.resolve("data").resolve("roster.mv.db"));
    Path database = dir.resolve("data").resolve("roster").toAbsolutePath();
    Process compact =
        new ProcessBuilder(
                "java",
                "-cp",
                jar.toAbsolutePath().toString(),
                "org.h2.tools.Shell",
                "-url",
                "jdbc:h2:file:" + database,
                "-user",
                "sa",
                "-password",
                "",
                "-sql",
                "SHUTDOWN COMPACT")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("compact.log").toFile())
            .start();
    if (compact.waitFor() != 0) {
      throw new IOException(
          "compacting " + database + " failed; see " + dir.resolve("compact.log"));
    }
    Files.writeString(marker, "");
    Progress.say(
        String.format(
            "data set %s: compacted in %.0f s, %d MB to %d MB",
            dir.getFileName(),
            (System.nanoTime() - start) / 1e9,
            before >> 20,
            Files.size(dir.resolve("data").resolve("roster.mv.db")) >> 20));
  }

  /**
   * The database migrations a jar carries: a store loaded by one build serves any other build with
   * the same migrations (rebuilding the jar alone does not throw a loaded data set away).
   */
  static String schemaOf(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.startsWith("db/migration/") && name.endsWith(".sql"))
          .sorted()
          .collect(Collectors.joining("\n"));
    }
  }

  /** Copies the stored data directory for one repetition. */
  static Path copy(DataSet data, Path target) throws IOException {
    deleteRecursively(target);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(data.dataDir())) {
      for (Path file : files.toList()) {
        // The lock file of H2's mixed mode belongs to a process long gone.
        if (!file.getFileName().toString().endsWith(".lock.db")) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
    return target;
  }

  private static List<String> create(Http http, String kind, int count, int firstNumber)
      throws Exception {
    String[] ids = new String[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < LOADERS; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int number = firstNumber + i;
                    String userName = UserJson.userName(number);
                    Reply reply = http.post("/scim/v2/Users", UserJson.create(userName, number));
                    if (!reply.is(201)) {
                      throw new IllegalStateException(
                          "loading " + userName + ": " + reply.abbreviated());
                    }
                    ids[i] = reply.id();
                    int n = done.incrementAndGet();
                    if (n % Math.max(1, count / 10) == 0) {
                      Progress.say("  " + kind + " users: " + n + " / " + count);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(ids);
  }

  private static String createGroup(Http http, List<String> members) {
    StringBuilder body =
        new StringBuilder(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"everyone\",\"members\":[");
    for (int i = 0; i < members.size(); i++) {
      body.append(i == 0 ? "" : ",").append("{\"value\":\"").append(members.get(i)).append("\"}");
    }
    body.append("]}");
    Reply reply = http.post("/scim/v2/Groups?excludedAttributes=members", body.toString());
    if (!reply.is(201)) {
      throw new IllegalStateException("creating the large group: " + reply.abbreviated());
    }
    Progress.say("  group 'everyone' with " + members.size() + " members");
    return reply.id();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
