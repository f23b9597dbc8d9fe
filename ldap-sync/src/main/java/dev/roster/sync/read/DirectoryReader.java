package dev.roster.sync.read;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one source completely — its users, then its groups — and returns what it found, or throws.
 * The searches are paged (RFC 2696) and each entry is mapped as it arrives, so memory is bounded by
 * the mapped users and groups, not by the raw entries. Strict, because "empty" is never "gone": any
 * result other than success while connecting, binding or on any page of either search (a size or
 * time limit, busy, unavailable, a referral, a lost paging cookie, a base DN that does not exist)
 * throws {@link DirectoryReadException} and no partial content is ever returned. Continuation
 * references (another naming context below the base, such as Active Directory's DomainDnsZones) are
 * not followed and are logged at WARN: they are the same from run to run, so they hide nothing that
 * an earlier run saw.
 *
 * <pre>{@code
 * DirectoryContent content = new DirectoryReader().read(source); // throws: the run writes nothing
 * }</pre>
 *
 * <p>{@link DirectoryReadException#resultCode()} is the LDAP result code in RFC 4511 spelling
 * ({@code sizeLimitExceeded}), the SDK's client-side code in the same style ({@code serverDown},
 * {@code connectError}, {@code timeout}), or one of the reader's own: {@code invalidSettings},
 * {@code tlsSetupFailed}, {@code pagedResultsMissing}, {@code pagedResultsStalled}, {@code
 * rangeRetrievalBroken}, {@code duplicateAnchor}.
 */
public final class DirectoryReader {
  private static final Logger log = LoggerFactory.getLogger(DirectoryReader.class);

  /** Reads the source's users and (when configured) groups; never returns partial content. */
  public DirectoryContent read(SourceSettings source) throws DirectoryReadException {
    try (LDAPConnection connection = DirectoryConnector.open(source.connection())) {
      return new SourceRead(source, connection).run();
    }
  }

  /** One read of one source over one connection: what it has found so far. */
  private static final class SourceRead {
    private final SourceSettings source;
    private final ReadFailure failure;
    private final EntryMapper mapper;
    private final PagedSearch search;
    private final RangeRetrieval ranges;
    private final SkippedEntries skipped = new SkippedEntries();
    private final Map<String, DirectoryUser> users = new LinkedHashMap<>();
    private final Map<String, Set<String>> memberOf = new HashMap<>();
    private final Map<String, GroupEntry> groups = new LinkedHashMap<>();

    SourceRead(SourceSettings source, LDAPConnection connection) {
      this.source = source;
      this.failure = new ReadFailure(source.connection().bindPassword());
      this.mapper = new EntryMapper(source.users(), source.groups());
      this.search = new PagedSearch(connection, failure, source.connection().pageSize());
      this.ranges = new RangeRetrieval(connection, failure);
    }

    DirectoryContent run() throws DirectoryReadException {
      readUsers();
      List<DirectoryGroup> directoryGroups = mapper.readsGroups() ? readGroups() : List.of();
      skipped.report(source.name());
      log.debug(
          "ldap read done source={} users={} groups={} skipped={}",
          source.name(),
          users.size(),
          directoryGroups.size(),
          skipped.count());
      return new DirectoryContent(
          List.copyOf(users.values()), directoryGroups, memberOf, skipped.count());
    }

    private void readUsers() throws DirectoryReadException {
      UserSettings settings = source.users();
      String phase = "users search under " + settings.baseDn();
      PagedSearch.Query query =
          new PagedSearch.Query(
              phase,
              settings.baseDn(),
              scope(settings.scope()),
              settings.filter(),
              mapper.userAttributes());
      search.run(
          query,
          entry -> {
            DirectoryUser user = mapper.user(entry, skipped);
            if (user == null) {
              return;
            }
            DirectoryUser earlier = users.putIfAbsent(user.anchor(), user);
            if (earlier != null) {
              throw duplicate(phase, user.anchor(), earlier.dn(), user.dn());
            }
            if (mapper.readsMemberOf()) {
              memberOf.put(user.anchor(), EntryMapper.memberOf(entry));
            }
          });
    }

    private List<DirectoryGroup> readGroups() throws DirectoryReadException {
      GroupSettings settings = source.groups();
      String phase = "groups search under " + settings.baseDn();
      PagedSearch.Query query =
          new PagedSearch.Query(
              phase,
              settings.baseDn(),
              SearchScope.SUB,
              settings.filter(),
              mapper.groupAttributes());
      search.run(
          query,
          entry -> {
            GroupEntry group = groupEntry(entry);
            if (group == null) {
              return;
            }
            GroupEntry earlier = groups.putIfAbsent(group.anchor(), group);
            if (earlier != null) {
              throw duplicate(phase, group.anchor(), earlier.dn(), group.dn());
            }
          });
      List<DirectoryGroup> result = new ArrayList<>(groups.size());
      for (GroupEntry group : groups.values()) {
        // After the paged search, not during it: one connection runs one operation at a time.
        if (group.nextLow() >= 0) {
          ranges.rest(group.dn(), mapper.membershipAttribute(), group.nextLow(), group.values());
        }
        Set<String> members = new LinkedHashSet<>();
        group.values().forEach(value -> members.add(mapper.memberValue(value)));
        String dn = DirectoryNames.normalize(group.dn());
        result.add(new DirectoryGroup(group.anchor(), dn, group.name(), members));
      }
      return result;
    }

    /** The group as its entry came in, or null (skipped) without an anchor or a name. */
    private GroupEntry groupEntry(SearchResultEntry entry) {
      String anchor = EntryMapper.anchor(entry, mapper.groupAnchorAttribute());
      String name = entry.getAttributeValue(source.groups().nameAttribute());
      if (anchor == null) {
        skipped.add(entry.getDN(), "no " + mapper.groupAnchorAttribute());
        return null;
      } else if (name == null || name.isBlank()) {
        skipped.add(entry.getDN(), "no " + source.groups().nameAttribute());
        return null;
      }
      String attribute = mapper.membershipAttribute();
      if (attribute == null) {
        return new GroupEntry(anchor, entry.getDN(), name, new ArrayList<>(), -1);
      }
      List<String> values = EntryMapper.values(entry.getAttribute(attribute));
      RangeRetrieval.Slice slice = RangeRetrieval.slice(entry, attribute);
      if (slice == null) {
        return new GroupEntry(anchor, entry.getDN(), name, values, -1);
      }
      values.addAll(slice.values());
      return new GroupEntry(anchor, entry.getDN(), name, values, slice.nextLow());
    }

    private DirectoryReadException duplicate(
        String phase, String anchor, String firstDn, String secondDn) {
      // Two entries with one anchor break the keying of the whole plan: a misconfigured anchor
      // attribute, or a server that restarted its paging. Either way the read is not trustworthy.
      return failure.of(phase, "duplicateAnchor", anchor + " on " + firstDn + " and " + secondDn);
    }

    private SearchScope scope(String scope) throws DirectoryReadException {
      String name = scope == null ? "sub" : scope.trim().toLowerCase(Locale.ROOT);
      return switch (name) {
        case "sub", "" -> SearchScope.SUB;
        case "one" -> SearchScope.ONE;
        default ->
            throw failure.of(
                "users search", "invalidSettings", "users.scope: must be sub or one, was " + scope);
      };
    }
  }

  /**
   * A group as its entry came in: raw member values, and where range retrieval goes on (-1: no).
   */
  private record GroupEntry(
      String anchor, String dn, String name, List<String> values, int nextLow) {}
}
