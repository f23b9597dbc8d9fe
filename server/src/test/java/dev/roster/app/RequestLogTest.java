package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One INFO line per request: method, path, status, duration; never the token or the query. */
class RequestLogTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("roster.request");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(before);
  }

  @Test
  void durationsAreMillisecondsRoundedToOneDecimal() {
    assertThat(RequestLogFilter.millis(0)).isEqualTo("0.0");
    assertThat(RequestLogFilter.millis(49_999)).isEqualTo("0.0");
    assertThat(RequestLogFilter.millis(50_000)).isEqualTo("0.1");
    assertThat(RequestLogFilter.millis(1_949_999)).isEqualTo("1.9");
    assertThat(RequestLogFilter.millis(1_950_000)).isEqualTo("2.0");
    assertThat(RequestLogFilter.millis(12_345_678_901L)).isEqualTo("12345.7");
  }

  @Test
  void aRequestLogsOneLineWithoutItsTokenOrQuery() throws InterruptedException {
    TestServer.shared(Db.H2)
        .client()
        .get(
            "/Users?filter="
                + dev.roster.testing.ScimClient.encode("userName eq \"private-person\""))
        .expectStatus(200);
    // The line is written once the response is complete, which the client may see first.
    for (int i = 0; i < 100 && lines.list.isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(lines.list).hasSize(1);
    ILoggingEvent line = lines.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.INFO);
    assertThat(line.getFormattedMessage())
        .matches("method=GET path=/scim/v2/Users status=200 durationMs=\\d+\\.\\d")
        .doesNotContain(TestServer.BOOTSTRAP_TOKEN)
        .doesNotContain("private-person");
    assertThat(line.getMDCPropertyMap()).containsKey("requestId");
  }
}
