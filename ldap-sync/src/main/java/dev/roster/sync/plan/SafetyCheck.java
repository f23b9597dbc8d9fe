package dev.roster.sync.plan;

import dev.roster.sync.config.PolicySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a plan may be applied without a person looking at it first. "Empty" is never
 * "gone": a directory that answers with nothing where the source held entries is far more often a
 * wrong base DN, a filter typo or a bind account that lost its rights than a company that let
 * everyone go. And a plan that removes more than the source's limits allow, counted per kind
 * (users, groups, memberships), waits for approval. Pure: no I/O.
 *
 * <pre>{@code
 * SafetyVerdict verdict = new SafetyCheck().check(planned.safety(), source.policy());
 * if (verdict.blocked()) log.warn("sync blocked reasons={}", verdict.reasons());
 * }</pre>
 *
 * <p>A negative {@code maxDeletes} or {@code maxDeletePercent} turns that limit off; zero allows no
 * removal at all.
 */
public final class SafetyCheck {

  public SafetyVerdict check(SafetyInput input, PolicySettings policy) {
    List<String> reasons = new ArrayList<>();
    int userRemovals = input.userRemovals();
    int groupDeletes = input.counts().groupsDeleted();
    int membershipRemovals = input.counts().membershipsRemoved();
    if (input.skippedEntries() > 0 && userRemovals > 0) {
      // A skipped entry (no userName, unreadable attributes) looks gone; it may not be.
      reasons.add(
          "users: "
              + input.skippedEntries()
              + " entries were skipped as unreadable while "
              + userRemovals
              + " users would be disabled or deleted; fix the entries or approve the plan");
    }
    int heldUsers = input.heldUsers();
    int heldGroups = input.heldGroups();
    int heldMemberships = input.heldMemberships();

    // Users who left before this run were not in the scope last time: only the others count as
    // "held", so that a scope emptied (and approved) once does not block every later run.
    long seenLastTime = input.usersNotLeft();
    if (input.directoryUsers() == 0 && seenLastTime > 0) {
      reasons.add(emptyScope("users", "no users", seenLastTime));
    }
    if (input.directoryGroups() == 0 && heldGroups > 0 && groupDeletes > 0) {
      reasons.add(emptyScope("groups", "no groups", heldGroups));
    }
    if (input.directoryGroups() == 0 && heldMemberships > 0 && membershipRemovals > 0) {
      reasons.add(emptyScope("memberships", "no groups", heldMemberships));
    }
    limit(
        reasons,
        "users: " + userRemovals + " disables and deletes",
        userRemovals,
        heldUsers,
        policy);
    limit(reasons, "groups: " + groupDeletes + " deletes", groupDeletes, heldGroups, policy);
    limit(
        reasons,
        "memberships: " + membershipRemovals + " removals",
        membershipRemovals,
        heldMemberships,
        policy);
    return new SafetyVerdict(reasons);
  }

  private static String emptyScope(String kind, String read, long held) {
    return kind
        + ": the directory returned "
        + read
        + " but the source held "
        + held
        + "; a scope that held entries and now reads empty is not taken as gone";
  }

  /** {@code removals} is the start of a reason: the kind and the count ("groups: 3 deletes"). */
  private static void limit(
      List<String> reasons, String removals, int count, int held, PolicySettings policy) {
    int max = policy.maxDeletes();
    if (max >= 0 && count > max) {
      reasons.add(removals + " exceed maxDeletes=" + max);
    }
    int percent = policy.maxDeletePercent();
    // Compared in integers (count/held > percent/100) so that 50.5% is over a limit of 50.
    if (percent >= 0 && held > 0 && (long) count * 100 > (long) percent * held) {
      long shown = ((long) count * 100 + held - 1) / held;
      reasons.add(
          removals + " of " + held + " held (" + shown + "%) exceed maxDeletePercent=" + percent);
    }
  }
}
