package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
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

  @Test
  void aMapGivesEachKeyTheIdItWasPutWithThroughManyGrowths() {
    KeyDigests ids = KeyDigests.withIds();
    for (int i = 0; i < 50_000; i++) {
      ids.put("anchor-" + i, new UUID(i, -i));
    }
    ids.put("anchor-7", new UUID(70, 70));

    assertThat(ids.size()).isEqualTo(50_000);
    assertThat(ids.get("anchor-7")).isEqualTo(new UUID(70, 70));
    for (int i = 0; i < 50_000; i++) {
      if (i != 7) {
        assertThat(ids.get("anchor-" + i)).as("anchor-%d", i).isEqualTo(new UUID(i, -i));
      }
      assertThat(ids.get("other-" + i)).as("other-%d", i).isNull();
    }
  }

  @Test
  void aSetHoldsNoIds() {
    KeyDigests keys = new KeyDigests();

    assertThatThrownBy(() -> keys.put("uid=ada", UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
  }
}
