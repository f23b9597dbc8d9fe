package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyDigestsTest {
  @Test
  void aKeyIsNewOnceAndThenContained() {
    KeyDigests keys = new KeyDigests();

    assertThat(keys.add("uid=ada")).isTrue();
    assertThat(keys.add("uid=ada")).isFalse();
    assertThat(keys.contains("uid=ada")).isTrue();
    assertThat(keys.contains("uid=Ada")).isFalse();
    assertThat(keys.contains("")).isFalse();
  }

  @Test
  void aTableGrownManyTimesKeepsEveryKeyAndNoOther() {
    KeyDigests keys = new KeyDigests();
    for (int i = 0; i < 200_000; i++) {
      assertThat(keys.add("anchor-" + i)).isTrue();
    }

    assertThat(keys.size()).isEqualTo(200_000);
    for (int i = 0; i < 200_000; i++) {
      assertThat(keys.contains("anchor-" + i)).as("anchor-%d", i).isTrue();
      assertThat(keys.contains("other-" + i)).as("other-%d", i).isFalse();
    }
  }
}
