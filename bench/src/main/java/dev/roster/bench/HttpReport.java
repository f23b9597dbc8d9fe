package dev.roster.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The HTTP results as Markdown: medians over repetitions, ratios to the baseline, the targets. */
final class HttpReport {
  private final HttpBench.Results results;
  private final int mainUsers;

  HttpReport(HttpBench.Results results, int mainUsers) {
    this.results = results;
    this.mainUsers = mainUsers;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("### At ").append(String.format("%,d", mainUsers)).append(" users\n\n");
    out.append(
        "| scenario | conns | ops/s | × baseline | p50 ms | p99 ms | p99.9 ms | errors | ×"
            + " baseline per repetition |\n");
    out.append("| --- | --: | --: | --: | --: | --: | --: | --: | --- |\n");
    byScenario(mainUsers).forEach((name, runs) -> out.append(row(name, runs)));
    if (!results.walks().isEmpty()) {
      out.append(
          String.format(
              "%nA cursor walk of all users on one connection, count=1000: %.0f pages in %.1f s"
                  + " (median of %d).%n",
              Medians.of(results.walks(), w -> w.pages()),
              Medians.of(results.walks(), w -> w.seconds()),
              results.walks().size()));
    }
    out.append(scaling());
    out.append("\n### Targets\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
    targets().forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private Map<String, List<Measurement>> byScenario(int users) {
    Map<String, List<Measurement>> groups = new LinkedHashMap<>();
    for (Measurement m : results.measurements()) {
      if (m.users() == users) {
        groups.computeIfAbsent(m.result().scenario(), k -> new ArrayList<>()).add(m);
      }
    }
    return groups;
  }

  private static String row(String name, List<Measurement> runs) {
    List<Measurement> measured = runs.stream().filter(m -> m.result().available()).toList();
    if (measured.isEmpty()) {
      return String.format(
          "| %s | %d | %s | | | | | | |%n",
          name, runs.get(0).result().connections(), runs.get(0).result().unavailable());
    }
    String perRep =
        measured.stream()
            .map(m -> String.format("%.3f", m.ratio()))
            .collect(Collectors.joining(", "));
    return String.format(
        "| %s | %d | %.0f | %.3f | %.2f | %.2f | %.2f | %d | %s |%n",
        name,
        measured.get(0).result().connections(),
        Medians.of(measured, m -> m.result().throughput()),
        Medians.of(measured, Measurement::ratio),
        Medians.of(measured, m -> m.result().p50Millis()),
        Medians.of(measured, m -> m.result().p99Millis()),
        Medians.of(measured, m -> m.result().p999Millis()),
        measured.stream().mapToLong(m -> m.result().errors()).sum(),
        perRep);
  }

  private String scaling() {
    TreeSet<Integer> sizes = new TreeSet<>();
    results.measurements().forEach(m -> sizes.add(m.users()));
    if (sizes.size() < 2) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n### Scaling\n\n");
    out.append("| users | scenario | ops/s | × baseline | p50 ms | p99 ms | p99.9 ms |\n");
    out.append("| --: | --- | --: | --: | --: | --: | --: |\n");
    for (int users : sizes) {
      for (String name : List.of("GET /Users/{id}", "GET /Users?filter=userName eq")) {
        List<Measurement> runs = byScenario(users).getOrDefault(name, List.of());
        if (!runs.isEmpty()) {
          out.append(
              String.format(
                  "| %,d | %s | %.0f | %.3f | %.2f | %.2f | %.2f |%n",
                  users,
                  name,
                  Medians.of(runs, m -> m.result().throughput()),
                  Medians.of(runs, Measurement::ratio),
                  Medians.of(runs, m -> m.result().p50Millis()),
                  Medians.of(runs, m -> m.result().p99Millis()),
                  Medians.of(runs, m -> m.result().p999Millis())));
        }
      }
    }
    return out.toString();
  }

  private List<String> targets() {
    List<String> lines = new ArrayList<>();
    List<Measurement> byId = available(mainUsers, "GET /Users/{id}");
    if (!byId.isEmpty()) {
      double ratio = Medians.of(byId, Measurement::ratio);
      double p99 = Medians.of(byId, m -> m.result().p99Millis());
      lines.add(
          verdict(
              "GET /Users/{id}: ≥ 0.60 × baseline, p99 < 5 ms at 16 connections",
              String.format(
                  "%.3f ×, p99 %.2f ms at %d connections",
                  ratio, p99, byId.get(0).result().connections()),
              ratio >= 0.60 && p99 < 5));
    }
    List<Measurement> filter = available(mainUsers, "GET /Users?filter=userName eq");
    if (!filter.isEmpty()) {
      double ratio = Medians.of(filter, Measurement::ratio);
      lines.add(
          verdict(
              "userName eq: ≥ 0.50 × baseline at " + String.format("%,d", mainUsers) + " users",
              String.format("%.3f ×", ratio),
              ratio >= 0.50));
    }
    List<Measurement> add = available(mainUsers, "PATCH add 1 member to the large group");
    double p99Add = Medians.of(add, m -> m.result().p99Millis());
    // A run in which no PATCH finished has no latencies at all: that is the worst result, not 0 ms.
    boolean addFinished = add.stream().allMatch(m -> m.result().operations() > 0);
    lines.add(
        add.isEmpty()
            ? "| adding a member to a 100,000-member group: p99 < 20 ms | not measured | missed |"
            : !addFinished
                ? "| adding a member to a 100,000-member group: p99 < 20 ms | no PATCH finished"
                    + " within a measured window | **missed** |"
                : verdict(
                    "adding a member to a 100,000-member group: p99 < 20 ms",
                    String.format("p99 %.2f ms", p99Add),
                    p99Add < 20));
    TreeSet<Integer> sizes = new TreeSet<>();
    results.measurements().forEach(m -> sizes.add(m.users()));
    if (sizes.size() >= 2) {
      for (String name : List.of("GET /Users/{id}", "GET /Users?filter=userName eq")) {
        List<Measurement> small = available(sizes.first(), name);
        List<Measurement> large = available(sizes.last(), name);
        if (!small.isEmpty() && !large.isEmpty()) {
          double p50 =
              Medians.of(large, m -> m.result().p50Millis())
                  / Medians.of(small, m -> m.result().p50Millis());
          double p99 =
              Medians.of(large, m -> m.result().p99Millis())
                  / Medians.of(small, m -> m.result().p99Millis());
          lines.add(
              verdict(
                  String.format(
                      "%s at %,d users within 1.5 × its latency at %,d",
                      name, sizes.last(), sizes.first()),
                  String.format("p50 %.2f ×, p99 %.2f ×", p50, p99),
                  p50 <= 1.5 && p99 <= 1.5));
        }
      }
    }
    return lines;
  }

  private List<Measurement> available(int users, String scenario) {
    return byScenario(users).getOrDefault(scenario, List.of()).stream()
        .filter(m -> m.result().available())
        .toList();
  }

  static String verdict(String target, String measured, boolean met) {
    return "| " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |";
  }
}
