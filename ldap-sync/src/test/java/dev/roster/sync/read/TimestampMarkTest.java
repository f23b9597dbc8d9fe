package dev.roster.sync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampMarkTest {
  private static final Instant PREVIOUS = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void theMarkIsTheLatestTimeSeenLessTheReadAndASecondInWholeSeconds() {
    TimestampMark mark = new TimestampMark();
    mark.see(entry("20240301101010.750Z"));
    mark.see(entry("20240301101530Z"));
    mark.see(entry("20240201000000Z"));
    mark.see(new Entry("uid=none,dc=ex"));

    assertThat(mark.next(PREVIOUS)).isEqualTo(Instant.parse("2024-03-01T10:15:28Z"));
  }

  @Test
  void theMarkNeverGoesBackAndStaysWithoutEntries() {
    TimestampMark later = new TimestampMark();
    later.see(entry("20231231000000Z"));

    assertThat(later.next(PREVIOUS)).isEqualTo(PREVIOUS);
    assertThat(new TimestampMark().next(PREVIOUS)).isEqualTo(PREVIOUS);
    assertThat(new TimestampMark().next(null)).isNull();
  }

  @Test
  void generalizedTimesParseInEveryFormAndFormatInWholeSeconds() {
    assertThat(TimestampMark.parse("20240102030405Z")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(TimestampMark.parse("20240102030405.0Z")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(TimestampMark.parse("20240102050405+0200")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(TimestampMark.parse("yesterday")).isNull();
    assertThat(TimestampMark.format(Instant.parse("2024-01-02T03:04:05.9Z")))
        .isEqualTo("20240102030405Z");
    assertThat(TimestampMark.filter(PREVIOUS)).isEqualTo("(modifyTimestamp>=20240101000000Z)");
  }

  private static Entry entry(String modifyTimestamp) {
    Entry entry = new Entry("uid=x,dc=ex");
    entry.addAttribute(TimestampMark.ATTRIBUTE, modifyTimestamp);
    return entry;
  }
}
