package dev.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
    long before = System.currentTimeMillis();
    UUID id = Ids.next();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsTheDatabasesCompareThem()
      throws InterruptedException {
    UUID first = Ids.next();
    Thread.sleep(2);
    UUID second = Ids.next();

    // H2 and PostgreSQL compare UUIDs as unsigned 128-bit numbers, most significant bits first.
    assertThat(
            Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
        .isNegative();
    assertThat(first.toString()).isLessThan(second.toString());
  }

  @Test
  void idsOfOneMillisecondDifferInTheirRandomBits() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(Ids.next());
    }

    assertThat(ids).hasSize(100_000);
  }
}
