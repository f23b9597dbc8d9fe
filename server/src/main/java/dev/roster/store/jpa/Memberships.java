package dev.roster.store.jpa;

import dev.roster.domain.GroupRef;
import dev.roster.domain.Member;
import dev.roster.domain.MemberType;
import dev.roster.domain.Origin;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Set-based SQL on the {@code membership} table. Nothing here loads a group's members to change
 * some of them: changes touch only the rows they name, and every change bumps the version of the
 * groups it touched so their ETags move.
 */
final class Memberships {
  private Memberships() {}

  static List<Member> members(Session session, UUID tenantId, UUID groupId) {
    List<Object[]> rows =
        session
            .createNativeQuery(
                """
            select d.member_id, d.member_type, coalesce(u.display_name, u.user_name, g.display_name)
            from (select distinct member_id, member_type from membership
                  where group_id = :group and tenant_id = :tenant) d
            left join user_account u on u.id = d.member_id
            left join user_group g on g.id = d.member_id
            order by d.member_id""",
                Object[].class)
            .setParameter("group", groupId)
            .setParameter("tenant", tenantId)
            .getResultList();
    List<Member> members = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      members.add(new Member(uuid(row[0]), MemberType.valueOf((String) row[1]), (String) row[2]));
    }
    return members;
  }

  /**
   * The direct groups of each of these members, in one query: a page of users costs one round trip
   * for their groups, not one per user.
   */
  static Map<UUID, List<GroupRef>> groupsOf(
      Session session, UUID tenantId, Collection<UUID> memberIds) {
    Map<UUID, List<GroupRef>> groups = new java.util.HashMap<>();
    if (memberIds.isEmpty()) {
      return groups;
    }
    List<Object[]> rows =
        session
            .createNativeQuery(
                """
            select distinct m.member_id, g.id, g.display_name, g.display_name_lower
            from membership m join user_group g on g.id = m.group_id
            where m.member_id in (:members) and m.tenant_id = :tenant
            order by m.member_id, g.display_name_lower, g.id""",
                Object[].class)
            .setParameterList("members", memberIds)
            .setParameter("tenant", tenantId)
            .getResultList();
    for (Object[] row : rows) {
      groups
          .computeIfAbsent(uuid(row[0]), id -> new ArrayList<>())
          .add(new GroupRef(uuid(row[1]), (String) row[2]));
    }
    return groups;
  }

  /** Removes a user or group from every group it is in (before it is deleted). */
  static void removeMember(Session session, UUID tenantId, UUID memberId) {
    session
        .createNativeMutationQuery(
            """
            update user_group set version = version + 1, last_modified = :now
            where tenant_id = :tenant
              and id in (select group_id from membership where member_id = :member)""")
        .setParameter("now", now())
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .executeUpdate();
    session
        .createNativeMutationQuery(
            "delete from membership where member_id = :member and tenant_id = :tenant")
        .setParameter("member", memberId)
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }

  /**
   * Makes the memberships of one origin exactly {@code wanted}: one delete for those that go, one
   * read of which of {@code wanted} exist already, one batch insert for the rest.
   */
  static boolean replace(
      Session session, UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> wanted) {
    var delete =
        session
            .createNativeMutationQuery(
                wanted.isEmpty()
                    ? "delete from membership where group_id = :group and origin = :origin"
                    : "delete from membership where group_id = :group and origin = :origin and member_id not in (:wanted)")
            .setParameter("group", groupId)
            .setParameter("origin", origin.value());
    if (!wanted.isEmpty()) {
      delete.setParameterList("wanted", wanted.keySet());
    }
    int removed = delete.executeUpdate();
    int added = insertMissing(session, tenantId, groupId, origin, wanted);
    return removed + added > 0;
  }

  private static int insertMissing(
      Session session, UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> wanted) {
    if (wanted.isEmpty()) {
      return 0;
    }
    Set<UUID> present = new HashSet<>(existing(session, groupId, origin, wanted.keySet()));
    List<Map.Entry<UUID, MemberType>> missing =
        wanted.entrySet().stream().filter(e -> !present.contains(e.getKey())).toList();
    if (missing.isEmpty()) {
      return 0;
    }
    Timestamp created = Timestamp.from(now());
    session.doWork(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into membership (group_id, member_id, member_type, origin, tenant_id, created) values (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<UUID, MemberType> member : missing) {
              insert.setObject(1, groupId);
              insert.setObject(2, member.getKey());
              insert.setString(3, member.getValue().name());
              insert.setString(4, origin.value());
              insert.setObject(5, tenantId);
              insert.setTimestamp(6, created);
              insert.addBatch();
            }
            insert.executeBatch();
          }
        });
    return missing.size();
  }

  private static List<UUID> existing(
      Session session, UUID groupId, Origin origin, Collection<UUID> ids) {
    return session
        .createNativeQuery(
            "select member_id from membership where group_id = :group and origin = :origin and member_id in (:ids)",
            Object.class)
        .setParameter("group", groupId)
        .setParameter("origin", origin.value())
        .setParameterList("ids", ids)
        .getResultList()
        .stream()
        .map(Memberships::uuid)
        .toList();
  }

  /** Native queries return UUID columns as UUID on PostgreSQL and as 16 bytes on H2. */
  static UUID uuid(Object column) {
    if (column instanceof UUID uuid) {
      return uuid;
    }
    if (column instanceof byte[] bytes && bytes.length == 16) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(column.toString());
  }

  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
