package dev.roster.store.jpa;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that, on H2 only, drops declared indexes that an index H2 made by itself duplicates.
 *
 * <p>H2 makes an index of its own for a foreign key when the key is declared (it reuses an index
 * only if it has exactly the key's columns, and none existed yet), so a column that leads both that
 * index and a declared one is indexed twice on H2, and every row written pays for both B-trees. The
 * foreign key's index answers the same lookups: it leads with the same column, and the rows under
 * one value are few. PostgreSQL keeps the declared indexes: it indexes no foreign key by itself.
 */
final class IndexesOnH2 implements JavaMigration {
  private final int version;
  private final String description;
  private final List<String> indexes;

  private IndexesOnH2(int version, String description, List<String> indexes) {
    this.version = version;
    this.description = description;
    this.indexes = indexes;
  }

  /**
   * Migration 15: {@code membership}'s indexes by member, {@code (user_id, group_id)} and {@code
   * (member_group_id, group_id)}. A first sync writes 431,998 memberships, each into the by-user
   * index at a random place; the foreign key's index reads a user's few membership rows instead.
   */
  static IndexesOnH2 memberIndexes() {
    return new IndexesOnH2(
        15, "member indexes on H2", List.of("ix_membership_by_user", "ix_membership_by_group"));
  }

  /**
   * Migration 16: {@code user_value}'s {@code (user_id, path, item_index)}. A first sync writes
   * about ten values a user; the foreign key's index on {@code user_id} finds a user's values (a
   * complex filter on one element, a sort key, the rewrite on every write), a dozen rows, as well.
   */
  static IndexesOnH2 valueIndex() {
    return new IndexesOnH2(16, "value index on H2", List.of("ix_user_value_user"));
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(Integer.toString(version));
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return version;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!product.toUpperCase(Locale.ROOT).contains("H2")) {
      return;
    }
    try (Statement drop = context.getConnection().createStatement()) {
      for (String index : indexes) {
        drop.execute("drop index if exists " + index);
      }
    }
  }
}
