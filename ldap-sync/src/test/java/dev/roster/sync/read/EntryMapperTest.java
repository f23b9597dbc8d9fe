package dev.roster.sync.read;

import static dev.roster.sync.testing.TestSources.activeDirectoryUsers;
import static dev.roster.sync.testing.TestSources.groups;
import static dev.roster.sync.testing.TestSources.inetOrgPeople;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.model.DirectoryUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entries built in memory → what the sync sees. */
class EntryMapperTest {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "67452301ab89efcd0123456789abcdef, 01234567-89ab-cdef-0123-456789abcdef",
    "570bf8f693dbfd44b9d40b1d52649b71, f6f80b57-db93-44fd-b9d4-0b1d52649b71",
    "00000000000000000000000000000000, 00000000-0000-0000-0000-000000000000",
    "ffffffffffffffffffffffffffffffff, ffffffff-ffff-ffff-ffff-ffffffffffff",
  })
  void rendersObjectGuidInMicrosoftByteOrder(String hexBytes, String guid) throws Exception {
    assertThat(EntryMapper.guid(StaticUtils.fromHex(hexBytes))).isEqualTo(guid);
  }

  @ParameterizedTest(name = "{0}={1} (disabled when {2}) → {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null,               512,      null,     true",
        "userAccountControl, 512,      null,     true",
        "userAccountControl, 514,      null,     false",
        "userAccountControl, 66048,    null,     true",
        "userAccountControl, 66050,    null,     false",
        "userAccountControl, 2,        null,     false",
        "userAccountControl, null,     null,     true",
        "userAccountControl, lots,     null,     ",
        "employeeType,       Disabled, disabled, false",
        "employeeType,       DISABLED, disabled, false",
        "employeeType,       staff,    disabled, true",
        "employeeType,       null,     disabled, true",
        "nsAccountLock,      TRUE,     true,     false",
        "nsAccountLock,      false,    true,     true",
        "pwdAccountLockedTime, 20240101000000Z, null, false",
      })
  void mapsTheDisabledAttribute(
      String attribute, String value, String disabledValue, Boolean enabled) {
    Entry entry = new Entry("uid=x," + PEOPLE);
    if (attribute != null && value != null) {
      entry.addAttribute(attribute, value);
    }

    assertThat(EntryMapper.enabled(entry, attribute, disabledValue)).isEqualTo(enabled);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "uid=bob#'0101'B           | uid=bob",
        "uid=bob,ou=people#'0101'B | uid=bob,ou=people",
        "uid=bob,ou=people#''B     | uid=bob,ou=people",
        "uid=bob,ou=people         | uid=bob,ou=people",
        "cn=a\\#b,ou=people        | cn=a\\#b,ou=people",
      })
  void stripsTheOptionalUidOfUniqueMember(String value, String dn) {
    assertThat(EntryMapper.stripOptionalUid(value)).isEqualTo(dn);
  }

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
    "MEMBER,        'UID=Bob, OU=People,DC=Example,DC=Org', 'uid=bob,ou=people,dc=example,dc=org'",
    "UNIQUE_MEMBER, 'UID=Bob,OU=People,DC=Example,DC=Org#''01''B', 'uid=bob,ou=people,dc=example,dc=org'",
    "MEMBER_UID,    Bob,                                     Bob",
  })
  void normalisesDnMembersAndKeepsUserNames(Membership membership, String raw, String value) {
    EntryMapper mapper = new EntryMapper(inetOrgPeople(PEOPLE), groups(PEOPLE, null, membership));

    assertThat(mapper.memberValue(raw)).isEqualTo(value);
  }

  @Test
  void asksForTheMappedAttributesTheOperationalAnchorAndMemberOf() {
    EntryMapper mapper =
        new EntryMapper(activeDirectoryUsers(PEOPLE), groups(PEOPLE, null, Membership.MEMBER_OF));

    assertThat(mapper.userAttributes())
        .containsExactly(
            "objectGUID",
            "sAMAccountName",
            "givenName",
            "sn",
            "displayName",
            "mail",
            "userAccountControl",
            "memberOf");
    assertThat(mapper.groupAttributes()).containsExactly("objectGUID", "cn");
  }

  @Test
  void asksGroupsForTheirMembershipAttribute() {
    EntryMapper mapper =
        new EntryMapper(inetOrgPeople(PEOPLE), groups(PEOPLE, null, Membership.UNIQUE_MEMBER));

    assertThat(mapper.userAttributes()).contains("entryUUID").doesNotContain("memberOf");
    assertThat(mapper.groupAttributes()).containsExactly("entryUUID", "cn", "uniqueMember");
  }

  @Test
  void skipsAndCountsEntriesWithoutAnchorOrUserName() {
    EntryMapper mapper = new EntryMapper(inetOrgPeople(PEOPLE), null);
    SkippedEntries skipped = new SkippedEntries();
    Entry noAnchor = new Entry("uid=a," + PEOPLE);
    noAnchor.addAttribute("uid", "a");
    Entry noUid = new Entry("cn=b," + PEOPLE);
    noUid.addAttribute("entryUUID", "6f1f9b2c-0000-4000-8000-000000000001");

    assertThat(mapper.user(noAnchor, skipped)).isNull();
    assertThat(mapper.user(noUid, skipped)).isNull();
    assertThat(skipped.count()).isEqualTo(2);
  }

  @Test
  void mapsAUserWithItsFirstEmailAndANormalisedDn() {
    EntryMapper mapper = new EntryMapper(inetOrgPeople(PEOPLE), null);
    Entry entry = new Entry("UID=Ada, OU=People,DC=Example,DC=Org");
    entry.addAttribute("entryUUID", "6f1f9b2c-0000-4000-8000-000000000002");
    entry.addAttribute("uid", "ada");
    entry.addAttribute("mail", "ada@example.org", "lovelace@example.org");

    assertThat(mapper.user(entry, new SkippedEntries()))
        .isEqualTo(
            new DirectoryUser(
                "6f1f9b2c-0000-4000-8000-000000000002",
                "uid=ada,ou=people,dc=example,dc=org",
                "ada",
                null,
                null,
                null,
                "ada@example.org",
                true));
  }
}
