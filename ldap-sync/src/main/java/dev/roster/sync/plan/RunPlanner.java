package dev.roster.sync.plan;

import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.MembershipChange.Ref;
import dev.roster.sync.port.HeldCounts;
import dev.roster.sync.port.MemberDigest;
import dev.roster.sync.port.NameHolder;
import dev.roster.sync.port.StoreLookup;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMember;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import dev.roster.sync.port.SyncWorkspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Plans one run as the directory is read, a page of users at a time, into a {@link SyncWorkspace}:
 * memory holds one page of users, the groups and the memberships they imply — never every user.
 * Users are matched with the store's by their stable anchor (a renamed or moved entry is an
 * update), looked up per page; which stored users have left is asked of the workspace once the read
 * is over (the anchors it has seen); memberships are the directory's groups, resolved as each user
 * arrives ({@link MemberIndex}), against those of origin {@code LDAP:<source>} the store holds,
 * group by group.
 *
 * <pre>{@code
 * RunPlanner planner = new RunPlanner(source, store, workspace, 500, false);
 * planner.groups(groups);                 // first: every group of the read
 * planner.users(page, memberOf);          // then each page of users
 * PlanSummary summary = planner.finishFull(skippedEntries);
 * }</pre>
 *
 * <p>userNames are unique in the store regardless of case, so a create or a userName change that
 * would take a name another user keeps is reported as a conflict instead of being planned: one such
 * entry must not fail every run. A name held by a user of this source that turns out to have left
 * (and is deleted by this run) is free: that create waits until the read is over.
 */
public final class RunPlanner {
  private static final int GROUP_CHUNK = 200;

  private final SourceSettings source;
  private final StoreLookup store;
  private final SyncWorkspace work;
  private final int pageSize;
  private final boolean incremental;
  private final String self;
  private final boolean deleteLeavers;
  private final Map<String, Set<Ref>> direct = new HashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private final PlanDigest digest = new PlanDigest();
  private List<DirectoryGroup> groups = List.of();
  private MemberIndex index;
  private PlanCounts counts = PlanCounts.none();
  private int readUsers;

  // Incremental runs only, so bounded by the changes read.
  private final Set<String> changedAnchors = new HashSet<>();
  private final Set<String> matchedKeys = new HashSet<>();
  private int touchedNotLeft;

  /**
   * @param pageSize how many users or groups one lookup or spooled page holds at most
   * @param incremental whether the users to come are only the changed ones
   */
  public RunPlanner(
      SourceSettings source,
      StoreLookup store,
      SyncWorkspace work,
      int pageSize,
      boolean incremental) {
    this.source = source;
    this.store = store;
    this.work = work;
    this.pageSize = Math.max(1, pageSize);
    this.incremental = incremental;
    this.self = "LDAP:" + source.name();
    this.deleteLeavers = source.policy().deletion() == PolicySettings.Deletion.DELETE;
    this.index = new MemberIndex(List.of(), membership(), false);
  }

  /** Every group of the read; before the users. */
  public void groups(List<DirectoryGroup> read) {
    GroupSettings settings = source.groups();
    index = new MemberIndex(read, membership(), settings != null && settings.nested());
    // The index holds what the member values say; the groups are kept by name only.
    List<DirectoryGroup> named = new ArrayList<>(read.size());
    read.forEach(g -> named.add(new DirectoryGroup(g.anchor(), g.dn(), g.name(), Set.of())));
    groups = named;
  }

