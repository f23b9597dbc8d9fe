package dev.roster.sync.read;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Active Directory's range retrieval ([MS-ADTS] 3.1.1.3.1.3.3): a group with more members than one
 * read returns (1,500 by default) comes back as {@code member;range=0-1499} instead of {@code
 * member}; the rest is asked for with base-scope reads of {@code member;range=1500-*} until a range
 * ends with {@code *}. A range that does not start where the last one ended is a failure, not a
 * shorter group.
 */
final class RangeRetrieval {
  private static final Pattern RANGE = Pattern.compile("range=(\\d+)-(\\d+|\\*)");

  /** One slice of a ranged attribute: its values and where the next slice starts (-1: none). */
  record Slice(List<String> values, int low, int nextLow) {
    boolean last() {
      return nextLow < 0;
    }
  }

  private final LDAPConnection connection;
  private final ReadFailure failure;

  RangeRetrieval(LDAPConnection connection, ReadFailure failure) {
    this.connection = connection;
    this.failure = failure;
  }

  /** The ranged form of {@code attribute} in the entry, or null when the entry has it whole. */
  static Slice slice(Entry entry, String attribute) {
    for (Attribute candidate : entry.getAttributes()) {
      if (!candidate.getBaseName().equalsIgnoreCase(attribute)) {
        continue;
      }
      for (String option : candidate.getOptions()) {
        Matcher range = RANGE.matcher(option.toLowerCase(Locale.ROOT));
        if (range.matches()) {
          int low = Integer.parseInt(range.group(1));
          int next = range.group(2).equals("*") ? -1 : Integer.parseInt(range.group(2)) + 1;
          return new Slice(EntryMapper.values(candidate), low, next);
        }
      }
    }
    return null;
  }

  /** Reads the slices of {@code attribute} from {@code low} on until the one ending with *. */
  void rest(String dn, String attribute, int low, List<String> into) throws DirectoryReadException {
    String phase = "range retrieval of " + attribute + " from " + dn;
    int next = low;
    while (next >= 0) {
      Slice slice = slice(read(phase, dn, attribute + ";range=" + next + "-*"), attribute);
      if (slice == null || slice.low() != next || (!slice.last() && slice.nextLow() <= next)) {
        throw failure.of(
            phase,
            "rangeRetrievalBroken",
            "asked for values from " + next + ", got " + (slice == null ? "none" : slice.low()));
      }
      into.addAll(slice.values());
      next = slice.nextLow();
    }
  }

  private Entry read(String phase, String dn, String attribute) throws DirectoryReadException {
    SearchResult result;
    try {
      result = connection.search(dn, SearchScope.BASE, "(objectClass=*)", attribute);
    } catch (LDAPSearchException e) {
      throw failure.ldap(phase, e);
    }
    if (result.getResultCode() != ResultCode.SUCCESS) {
      throw failure.of(
          phase, ReadFailure.name(result.getResultCode()), result.getDiagnosticMessage());
    }
    if (result.getEntryCount() != 1) {
      throw failure.of(phase, "rangeRetrievalBroken", result.getEntryCount() + " entries returned");
    }
    return result.getSearchEntries().get(0);
  }
}
