package dev.roster.store.jpa;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 15, on H2 only: the membership indexes by member, {@code (user_id, group_id)} and
 * {@code (member_group_id, group_id)}, go.
 *
 * <p>H2 made an index of its own for each cascading foreign key of {@code membership} when V1
 * declared the keys (it reuses an index only if it has exactly the key's columns, and none existed
 * yet), so on H2 the member columns were indexed twice, and a membership written paid for both: a
 * first sync writes 431,998 of them, each into the by-user indexes at a random place. The foreign
 * key's index answers the same lookups (the groups of a user, the groups holding a group), reading
 * a user's few membership rows for their group. PostgreSQL keeps them: it indexes no foreign key by
 * itself.
 */
final class MemberIndexesOnH2 implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("15");
  }

  @Override
  public String getDescription() {
    return "member indexes on H2";
  }

  @Override
  public Integer getChecksum() {
    return 15;
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
      drop.execute("drop index if exists ix_membership_by_user");
      drop.execute("drop index if exists ix_membership_by_group");
    }
  }
}
