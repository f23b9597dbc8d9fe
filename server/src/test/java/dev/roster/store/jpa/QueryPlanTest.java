package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.scim2.common.filters.Filter;
import dev.roster.config.RosterConfig;
import dev.roster.domain.Account;
import dev.roster.domain.Clock;
import dev.roster.domain.Meta;
import dev.roster.domain.MultiValue;
import dev.roster.domain.Source;
import dev.roster.domain.Tenant;
import dev.roster.domain.User;
import dev.roster.domain.UserDetails;
import dev.roster.store.Paging;
import dev.roster.store.SearchQuery;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database's own plan for the statements a search sends: lookups go through indexes, so their
 * cost does not grow with the tenant. 3,000 users, statistics gathered, on H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class QueryPlanTest {
  /**
   * Either index of the userName key: the tenant's unique one, or the one the sync's IN-list
   * lookups need on H2 (V4); the planners pick by their statistics.
   */
  private static final String USER_NAME_INDEX =
      "(ux_user_account_user_name|ix_user_account_name_key)";

  private static Database database;
  private static JpaTransactions tx;

  @Parameter Db db;

  @BeforeParameterizedClassInvocation
  static void load(Db db) {
    RosterConfig config = TestServer.config(db);
    database = Database.open(config.jdbcUrl(), config.db().user(), config.db().password(), 2);
    tx = new JpaTransactions(database.sessionFactory());
    JpaUserStore users = new JpaUserStore(tx, database.isPostgres());
    Instant now = Clock.now();
    // Batches of one transaction each keep Hibernate's session small.
    for (int batch = 0; batch < 3_000; batch += 250) {
      int first = batch;
      tx.run(
          () -> {
            for (int i = first; i < first + 250; i++) {
              users.insert(Tenant.DEFAULT_ID, user(i, now), null);
            }
          });
    }
    // Plans are made from statistics: gather them as autovacuum (PostgreSQL) or H2's automatic
    // analysis of a table that changed by 2,000 rows would.
    tx.run(() -> tx.session().doWork(c -> c.createStatement().execute("analyze")));
  }

  private static User user(int i, Instant now) {
    UserDetails details =
        new UserDetails(
            null,
            "User %05d".formatted(i),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new MultiValue("u%05d@example.com".formatted(i), null, "work", true)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null);
    return new User(
        UUID.randomUUID(),
        "u%05d".formatted(i),
        "ext-%05d".formatted(i),
        true,
        Account.of(Source.LOCAL_NO_AUTH),
        details,
        new Meta(now, now, 0));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    database.close();
  }

  private String plan(String filter) throws Exception {
    SearchQuery query =
        new SearchQuery(
            filter == null ? null : Filter.fromString(filter),
            null,
            false,
            new Paging.Index(1, 100));
    SqlSearch.Statement statement =
        new SqlSearch<>(ResourceTable.USERS, UserRows::byIds)
            .pageStatement(Tenant.DEFAULT_ID, query);
    // As the search sends it: by JDBC, its placeholders made positional.
    SqlParameters.Positional sent = statement.parameters().positional(statement.sql());
    return tx.inTransaction(
        () -> {
          List<String> lines = new ArrayList<>();
          Jdbc.query(
              tx.session(),
              "explain " + sent.sql(),
              sent.values(),
              row -> lines.add(row.getString(1)));
          return String.join("\n", lines).toLowerCase(Locale.ROOT);
        });
  }

  @Test
  void userNameEqualityUsesAnIndexOfTheUserNameKey() throws Exception {
    assertThat(plan("userName eq \"U01234\"")).containsPattern(USER_NAME_INDEX);
  }

  @Test
  void aMultiValuedAttributeEqualityUsesTheValueIndex() throws Exception {
    assertThat(plan("emails.value eq \"u01234@example.com\"")).contains("ix_user_value_lookup");
  }

  @Test
  void externalIdAndDisplayNameEqualityUseTheirSortIndexes() throws Exception {
    assertThat(plan("externalId eq \"ext-01234\"")).contains("ix_user_account_external_id_sort");
    assertThat(plan("displayName eq \"User 01234\"")).contains("ix_user_account_display_name_sort");
  }

  /**
   * A page of every user, and one of every user not hidden (what a list without a filter asks for),
   * is read in order from the userName index on H2. PostgreSQL knows the tenant is one value and
   * reads the same index without being told.
   */
  @Test
  void aPageOfEveryUserReadsTheUserNameIndexInOrderOnH2() throws Exception {
    assumeTrue(db == Db.H2);
    assertThat(plan(null)).contains("ux_user_account_user_name").contains("index sorted");
    assertThat(plan("urn:roster:scim:extension:2.0:User:hidden eq false"))
        .contains("ux_user_account_user_name")
        .contains("index sorted");
  }

  @Test
  void aPrefixSearchUsesTheIndexToo() throws Exception {
    assertThat(plan("userName sw \"u0123\"")).containsPattern(USER_NAME_INDEX);
  }

  /**
   * Each member column of {@code membership} leads exactly one index: a member's groups and the
   * cascading deletes need one, and a second is a B-tree every membership written pays for (on H2,
   * migration 15 dropped the declared ones beside the foreign keys' own).
   */
  @Test
  void eachMemberColumnOfAMembershipLeadsExactlyOneIndex() {
    assertThat(indexesLedBy("membership", "user_id")).hasSize(1);
    assertThat(indexesLedBy("membership", "member_group_id")).hasSize(1);
  }

  /**
   * A filter on one element finds its values by the value index and each candidate user's other
   * values by the index that leads with the user (on H2, since migration 16, its foreign key's).
   */
  @Test
  void aFilterOnOneElementReadsItsUsersValuesThroughIndexes() throws Exception {
    assertThat(plan("emails[type eq \"work\" and value eq \"u01234@example.com\"]"))
        .contains("ix_user_value_lookup")
        .doesNotContain("tablescan", "seq scan");
  }

  /** The same for a user's searchable values (migration 16 on H2). */
  @Test
  void theUserOfAValueLeadsExactlyOneIndex() {
    assertThat(indexesLedBy("user_value", "user_id")).hasSize(1);
  }

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
                            "explain select group_id from membership"
                                + " where user_id = '0190f1a2-0000-7000-8000-000000000001'",
                            String.class)
                        .getResultList()));

    assertThat(plan.toLowerCase(Locale.ROOT)).doesNotContain("tablescan").contains("user_id");
  }

  /**
   * An incremental sync's pass over a source's users reads it in pages in the order of the source
   * index (V13), which holds every column it selects: H2 neither sorts nor reads a row, and finds
   * the users without a DN and those of one DN in the index too.
   */
  @Test
  void theSourcePassReadsTheSourceIndexInItsOrderOnH2() {
    assumeTrue(db == Db.H2, "PostgreSQL's plan for 3,000 local users follows its statistics");
    String dn = "uid=u001,ou=people,dc=ex";
    assertThat(sourcePassPlan(">= ''", " limit 100", null)).contains("index sorted");
    assertThat(sourcePassPlan("> ?", " limit 100", dn)).contains("index sorted");
    assertThat(sourcePassPlan("= ?", "", dn)).containsPattern("/\\*[^/]*ldap_dn = \\?3");
    assertThat(sourcePassPlan("is null", "", null)).containsPattern("/\\*[^/]*ldap_dn is null");
  }

  /** H2's plan of a statement of the pass; the index conditions are in its first comment. */
  private String sourcePassPlan(String dnTest, String limit, String dn) {
    String sql = JpaSyncStore.sourcePassSelect("user_name_lower", dnTest) + limit;
    return tx.inTransaction(
        () -> {
          NativeQuery<String> explain =
              tx.session().createNativeQuery("explain " + sql, String.class);
          explain.setParameter(1, Tenant.DEFAULT_ID).setParameter(2, "corp");
          if (dn != null) {
            explain.setParameter(3, dn);
          }
          String plan = String.join("\n", explain.getResultList()).toLowerCase(Locale.ROOT);
          assertThat(plan).contains("ix_user_account_source_members");
          return plan;
        });
  }

  /** Names of the indexes of {@code table} whose first column is {@code column}. */
  private List<String> indexesLedBy(String name, String column) {
    String table = db == Db.H2 ? name.toUpperCase(Locale.ROOT) : name;
    return tx.inTransaction(
        () -> {
          List<String> names = new ArrayList<>();
          tx.session()
              .doWork(
                  connection -> {
                    try (var rows =
                        connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
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
}
