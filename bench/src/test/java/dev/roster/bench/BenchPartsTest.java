package dev.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The bench's own arithmetic and parsing; the benchmark itself never runs in the build. */
class BenchPartsTest {
  @TempDir Path dir;

  @Test
  void serversRunWithTheJvmDefaultsUnlessGivenOptions() {
    assertThat(parsed().jvmFlags("1g")).containsExactly("-Xms1g", "-Xmx1g");
    assertThat(parsed("--jvm-options", "-XX:MaxTenuringThreshold=1").jvmFlags("1g"))
        .containsExactly("-Xms1g", "-Xmx1g", "-XX:MaxTenuringThreshold=1");
    assertThat(parsed("--jvm-options", " -XX:+UseParallelGC  -Xss512k ").jvmOptions())
        .containsExactly("-XX:+UseParallelGC", "-Xss512k");
  }

  @Test
  void theReportShowsTheCommandAsAShellWouldTakeItBack() {
    CommandLine bench = new CommandLine(BenchMain.class);
    bench.parseArgs("http", "--scaling", "", "--only", "GET /Users", "--jvm-options", "-Da='b'");
    BenchMain.HttpOnly http = bench.getSubcommands().get("http").getCommand();
    assertThat(http.options.commandLine())
        .isEqualTo("http --scaling '' --only 'GET /Users' --jvm-options '-Da='\\''b'\\'''");
  }

  private static RunOptions parsed(String... args) {
    BenchMain.HttpOnly command = new BenchMain.HttpOnly();
    new CommandLine(command).parseArgs(args);
    return command.options;
  }

  @Test
  void theHeapOfAWindowIsTheLargestAroundItsPauses() throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(
        log,
        String.join(
            "\n",
            "[2026-11-23T01:25:29.290+0000] Using G1",
            "[2026-11-23T01:25:31.622+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause)"
                + " 21M->7M(380M) 37.355ms",
            "[2026-11-23T01:25:40.000+0000] GC(1) Pause Full (G1 Compaction Pause) 300M->120M(512M)"
                + " 900.1ms",
            "[2026-11-23T01:25:50.000+0000] GC(2) Pause Young (Normal) (G1 Evacuation Pause)"
                + " 1G->400M(1G) 37.355ms"));

    GcLog.Peak peak =
        GcLog.peak(
            log, Instant.parse("2026-11-23T01:25:30Z"), Instant.parse("2026-11-23T01:25:45Z"));

    assertThat(peak).isEqualTo(new GcLog.Peak(120, 300, 2));
    assertThat(
            GcLog.pauses(
                log, Instant.parse("2026-11-23T01:25:31Z"), Instant.parse("2026-11-23T01:25:45Z")))
        .isEqualTo(new GcLog.Pauses(2, 37.355 + 900.1, 900.1));
  }

  @ParameterizedTest
  @CsvSource({"'1,2,3', 2", "'4,1,3,2', 2.5", "'7', 7"})
  void theMedianIsTheMiddleValue(String values, double median) {
    List<Double> numbers = List.of(values.split(",")).stream().map(Double::valueOf).toList();
    assertThat(Medians.of(numbers)).isEqualTo(median);
  }

  @ParameterizedTest
  @CsvSource({"905", "724", "12"})
  void theBaselineBodyHasTheSizeOfAUser(int bytes) {
    assertThat(BaselineServer.body(bytes)).hasSize(bytes);
    assertThat(new String(BaselineServer.body(bytes), StandardCharsets.UTF_8)).startsWith("{");
  }

  @Test
  void aReplyYieldsIdCursorAndTotal() {
    Reply page =
        new Reply(
            200,
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                + "\"totalResults\":100000,\"nextCursor\":\"abc\",\"Resources\":[{\"id\":\"u1\"}]}");

    assertThat(page.totalResults()).isEqualTo(100_000);
    assertThat(page.nextCursor()).contains("abc");
    assertThat(page.id()).isEqualTo("u1");
    assertThat(new Reply(200, "{\"totalResults\":1}").nextCursor()).isEmpty();
  }

  @Test
  void theGeneratedDirectoryHasEveryoneGroupLargeGroupAndNesting() throws Exception {
    Path ldif = dir.resolve("d.ldif");

    DirectoryLdif.Shape shape = DirectoryLdif.write(ldif, 3_000, 30);

    // everyone + 2,500 + 28 × 150, and g0010, g0020 each hold the next group
    assertThat(shape.memberValues()).isEqualTo(3_000 + 2_500 + 28 * 150 + 2);
    assertThat(Files.readString(ldif)).contains("member: cn=g0011,ou=groups,dc=roster,dc=test");
  }
}
