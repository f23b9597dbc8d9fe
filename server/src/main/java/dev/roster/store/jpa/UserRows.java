package dev.roster.store.jpa;

import dev.roster.domain.Account;
import dev.roster.domain.Meta;
import dev.roster.domain.Source;
import dev.roster.domain.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Users read by {@link Jdbc}, as {@link JpaUserStore#toUser} makes them from an entity: a GET by id
 * and the users of a search page. Writes still load {@link UserEntity}.
 */
final class UserRows {
  private static final String COLUMNS =
      "u.id, u.user_name, u.external_id, u.active, u.source, u.source_name, u.ldap_dn,"
          + " u.ldap_uuid, u.profile, u.hidden, u.last_login, u.attributes, u.created,"
          + " u.last_modified, u.version";

  private UserRows() {}

  static Optional<User> find(Session session, UUID tenantId, UUID id) {
    return Optional.ofNullable(byIds(session, tenantId, List.of(id)).get(id));
  }

  /** The users with these ids, by id; ids of users that do not exist are left out. */
  static Map<UUID, User> byIds(Session session, UUID tenantId, Collection<UUID> ids) {
    Map<UUID, User> found = new HashMap<>();
    Jdbc.queryByIds(
        session,
        ids,
        tenantId,
        idTest ->
            "select "
                + COLUMNS
                + " from user_account u where u.id"
                + idTest
                + " and u.tenant_id = ?",
        row -> {
          User user = read(row);
          found.put(user.id(), user);
        });
    return found;
  }

  private static User read(ResultSet row) throws SQLException {
    Account account =
        new Account(
            Source.valueOf(row.getString(5)),
            row.getString(6),
            row.getString(7),
            row.getString(8),
            row.getString(9),
            row.getBoolean(10),
            Jdbc.instant(row, 11));
    return new User(
        Jdbc.uuid(row, 1),
        row.getString(2),
        row.getString(3),
        row.getBoolean(4),
        account,
        StoredJson.readUser(row.getString(12)),
        new Meta(Jdbc.instant(row, 13), Jdbc.instant(row, 14), row.getLong(15)));
  }
}
