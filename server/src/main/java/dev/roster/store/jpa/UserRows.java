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
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "user_name",
          "external_id",
          "active",
          "source",
          "source_name",
          "ldap_dn",
          "ldap_uuid",
          "profile",
          "hidden",
          "last_login",
          "attributes",
          "created",
          "last_modified",
          "version");

  /**
   * What a search selects beside each match's id and sort key, so a page narrowed to a few users (a
   * userName eq lookup) is read in its one statement rather than again by id.
   */
  static final SqlSearch.RowReader<User> IN_SEARCH =
      new SqlSearch.RowReader<>(columns(SqlSearch.ALIAS), UserRows::read);

  private static final String COLUMNS_OF_U = columns("u");

  private UserRows() {}

  private static String columns(String alias) {
    return COLUMNS.stream()
        .map(column -> alias + "." + column)
        .collect(java.util.stream.Collectors.joining(", "));
  }

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
                + COLUMNS_OF_U
                + " from user_account u where u.id"
                + idTest
                + " and u.tenant_id = ?",
        row -> {
          User user = read(row, 1);
          found.put(user.id(), user);
        });
    return found;
  }

  /** The user whose {@link #COLUMNS} start at column {@code first}. */
  private static User read(ResultSet row, int first) throws SQLException {
    int c = first - 1;
    Account account =
        new Account(
            Source.valueOf(row.getString(c + 5)),
            row.getString(c + 6),
            row.getString(c + 7),
            row.getString(c + 8),
            row.getString(c + 9),
            row.getBoolean(c + 10),
            Jdbc.instant(row, c + 11));
    return new User(
        Jdbc.uuid(row, c + 1),
        row.getString(c + 2),
        row.getString(c + 3),
        row.getBoolean(c + 4),
        account,
        StoredJson.readUser(row.getString(c + 12)),
        new Meta(Jdbc.instant(row, c + 13), Jdbc.instant(row, c + 14), row.getLong(c + 15)));
  }
}
