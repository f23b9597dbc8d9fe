package dev.roster.sync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.roster.sync.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result codes named as RFC 4511 spells them, and no password in any message. */
class ReadFailureTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "4,  sizeLimitExceeded",
    "3,  timeLimitExceeded",
    "10, referral",
    "32, noSuchObject",
    "49, invalidCredentials",
    "51, busy",
    "52, unavailable",
    "53, unwillingToPerform",
    "81, serverDown",
    "85, timeout",
    "91, connectError",
  })
  void namesResultCodesInRfcSpelling(int code, String name) {
    assertThat(ReadFailure.name(ResultCode.valueOf(code))).isEqualTo(name);
  }

  @Test
  void blanksThePasswordShouldTheServerEchoIt() {
    ReadFailure failure = new ReadFailure(Secret.of("s3cret-pw"));

    DirectoryReadException e =
        failure.ldap(
            "bind as cn=admin",
            new LDAPException(ResultCode.INVALID_CREDENTIALS, "password s3cret-pw is wrong"));

    assertThat(e.getMessage())
        .isEqualTo("bind as cn=admin: invalidCredentials (password **** is wrong)");
    assertThat(e.resultCode()).isEqualTo("invalidCredentials");
  }
}
