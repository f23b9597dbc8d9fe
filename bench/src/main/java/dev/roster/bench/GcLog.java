package dev.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of a run from the server's unified GC log ({@code -Xlog:gc:file=…:time}): every pause
 * line says the heap before and after it. The largest heap after a collection within a time window
 * is the most that was live (a bound from above: a young pause leaves garbage in the old
 * generation); the largest before a collection is how full the heap got.
 */
final class GcLog {
  private static final Pattern PAUSE =
      Pattern.compile("^\\[([^\\]]+)\\].*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
  private static final Pattern DURATION = Pattern.compile(" (\\d+(?:\\.\\d+)?)ms$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** JVM flag: what {@link #peak} reads. */
  static String flag(Path file) {
    return "-Xlog:gc:file=" + file + ":time";
  }

  /** Heap sizes in MiB within a window; zero when no collection happened in it. */
  record Peak(double afterGcMiB, double beforeGcMiB, int collections) {}

  /** The collector's stop-the-world pauses within a window. */
  record Pauses(int count, double totalMillis, double longestMillis) {
    @Override
    public String toString() {
      return String.format(
          "%d GC pauses, %.0f ms in all, the longest %.1f ms", count, totalMillis, longestMillis);
    }
  }

  private GcLog() {}

  static Pauses pauses(Path file, Instant from, Instant to) throws IOException {
    int count = 0;
    double total = 0;
    double longest = 0;
    for (Pause pause : within(file, from, to)) {
      Matcher duration = DURATION.matcher(pause.line());
      if (duration.find()) {
        double millis = Double.parseDouble(duration.group(1));
        count++;
        total += millis;
        longest = Math.max(longest, millis);
      }
    }
    return new Pauses(count, total, longest);
  }

  static Peak peak(Path file, Instant from, Instant to) throws IOException {
    double after = 0;
    double before = 0;
    int collections = 0;
    for (Pause pause : within(file, from, to)) {
      Matcher m = pause.heap();
      collections++;
      before = Math.max(before, mib(m.group(2), m.group(3)));
      after = Math.max(after, mib(m.group(4), m.group(5)));
    }
    return new Peak(after, before, collections);
  }

  /** A line of the log that states a pause, and its heap sizes matched by {@link #PAUSE}. */
  private record Pause(String line, Matcher heap) {}

  private static List<Pause> within(Path file, Instant from, Instant to) throws IOException {
    List<Pause> pauses = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        Instant at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
        if (!at.isBefore(from) && !at.isAfter(to)) {
          pauses.add(new Pause(line, m));
        }
      }
    }
    return pauses;
  }

  static double mib(String value, String unit) {
    double n = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> n / 1024;
      case "G" -> n * 1024;
      default -> n;
    };
  }
}