  /**
   * Plans a page of users read. Answers the anchors among them that an earlier page had already
   * (then nothing of the page is planned, and the read is not to be trusted).
   *
   * @param memberOf for {@code memberOf} sources, the group DNs each user names, by anchor
   */
  public Set<String> users(List<DirectoryUser> page, Map<String, Set<String>> memberOf) {
    if (page.isEmpty()) {
      return Set.of();
    }
    List<String> anchors = new ArrayList<>(page.size());
    page.forEach(user -> anchors.add(user.anchor()));
    Set<String> again = work.see(anchors);
    if (!again.isEmpty()) {
      return again;
    }
    readUsers += page.size();
    Map<String, StoredUser> stored = store.usersByAnchor(source.name(), anchors);
    // Only a new user or a renamed one takes a name: a page of known names asks nothing more.
    Set<String> keys = new HashSet<>();
    for (DirectoryUser user : page) {
      StoredUser existing = stored.get(user.anchor());
      String key = NameHolder.key(user.userName());
      if (existing == null || !key.equals(NameHolder.key(existing.userName()))) {
        keys.add(key);
      }
    }
    Names names =
        keys.isEmpty()
            ? new Names(Map.of(), new HashSet<>())
            : new Names(store.nameHolders(source.name(), keys), new HashSet<>(work.claimed(keys)));
    Part part = new Part();
    Map<String, Ref> refs = new HashMap<>();
    // Known users first, so that within a page a kept user's name is not taken by a new one.
    for (DirectoryUser user : page) {
      StoredUser existing = stored.get(user.anchor());
      if (existing != null) {
        refs.put(user.anchor(), planExisting(user, existing, names, part));
        if (incremental && !existing.disabledBecauseLeft()) {
          touchedNotLeft++;
        }
      }
    }
    for (DirectoryUser user : page) {
      if (!stored.containsKey(user.anchor())) {
        Ref ref = planNew(user, memberOf.get(user.anchor()), names, part);
        if (ref != null) {
          refs.put(user.anchor(), ref);
        }
      }
    }
    work.claim(names.newClaims);
    for (DirectoryUser user : page) {
      Ref ref = refs.get(user.anchor());
      if (ref != null) {
        index.groupsOf(user, memberOf.get(user.anchor())).forEach(group -> member(group, ref));
      }
      if (incremental) {
        changedAnchors.add(user.anchor());
        String key = index.keyOf(user);
        if (key != null) {
          matchedKeys.add(key);
        }
      }
    }
    spool(part.plan());
    return Set.of();
  }

  /**
   * Ends a full read: every stored user the read did not return has left, then the groups and the
   * memberships are planned. Returns what the safety check needs and the plan's counts and digest.
   */
  public PlanSummary finishFull(int skippedEntries) {
    // A user the read did not return is deleted by this run (its memberships go with it by
    // cascade), so its ids are kept: as many as there are leavers, which are few.
    Set<UUID> deleted = new HashSet<>();
    work.forEachUnseen(
        pageSize,
        page -> {
          Part part = new Part();
          page.forEach(user -> gone(user, part));
          if (deleteLeavers) {
            page.forEach(user -> deleted.add(user.id()));
          }
          spool(part.plan());
        });
    resolveDeferred(anchor -> anchor != null && work.seen(List.of(anchor)).isEmpty());
    return finish(skippedEntries, held -> readUsers, deleted);
  }

  /**
   * Ends an incremental read: only the users whose anchors the directory named as deleted have left
   * (never one merely absent from the changes). Every other stored user is taken to be where it
   * was, as last read, and keeps its place in the groups that name it, unless it had left before
   * (its entry is gone, so no group of the directory can name it).
   */
  public PlanSummary finishIncremental(Set<String> deletedAnchors, int skippedEntries) {
    Set<String> deletedKeys = new HashSet<>();
    Set<String> lookup = new HashSet<>();
    for (String anchor : deletedAnchors) {
      deletedKeys.add(NameHolder.key(anchor));
      lookup.add(anchor);
      lookup.add(anchor.toLowerCase(Locale.ROOT));
      lookup.add(anchor.toUpperCase(Locale.ROOT));
    }
    Map<UUID, StoredUser> gone = new LinkedHashMap<>();
    for (List<String> chunk : chunks(lookup, pageSize)) {
      for (StoredUser user : store.usersByAnchor(source.name(), chunk).values()) {
        if (deletedKeys.contains(NameHolder.key(user.anchor()))
            && !changedAnchors.contains(user.anchor())) {
          gone.put(user.id(), user);
        }
      }
    }
    List<StoredUser> leaving = new ArrayList<>(gone.values());
    leaving.sort(Comparator.comparing(StoredUser::anchor));
    Part part = new Part();
    Set<String> goneAnchors = new HashSet<>();
    for (StoredUser user : leaving) {
      gone(user, part);
      goneAnchors.add(user.anchor());
      if (!user.disabledBecauseLeft()) {
        touchedNotLeft++;
      }
    }
    spool(part.plan());
    resolveUnchanged(gone.keySet());
    resolveDeferred(goneAnchors::contains);
    int touched = touchedNotLeft;
    return finish(
        skippedEntries,
        held -> readUsers + Math.max(0, held.usersNotLeft() - touched),
        deleteLeavers ? gone.keySet() : Set.of());
  }

