package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bare comparison values are quoted; everything else is left for the parser. */
class LenientFilterTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "userName sw O|userName sw \"O\"",
        "name.FamilyName eq Employee|name.FamilyName eq \"Employee\"",
        "meta.Created gt 2015-10-10T14:38:21.8617979-07:00|meta.Created gt \"2015-10-10T14:38:21.8617979-07:00\"",
        "userName eq \"a eq b\"|userName eq \"a eq b\"",
        "active eq true and title pr|active eq true and title pr",
        "count eq 42|count eq 42",
        "title eq null|title eq null",
        "emails[type eq work]|emails[type eq \"work\"]",
        "(userName eq x) or (userName EQ y)|(userName eq \"x\") or (userName EQ \"y\")",
        "userName eq \"say \\\"hi\\\"\"|userName eq \"say \\\"hi\\\"\"",
        "userName eq|userName eq",
      })
  void quotesOnlyBareWordsAfterOperators(String filter, String expected) {
    assertThat(LenientFilter.quoteBareValues(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "emails[type eq \"work\"].value eq \"a@b.c\"|emails[(type eq \"work\") and value eq \"a@b.c\"]",
        "emails[type eq work].value eq a@b.c|emails[(type eq \"work\") and value eq \"a@b.c\"]",
        "emails[type eq \"work\"].value pr|emails[(type eq \"work\") and value pr]",
        "emails[type eq \"x]\"].Value EQ \"a\" and active eq true|emails[(type eq \"x]\") and Value EQ \"a\"] and active eq true",
        "emails[type eq \"work\"] and userName eq \"a\"|emails[type eq \"work\"] and userName eq \"a\"",
        "userName eq \"a[b].c eq d\"|userName eq \"a[b].c eq d\"",
        "emails[type eq \"work\"].value|emails[type eq \"work\"].value",
      })
  void movesASubAttributeComparedAfterAValueFilterIntoIt(String filter, String expected) {
    assertThat(LenientFilter.normalize(filter)).isEqualTo(expected);
  }
}
