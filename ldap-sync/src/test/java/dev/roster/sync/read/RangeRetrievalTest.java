package dev.roster.sync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a ranged attribute in an entry is read: where the slice starts and where the next one does.
 */
class RangeRetrievalTest {
  @ParameterizedTest(name = "{0} → low {1}, next {2}")
  @CsvSource({
    "member;range=0-1499,    0,    1500",
    "member;range=1500-*,    1500, -1",
    "member;range=1500-2999, 1500, 3000",
    "Member;Range=0-2,       0,    3",
    "member;x-opt;range=0-*, 0,    -1",
  })
  void readsTheRangeOption(String attribute, int low, int nextLow) {
    Entry entry = new Entry("cn=g,dc=example,dc=org");
    entry.addAttribute(attribute, "uid=a,dc=example,dc=org");

    RangeRetrieval.Slice slice = RangeRetrieval.slice(entry, "member");

    assertThat(slice.low()).isEqualTo(low);
    assertThat(slice.nextLow()).isEqualTo(nextLow);
    assertThat(slice.values()).containsExactly("uid=a,dc=example,dc=org");
  }

  @ParameterizedTest(name = "{0} → none")
  @CsvSource({"member", "memberOf;range=0-1", "member;lang-en"})
  void findsNoSliceInAWholeOrOtherAttribute(String attribute) {
    Entry entry = new Entry("cn=g,dc=example,dc=org");
    entry.addAttribute(attribute, "x");

    assertThat(RangeRetrieval.slice(entry, "member")).isNull();
  }
}
