package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.filters.Filter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlSearchNarrowsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "userName eq \"ada\"                             | true",
        "externalId eq \"e-1\"                           | true",
        "emails[value eq \"ada@example.com\"]            | true",
        "active eq true and userName eq \"ada\"          | true",
        "userName eq \"ada\" or externalId eq \"e-1\"    | true",
        "userName eq \"ada\" or active eq true           | false",
        "urn:roster:scim:extension:2.0:User:hidden eq false | false",
        "userName sw \"a\"                               | false",
        "meta.lastModified gt \"2026-01-01T00:00:00Z\"   | false",
        "not (userName eq \"ada\")                       | false",
      })
  void aFilterNarrowsWhenAnEqualityToANonBooleanValueHoldsInEveryBranch(
      String filter, boolean narrows) throws Exception {
    assertThat(SqlSearch.narrows(Filter.fromString(filter))).isEqualTo(narrows);
  }
}
