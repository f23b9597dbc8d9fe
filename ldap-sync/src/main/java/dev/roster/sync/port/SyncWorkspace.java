package dev.roster.sync.port;

import dev.roster.sync.plan.SyncPlan;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scratch space of one run, kept by the store so that a run over any number of users holds only
 * a page of them: the anchors the read has seen and the userNames the plan has claimed (a store may
 * keep these as small digests), and the plan itself, spooled as it is made and read back in batches
 * to apply. A run of a source has one workspace at a time (the source's lease); {@link #close}
 * drops it.
 */
public interface SyncWorkspace extends AutoCloseable {
  /** Records anchors the read returned; answers those recorded before (a duplicate anchor). */
  Set<String> see(Collection<String> anchors);

  /** Which of these anchors the read returned. */
  Set<String> seen(Collection<String> anchors);

  /** Records userName keys that changes of this run take. */
  void claim(Collection<String> userNameKeys);

  /** Which of these userName keys changes of this run took. */
  Set<String> claimed(Collection<String> userNameKeys);

  /** The source's stored users the read did not return, a page at a time, by anchor. */
  void forEachUnseen(int pageSize, Consumer<List<StoredUser>> page);

  /** Adds changes and conflicts to the plan. */
  void add(SyncPlan part);

  /**
   * The plan's changes in apply order (user deletes, disables, updates, enables, adoptions,
   * creates; group deletes, renames, creates; membership removals, additions), in batches of at
   * most {@code batchSize}, without the conflicts.
   */
  void forEachBatch(int batchSize, Consumer<SyncPlan> batch);

  /** The plan rendered, one line per change or conflict, sorted. */
  void forEachLine(Consumer<String> line);

  /** Drops the workspace and everything in it. */
  @Override
  void close();
}
