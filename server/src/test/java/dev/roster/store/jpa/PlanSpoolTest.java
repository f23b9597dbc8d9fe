package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's spool: a file of its own, read back a kind at a time, gone once closed. */
class PlanSpoolTest {
  @TempDir Path directory;

  @Test
  void closingDeletesTheFile() {
    try (PlanSpool spool = PlanSpool.create(directory)) {
      spool.add(3, List.of("a"));
      assertThat(directory).isDirectoryContaining("glob:**/run-*.plan");
    }
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void eachKindIsReadInTheOrderItCameAPageAtATime() {
    try (PlanSpool spool = PlanSpool.create(directory)) {
      for (int i = 0; i < 6; i += 3) {
        spool.add(2, List.of("second-" + i, "second-" + (i + 1), "second-" + (i + 2)));
        spool.add(1, List.of("first-" + i, "first-" + (i + 1), "first-" + (i + 2)));
      }
      spool.add(1, List.of());
      spool.add(1, List.of("first-6"));
      List<List<String>> pages = new ArrayList<>();
      spool.forEachOfKind(1, 2, pages::add);
      spool.forEachOfKind(0, 2, pages::add);
      spool.forEachOfKind(2, 6, pages::add);

      assertThat(pages)
          .containsExactly(
              List.of("first-0", "first-1"),
              List.of("first-2", "first-3"),
              List.of("first-4", "first-5"),
              List.of("first-6"),
              List.of("second-0", "second-1", "second-2", "second-3", "second-4", "second-5"));
    }
  }

  @Test
  void aPayloadWithALineBreakIsRefused() {
    try (PlanSpool spool = PlanSpool.create(directory)) {
      assertThatThrownBy(() -> spool.add(0, List.of("a\nb")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
