package dev.roster.sync.read;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4533 content synchronization in refreshOnly mode, as OpenLDAP's syncprov offers it: a search
 * with the cookie of the last run returns the entries added or changed since (state add or modify,
 * with their attributes) and, when the server keeps a session log, the entryUUIDs of the entries
 * deleted or moved out of the filter (a delete state, or a syncIdSet with refreshDeletes). The done
 * control carries the cookie for the next run.
 *
 * <p>Only that exact answer is used. A server that wants a full refresh ({@code
 * e-syncRefreshRequired}, 4096), refuses or ignores the cookie, answers with another result, or
 * falls back to a present phase (deletes implied by absence, {@code refreshDeletes} false) gives
 * {@link Optional#empty()}: the run then reads in full. Failures of the connection itself throw.
 */
final class ContentSync {
  private static final Logger log = LoggerFactory.getLogger(ContentSync.class);
  static final String OID = ContentSyncRequestControl.SYNC_REQUEST_OID;

  /** What changed, and the cookie the next run starts from. */
  record Changes(byte[] cookie, Set<String> deletedAnchors) {}

  private final LDAPConnection connection;
  private final ReadFailure failure;

  ContentSync(LDAPConnection connection, ReadFailure failure) {
    this.connection = connection;
    this.failure = failure;
  }

  /** Whether the server's root DSE lists the content synchronization control. */
  static boolean offered(LDAPConnection connection) {
    try {
      RootDSE root = connection.getRootDSE();
      return root != null && root.supportsControl(OID);
    } catch (LDAPException e) {
      log.debug("ldap root DSE unreadable resultCode={}", e.getResultCode());
      return false;
    }
  }

  /**
   * The server's current cookie, taken with a search that matches no entry; null when the server
   * gives none. Taken before a full read, so that changes made during the read are sent again.
   */
  byte[] currentCookie(PagedSearch.Query users) throws DirectoryReadException {
    PagedSearch.Query query =
        new PagedSearch.Query(
            "content sync cookie under " + users.baseDn(),
            users.baseDn(),
            users.scope(),
            "(&(objectClass=*)(!(objectClass=*)))",
            List.of("1.1"));
    // No cookie asked with: a refresh of nothing, so only its cookie matters, not its phase.
    Listener listener = search(query, null, entry -> {});
    return listener == null ? null : listener.cookie;
  }

  /** The changes since {@code cookie}, user entries handed to {@code handler}; see the class. */
  Optional<Changes> changes(
      PagedSearch.Query users, byte[] cookie, PagedSearch.EntryHandler handler)
      throws DirectoryReadException {
    Listener listener = search(users, cookie, handler);
    if (listener == null || listener.incomplete()) {
      return Optional.empty();
    }
    byte[] next = listener.cookie != null ? listener.cookie : cookie;
    return Optional.of(new Changes(next, Set.copyOf(listener.deleted)));
  }

  /** The listener after a successful search; null when the server answered with another result. */
  private Listener search(PagedSearch.Query query, byte[] cookie, PagedSearch.EntryHandler handler)
      throws DirectoryReadException {
    Listener listener = new Listener(handler, failure, query.phase());
    String filter = query.filter();
    SearchResult result;
    try {
      SearchRequest request =
          new SearchRequest(
              listener,
              query.baseDn(),
              query.scope(),
              Filter.create(filter == null || filter.isBlank() ? "(objectClass=*)" : filter),
              query.attributes().toArray(String[]::new));
      ASN1OctetString value = cookie == null ? null : new ASN1OctetString(cookie);
      request.addControl(
          new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, value, false));
      request.setIntermediateResponseListener(listener);
      result = connection.search(request);
    } catch (LDAPSearchException e) {
      result = e.getSearchResult();
    } catch (LDAPException e) {
      throw failure.ldap(query.phase(), e);
    }
    listener.rethrow();
    ResultCode code = result.getResultCode();
    if (code != ResultCode.SUCCESS) {
      if (ResultCode.isClientSideResultCode(code)) {
        throw failure.of(query.phase(), ReadFailure.name(code), result.getDiagnosticMessage());
      }
      log.debug("ldap content sync refused phase=\"{}\" resultCode={}", query.phase(), code);
      return null;
    }
    listener.done(result);
    return listener;
  }

  /**
   * Collects what the server sends, on the connection's reader thread; the first failure of the
   * handler is kept and thrown once the search is over, as in {@link PagedSearch}.
   */
  private static final class Listener
      implements SearchResultListener, IntermediateResponseListener {
    private static final long serialVersionUID = 1L;
    private final transient PagedSearch.EntryHandler handler;
    private final transient ReadFailure failure;
    private final String phase;
    private final Set<String> deleted = new HashSet<>();
    private volatile Throwable failed;
    private volatile boolean presentPhase;
    private volatile byte[] cookie;

    Listener(PagedSearch.EntryHandler handler, ReadFailure failure, String phase) {
      this.handler = handler;
      this.failure = failure;
      this.phase = phase;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
      if (failed != null) {
        return;
      }
      try {
        ContentSyncStateControl state = ContentSyncStateControl.get(entry);
        if (state == null || state.getState() == ContentSyncState.PRESENT) {
          presentPhase = true;
        } else if (state.getState() == ContentSyncState.DELETE) {
          deleted.add(anchor(state.getEntryUUID()));
        } else {
          handler.entry(entry);
        }
        keep(state == null ? null : state.getCookie());
      } catch (DirectoryReadException | LDAPException | RuntimeException | Error e) {
        failed = e;
      }
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
      // Referrals are not followed (see DirectoryConnector); syncprov sends none below a suffix.
    }

    @Override
    public void intermediateResponseReturned(IntermediateResponse response) {
      try {
        ContentSyncInfoIntermediateResponse info =
            ContentSyncInfoIntermediateResponse.decode(response);
        if (info.getType() == ContentSyncInfoType.SYNC_ID_SET) {
          if (info.refreshDeletes()) {
            info.getEntryUUIDs().forEach(uuid -> deleted.add(anchor(uuid)));
          } else {
            presentPhase = true;
          }
        }
        keep(info.getCookie());
      } catch (LDAPException | RuntimeException e) {
        failed = e;
      }
    }

    /** Reads the done control: its cookie, and whether deletes came explicitly. */
    void done(SearchResult result) throws DirectoryReadException {
      try {
        ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
        if (done == null) {
          presentPhase = true;
          return;
        }
        if (!done.refreshDeletes()) {
          presentPhase = true;
        }
        ASN1OctetString value = done.getCookie();
        if (value != null && value.getValue().length == 0) {
          // syncprov answers a cookie it cannot parse with a full refresh and an empty cookie.
          presentPhase = true;
        }
        keep(value);
      } catch (LDAPException e) {
        presentPhase = true;
      }
    }

    /** True when the answer does not list every change and delete since the cookie. */
    boolean incomplete() {
      return presentPhase;
    }

    private void keep(ASN1OctetString value) {
      if (value != null && value.getValue().length > 0) {
        cookie = value.getValue();
      }
    }

    void rethrow() throws DirectoryReadException {
      if (failed instanceof DirectoryReadException e) {
        throw e;
      } else if (failed instanceof RuntimeException e) {
        throw e;
      } else if (failed instanceof Error e) {
        throw e;
      } else if (failed instanceof LDAPException e) {
        throw failure.ldap(phase, e);
      }
    }

    private static String anchor(UUID uuid) {
      return uuid.toString().toLowerCase(Locale.ROOT);
    }
  }
}
