package dev.roster.store.jpa;

import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.GroupRef;
import dev.roster.store.UserExportStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link UserExportStore} on Hibernate. A page is three statements: the ids of the next users after
 * the position, answered from the unique (tenant, userName) index; those users' rows; their groups.
 * The position is the case-folded userName, unique per tenant, so it alone orders the walk and a
 * page starts exactly after the previous one however users come and go meanwhile.
 */
public final class JpaUserExportStore implements UserExportStore {
  private final JpaTransactions tx;

  public JpaUserExportStore(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Page page(UUID tenantId, Filter filter, String after, int limit) {
    Session session = tx.session();
    SqlParameters p = new SqlParameters(tenantId);
    StringBuilder where = new StringBuilder("e.tenant_id = ").append(SqlParameters.TENANT);
    if (filter != null) {
      where.append(" and ").append(SqlFilter.translate(ResourceTable.USERS, filter, p, false));
    }
    if (after != null) {
      where.append(" and e.user_name_lower > ").append(p.bind(after));
    }
    var query =
        session.createNativeQuery(
            "select e.id, e.user_name_lower from user_account e where "
                + where
                // The tenant first, although it is fixed: H2 reads the index in order only then,
                // instead of sorting the whole tenant for every page.
                + " order by e.tenant_id, e.user_name_lower",
            Object[].class);
    p.applyTo(query);
    List<Object[]> keys = query.setMaxResults(limit + 1).getResultList();
    boolean more = keys.size() > limit;
    List<Object[]> shown = more ? keys.subList(0, limit) : keys;
    List<UUID> ids = shown.stream().map(row -> Memberships.uuid(row[0])).toList();
    List<Row> rows = rows(session, tenantId, ids);
    String last = more ? (String) shown.get(shown.size() - 1)[1] : null;
    return new Page(rows, last);
  }

  /** The users with these ids, in this order, each with its groups' names. */
  private static List<Row> rows(Session session, UUID tenantId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, UserEntity> byId = new HashMap<>();
    session
        .createSelectionQuery("from UserEntity e where e.id in :ids", UserEntity.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(e -> byId.put(e.id, e));
    Map<UUID, List<GroupRef>> groups = Memberships.groupsOf(session, tenantId, ids);
    List<Row> rows = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      UserEntity entity = byId.get(id);
      // A user deleted between the two statements is left out rather than shown half.
      if (entity != null) {
        List<String> names =
            groups.getOrDefault(id, List.of()).stream().map(GroupRef::displayName).toList();
        rows.add(new Row(JpaUserStore.toUser(entity), names));
      }
    }
    // The session would otherwise keep every entity of the walk until its transaction ends.
    session.clear();
    return rows;
  }
}
