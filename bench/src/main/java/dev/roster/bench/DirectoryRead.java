package dev.roster.bench;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * The directory read alone, as the sync does it (paged, 500 a page, the attributes the bench's
 * source maps), timed in the bench's JVM with the UnboundID SDK: what the sync cannot go below.
 * Entries are counted as they arrive, not kept.
 */
final class DirectoryRead {
  /** Entries, member values and seconds of one read of users and groups. */
  record Timing(long users, long groups, long memberValues, double seconds) {}

  private DirectoryRead() {}

  static Timing time(Directory directory) throws LDAPException {
    long start = System.nanoTime();
    try (LDAPConnection connection =
        new LDAPConnection(
            directory.host(),
            directory.port(),
            DirectoryLdif.READER_DN,
            DirectoryLdif.READER_PASSWORD)) {
      long[] users =
          read(
              connection,
              DirectoryLdif.PEOPLE,
              "(objectClass=inetOrgPerson)",
              null,
              "uid",
              "cn",
              "givenName",
              "sn",
              "mail",
              "entryUUID",
              "modifyTimestamp");
      long[] groups =
          read(
              connection,
              DirectoryLdif.GROUPS,
              "(objectClass=groupOfNames)",
              "member",
              "cn",
              "member",
              "entryUUID");
      return new Timing(users[0], groups[0], groups[1], (System.nanoTime() - start) / 1e9);
    }
  }

  /** Entries read, and values of {@code counted} among them. */
  private static long[] read(
      LDAPConnection connection, String base, String filter, String counted, String... attributes)
      throws LDAPException {
    long[] totals = new long[2];
    SearchResultListener listener =
        new SearchResultListener() {
          @Override
          public void searchEntryReturned(SearchResultEntry entry) {
            totals[0]++;
            if (counted != null && entry.hasAttribute(counted)) {
              totals[1] += entry.getAttribute(counted).size();
            }
          }

          @Override
          public void searchReferenceReturned(SearchResultReference reference) {}
        };
    ASN1OctetString cookie = null;
    do {
      SearchRequest request =
          new SearchRequest(listener, base, SearchScope.SUB, filter, attributes);
      request.setControls(new SimplePagedResultsControl(500, cookie));
      SearchResult result = connection.search(request);
      SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
      cookie = paged == null ? null : paged.getCookie();
    } while (cookie != null && cookie.getValueLength() > 0);
    return totals;
  }
}
