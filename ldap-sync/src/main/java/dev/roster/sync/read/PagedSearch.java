package dev.roster.sync.read;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search read to its end with the simple paged results control (RFC 2696), each entry handed to
 * a handler as it arrives so that memory is bounded by what the handler keeps, not by the
 * directory's size. Strict: any result other than success on any page, a page without the paging
 * control, or a server that hands back the same cookie with no entries fails the whole search
 * (&quot;empty&quot; is never &quot;gone&quot;).
 */
final class PagedSearch {
  private static final Logger log = LoggerFactory.getLogger(PagedSearch.class);
  static final int DEFAULT_PAGE_SIZE = 500;

  /** Receives the entries of a search one at a time, on the connection's reader thread. */
  interface EntryHandler {
    void entry(SearchResultEntry entry) throws DirectoryReadException;
  }

  private final LDAPConnection connection;
  private final ReadFailure failure;
  private final int pageSize;

  PagedSearch(LDAPConnection connection, ReadFailure failure, int pageSize) {
    this.connection = connection;
    this.failure = failure;
    this.pageSize = pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE;
  }

  /**
   * What to search for. {@code phase} names the search in failures ({@code "users search under
   * ou=people,dc=x"}); a blank filter means every entry.
   */
  record Query(
      String phase, String baseDn, SearchScope scope, String filter, List<String> attributes) {}

  /** Runs the search page by page until the server's cookie is empty; returns the page count. */
  int run(Query query, EntryHandler handler) throws DirectoryReadException {
    String phase = query.phase();
    Listener listener = new Listener(handler);
    SearchRequest request = request(query, listener);
    ASN1OctetString cookie = null;
    int pages = 0;
    SimplePagedResultsControl response;
    do {
      int before = listener.entries;
      request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
      response = page(phase, request);
      pages++;
      listener.rethrow();
      if (listener.entries == before
          && cookie != null
          && response.moreResultsToReturn()
          && Arrays.equals(cookie.getValue(), response.getCookie().getValue())) {
        throw failure.of(phase, "pagedResultsStalled", "the same cookie came back with no entries");
      }
      cookie = response.getCookie();
    } while (response.moreResultsToReturn());
    if (!listener.references.isEmpty()) {
      // Continuation references (RFC 4511 §4.5.3) name other naming contexts, e.g. Active
      // Directory's DomainDnsZones under a domain root: stable from run to run, so not a failure.
      log.warn(
          "ldap search references not followed phase=\"{}\" count={} first={}",
          phase,
          listener.references.size(),
          listener.references.get(0));
    }
    log.debug(
        "ldap paged search done phase=\"{}\" entries={} pages={}", phase, listener.entries, pages);
    return pages;
  }

  private SearchRequest request(Query query, Listener listener) throws DirectoryReadException {
    String filter = query.filter();
    String text = filter == null || filter.isBlank() ? "(objectClass=*)" : filter.trim();
    try {
      return new SearchRequest(
          listener,
          query.baseDn(),
          query.scope(),
          Filter.create(text),
          query.attributes().toArray(String[]::new));
    } catch (LDAPException e) {
      throw failure.ldap(query.phase(), e);
    }
  }

  private SimplePagedResultsControl page(String phase, SearchRequest request)
      throws DirectoryReadException {
    SearchResult result;
    try {
      result = connection.search(request);
    } catch (LDAPSearchException e) {
      throw failure.ldap(phase, e);
    }
    if (result.getResultCode() != ResultCode.SUCCESS) {
      throw failure.of(
          phase, ReadFailure.name(result.getResultCode()), result.getDiagnosticMessage());
    }
    try {
      SimplePagedResultsControl control = SimplePagedResultsControl.get(result);
      if (control == null) {
        throw failure.of(
            phase, "pagedResultsMissing", "the server returned no paged results control");
      }
      return control;
    } catch (LDAPException e) {
      throw failure.ldap(phase, e);
    }
  }

  /**
   * Hands entries to the handler and keeps the first failure to throw once the page is in: the SDK
   * calls the listener on its reader thread, where an exception would be lost and with it the entry
   * — a partial read that looked complete.
   */
  private static final class Listener implements SearchResultListener {
    private static final long serialVersionUID = 1L;
    private final transient EntryHandler handler;
    private final List<String> references = new ArrayList<>();
    private volatile Throwable failed;
    private volatile int entries;

    Listener(EntryHandler handler) {
      this.handler = handler;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
      if (failed != null) {
        return;
      }
      try {
        handler.entry(entry);
        entries++;
      } catch (DirectoryReadException | RuntimeException | Error e) {
        failed = e;
      }
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
      references.add(String.join(" ", reference.getReferralURLs()));
    }

    void rethrow() throws DirectoryReadException {
      if (failed instanceof DirectoryReadException e) {
        throw e;
      } else if (failed instanceof RuntimeException e) {
        throw e;
      } else if (failed instanceof Error e) {
        throw e;
      }
    }
  }
}
