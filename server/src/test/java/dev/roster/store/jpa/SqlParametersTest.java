package dev.roster.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Named placeholders turned into JDBC's positional ones, as the search statements use them. */
class SqlParametersTest {
  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Test
  void eachNameBecomesAMarkAndItsValueInThatPlaceEvenWhenUsedTwice() {
    SqlParameters p = new SqlParameters(TENANT);
    String name = p.bind("ada");
    String age = p.bind(42L);
    SqlParameters.Positional positional =
        p.positional(
            "select 1 from t e where e.tenant_id = :tenant and e.name = "
                + name
                + " and e.age > "
                + age
                + " and e.other_tenant = :tenant");

    assertThat(positional.sql())
        .isEqualTo(
            "select 1 from t e where e.tenant_id = ? and e.name = ? and e.age > ?"
                + " and e.other_tenant = ?");
    assertThat(positional.values()).containsExactly(TENANT, "ada", 42L, TENANT);
  }

  @Test
  void quotedLiteralsAndCastsAreLeftAlone() {
    SqlParameters p = new SqlParameters(TENANT);
    SqlParameters.Positional positional =
        p.positional(
            "select 'a:b', x::text from t e where e.path = 'urn:x:y' and e.tenant_id = :tenant");

    assertThat(positional.sql())
        .isEqualTo("select 'a:b', x::text from t e where e.path = 'urn:x:y' and e.tenant_id = ?");
    assertThat(positional.values()).containsExactly(TENANT);
  }

  @Test
  void instantsGoAsOffsetDateTimesInUtc() {
    SqlParameters p = new SqlParameters(TENANT);
    Instant when = Instant.parse("2026-11-23T10:15:30.123456Z");
    String mark = p.bind(when);

    assertThat(p.positional("select 1 where c > " + mark).values())
        .containsExactly(OffsetDateTime.of(2026, 11, 23, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
  }

  @Test
  void aNameWithNoValueIsAnError() {
    SqlParameters p = new SqlParameters(TENANT);

    assertThatThrownBy(() -> p.positional("select 1 where c = :missing"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(":missing");
  }
}
