package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each process spools in a directory of its own and deletes only those of processes that ended: a
 * live one is told by its lock, held here by a second JVM.
 */
class SpoolDirectoryTest {
  @TempDir Path root;

  @Test
  void directoriesOfEndedProcessesGoAndThoseOfLiveOnesStay() throws Exception {
    Process other = JavaProcess.of(Holder.class, root.toString()).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      while (line != null && !line.startsWith(root.toString())) {
        line = out.readLine(); // its log
      }
      assertThat(line).isNotNull();
      Path theirs = Path.of(line);
      assertThat(theirs).isDirectory().hasParent(root);
      Path dead = Files.createDirectories(root.resolve("dead"));
      Files.writeString(dead.resolve("owner.lock"), "");
      Files.writeString(dead.resolve("run-1.plan"), "what a killed run left");
      Path beingMade = Files.createDirectories(root.resolve("being-made"));

      Path ours = new SpoolDirectory(root).path();
      Path alsoOurs = new SpoolDirectory(root).path();

      assertThat(dead).doesNotExist();
      assertThat(beingMade).isDirectory();
      assertThat(theirs).isDirectory();
      assertThat(ours).isDirectory().isNotEqualTo(alsoOurs);
      assertThat(alsoOurs).isDirectory();
      // Killed, it cannot take its directory with it: the next claim clears it.
      other.destroyForcibly();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(theirs).isDirectory();
      new SpoolDirectory(root.resolve("..").resolve(root.getFileName())).path();
      assertThat(theirs).doesNotExist();
    } finally {
      other.destroyForcibly();
    }
    try (var left = Files.list(root)) {
      assertThat(left.filter(path -> !path.endsWith("being-made")).count()).isEqualTo(3);
    }
  }

  /** A process that stops in order takes its directory with it. */
  @Test
  void aProcessThatStopsInOrderLeavesNothing() throws Exception {
    Process other = JavaProcess.of(Holder.class, root.toString()).redirectErrorStream(true).start();
    other.getOutputStream().close();
    String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains(root.toString());
    assertThat(root).isEmptyDirectory();
  }

  /** A second process: claims a directory, prints it, holds it until its input closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      System.out.println(new SpoolDirectory(Path.of(args[0])).path());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the test to close our input
      }
    }
  }
}
