package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's spool lives in a file of its own, which only a run that died leaves behind. */
class PlanSpoolTest {
  @TempDir Path directory;

  @Test
  void leftoversOfDeadRunsGoAndASpoolInUseStays() throws Exception {
    Path dead = Files.writeString(directory.resolve("run-dead.plan"), "what a killed run left");
    Path unrelated = Files.writeString(directory.resolve("notes.txt"), "not a spool");
    try (PlanSpool running = PlanSpool.create(directory)) {
      running.add(3, "a");
      assertThat(directory).isDirectoryContaining("glob:**/run-*.plan");

      PlanSpool.clearLeftovers(directory);

      assertThat(dead).doesNotExist();
      assertThat(unrelated).exists();
      List<String> read = new ArrayList<>();
      running.forEachOfKind(3, 10, read::addAll);
      assertThat(read).containsExactly("a");
      assertThat(directory).isDirectoryContaining("glob:**/run-*.plan");
    }
    assertThat(directory).isDirectoryNotContaining("glob:**/run-*.plan");
  }

  @Test
  void eachKindIsReadInTheOrderItCameAPageAtATime() {
    try (PlanSpool spool = PlanSpool.create(directory)) {
      for (int i = 0; i < 5; i++) {
        spool.add(2, "second-" + i);
        spool.add(1, "first-" + i);
      }
      List<List<String>> pages = new ArrayList<>();
      spool.forEachOfKind(1, 2, pages::add);
      spool.forEachOfKind(0, 2, pages::add);
      spool.forEachOfKind(2, 5, pages::add);

      assertThat(pages)
          .containsExactly(
              List.of("first-0", "first-1"),
              List.of("first-2", "first-3"),
              List.of("first-4"),
              List.of("second-0", "second-1", "second-2", "second-3", "second-4"));
    }
  }
}
