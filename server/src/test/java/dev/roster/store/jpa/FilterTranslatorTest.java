package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.InvalidFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCIM filter → JPQL condition, as a table. Values only ever appear as parameters. */
class FilterTranslatorTest {
  private static String jpql(String filter) throws Exception {
    return new FilterTranslator("e", JpaUserStore.COLUMNS)
        .translate(Filter.fromString(filter), new JpqlCondition());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      userName eq "BJensen"                 | (e.userNameLower is not null and e.userNameLower = :p0)
      UserName Eq "x"                       | (e.userNameLower is not null and e.userNameLower = :p0)
      externalId eq "A-1"                   | (e.externalId is not null and e.externalId = :p0)
      userName ne "x"                       | not (e.userNameLower is not null and e.userNameLower = :p0)
      displayName co "an"                   | (e.displayNameLower is not null and e.displayNameLower like :p0 escape '!')
      userName sw "b"                       | (e.userNameLower is not null and e.userNameLower like :p0 escape '!')
      externalId pr                         | (e.externalId is not null)
      active eq true                        | (e.active = :p0)
      active eq "False"                     | (e.active = :p0)
      meta.created gt "2026-01-01T00:00:00Z" | (e.created > :p0)
      meta.lastModified le "2026-01-01T00:00:00+02:00" | (e.lastModified <= :p0)
      id eq "not-a-uuid"                    | (1 = 0)
      id eq "2819c223-7f76-453a-919d-413861904646" | (e.id = :p0)
      userName eq "a" and active eq true    | ((e.userNameLower is not null and e.userNameLower = :p0) and (e.active = :p1))
      userName eq "a" or userName eq "b"    | ((e.userNameLower is not null and e.userNameLower = :p0) or (e.userNameLower is not null and e.userNameLower = :p1))
      not (active eq true)                  | not ((e.active = :p0))
      """)
  void translates(String filter, String expected) throws Exception {
    assertThat(jpql(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      password eq "x"                 | cannot filter or sort on 'password'
      emails[type eq "work"]          | complex attribute filters
      active gt true                  | is a boolean
      userName gt 5                   | is a string
      meta.created gt "yesterday"     | is a dateTime
      id gt "a"                       | can only be compared with eq or ne
      active co "t"                   | is not a string
      """)
  void refusesWithAMessageNamingTheProblem(String filter, String message) {
    assertThatThrownBy(() -> jpql(filter))
        .isInstanceOf(InvalidFilter.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      userName eq "x' or '1'='1"
      userName eq "x\\") or (1=1"
      displayName co "%_!"
      """)
  void valuesNeverReachTheQueryText(String filter) throws Exception {
    String jpql = jpql(filter);
    assertThat(jpql)
        .doesNotContain("'1'")
        .doesNotContain("1=1")
        .doesNotContain("%")
        .contains(":p0");
  }
}
