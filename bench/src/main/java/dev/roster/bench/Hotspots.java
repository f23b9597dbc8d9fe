package dev.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) fall within a time window: the
 * methods on top of the stack (where the time is spent), the innermost Roster method on the stack
 * (which of Roster's code asked for it), the library of the top frame, and the libraries anywhere
 * on the stack (the share of time spent under Hibernate, say, whoever is on top). Counting samples
 * is all it does; JFR does the sampling.
 */
final class Hotspots {
  /** JVM flag: stacks deep enough to reach Roster's frames below Jersey, Hibernate and H2. */
  static final String STACK_DEPTH = "-XX:FlightRecorderOptions:stackdepth=512";

  private Hotspots() {}

  static String summarize(Path recording, Instant from, Instant to, int top) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> roster = new HashMap<>();
    Map<String, Long> library = new HashMap<>();
    Map<String, Long> onStack = new HashMap<>();
    long total = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStartTime().isBefore(from)
            || event.getStartTime().isAfter(to)
            || event.getStackTrace() == null
            || event.getStackTrace().getFrames().isEmpty()) {
          continue;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        total++;
        RecordedMethod leaf = frames.get(0).getMethod();
        self.merge(name(leaf), 1L, Long::sum);
        library.merge(library(leaf.getType().getName()), 1L, Long::sum);
        String innermost = "(no Roster frame)";
        for (RecordedFrame frame : frames) {
          if (frame.getMethod().getType().getName().startsWith("dev.roster.")) {
            innermost = name(frame.getMethod());
            break;
          }
        }
        roster.merge(innermost, 1L, Long::sum);
        frames.stream()
            .map(frame -> library(frame.getMethod().getType().getName()))
            .distinct()
            .forEach(name -> onStack.merge(name, 1L, Long::sum));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (total == 0) {
      return "  (no CPU samples in the window)\n";
    }
    return "  "
        + total
        + " CPU samples\n"
        + table("top frames (self)", self, total, top)
        + table("innermost Roster method on the stack", roster, total, top)
        + table("library of the top frame", library, total, top)
        + table("libraries anywhere on the stack", onStack, total, top);
  }

  private static String table(String title, Map<String, Long> counts, long total, int top) {
    StringBuilder out = new StringBuilder("  " + title + ":\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
    return out.toString();
  }

  private static String name(RecordedMethod method) {
    String type = method.getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName() + "  (" + type + ")";
  }

  /**
   * {@code org.hibernate.orm.…} → {@code org.hibernate}; {@code java.util.…} → {@code java.util}.
   */
  static String library(String type) {
    String[] parts = type.split("\\.");
    return parts.length < 3 ? type : parts[0] + "." + parts[1];
  }
}
