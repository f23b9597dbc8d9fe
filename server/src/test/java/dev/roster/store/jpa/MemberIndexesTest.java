package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roster.config.RosterConfig;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each member column of {@code membership} has exactly one index that it leads (the lookups of a
 * member's groups and the cascading deletes need one; a second is a B-tree every membership written
 * pays for), and a member's groups are read through it.
 */
@ParameterizedClass
@EnumSource(Db.class)
class MemberIndexesTest {
  private final Db db;
  private Database database;
  private JpaTransactions tx;

  MemberIndexesTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
    tx = new JpaTransactions(database.sessionFactory());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void eachMemberColumnLeadsExactlyOneIndex() {
    assertThat(indexesLedBy("user_id")).hasSize(1);
    assertThat(indexesLedBy("member_group_id")).hasSize(1);
  }

  /** On H2, whose by-member indexes migration 15 dropped: the foreign key's index serves. */
  @Test
  void aMembersGroupsAreReadThroughAnIndexOnH2() {
    assumeTrue(db == Db.H2, "PostgreSQL keeps its by-member indexes; its plans follow statistics");
    String plan =
        tx.inTransaction(
            () ->
                String.join(
                    "\n",
                    tx.session()
                        .createNativeQuery(
                            "explain select group_id from membership where user_id = '"
                                + "0190f1a2-0000-7000-8000-000000000001'",
                            String.class)
                        .getResultList()));

    assertThat(plan.toLowerCase(Locale.ROOT)).doesNotContain("tablescan").contains("user_id");
  }

  /** Names of the indexes of {@code membership} whose first column is {@code column}. */
  private List<String> indexesLedBy(String column) {
    return tx.inTransaction(
        () -> {
          List<String> names = new ArrayList<>();
          tx.session()
              .doWork(
                  connection -> {
                    try (var rows =
                        connection.getMetaData().getIndexInfo(null, null, table(), false, false)) {
                      while (rows.next()) {
                        if (rows.getShort("ORDINAL_POSITION") == 1
                            && column.equalsIgnoreCase(rows.getString("COLUMN_NAME"))) {
                          names.add(rows.getString("INDEX_NAME"));
                        }
                      }
                    }
                  });
          return names;
        });
  }

  private String table() {
    return db == Db.H2 ? "MEMBERSHIP" : "membership";
  }
}