  /**
   * The safety check weighs what the source held only against removals of the same kind, and
   * against a read that returned no users; counting is left out otherwise, as it reads every user
   * and every membership of the source (about a second of an unchanged run of 100,000 users). A
   * count left out is 0, which the check treats as nothing removed from nothing.
   *
   * @param directoryUsers the users the directory holds, given what the store held
   * @param cascaded the users this run deletes: their memberships go with them by cascade
   */
  private PlanSummary finish(
      int skippedEntries, ToIntFunction<HeldCounts> directoryUsers, Set<UUID> cascaded) {
    // Every user removal is planned by now; memberships are planned below.
    boolean weighUsers = readUsers == 0 || counts.usersDisabled() + counts.usersDeleted() > 0;
    HeldCounts held = weighUsers ? store.held(source.name()) : new HeldCounts(0, 0);
    List<StoredGroup> storeGroups = store.groups(source.name());
    Map<String, Ref> mirrorRefs = new HashMap<>();
    Set<UUID> deletedGroups = new HashSet<>();
    if (source.mapping().mirrorGroups()) {
      planGroups(storeGroups, mirrorRefs, deletedGroups);
    }
    GroupSettings settings = source.groups();
    Map<String, Set<Ref>> resolved =
        settings != null && settings.nested()
            ? GroupGraph.transitive(direct, index.memberGroups())
            : direct;
    Map<Ref, List<String>> sourcesOf = targets(storeGroups, mirrorRefs);
    Map<UUID, String> digests = new HashMap<>();
    storeGroups.forEach(
        group -> {
          if (group.heldDigest() != null) {
            digests.put(group.id(), group.heldDigest());
          }
        });
    planMemberships(sourcesOf, resolved, deletedGroups, cascaded, digests);
    int mirrors = (int) storeGroups.stream().filter(StoredGroup::isMirror).count();
    int heldMemberships =
        counts.membershipsRemoved() > 0 ? store.heldMemberships(source.name()) : 0;
    SafetyInput safety =
        new SafetyInput(
            counts,
            held.users(),
            held.usersNotLeft(),
            mirrors,
            heldMemberships,
            weighUsers ? directoryUsers.applyAsInt(held) : readUsers,
            groups.size(),
            skippedEntries);
    return new PlanSummary(counts, digest.value(), safety);
  }

  /**
   * For each group the sync fills, the directory groups whose users it holds: each mirror its
   * directory group, and (DSS behaviour) each store group whose {@code ldapGroupNames} name
   * directory groups those groups.
   */
  private Map<Ref, List<String>> targets(List<StoredGroup> storeGroups, Map<String, Ref> mirrors) {
    Map<Ref, List<String>> sourcesOf = new LinkedHashMap<>();
    Map<String, List<DirectoryGroup>> byName = new HashMap<>();
    for (DirectoryGroup group : groups) {
      byName.computeIfAbsent(lower(group.name()), n -> new ArrayList<>()).add(group);
      Ref mirror = mirrors.get(group.anchor());
      if (mirror != null) {
        sourcesOf.computeIfAbsent(mirror, r -> new ArrayList<>()).add(group.anchor());
      }
    }
    if (source.mapping().ldapGroupNames()) {
      for (StoredGroup local : storeGroups) {
        for (String name : local.ldapGroupNames()) {
          for (DirectoryGroup group : byName.getOrDefault(lower(name), List.of())) {
            sourcesOf
                .computeIfAbsent(Ref.id(local.id()), r -> new ArrayList<>())
                .add(group.anchor());
          }
        }
      }
    }
    return sourcesOf;
  }

