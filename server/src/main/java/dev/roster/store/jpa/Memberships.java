package dev.roster.store.jpa;

import dev.roster.domain.Clock;
import dev.roster.domain.GroupRef;
import dev.roster.domain.Holding;
import dev.roster.domain.Invalid;
import dev.roster.domain.Member;
import dev.roster.domain.MemberType;
import dev.roster.domain.Origin;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Set-based SQL on the {@code membership} table (one row per group, member and origin; the member
 * is a user or a group, each a foreign key). Nothing here loads a group's members to change some of
 * them, and id lists are sent in chunks that every database accepts.
 */
final class Memberships {
  /** Far below PostgreSQL's 65,535 bind parameters per statement. */
  static final int CHUNK = 10_000;

  private Memberships() {}

  /** Rows read from the database at a time while members stream. */
  private static final int FETCH = 1_000;

  private static final String MEMBERS =
      """
      select d.user_id, d.member_group_id, coalesce(u.display_name, u.user_name, g.display_name)
      from (select distinct user_id, member_group_id from membership
            where group_id = :group and tenant_id = :tenant) d
      left join user_account u on u.id = d.user_id
      left join user_group g on g.id = d.member_group_id
      order by coalesce(d.user_id, d.member_group_id)""";

  /**
   * The group's members one by one, from a cursor the database fills {@value #FETCH} rows at a
   * time: memory does not grow with the group.
   */
  static void forEachMember(Session session, UUID tenantId, UUID groupId, Consumer<Member> action) {
    try (Stream<Object[]> rows =
        session
            .createNativeQuery(MEMBERS, Object[].class)
            .setParameter("group", groupId)
            .setParameter("tenant", tenantId)
            .setFetchSize(FETCH)
            .getResultStream()) {
      rows.forEach(
          row ->
              action.accept(
                  row[0] != null
                      ? new Member(uuid(row[0]), MemberType.USER, (String) row[2])
                      : new Member(uuid(row[1]), MemberType.GROUP, (String) row[2])));
    }
  }

  /**
   * The direct groups of each of these users, in one query per chunk: a page of users costs one
   * round trip for their groups, not one per user.
   */
  static Map<UUID, List<GroupRef>> groupsOf(
      Session session, UUID tenantId, Collection<UUID> userIds) {
    Map<UUID, List<GroupRef>> groups = new HashMap<>();
    Jdbc.queryByIds(
        session,
        userIds,
        tenantId,
        idTest ->
            "select distinct m.user_id, g.id, g.display_name, g.display_name_lower"
                + " from membership m join user_group g on g.id = m.group_id"
                + " where m.user_id"
                + idTest
                + " and m.tenant_id = ?"
                + " order by m.user_id, g.display_name_lower, g.id",
        row ->
            groups
                .computeIfAbsent(Jdbc.uuid(row, 1), id -> new ArrayList<>())
                .add(new GroupRef(Jdbc.uuid(row, 2), row.getString(3))));
    return groups;
  }

  /**
   * Moves the version of every group this user or group is a member of: call it before deleting the
   * member, whose memberships then go by cascade.
   */
  static void touchGroupsOf(Session session, UUID tenantId, UUID memberId, MemberType type) {
    session
        .createNativeMutationQuery(
            "update user_group set version = version + 1, last_modified = :now"
                + " where tenant_id = :tenant and id in (select group_id from membership where "
                + column(type)
                + " = :member)")
        .setParameter("now", Clock.now())
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .executeUpdate();
  }

  /**
   * Makes the memberships of one origin exactly {@code wanted}: reads which members of that origin
   * the group has (a replace is given the whole set, so this is the request's size), deletes the
   * ones that go and batch-inserts the ones that come.
   *
   * @return whether anything changed
   */
  static boolean replace(
      Session session, UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> wanted) {
    Map<UUID, MemberType> present = membersOfOrigin(session, groupId, origin);
    Map<UUID, MemberType> gone = new HashMap<>(present);
    gone.keySet().removeAll(wanted.keySet());
    List<Map.Entry<UUID, MemberType>> coming =
        wanted.entrySet().stream().filter(e -> !present.containsKey(e.getKey())).toList();
    delete(session, groupId, origin, gone);
    insert(session, tenantId, groupId, origin, coming);
    return !gone.isEmpty() || !coming.isEmpty();
  }

  /**
   * Adds these members with this origin where they are not members with it yet: one read of which
   * exist, one batch insert.
   *
   * @return how many were added
   */
  static int add(
      Session session, UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    Set<UUID> present = present(session, groupId, origin, members);
    List<Map.Entry<UUID, MemberType>> coming =
        members.entrySet().stream().filter(e -> !present.contains(e.getKey())).toList();
    insert(session, tenantId, groupId, origin, coming);
    return coming.size();
  }

  /**
   * Adds these members with this origin, known not to be members with it: the caller created the
   * group or each member itself. No read; a membership there after all fails the insert on the
   * unique key, and the caller's transaction with it.
   */
  static void addNew(
      Session session, UUID tenantId, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    // In id order, so that the group's entries of its (group, member) index are written in order.
    List<Map.Entry<UUID, MemberType>> sorted = new ArrayList<>(members.entrySet());
    sorted.sort(Map.Entry.comparingByKey(Memberships::compareAsStored));
    insert(session, tenantId, groupId, origin, sorted);
  }

