package dev.roster.sync.read;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryDelta;
import dev.roster.sync.read.SyncCursor.Kind;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one source completely — its groups, then its users — and hands what it finds to a {@link
 * ReadSink} (or returns it, for {@link #read}), or throws. The searches are paged (RFC 2696) and
 * each entry is mapped as it arrives and passed on a page at a time, so the reader holds the groups
 * and one page of users, never every user. Strict, because "empty" is never "gone": any result
 * other than success while connecting, binding or on any page of either search (a size or time
 * limit, busy, unavailable, a referral, a lost paging cookie, a base DN that does not exist) throws
 * {@link DirectoryReadException} and no partial content is ever returned. Continuation references
 * (another naming context below the base, such as Active Directory's DomainDnsZones) are not
 * followed and are logged at WARN: they are the same from run to run, so they hide nothing that an
 * earlier run saw.
 *
 * <pre>{@code
 * DirectoryContent content = new DirectoryReader().read(source); // throws: the run writes nothing
 * }</pre>
 *
 * <p>{@link #readAll} also returns the cursor a later {@link #readChanges} starts from, and {@link
 * #readChanges} reads only what changed since: RFC 4533 content synchronization where the root DSE
 * offers it and users are anchored by entryUUID (the anchor its deletes name), otherwise the users
 * whose modifyTimestamp is at or past a mark ({@link TimestampMark}). Either way the groups are
 * read in full. A source with {@code memberOf} membership has no cursor: a membership change need
 * not touch the user entry's modifyTimestamp, so only a full read sees it.
 *
 * <p>{@link DirectoryReadException#resultCode()} is the LDAP result code in RFC 4511 spelling
 * ({@code sizeLimitExceeded}), the SDK's client-side code in the same style ({@code serverDown},
 * {@code connectError}, {@code timeout}), or one of the reader's own: {@code invalidSettings},
 * {@code tlsSetupFailed}, {@code pagedResultsMissing}, {@code pagedResultsStalled}, {@code
 * rangeRetrievalBroken}, {@code duplicateAnchor}.
 */
public final class DirectoryReader {
  private static final Logger log = LoggerFactory.getLogger(DirectoryReader.class);
  static final int MAX_CURSOR_LENGTH = 4000;

  /** Reads the source's users and (when configured) groups; never returns partial content. */
  public DirectoryContent read(SourceSettings source) throws DirectoryReadException {
    try (LDAPConnection connection = DirectoryConnector.open(source.connection())) {
      CollectingSink sink = new CollectingSink();
      SourceRead read = new SourceRead(source, connection, null, sink);
      read.readAll();
      return sink.content(read.skipped());
    }
  }

  /**
   * Reads the whole source into {@code sink} — the groups, then the users a page at a time — and
   * returns the cursor the next incremental read starts from (null when the source cannot have
   * one). A content-sync cookie is taken before the read, a timestamp mark during it, so that a
   * change made while the read runs is read again next time rather than missed. What the sink was
   * handed is to be thrown away if this throws.
   */
  public FullRead readAll(SourceSettings source, ReadSink sink) throws DirectoryReadException {
    try (LDAPConnection connection = DirectoryConnector.open(source.connection())) {
      Kind kind = kind(source, connection);
      if (kind == Kind.CONTENT_SYNC) {
        SourceRead read = new SourceRead(source, connection, null, sink);
        ContentSync sync = new ContentSync(connection, read.failure());
        byte[] cookie = sync.currentCookie(read.userQuery(null));
        read.readAll();
        if (cookie == null) {
          log.warn(
              "ldap content sync gave no cookie source={}: incremental runs read in full",
              source.name());
          return new FullRead(null, read.skipped());
        }
        return new FullRead(contentSync(source, cookie), read.skipped());
      }
      TimestampMark mark = kind == Kind.TIMESTAMP ? new TimestampMark() : null;
      SourceRead read = new SourceRead(source, connection, mark, sink);
      read.readAll();
      Instant next = mark == null ? null : mark.next(null);
      return new FullRead(next == null ? null : timestamp(source, next), read.skipped());
    }
  }

  /**
   * What changed since {@code cursor}, with the cursor to keep once it is applied; empty when the
   * cursor cannot be used (another kind or other settings than now, a cookie the server refuses or
   * a refresh it requires), and the caller reads in full instead. Throws as {@link #read} does.
   */
  public Optional<CursoredRead<DirectoryDelta>> readChanges(SourceSettings source, String cursor)
      throws DirectoryReadException {
    Optional<SyncCursor> parsed = SyncCursor.decode(cursor);
    if (parsed.isEmpty() || !parsed.get().fits(source)) {
      log.debug("sync cursor unusable source={} reason=settingsOrFormat", source.name());
      return Optional.empty();
    }
    try (LDAPConnection connection = DirectoryConnector.open(source.connection())) {
      Kind kind = kind(source, connection);
      if (kind != parsed.get().kind()) {
        log.debug("sync cursor unusable source={} reason=kind now={}", source.name(), kind);
        return Optional.empty();
      }
      return kind == Kind.CONTENT_SYNC
          ? syncChanges(source, connection, parsed.get())
          : timestampChanges(source, connection, parsed.get());
    }
  }

  private static Optional<CursoredRead<DirectoryDelta>> syncChanges(
      SourceSettings source, LDAPConnection connection, SyncCursor cursor)
      throws DirectoryReadException {
    CollectingSink sink = new CollectingSink();
    SourceRead read = new SourceRead(source, connection, null, sink);
    PagedSearch.Query users = read.userQuery(null);
    byte[] cookie;
    try {
      cookie = Base64.getDecoder().decode(cursor.value());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<ContentSync.Changes> changes =
        new ContentSync(connection, read.failure())
            .changes(users, cookie, read.userHandler(users.phase()));
    if (changes.isEmpty()) {
      log.debug("sync cursor unusable source={} reason=contentSyncRefused", source.name());
      return Optional.empty();
    }
    read.flush();
    Set<String> deleted = changes.get().deletedAnchors();
    DirectoryDelta delta =
        new DirectoryDelta(sink.users(), deleted, read.readGroups(), read.skipped());
    read.finish();
    return Optional.of(new CursoredRead<>(delta, contentSync(source, changes.get().cookie())));
  }

  private static Optional<CursoredRead<DirectoryDelta>> timestampChanges(
      SourceSettings source, LDAPConnection connection, SyncCursor cursor)
      throws DirectoryReadException {
    Instant previous = TimestampMark.parse(cursor.value());
    if (previous == null) {
      return Optional.empty();
    }
    TimestampMark mark = new TimestampMark();
    CollectingSink sink = new CollectingSink();
    SourceRead read = new SourceRead(source, connection, mark, sink);
    read.readUsers(TimestampMark.filter(previous));
    DirectoryDelta delta =
        new DirectoryDelta(sink.users(), Set.of(), read.readGroups(), read.skipped());
    read.finish();
    return Optional.of(new CursoredRead<>(delta, timestamp(source, mark.next(previous))));
  }

  /** Which cursor the source gets now; null for none ({@code memberOf} membership). */
  private static Kind kind(SourceSettings source, LDAPConnection connection) {
    if (source.groups() != null
        && source.groups().enabled()
        && source.groups().membership() == Membership.MEMBER_OF) {
      return null;
    }
    boolean entryUuid = "entryUUID".equalsIgnoreCase(source.users().anchorAttribute());
    return entryUuid && ContentSync.offered(connection) ? Kind.CONTENT_SYNC : Kind.TIMESTAMP;
  }

  /** The cursor of a cookie; null (none kept) past the 4,000 characters a store keeps. */
  private static String contentSync(SourceSettings source, byte[] cookie) {
    String value = Base64.getEncoder().encodeToString(cookie);
    String cursor = SyncCursor.of(Kind.CONTENT_SYNC, source, value).encode();
    if (cursor.length() > MAX_CURSOR_LENGTH) {
      log.warn(
          "ldap content sync cookie too long to keep source={} length={}",
          source.name(),
          cursor.length());
      return null;
    }
    return cursor;
  }

  private static String timestamp(SourceSettings source, Instant mark) {
    return SyncCursor.of(Kind.TIMESTAMP, source, TimestampMark.format(mark)).encode();
  }
}