  /**
   * Memberships group by group, a chunk of groups at a time: what each should hold against what it
   * holds of origin {@code LDAP:<source>}. Memberships of users or groups this run deletes are left
   * to the store's cascade; those of other origins (manual ones) are never looked at.
   */
  private void planMemberships(
      Map<Ref, List<String>> sourcesOf,
      Map<String, Set<Ref>> resolved,
      Set<UUID> deletedGroups,
      Set<UUID> cascaded,
      Map<UUID, String> digests) {
    Set<UUID> groupIds = new LinkedHashSet<>(store.groupsWithMemberships(source.name()));
    sourcesOf.keySet().forEach(target -> addIfPresent(groupIds, target.id()));
    // A group that holds exactly what it should, by its digest, is not read: in a run where little
    // changed that is nearly every group, and the memberships are the bulk of what the store holds.
    groupIds.removeIf(
        groupId ->
            !deletedGroups.contains(groupId)
                && digests.containsKey(groupId)
                && digests
                    .get(groupId)
                    .equals(digest(wanted(sourcesOf.get(Ref.id(groupId)), resolved), cascaded)));
    for (List<UUID> chunk : chunks(groupIds, GROUP_CHUNK)) {
      List<StoredMembership> held = store.memberships(source.name(), chunk);
      Map<UUID, Set<UUID>> heldByGroup = new HashMap<>();
      held.forEach(
          m -> heldByGroup.computeIfAbsent(m.groupId(), g -> new HashSet<>()).add(m.userId()));
      Part part = new Part();
      for (UUID groupId : chunk) {
        Ref group = Ref.id(groupId);
        Set<Ref> wanted = wanted(sourcesOf.get(group), resolved);
        Set<UUID> holds = heldByGroup.getOrDefault(groupId, Set.of());
        for (UUID userId : holds) {
          if (!wanted.contains(Ref.id(userId))
              && !deletedGroups.contains(groupId)
              && !cascaded.contains(userId)) {
            part.add(new MembershipChange.Remove(group, Ref.id(userId)));
          }
        }
        for (Ref user : wanted) {
          if (user.id() == null || !holds.contains(user.id())) {
            part.add(new MembershipChange.Add(group, user));
          }
        }
      }
      spool(part.plan());
    }
    for (Map.Entry<Ref, List<String>> target : sourcesOf.entrySet()) {
      if (target.getKey().id() == null) {
        Part part = new Part();
        for (Ref user : wanted(target.getValue(), resolved)) {
          part.add(new MembershipChange.Add(target.getKey(), user));
        }
        spool(part.plan());
      }
    }
  }

  /**
   * The digest of what a group should hold once the run is applied, or null when that is not known
   * by ids alone (a user this run creates, or deletes: then the group is read).
   */
  private static String digest(Set<Ref> wanted, Set<UUID> cascaded) {
    MemberDigest digest = new MemberDigest();
    for (Ref user : wanted) {
      if (user.id() == null || cascaded.contains(user.id())) {
        return null;
      }
      digest.add(user.id());
    }
    return digest.value();
  }

  private static Set<Ref> wanted(List<String> directoryGroups, Map<String, Set<Ref>> resolved) {
    if (directoryGroups == null) {
      return Set.of();
    }
    if (directoryGroups.size() == 1) {
      return resolved.getOrDefault(directoryGroups.get(0), Set.of());
    }
    Set<Ref> union = new HashSet<>();
    directoryGroups.forEach(group -> union.addAll(resolved.getOrDefault(group, Set.of())));
    return union;
  }

  /**
   * The mirrors: a directory group without one gets one, a mirror whose group is gone is deleted.
   * Group names are unique ignoring case: a directory group whose name a local group (or another
   * directory group) already has is reported, not created, so the run goes on.
   */
  private void planGroups(List<StoredGroup> storeGroups, Map<String, Ref> refs, Set<UUID> deleted) {
    Map<String, StoredGroup> mirrors = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (StoredGroup group : storeGroups) {
      if (group.isMirror()) {
        mirrors.put(group.anchor(), group);
      } else {
        taken.add(NameHolder.key(group.displayName()));
      }
    }
    Part part = new Part();
    for (DirectoryGroup group : groups) {
      StoredGroup existing = mirrors.remove(group.anchor());
      if (existing == null) {
        if (!taken.add(NameHolder.key(group.name()))) {
          part.conflicts.add(new Conflict(group.name(), group.dn(), "group", "skipped"));
          continue;
        }
        part.groups.add(new GroupChange.Create(group));
        refs.put(group.anchor(), Ref.anchor(group.anchor()));
      } else {
        taken.add(NameHolder.key(existing.displayName()));
        if (!Objects.equals(existing.displayName(), group.name())) {
          part.groups.add(new GroupChange.Rename(existing.id(), group));
        }
        refs.put(group.anchor(), Ref.id(existing.id()));
      }
    }
    for (StoredGroup gone : mirrors.values()) {
      part.groups.add(new GroupChange.Delete(gone.id(), gone.displayName()));
      deleted.add(gone.id());
    }
    spool(part.plan());
  }

