package dev.roster.store.jpa;

import dev.roster.domain.AdministratorGuard;
import dev.roster.store.Administrators;
import java.util.UUID;

/** {@link Administrators} in SQL: each answer is one query that stops at the first row. */
public final class JpaAdministrators implements Administrators {
  private final JpaTransactions tx;

  public JpaAdministrators(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean inAdminGroup(UUID tenantId, UUID userId) {
    String groups =
        NestedGroups.upward(
            "select m.group_id as gid, m.user_id as tag from membership m where m.user_id = :user");
    return !tx.session()
        .createNativeQuery(
            "select g.id from ("
                + groups
                + ") r join user_group g on g.id = r.gid"
                + " where g.admin = true and g.tenant_id = :tenant",
            Object.class)
        .setParameter("user", userId)
        .setParameter("tenant", tenantId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void lockTenant(UUID tenantId) {
    tx.session()
        .createNativeQuery("select id from tenant where id = :tenant for update", Object.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  @Override
  public boolean anyActive(UUID tenantId) {
    String adminGroups =
        NestedGroups.downward(
            "select g.id as gid, g.id as tag from user_group g"
                + " where g.tenant_id = :tenant and g.admin = true");
    return !tx.session()
        .createNativeQuery(
            "select u.id from user_account u where u.tenant_id = :tenant and u.active = true and ("
                + "u.id in (select v.user_id from user_value v where v.tenant_id = :tenant"
                + " and v.path = 'roles.value' and v.text_key = :role and v.text_value = :role)"
                + " or u.id in (select m.user_id from membership m join ("
                + adminGroups
                + ") r on m.group_id = r.gid where m.user_id is not null))",
            Object.class)
        .setParameter("tenant", tenantId)
        .setParameter("role", AdministratorGuard.ADMIN_ROLE)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
