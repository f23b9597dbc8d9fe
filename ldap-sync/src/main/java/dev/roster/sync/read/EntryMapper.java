package dev.roster.sync.read;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns directory entries into the sync's model: which attributes to ask for, a user entry into a
 * {@link DirectoryUser}, a group's membership values into the form the planner matches. Pure: no
 * I/O, so it is tested with entries built in memory.
 */
final class EntryMapper {
  /** Active Directory's ACCOUNTDISABLE bit of userAccountControl ([MS-ADTS] 2.2.16). */
  static final int ACCOUNT_DISABLE = 0x2;

  static final String USER_ACCOUNT_CONTROL = "userAccountControl";
  static final String OBJECT_GUID = "objectGUID";
  static final String MEMBER_OF = "memberOf";

  /** The optional unique id that may follow a {@code uniqueMember} DN (RFC 4517 §3.3.21). */
  private static final Pattern OPTIONAL_UID = Pattern.compile("#'[01]*'B$");

  private final UserSettings users;
  private final GroupSettings groups;

  EntryMapper(UserSettings users, GroupSettings groups) {
    this.users = users;
    this.groups = groups != null && groups.enabled() ? groups : null;
  }

  /** The mapped user attributes, the anchor (operational ones must be named) and memberOf. */
  List<String> userAttributes() {
    Set<String> names = new LinkedHashSet<>();
    add(names, users.anchorAttribute());
    add(names, users.userNameAttribute());
    add(names, users.givenNameAttribute());
    add(names, users.familyNameAttribute());
    add(names, users.displayNameAttribute());
    add(names, users.emailAttribute());
    add(names, users.disabledAttribute());
    if (readsMemberOf()) {
      names.add(MEMBER_OF);
    }
    return List.copyOf(names);
  }

  /** A group's name, anchor and membership attribute (none for memberOf: it is on the users). */
  List<String> groupAttributes() {
    Set<String> names = new LinkedHashSet<>();
    add(names, groupAnchorAttribute());
    add(names, groups.nameAttribute());
    add(names, membershipAttribute());
    return List.copyOf(names);
  }

  boolean readsGroups() {
    return groups != null;
  }

  boolean readsMemberOf() {
    return groups != null && groups.membership() == Membership.MEMBER_OF;
  }

  String groupAnchorAttribute() {
    String own = groups.anchorAttribute();
    return own == null || own.isBlank() ? users.anchorAttribute() : own;
  }

  /** The attribute of a group entry that lists its members; null for memberOf. */
  String membershipAttribute() {
    Membership membership = groups.membership() == null ? Membership.MEMBER : groups.membership();
    return switch (membership) {
      case MEMBER -> "member";
      case UNIQUE_MEMBER -> "uniqueMember";
      case MEMBER_UID -> "memberUid";
      case MEMBER_OF -> null;
    };
  }

  /** The user, or null with the reason recorded when the entry has no userName or no anchor. */
  DirectoryUser user(Entry entry, SkippedEntries skipped) {
    String anchor = anchor(entry, users.anchorAttribute());
    String userName = first(entry, users.userNameAttribute());
    Boolean enabled = enabled(entry, users.disabledAttribute(), users.disabledValue());
    if (anchor == null) {
      skipped.add(entry.getDN(), "no " + users.anchorAttribute());
    } else if (userName == null) {
      skipped.add(entry.getDN(), "no " + users.userNameAttribute());
    } else if (enabled == null) {
      skipped.add(entry.getDN(), users.disabledAttribute() + " is not a number");
    } else {
      return new DirectoryUser(
          anchor,
          DirectoryNames.normalize(entry.getDN()),
          userName,
          first(entry, users.givenNameAttribute()),
          first(entry, users.familyNameAttribute()),
          first(entry, users.displayNameAttribute()),
          first(entry, users.emailAttribute()),
          enabled);
    }
    return null;
  }

  /** The normalised DNs of the groups a user entry's memberOf names. */
  static Set<String> memberOf(Entry entry) {
    Set<String> dns = new LinkedHashSet<>();
    for (String value : values(entry.getAttribute(MEMBER_OF))) {
      dns.add(DirectoryNames.normalize(value));
    }
    return Set.copyOf(dns);
  }

  /**
   * A membership value as the planner matches it: DNs normalised ({@code uniqueMember} without its
   * optional unique id), {@code memberUid} userNames as given.
   */
  String memberValue(String raw) {
    return switch (groups.membership() == null ? Membership.MEMBER : groups.membership()) {
      case MEMBER_UID -> raw;
      case UNIQUE_MEMBER -> DirectoryNames.normalize(stripOptionalUid(raw));
      default -> DirectoryNames.normalize(raw);
    };
  }

  static String stripOptionalUid(String value) {
    return OPTIONAL_UID.matcher(value.trim()).replaceFirst("");
  }

  /**
   * The stable id as a string: objectGUID's 16 bytes as a GUID, any other attribute's first value
   * (entryUUID, nsUniqueId). Null when absent or malformed.
   */
  static String anchor(Entry entry, String attribute) {
    Attribute values = attribute == null ? null : entry.getAttribute(attribute);
    if (values == null || !values.hasValue()) {
      return null;
    }
    if (OBJECT_GUID.equalsIgnoreCase(attribute)) {
      byte[] bytes = values.getValueByteArray();
      return bytes.length == 16 ? guid(bytes) : null;
    }
    String value = values.getValue().trim();
    return value.isEmpty() ? null : value;
  }

  /**
   * The GUID string of Active Directory's binary objectGUID: the first three fields are stored
   * little-endian (Microsoft's GUID layout), the last eight bytes in order. Lower case, no braces.
   */
  static String guid(byte[] b) {
    return String.format(
        Locale.ROOT,
        "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
        b[3],
        b[2],
        b[1],
        b[0],
        b[5],
        b[4],
        b[7],
        b[6],
        b[8],
        b[9],
        b[10],
        b[11],
        b[12],
        b[13],
        b[14],
        b[15]);
  }

  /**
   * Whether the entry is enabled: always without a disabled attribute; for userAccountControl
   * unless the ACCOUNTDISABLE bit is set (null when the value is not a number); otherwise unless a
   * value equals {@code disabledValue} ignoring case (any value at all when none is configured).
   */
  static Boolean enabled(Entry entry, String attribute, String disabledValue) {
    if (attribute == null || attribute.isBlank()) {
      return true;
    }
    Attribute values = entry.getAttribute(attribute);
    if (values == null || !values.hasValue()) {
      return true;
    }
    if (USER_ACCOUNT_CONTROL.equalsIgnoreCase(attribute)) {
      Long flags = values.getValueAsLong();
      return flags == null ? null : (flags & ACCOUNT_DISABLE) == 0;
    }
    if (disabledValue == null || disabledValue.isEmpty()) {
      return false;
    }
    for (String value : values.getValues()) {
      if (value.trim().equalsIgnoreCase(disabledValue.trim())) {
        return false;
      }
    }
    return true;
  }

  /** The attribute's values in a list the caller may add to; empty when absent. */
  static List<String> values(Attribute attribute) {
    return attribute == null ? new ArrayList<>() : new ArrayList<>(List.of(attribute.getValues()));
  }

  private static String first(Entry entry, String attribute) {
    String value =
        attribute == null || attribute.isBlank() ? null : entry.getAttributeValue(attribute);
    return value == null || value.isBlank() ? null : value;
  }

  private static void add(Set<String> names, String attribute) {
    if (attribute != null && !attribute.isBlank()) {
      names.add(attribute.trim());
    }
  }
}