  private Ref planExisting(DirectoryUser user, StoredUser stored, Names names, Part part) {
    List<String> fields = changedFields(user, stored);
    String name = NameHolder.key(user.userName());
    boolean takesName = !name.equals(NameHolder.key(stored.userName()));
    String holder = takesName ? names.holderOtherThan(name, stored.id(), self) : null;
    if (holder != null) {
      // Another user keeps that name this run, so the update waits (a chain of renames settles
      // over a few runs); the user's enabled state and memberships still sync.
      part.conflicts.add(new Conflict(user.userName(), user.dn(), holder, "skipped"));
    } else if (!fields.isEmpty()) {
      if (takesName) {
        names.claim(name);
      }
      part.users.add(new UserChange.Update(stored.id(), user, fields));
    }
    if (!user.enabled() && stored.active()) {
      part.users.add(new UserChange.Disable(stored.id(), stored.userName(), false));
    } else if (user.enabled() && !stored.active() && !stored.disabledByAdministrator()) {
      // Left-the-directory and disabled-in-the-directory are undone by the directory; an
      // administrator's disable is a decision the directory does not know about.
      part.users.add(new UserChange.Enable(stored.id(), stored.userName()));
    }
    return Ref.id(stored.id());
  }

  /** The new user's ref, or null when a conflict keeps it out (or it waits for the read's end). */
  private Ref planNew(DirectoryUser user, Set<String> memberOf, Names names, Part part) {
    String name = NameHolder.key(user.userName());
    if (names.claimed.contains(name)) {
      part.conflicts.add(new Conflict(user.userName(), user.dn(), self, "skipped"));
      return null;
    }
    NameHolder holder = names.holders.get(name);
    if (holder == null) {
      names.claim(name);
      part.users.add(new UserChange.Create(user));
      return Ref.anchor(user.anchor());
    } else if (self.equals(holder.source()) && deleteLeavers && holder.anchor() != null) {
      // Free if that user turns out to have left: known once the read is over.
      deferred.add(new Deferred(user, holder.anchor(), index.groupsOf(user, memberOf)));
      return null;
    } else if (source.policy().conflicts() == PolicySettings.Conflicts.ADOPT
        && !holder.source().startsWith("LDAP")) {
      // Only local accounts are adopted: another source's user stays that source's.
      names.claim(name);
      part.conflicts.add(new Conflict(user.userName(), user.dn(), holder.source(), "adopted"));
      part.users.add(new UserChange.Adopt(holder.id(), user));
      return Ref.id(holder.id());
    }
    part.conflicts.add(new Conflict(user.userName(), user.dn(), holder.source(), "skipped"));
    return null;
  }

  private void resolveDeferred(Predicate<String> holderGone) {
    deferred.sort(Comparator.comparing(d -> d.user().anchor()));
    Part part = new Part();
    for (Deferred waiting : deferred) {
      DirectoryUser user = waiting.user();
      String name = NameHolder.key(user.userName());
      if (holderGone.test(waiting.holderAnchor()) && work.claimed(List.of(name)).isEmpty()) {
        work.claim(List.of(name));
        part.users.add(new UserChange.Create(user));
        Ref ref = Ref.anchor(user.anchor());
        waiting.groups().forEach(group -> member(group, ref));
      } else {
        part.conflicts.add(new Conflict(user.userName(), user.dn(), self, "skipped"));
      }
    }
    deferred.clear();
    spool(part.plan());
  }

