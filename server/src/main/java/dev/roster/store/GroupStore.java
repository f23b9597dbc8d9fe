package dev.roster.store;

import dev.roster.domain.Group;
import dev.roster.domain.Holding;
import dev.roster.domain.Member;
import dev.roster.domain.MemberType;
import dev.roster.domain.Origin;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Groups of one tenant and their memberships. Membership changes are set-based: they never load a
 * group's members to change a few.
 */
public interface GroupStore {
  Optional<Group> find(UUID tenantId, UUID id);

  /**
   * The group, its row locked until the transaction ends: writes to one group (its attributes and
   * its members) run one at a time, so no concurrent change is lost.
   */
  Optional<Group> findForUpdate(UUID tenantId, UUID id);

  /** Inserts a new group; a taken displayName throws {@link dev.roster.domain.Conflict}. */
  Group insert(UUID tenantId, Group group);

  Group update(UUID tenantId, Group group);

  /** Deletes a group, its memberships and its own membership in other groups. */
  boolean delete(UUID tenantId, UUID id);

  Page<Group> search(UUID tenantId, SearchQuery query);

  /**
   * Hands the group's members (users and groups, each once whatever its origins) to {@code action}
   * one at a time, as the database returns them, so a group of any size is read in bounded memory.
   * Runs inside the caller's transaction.
   */
  void forEachMember(UUID tenantId, UUID groupId, Consumer<Member> action);

  /** Whether the group is a member of any other group. */
  boolean isNested(UUID tenantId, UUID groupId);

  /**
   * The group's memberships, of every origin, that these members hold; the cost is the members' own
   * memberships, whatever the group's size.
   */
  List<Holding> holdings(UUID tenantId, UUID groupId, Collection<UUID> members);

  /** What each of these ids is in the tenant: a user, a group, or absent. */
  Map<UUID, MemberType> resolve(UUID tenantId, Collection<UUID> ids);

  /**
   * Makes the memberships of {@code origin} exactly {@code members}: removes the others of that
   * origin and adds the missing ones. Memberships of other origins are untouched.
   */
  void replaceMembers(UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members);

  /**
   * Adds these members with this origin where they are not members with it yet; the others are
   * untouched and never read. Returns how many were added.
   */
  int addMembers(UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members);

  /** Removes these members' memberships of this origin, where they hold one. */
  void removeMembers(UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members);

  /** Removes every membership of this origin from the group; returns how many rows went. */
  int removeAllMembers(UUID tenantId, UUID groupId, Origin origin);

  /**
   * Like {@link #replaceMembers} but leaves the group's version to the caller; true if anything
   * changed.
   */
  boolean setMembers(UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members);
}