  /** UUIDs as H2 and PostgreSQL order them: unsigned, most significant bits first. */
  private static int compareAsStored(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /** Which of these members, each of a known type, the group holds with this origin. */
  static Set<UUID> present(
      Session session, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    Set<UUID> present = new HashSet<>();
    byType(members)
        .forEach(
            (type, ids) ->
                holdings(
                    session,
                    groupId,
                    type,
                    ids,
                    holding -> {
                      if (holding.origin().equals(origin)) {
                        present.add(holding.member());
                      }
                    }));
    return present;
  }

  /**
   * The memberships of the group that these members hold, of every origin; their types are not
   * known, so both member columns are asked.
   */
  static List<Holding> holdings(Session session, UUID groupId, Collection<UUID> members) {
    List<Holding> found = new ArrayList<>();
    for (MemberType type : MemberType.values()) {
      holdings(session, groupId, type, members, found::add);
    }
    return found;
  }

  /**
   * The memberships of the group held by these members of one type. Looked up by member, the column
   * that leads an index, and filtered here: asked by group, H2 walks every member of a large group.
   * The rows read are these members' own memberships, so the cost is the request's size.
   */
  private static void holdings(
      Session session,
      UUID groupId,
      MemberType type,
      Collection<UUID> members,
      Consumer<Holding> found) {
    String column = column(type);
    for (List<UUID> chunk : chunks(members)) {
      session
          .createNativeQuery(
              "select group_id, origin, "
                  + column
                  + " from membership where "
                  + column
                  + " in (:ids)",
              Object[].class)
          .setParameterList("ids", chunk)
          .getResultList()
          .stream()
          .filter(row -> groupId.equals(uuid(row[0])))
          .forEach(
              row -> found.accept(new Holding(uuid(row[2]), type, Origin.parse((String) row[1]))));
    }
  }

  /** Removes these members' memberships of this origin, if they hold one; other origins stay. */
  static void remove(Session session, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    delete(session, groupId, origin, members);
  }

  /** Moves the version of these groups, whose members changed. */
  static void touch(Session session, Collection<UUID> groupIds) {
    for (List<UUID> chunk : chunks(groupIds)) {
      session
          .createNativeMutationQuery(
              "update user_group set version = version + 1, last_modified = :now where id in (:ids)")
          .setParameter("now", Clock.now())
          .setParameterList("ids", chunk)
          .executeUpdate();
    }
  }

  private static Map<UUID, MemberType> membersOfOrigin(
      Session session, UUID groupId, Origin origin) {
    Map<UUID, MemberType> members = new HashMap<>();
    session
        .createNativeQuery(
            "select user_id, member_group_id from membership"
                + " where group_id = :group and origin = :origin",
            Object[].class)
        .setParameter("group", groupId)
        .setParameter("origin", origin.value())
        .getResultList()
        .forEach(
            row ->
                members.put(
                    uuid(row[0] != null ? row[0] : row[1]),
                    row[0] != null ? MemberType.USER : MemberType.GROUP));
    return members;
  }

  /**
   * Deletes these members' memberships of this origin by their whole key, which the unique indexes
   * lead with, in one JDBC batch for each member type there is; a member without one deletes
   * nothing.
   */
  private static void delete(
      Session session, UUID groupId, Origin origin, Map<UUID, MemberType> members) {
    byType(members)
        .forEach(
            (type, ids) ->
                session.doWork(
                    connection -> {
                      try (PreparedStatement delete =
                          connection.prepareStatement(
                              "delete from membership where group_id = ? and "
                                  + column(type)
                                  + " = ? and origin = ?")) {
                        for (UUID member : ids) {
                          delete.setObject(1, groupId);
                          delete.setObject(2, member);
                          delete.setString(3, origin.value());
                          delete.addBatch();
                        }
                        delete.executeBatch();
                      }
                    }));
  }

  /** The membership column that holds members of this type. */
  private static String column(MemberType type) {
    return type == MemberType.USER ? "user_id" : "member_group_id";
  }

  /** These members' ids by type, so that each column is asked only about ids of its kind. */
  private static Map<MemberType, List<UUID>> byType(Map<UUID, MemberType> members) {
    Map<MemberType, List<UUID>> byType = new java.util.EnumMap<>(MemberType.class);
    members.forEach((id, type) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(id));
    return byType;
  }

  private static void insert(
      Session session,
      UUID tenantId,
      UUID groupId,
      Origin origin,
      List<Map.Entry<UUID, MemberType>> members) {
    if (members.isEmpty()) {
      return;
    }
    Timestamp created = Timestamp.from(Clock.now());
    try {
      session.doWork(
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "insert into membership (group_id, user_id, member_group_id, origin, tenant_id,"
                        + " created) values (?, ?, ?, ?, ?, ?)")) {
              for (Map.Entry<UUID, MemberType> member : members) {
                boolean user = member.getValue() == MemberType.USER;
                insert.setObject(1, groupId);
                setUuidOrNull(insert, 2, user ? member.getKey() : null);
                setUuidOrNull(insert, 3, user ? null : member.getKey());
                insert.setString(4, origin.value());
                insert.setObject(5, tenantId);
                insert.setTimestamp(6, created);
                insert.addBatch();
              }
              insert.executeBatch();
            }
          });
    } catch (ConstraintViolationException e) {
      // A member was deleted between the check and this insert: its key no longer exists.
      throw new Invalid("members", "a member was deleted while this request ran; retry");
    }
  }

  private static void setUuidOrNull(PreparedStatement statement, int index, UUID value)
      throws java.sql.SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.OTHER);
    } else {
      statement.setObject(index, value);
    }
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = List.copyOf(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** Native queries return UUID columns as UUID on PostgreSQL and as 16 bytes on H2. */
  static UUID uuid(Object column) {
    if (column instanceof UUID uuid) {
      return uuid;
    }
    if (column instanceof byte[] bytes && bytes.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(column.toString());
  }
}