  /**
   * An incremental run: the groups also name users that did not change, by the DN or userName the
   * store holds for them (their last read). They are asked for in one call, so that the store can
   * answer the usual case, nearly every user of the source, in one pass rather than by lookups.
   */
  private void resolveUnchanged(Set<UUID> goneIds) {
    List<String> keys = new ArrayList<>();
    for (String key : index.memberKeys()) {
      if (!matchedKeys.contains(key)) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    Map<String, StoredMember> found =
        membership() == GroupSettings.Membership.MEMBER_UID
            ? store.membersByUserName(source.name(), keys)
            : store.membersByDn(source.name(), keys);
    for (Map.Entry<String, StoredMember> entry : found.entrySet()) {
      StoredMember user = entry.getValue();
      if (changedAnchors.contains(user.anchor())
          || goneIds.contains(user.id())
          || user.disabledBecauseLeft()) {
        continue;
      }
      Ref ref = Ref.id(user.id());
      index.groupsByKey(entry.getKey()).forEach(group -> member(group, ref));
    }
  }

  private void gone(StoredUser user, Part part) {
    if (deleteLeavers) {
      part.users.add(new UserChange.Delete(user.id(), user.userName()));
    } else if (user.active()) {
      part.users.add(new UserChange.Disable(user.id(), user.userName(), true));
    }
  }

  private void member(String group, Ref user) {
    direct.computeIfAbsent(group, g -> new HashSet<>()).add(user);
  }

  private void spool(SyncPlan part) {
    if (part.isEmpty() && part.conflicts().isEmpty()) {
      return;
    }
    counts = counts.plus(PlanCounts.of(part));
    PlanRenderer.lines(part).forEach(digest::add);
    work.add(part);
  }

  private GroupSettings.Membership membership() {
    GroupSettings settings = source.groups();
    return settings == null || settings.membership() == null
        ? GroupSettings.Membership.MEMBER
        : settings.membership();
  }

  private static List<String> changedFields(DirectoryUser user, StoredUser stored) {
    List<String> fields = new ArrayList<>();
    // Parsing two DNs costs more than the rest of the comparison: only when they are spelled apart.
    if (!Objects.equals(user.dn(), stored.dn())
        && !Objects.equals(
            DirectoryNames.normalize(user.dn()), DirectoryNames.normalize(stored.dn()))) {
      fields.add("dn");
    }
    addIfChanged(fields, "userName", user.userName(), stored.userName());
    addIfChanged(fields, "givenName", user.givenName(), stored.givenName());
    addIfChanged(fields, "familyName", user.familyName(), stored.familyName());
    addIfChanged(fields, "displayName", user.displayName(), stored.displayName());
    addIfChanged(fields, "email", user.email(), stored.email());
    return fields;
  }

  /** An absent attribute and an empty one are the same: stores tend to keep one as the other. */
  private static void addIfChanged(List<String> fields, String field, String read, String held) {
    if (!Objects.equals(emptyToNull(read), emptyToNull(held))) {
      fields.add(field);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }

  private static <T> void addIfPresent(Collection<T> values, T value) {
    if (value != null) {
      values.add(value);
    }
  }

  static <T> List<List<T>> chunks(Collection<T> values, int size) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> chunk = new ArrayList<>(Math.min(size, values.size()));
    for (T value : values) {
      chunk.add(value);
      if (chunk.size() == size) {
        chunks.add(chunk);
        chunk = new ArrayList<>(size);
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** The userNames one page may take: who holds them in the store, and what this run claimed. */
  private static final class Names {
    final Map<String, NameHolder> holders;
    final Set<String> claimed;
    final List<String> newClaims = new ArrayList<>();

    Names(Map<String, NameHolder> holders, Set<String> claimed) {
      this.holders = holders;
      this.claimed = claimed;
    }

    void claim(String key) {
      claimed.add(key);
      newClaims.add(key);
    }

    /** Who keeps {@code key} other than the user {@code id}: a source, or null when nobody. */
    String holderOtherThan(String key, UUID id, String self) {
      if (claimed.contains(key)) {
        return self;
      }
      NameHolder holder = holders.get(key);
      return holder == null || holder.id().equals(id) ? null : holder.source();
    }
  }

  /** The changes of one step, spooled together. */
  private final class Part {
    final List<UserChange> users = new ArrayList<>();
    final List<GroupChange> groups = new ArrayList<>();
    final List<MembershipChange> memberships = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();

    /** Adds a membership change; a page of them goes to the workspace at once (large groups). */
    void add(MembershipChange change) {
      memberships.add(change);
      if (memberships.size() >= pageSize) {
        spool(new SyncPlan(source.name(), List.of(), List.of(), memberships, List.of()));
        memberships.clear();
      }
    }

    SyncPlan plan() {
      return new SyncPlan(source.name(), users, groups, memberships, conflicts);
    }
  }

  /** A new user whose name a user of this source holds: created if that user has left. */
  private record Deferred(DirectoryUser user, String holderAnchor, Set<String> groups) {}
}
