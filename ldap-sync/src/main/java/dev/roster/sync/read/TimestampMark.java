package dev.roster.sync.read;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The modifyTimestamp high-water mark of a directory without content synchronization: the next
 * incremental run reads the users with {@code (modifyTimestamp>=mark)}. The mark comes from the
 * directory's own timestamps, never from this machine's clock: it is the latest modifyTimestamp a
 * read saw, less the read's duration and one second. An entry changed during a read may have been
 * read before the change while a later entry shows a later time; every such change happened after
 * the read began, and the latest time seen less the read's duration is not after the read began.
 * The duration is measured here, but only as a length of time, so clock skew does not matter. The
 * overlap re-reads a few unchanged entries, which plan nothing.
 */
final class TimestampMark {
  static final String ATTRIBUTE = "modifyTimestamp";

  /** Generalized time in whole seconds, UTC: the form every directory accepts in a filter. */
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private final long startNanos = System.nanoTime();
  private Instant latest;

  /** Called on the connection's reader thread, one entry at a time. */
  synchronized void see(Entry entry) {
    Instant time = parse(entry.getAttributeValue(ATTRIBUTE));
    if (time != null && (latest == null || time.isAfter(latest))) {
      latest = time;
    }
  }

  /**
   * The mark the next run reads from: the latest time seen less the read's duration and a second,
   * but never before {@code previous} (null: none); null when neither is known.
   */
  synchronized Instant next(Instant previous) {
    if (latest == null) {
      return previous;
    }
    long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() + 2;
    Instant candidate = latest.truncatedTo(ChronoUnit.SECONDS).minusSeconds(seconds);
    return previous != null && previous.isAfter(candidate) ? previous : candidate;
  }

  /** {@code (modifyTimestamp>=mark)}, to narrow the users filter with. */
  static String filter(Instant mark) {
    return Filter.createGreaterOrEqualFilter(ATTRIBUTE, format(mark)).toString();
  }

  static String format(Instant time) {
    return FORMAT.format(time);
  }

  /** A generalized time ({@code 20240102030405Z}, {@code 20240102030405.123Z}); null if not one. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return StaticUtils.decodeGeneralizedTime(value.trim()).toInstant();
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }
}
