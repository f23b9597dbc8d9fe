package dev.roster.sync.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.read.SyncCursor.Kind;
import dev.roster.sync.testing.TestSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncCursorTest {
  private static final SourceSettings SOURCE = source("(objectClass=inetOrgPerson)");

  @Test
  void aCursorReadsBackAsWritten() {
    SyncCursor cursor = SyncCursor.of(Kind.CONTENT_SYNC, SOURCE, "cmlkPTAwMA==");

    assertThat(cursor.encode()).matches("v1\\|cs\\|[0-9a-f]{16}\\|cmlkPTAwMA==");
    assertThat(SyncCursor.decode(cursor.encode())).contains(cursor);
    assertThat(cursor.fits(SOURCE)).isTrue();
  }

  @Test
  void aCursorTakenWithOtherUserSettingsDoesNotFit() {
    SyncCursor cursor = SyncCursor.of(Kind.TIMESTAMP, SOURCE, "20240101000000Z");

    assertThat(cursor.fits(source("(objectClass=person)"))).isFalse();
  }

  @Test
  void anythingElseIsNoCursor() {
    assertThat(SyncCursor.decode(null)).isEmpty();
    assertThat(SyncCursor.decode("20240101000000Z")).isEmpty();
    assertThat(SyncCursor.decode("v1|xx|abc|value")).isEmpty();
    assertThat(SyncCursor.decode("v1|ts|abc|")).isEmpty();
    assertThat(SyncCursor.decode("v2|ts|abc|20240101000000Z")).isEmpty();
  }

  private static SourceSettings source(String filter) {
    ConnectionSettings connection =
        new ConnectionSettings(List.of("ldap://127.0.0.1:389"), "", null, null, null, 0, 0, 0);
    return TestSources.source(
        connection,
        new dev.roster.sync.config.UserSettings(
            "ou=people,dc=ex",
            "sub",
            filter,
            "uid",
            "entryUUID",
            null,
            null,
            null,
            null,
            null,
            null,
            "default"),
        TestSources.noGroups());
  }
}
