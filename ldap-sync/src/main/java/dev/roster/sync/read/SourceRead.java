package dev.roster.sync.read;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
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
 * One read of one source over one connection: the groups, always all of them, and the users of a
 * paged search (all of them, or those a narrower filter selects) or of a content synchronization,
 * handed to a {@link ReadSink} a page at a time as they arrive. Strict as {@link DirectoryReader}
 * describes.
 */
final class SourceRead {
  private static final Logger log = LoggerFactory.getLogger(SourceRead.class);

  private final SourceSettings source;
  private final ReadFailure failure;
  private final EntryMapper mapper;
  private final PagedSearch search;
  private final RangeRetrieval ranges;
  private final TimestampMark mark;
  private final SkippedEntries skipped = new SkippedEntries();
  private final ReadSink sink;
  private final int pageSize;
  private final Map<String, DirectoryUser> page = new LinkedHashMap<>();
  private final Map<String, Set<String>> memberOf = new HashMap<>();
  private final Map<String, GroupEntry> groups = new LinkedHashMap<>();
  private String phase;
  private int users;

  /**
   * {@code mark}, when given, sees every user entry and its modifyTimestamp is asked for; the users
   * go to {@code sink} a page at a time.
   */
  SourceRead(SourceSettings source, LDAPConnection connection, TimestampMark mark, ReadSink sink) {
    this.source = source;
    this.sink = sink;
    this.pageSize = Math.max(1, source.connection().pageSize());
    this.failure = new ReadFailure(source.connection().bindPassword());
    this.mapper = new EntryMapper(source.users(), source.groups());
    this.search = new PagedSearch(connection, failure, source.connection().pageSize());
    this.ranges = new RangeRetrieval(connection, failure);
    this.mark = mark;
  }

  ReadFailure failure() {
    return failure;
  }

  /** Groups, then users: the whole source, to the sink. */
  void readAll() throws DirectoryReadException {
    sink.groups(readGroups());
    readUsers(null);
    finish();
  }

  /** The user search, its filter narrowed by {@code narrower} (a filter string) when not null. */
  PagedSearch.Query userQuery(String narrower) throws DirectoryReadException {
    UserSettings settings = source.users();
    String phase = "users search under " + settings.baseDn();
    List<String> attributes = new ArrayList<>(mapper.userAttributes());
    if (mark != null) {
      attributes.add(TimestampMark.ATTRIBUTE);
    }
    String filter = settings.filter();
    if (narrower != null) {
      filter = and(phase, filter, narrower);
    }
    return new PagedSearch.Query(
        phase, settings.baseDn(), scope(settings.scope()), filter, List.copyOf(attributes));
  }

  /** Reads the users the query selects, page by page. */
  void readUsers(String narrower) throws DirectoryReadException {
    PagedSearch.Query query = userQuery(narrower);
    search.run(query, userHandler(query.phase()));
    flush();
  }

  /**
   * Maps each user entry it is handed and passes them on a page at a time, refusing a second entry
   * with one anchor. {@link #flush} passes on the last page.
   */
  PagedSearch.EntryHandler userHandler(String phase) {
    this.phase = phase;
    return entry -> {
      if (mark != null) {
        mark.see(entry);
      }
      DirectoryUser user = mapper.user(entry, skipped);
      if (user == null) {
        return;
      }
      DirectoryUser earlier = page.putIfAbsent(user.anchor(), user);
      if (earlier != null) {
        throw duplicate(phase, user.anchor(), earlier.dn(), user.dn());
      }
      if (mapper.readsMemberOf()) {
        memberOf.put(user.anchor(), EntryMapper.memberOf(entry));
      }
      if (page.size() >= pageSize) {
        flush();
      }
    };
  }

  /** Passes the users mapped since the last page on to the sink. */
  void flush() throws DirectoryReadException {
    if (page.isEmpty()) {
      return;
    }
    List<DirectoryUser> users = List.copyOf(page.values());
    Set<String> again = sink.users(users, Map.copyOf(memberOf));
    this.users += users.size();
    page.clear();
    memberOf.clear();
    if (!again.isEmpty()) {
      String anchor = again.iterator().next();
      throw failure.of(phase, "duplicateAnchor", anchor + " on more than one entry");
    }
  }

  int skipped() {
    return skipped.count();
  }

  /** The source's groups (none when it syncs none), their member values normalised. */
  List<DirectoryGroup> readGroups() throws DirectoryReadException {
    if (!mapper.readsGroups()) {
      return List.of();
    }
    GroupSettings settings = source.groups();
    String phase = "groups search under " + settings.baseDn();
    PagedSearch.Query query =
        new PagedSearch.Query(
            phase, settings.baseDn(), SearchScope.SUB, settings.filter(), mapper.groupAttributes());
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
    groups.clear();
    return result;
  }

  /** Reports the read: the entries it skipped, and at DEBUG how many users it passed on. */
  void finish() {
    skipped.report(source.name());
    log.debug(
        "ldap read done source={} users={} skipped={}", source.name(), users, skipped.count());
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

  private String and(String phase, String filter, String narrower) throws DirectoryReadException {
    String base = filter == null || filter.isBlank() ? "(objectClass=*)" : filter.trim();
    try {
      return Filter.createANDFilter(Filter.create(base), Filter.create(narrower)).toString();
    } catch (LDAPException e) {
      throw failure.ldap(phase, e);
    }
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

  /**
   * A group as its entry came in: raw member values, and where range retrieval goes on (-1: no).
   */
  private record GroupEntry(
      String anchor, String dn, String name, List<String> values, int nextLow) {}
}
