package dev.roster.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sync results as Markdown: medians per directory and phase, and the targets. */
final class SyncReport {
  private final DirectoryLdif.Shape shape;
  private final String heap;
  private final List<String> jvmOptions;
  private final List<SyncPhase> phases;
  private final Map<String, List<DirectoryRead.Timing>> reads;
  private final List<String> notes;

  SyncReport(
      DirectoryLdif.Shape shape,
      String heap,
      List<String> jvmOptions,
      List<SyncPhase> phases,
      Map<String, List<DirectoryRead.Timing>> reads,
      List<String> notes) {
    this.shape = shape;
    this.heap = heap;
    this.jvmOptions = jvmOptions;
    this.phases = phases;
    this.reads = reads;
    this.notes = notes;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n### Sync: %,d users, %,d groups, %,d member values, server -Xmx%s%s%n%n",
            shape.users(),
            shape.groups(),
            shape.memberValues(),
            heap,
            RunOptions.shown(jvmOptions)));
    out.append(
        "| directory | run | wall s (median) | per repetition | max heap after GC MiB |"
            + " max heap before GC MiB | status | counts (last repetition) |\n");
    out.append("| --- | --- | --: | --- | --: | --: | --- | --- |\n");
    for (Map.Entry<String, List<SyncPhase>> group : grouped().entrySet()) {
      List<SyncPhase> runs = group.getValue();
      SyncPhase last = runs.get(runs.size() - 1);
      out.append(
          String.format(
              "| %s | %s | %.1f | %s | %.0f | %.0f | %s | %s |%n",
              last.directory(),
              last.phase(),
              Medians.of(runs, SyncPhase::seconds),
              String.join(
                  ", ", runs.stream().map(p -> String.format("%.1f", p.seconds())).toList()),
              runs.stream().mapToDouble(p -> p.heap().afterGcMiB()).max().orElse(0),
              runs.stream().mapToDouble(p -> p.heap().beforeGcMiB()).max().orElse(0),
              String.join(", ", runs.stream().map(SyncPhase::status).distinct().toList()),
              last.counts()));
    }
    out.append("\nThe directory read alone (paged, 500 a page, in the bench's JVM):\n\n");
    out.append("| directory | seconds (median) | per repetition |\n| --- | --: | --- |\n");
    reads.forEach(
        (kind, timings) ->
            out.append(
                String.format(
                    "| %s | %.1f | %s |%n",
                    kind,
                    Medians.of(timings, DirectoryRead.Timing::seconds),
                    String.join(
                        ", ",
                        timings.stream().map(t -> String.format("%.1f", t.seconds())).toList()))));
    out.append("\n### Sync targets\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
    for (String kind : reads.keySet()) {
      target(
          out,
          kind,
          "full, empty store",
          30,
          String.format("full sync of %,d users within -Xmx%s", shape.users(), heap));
      target(out, kind, "full, nothing changed", 5, "unchanged re-sync");
      target(out, kind, "incremental, 100 changed", 2, "100 changes incrementally");
    }
    if (!notes.isEmpty()) {
      out.append("\n<details><summary>sync notes and hotspots</summary>\n\n```\n");
      notes.forEach(note -> out.append(note).append('\n'));
      out.append("```\n</details>\n");
    }
    return out.toString();
  }

  private void target(StringBuilder out, String kind, String phase, double seconds, String what) {
    List<SyncPhase> runs =
        phases.stream().filter(p -> p.directory().equals(kind) && p.phase().equals(phase)).toList();
    if (runs.isEmpty()) {
      return;
    }
    double median = Medians.of(runs, SyncPhase::seconds);
    boolean succeeded = runs.stream().allMatch(p -> p.status().equals("succeeded"));
    out.append(
            HttpReport.verdict(
                String.format("%s (%s): under %.0f s", what, kind, seconds),
                String.format("%.1f s%s", median, succeeded ? "" : " (not all succeeded)"),
                succeeded && median < seconds))
        .append('\n');
  }

  private Map<String, List<SyncPhase>> grouped() {
    Map<String, List<SyncPhase>> groups = new LinkedHashMap<>();
    for (SyncPhase phase : phases) {
      groups
          .computeIfAbsent(phase.directory() + "/" + phase.phase(), k -> new ArrayList<>())
          .add(phase);
    }
    return groups;
  }
}
