package dev.roster.sync.plan;

import dev.roster.sync.port.SyncWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's plan as its workspace holds it: the counts and digest in memory, the changes in the
 * workspace, read back a line or a batch at a time.
 */
public record SpooledPlan(
    String source, PlanCounts counts, String digest, SyncWorkspace workspace) {

  /** Whether the plan changes nothing (it may still report conflicts). */
  public boolean isEmpty() {
    return counts.changes() == 0;
  }

  /** The plan's lines, sorted, one per change or conflict. */
  public void forEachLine(Consumer<String> line) {
    workspace.forEachLine(line);
  }

  /** Every line joined: for tests and small plans. */
  public String render() {
    List<String> lines = new ArrayList<>();
    workspace.forEachLine(lines::add);
    return String.join("\n", lines);
  }
}
