package dev.roster.store.jpa;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;

/**
 * Inserts the users a sync batch creates, with their searchable values, as two JDBC batches on the
 * transaction's connection. Through Hibernate a first sync of 100,000 users spent about as much
 * time around the inserts as H2 did in them (an entity insert action and a collection recreate per
 * user, a row of parameter binding objects per value); the rows written are the same. The users are
 * never in the session: nothing in the batch reads them back through it.
 *
 * <pre>{@code
 * NewUsers.insert(session, users); // each user built whole, its values indexed
 * }</pre>
 *
 * <p>A unique index the rows violate fails {@code executeBatch}, which Hibernate's {@code doWork}
 * turns into a {@code ConstraintViolationException} naming the index, as for its own inserts.
 */
final class NewUsers {
  /** Every column of {@code user_account}, in the order they are bound. */
  static final List<String> USER_COLUMNS =
      List.of(
          "id",
          "tenant_id",
          "user_name",
          "user_name_lower",
          "external_id",
          "display_name",
          "display_name_lower",
          "active",
          "source",
          "source_name",
          "ldap_dn",
          "ldap_uuid",
          "profile",
          "hidden",
          "disabled_reason",
          "last_login",
          "password_hash",
          "attributes",
          "created",
          "last_modified",
          "version",
          "search_version");

  private static final String USER =
      "insert into user_account ("
          + String.join(", ", USER_COLUMNS)
          + ") values ("
          + String.join(", ", Collections.nCopies(USER_COLUMNS.size(), "?"))
          + ")";

  private static final String VALUE =
      "insert into user_value (user_id, tenant_id, path, item_index, text_value, text_key,"
          + " bool_value) values (?, ?, ?, ?, ?, ?, ?)";

  private NewUsers() {}

  /** Inserts these users, none of them stored yet, and then all their values. */
  static void insert(Session session, List<UserEntity> users) {
    if (users.isEmpty()) {
      return;
    }
    session.doWork(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(USER)) {
            for (UserEntity u : users) {
              insert.setObject(1, u.id);
              insert.setObject(2, u.tenantId);
              insert.setString(3, u.userName);
              insert.setString(4, u.userNameLower);
              insert.setString(5, u.externalId);
              insert.setString(6, u.displayName);
              insert.setString(7, u.displayNameLower);
              insert.setBoolean(8, u.active);
              insert.setString(9, u.source);
              insert.setString(10, u.sourceName);
              insert.setString(11, u.ldapDn);
              insert.setString(12, u.ldapUuid);
              insert.setString(13, u.profile);
              insert.setBoolean(14, u.hidden);
              insert.setString(15, u.disabledReason);
              Jdbc.setInstant(insert, 16, u.lastLogin);
              insert.setString(17, u.passwordHash);
              insert.setString(18, u.attributes);
              Jdbc.setInstant(insert, 19, u.created);
              Jdbc.setInstant(insert, 20, u.lastModified);
              insert.setLong(21, u.version);
              insert.setInt(22, u.searchVersion);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          try (PreparedStatement insert = connection.prepareStatement(VALUE)) {
            for (UserEntity u : users) {
              for (UserValue value : u.values) {
                insert.setObject(1, u.id);
                insert.setObject(2, value.tenantId());
                insert.setString(3, value.path());
                insert.setInt(4, value.item());
                insert.setString(5, value.text());
                insert.setString(6, value.textKey());
                if (value.bool() == null) {
                  insert.setNull(7, Types.BOOLEAN);
                } else {
                  insert.setBoolean(7, value.bool());
                }
                insert.addBatch();
              }
            }
            insert.executeBatch();
          }
        });
  }
}
