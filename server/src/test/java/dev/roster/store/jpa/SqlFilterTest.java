package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.InvalidFilter;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCIM filter → SQL condition, as a table. Values only ever appear as parameters. */
class SqlFilterTest {
  private static String users(String filter) throws Exception {
    return SqlFilter.translate(
        ResourceTable.USERS,
        Filter.fromString(filter),
        new SqlParameters(UUID.randomUUID()),
        false);
  }

  private static String groups(String filter) throws Exception {
    return SqlFilter.translate(
        ResourceTable.GROUPS,
        Filter.fromString(filter),
        new SqlParameters(UUID.randomUUID()),
        false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      userName eq "BJensen"                 | (e.user_name_lower = :p0)
      UserName Eq "x"                       | (e.user_name_lower = :p0)
      urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x" | (e.user_name_lower = :p0)
      externalId eq "A-1"                   | (e.external_id is not null and (e.external_id = :p0))
      userName ne "x"                       | not (e.user_name_lower = :p0)
      displayName co "an"                   | (e.display_name_lower is not null and (e.display_name_lower like :p0 escape '!'))
      userName sw "b"                       | (e.user_name_lower like :p0 escape '!')
      externalId pr                         | (e.external_id is not null and e.external_id <> '')
      active eq true                        | (e.active = :p0)
      active eq "False"                     | (e.active = :p0)
      meta.created gt "2026-01-01T00:00:00Z" | (e.created > :p0)
      meta.lastModified le "2026-01-01T00:00:00+02:00" | (e.last_modified <= :p0)
      id eq "not-a-uuid"                    | (1 = 0)
      id eq "2819c223-7f76-453a-919d-413861904646" | (e.id = :p0)
      id sw "2819"                          | (cast(e.id as varchar(36)) like :p0 escape '!')
      userName eq "a" and active eq true    | ((e.user_name_lower = :p0) and (e.active = :p1))
      not (active eq true)                  | not ((e.active = :p0))
      title eq "Boss"                       | e.id in (select v.user_id from user_value v where v.tenant_id = :tenant and v.path = :p0 and (v.text_key = :p1 and v.text_value = :p2))
      emails.value co "@x"                  | e.id in (select v.user_id from user_value v where v.tenant_id = :tenant and v.path = :p0 and (v.text_value like :p1 escape '!'))
      emails.primary eq true                | e.id in (select v.user_id from user_value v where v.tenant_id = :tenant and v.path = :p0 and (v.bool_value = :p1))
      emails.value ne "a@x"                 | e.id not in (select v.user_id from user_value v where v.tenant_id = :tenant and v.path = :p0 and (v.text_key = :p1 and v.text_value = :p2))
      emails pr                             | e.id in (select v.user_id as owner_id from user_value v where v.tenant_id = :tenant and v.path = :p0)
      emails[type eq "work" and value co "@x"] | e.id in (select s.owner_id from (select v0.user_id as owner_id, v0.item_index as item_id from user_value v0 join user_value v1 on v1.user_id = v0.user_id and v1.item_index = v0.item_index and v1.path = :p3 and (v1.text_value like :p4 escape '!') where v0.tenant_id = :tenant and v0.path = :p0 and (v0.text_key = :p1 and v0.text_value = :p2)) s)
      emails[type eq "work" or not (primary eq true)] | e.id in (select s.owner_id from ((select v0.user_id as owner_id, v0.item_index as item_id from user_value v0 where v0.tenant_id = :tenant and v0.path = :p0 and (v0.text_key = :p1 and v0.text_value = :p2)) union ((select v.user_id as owner_id, v.item_index as item_id from user_value v where v.tenant_id = :tenant and v.path = :p3) except (select v0.user_id as owner_id, v0.item_index as item_id from user_value v0 where v0.tenant_id = :tenant and v0.path = :p4 and (v0.bool_value = :p5)))) s)
      groups.value eq "2819c223-7f76-453a-919d-413861904646" | e.id in (select m.user_id from membership m join user_group g on g.id = m.group_id where m.tenant_id = :tenant and m.user_id is not null and (m.group_id = :p0))
      """)
  void translatesUserFilters(String filter, String expected) throws Exception {
    assertThat(users(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      members.value eq "2819c223-7f76-453a-919d-413861904646" | e.id in (select m.group_id from membership m left join user_account mu on mu.id = m.user_id left join user_group mg on mg.id = m.member_group_id where m.tenant_id = :tenant and (m.user_id = :p0 or m.member_group_id = :p0))
      displayName eq "Admins"               | (e.display_name_lower = :p0)
      """)
  void translatesGroupFilters(String filter, String expected) throws Exception {
    assertThat(groups(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      password eq "x"                 | cannot be searched
      favouriteColour eq "red"        | 'favouriteColour' is not an attribute of User resources
      emails.valu eq "x"              | 'emails' has no sub-attribute 'valu'
      emails[valu eq "x"]             | 'emails' has no sub-attribute 'valu'
      emails eq "x"                   | is complex
      userName[value eq "x"]          | is not a complex attribute
      active gt true                  | is a boolean
      userName gt true                | is a string
      meta.created gt "yesterday"     | is a dateTime
      meta.location eq "x"            | cannot be searched
      active co "t"                   | is a boolean
      urn:example:unknown:attr eq "x" | is not a schema of User resources
      """)
  void refusesWithAMessageNamingTheProblem(String filter, String message) {
    assertThatThrownBy(() -> users(filter))
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
      emails[value eq "'; drop table user_account; --"]
      """)
  void valuesNeverReachTheQueryText(String filter) throws Exception {
    String sql = users(filter);
    assertThat(sql)
        .doesNotContain("'1'")
        .doesNotContain("1=1")
        .doesNotContain("%")
        .doesNotContain("drop")
        .contains(":p0");
  }
}
