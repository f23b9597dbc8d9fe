package dev.roster.sync.plan;

import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.MemoryWorkspace;
import dev.roster.sync.port.StoreView;
import dev.roster.sync.port.ViewLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link RunPlanner} over a snapshot held in memory: a directory's content against a view of
 * the store. Pure: no I/O, and the same inputs always give the same plan, in the same order. What
 * the planner's tests drive, and a way to see a plan without a store.
 *
 * <pre>{@code
 * SyncPlan plan = new Planner().plan(source, reader.read(source), view);
 * System.out.println(plan.render());
 * }</pre>
 */
public final class Planner {
  /** A plan, and what the safety check weighs. */
  public record Planned(SyncPlan plan, SafetyInput safety) {}

  public SyncPlan plan(SourceSettings source, DirectoryContent directory, StoreView store) {
    return planned(source, directory, store).plan();
  }

  public Planned planned(SourceSettings source, DirectoryContent directory, StoreView store) {
    MemoryWorkspace work = workspace(source, store);
    RunPlanner planner =
        new RunPlanner(source, new ViewLookup(source.name(), store), work, 500, false);
    planner.groups(directory.groups());
    planner.users(byAnchor(directory.users()), directory.memberOfByUserAnchor());
    PlanSummary summary = planner.finishFull(directory.skippedEntries());
    return new Planned(work.plan(), summary.safety());
  }

  /**
   * The plan of an incremental read: user creates, updates, enables and disables for the changed
   * entries only, disables or deletes for the anchors the directory named as deleted (never for a
   * user merely absent from the delta), and the memberships of every group recomputed from the full
   * group read, member values resolved through the changed users and the store's users.
   */
  public SyncPlan planIncremental(SourceSettings source, DirectoryDelta delta, StoreView store) {
    return plannedIncremental(source, delta, store).plan();
  }

  public Planned plannedIncremental(SourceSettings source, DirectoryDelta delta, StoreView store) {
    MemoryWorkspace work = workspace(source, store);
    RunPlanner planner =
        new RunPlanner(source, new ViewLookup(source.name(), store), work, 500, true);
    planner.groups(delta.groups());
    planner.users(byAnchor(delta.changedUsers()), Map.of());
    PlanSummary summary =
        planner.finishIncremental(delta.deletedUserAnchors(), delta.skippedEntries());
    return new Planned(work.plan(), summary.safety());
  }

  private static MemoryWorkspace workspace(SourceSettings source, StoreView store) {
    return new MemoryWorkspace(source.name(), () -> store.usersByAnchor().values());
  }

  /**
   * One user per anchor (the first), in anchor order: a snapshot's plan does not depend on how it
   * was read.
   */
  private static List<DirectoryUser> byAnchor(List<DirectoryUser> users) {
    Map<String, DirectoryUser> unique = new TreeMap<>();
    users.forEach(user -> unique.putIfAbsent(user.anchor(), user));
    return new ArrayList<>(unique.values());
  }
}
