package dev.roster.sync.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation interceptor that makes the in-memory server behave like the directories Roster
 * meets: Active Directory's range retrieval of {@code member} and its MaxPageSize, a result code on
 * a chosen page (OpenLDAP's sizelimit sends the entries, then result 4), and a server that goes
 * away between two pages. Pages are counted per connection: a paged search without a cookie is page
 * 1.
 */
public final class DirectoryQuirks extends InMemoryOperationInterceptor {
  private static final String PAGE = "roster.page";
  private static final String RANGE_LOW = "roster.rangeLow";
  private static final Pattern RANGE = Pattern.compile("(?i)range=(\\d+)-(\\d+|\\*)");

  private final Map<Long, Integer> pageByConnection = new ConcurrentHashMap<>();
  private final AtomicInteger pagesServed = new AtomicInteger();
  private final AtomicInteger rangeReads = new AtomicInteger();
  private volatile InMemoryDirectoryServer server;
  private volatile int maxPageSize;
  private volatile int rangeSize;
  private volatile int failingPage;
  private volatile ResultCode failure;
  private volatile DN failingBase;
  private volatile int shutDownBeforePage;

  void attach(InMemoryDirectoryServer server) {
    this.server = server;
  }

  /** Active Directory's MaxPageSize: a larger page size asked for is served in pages of this. */
  public DirectoryQuirks maxPageSize(int entries) {
    maxPageSize = entries;
    return this;
  }

  /** Active Directory's MaxValRange: {@code member} comes back in ranges of this many values. */
  public DirectoryQuirks rangeRetrieval(int values) {
    rangeSize = values;
    return this;
  }

  /**
   * Page {@code page} of a paged search under {@code baseDn} sends its entries, then ends with
   * {@code code} instead of success.
   */
  public DirectoryQuirks failPage(String baseDn, int page, ResultCode code) throws LDAPException {
    failingBase = new DN(baseDn);
    failure = code;
    failingPage = page;
    return this;
  }

  /** The server shuts down when page {@code page} is asked for, closing every connection. */
  public DirectoryQuirks shutDownBeforePage(int page) {
    shutDownBeforePage = page;
    return this;
  }

  /** Pages of paged searches served so far. */
  public int pagesServed() {
    return pagesServed.get();
  }

  /** Base-scope reads of {@code member;range=…} served so far. */
  public int rangeReads() {
    return rangeReads.get();
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
    SimplePagedResultsControl paging = pagingControl(request.getRequest().getControlList());
    SearchRequest changed = request.getRequest().duplicate();
    if (paging != null) {
      int page =
          paging.getCookie().getValueLength() == 0
              ? 1
              : pageByConnection.get(request.getConnectionID()) + 1;
      pageByConnection.put(request.getConnectionID(), page);
      request.setProperty(PAGE, page);
      pagesServed.incrementAndGet();
      if (page == shutDownBeforePage) {
        shutDownNow();
      }
      if (maxPageSize > 0 && paging.getSize() > maxPageSize) {
        changed.replaceControl(
            new SimplePagedResultsControl(maxPageSize, paging.getCookie(), paging.isCritical()));
      }
    }
    if (rangeSize > 0) {
      askForWholeMember(request, changed);
    }
    request.setRequest(changed);
  }

  @Override
  public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
    Object low = entry.getProperty(RANGE_LOW);
    Attribute member = entry.getSearchEntry().getAttribute("member");
    if (low == null || member == null) {
      return;
    }
    int from = (Integer) low;
    boolean asked = from >= 0;
    from = Math.max(from, 0);
    String[] values = member.getValues();
    if (!asked && values.length <= rangeSize) {
      return;
    }
    int to = Math.min(from + rangeSize, values.length);
    String range = from + "-" + (to == values.length ? "*" : String.valueOf(to - 1));
    Entry sliced = entry.getSearchEntry().duplicate();
    sliced.removeAttribute("member");
    sliced.addAttribute(new Attribute("member;range=" + range, List.of(values).subList(from, to)));
    entry.setSearchEntry(sliced);
  }

  @Override
  public void processSearchResult(InMemoryInterceptedSearchResult result) {
    Object page = result.getProperty(PAGE);
    if (page != null
        && (Integer) page == failingPage
        && failure != null
        && failingBase.equals(baseDn(result))) {
      result.setResult(
          new LDAPResult(
              result.getMessageID(),
              failure,
              "imitated " + failure.getName(),
              null,
              (String[]) null,
              null));
    }
  }

  private static DN baseDn(InMemoryInterceptedSearchResult result) {
    try {
      return new DN(result.getRequest().getBaseDN());
    } catch (LDAPException e) {
      return null;
    }
  }

  /**
   * Replaces {@code member;range=N-*} by {@code member}, remembering N for the entry (-1: whole).
   */
  private void askForWholeMember(InMemoryInterceptedSearchRequest request, SearchRequest changed) {
    List<String> attributes = new ArrayList<>();
    for (String attribute : request.getRequest().getAttributeList()) {
      if (Attribute.getBaseName(attribute).equalsIgnoreCase("member")) {
        Matcher range = RANGE.matcher(attribute);
        boolean ranged = range.find();
        request.setProperty(RANGE_LOW, ranged ? Integer.parseInt(range.group(1)) : -1);
        if (ranged) {
          rangeReads.incrementAndGet();
        }
        attributes.add("member");
      } else {
        attributes.add(attribute);
      }
    }
    changed.setAttributes(attributes);
  }

  /** Shuts the server down from another thread and waits: this request never gets an answer. */
  private void shutDownNow() throws LDAPException {
    Thread stopper = new Thread(() -> server.shutDown(true), "directory-shutdown");
    stopper.start();
    try {
      stopper.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new LDAPException(ResultCode.UNAVAILABLE, "imitated: the server went away");
  }

  private static SimplePagedResultsControl pagingControl(List<Control> controls)
      throws LDAPException {
    for (Control control : controls) {
      if (control.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
        return new SimplePagedResultsControl(
            control.getOID(), control.isCritical(), control.getValue());
      }
    }
    return null;
  }
}
