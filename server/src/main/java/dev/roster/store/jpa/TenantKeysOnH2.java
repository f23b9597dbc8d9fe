package dev.roster.store.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 12, on H2 only: the foreign keys from the busiest tables to {@code tenant} go.
 *
 * <p>H2 gives each foreign key an index of its own, so these were single-column indexes on {@code
 * tenant_id}, one more B-tree for every user, group, membership and searchable value written.
 * Worse, H2 chose that index for a page of users sorted by userName: it reads the tenant's rows in
 * order of the tenant alone and sorts them all (3,001 rows read for a page of 100 of 3,000 users),
 * where the (tenant, userName) index hands over the page in order (100 rows read). Tenants are
 * created by the administration API and never deleted, and every row's tenant is the one its
 * request was authorized for, so the keys guarded nothing a request could break. PostgreSQL keeps
 * them: it indexes no foreign key by itself.
 */
final class TenantKeysOnH2 implements JavaMigration {
  private static final List<String> TABLES =
      List.of("USER_ACCOUNT", "USER_GROUP", "MEMBERSHIP", "USER_VALUE");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("12");
  }

  @Override
  public String getDescription() {
    return "tenant keys on H2";
  }

  @Override
  public Integer getChecksum() {
    return 12;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName();
    if (!product.toUpperCase(Locale.ROOT).contains("H2")) {
      return;
    }
    List<String[]> keys = new ArrayList<>();
    try (PreparedStatement find =
        connection.prepareStatement(
            "select tc.table_name, tc.constraint_name"
                + " from information_schema.table_constraints tc"
                + " join information_schema.key_column_usage k"
                + " on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name"
                + " where tc.constraint_type = 'FOREIGN KEY' and k.column_name = 'TENANT_ID'"
                + " and tc.table_schema = 'PUBLIC'")) {
      try (ResultSet rows = find.executeQuery()) {
        while (rows.next()) {
          if (TABLES.contains(rows.getString(1))) {
            keys.add(new String[] {rows.getString(1), rows.getString(2)});
          }
        }
      }
    }
    try (Statement drop = connection.createStatement()) {
      for (String[] key : keys) {
        // Dropping the key drops the index H2 made for it.
        drop.execute("alter table " + key[0] + " drop constraint \"" + key[1] + "\"");
      }
    }
  }
}
