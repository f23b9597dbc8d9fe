package dev.roster.store.jpa;

import dev.roster.domain.MultiValue;
import dev.roster.domain.Name;
import dev.roster.domain.UserDetails;
import dev.roster.sync.model.DirectoryUser;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes a directory owns on an LDAP user (name, displayName, the primary email), merged
 * into the user's other attributes, which stay as SCIM clients set them.
 */
final class DirectoryAttributes {
  private DirectoryAttributes() {}

  static UserDetails merge(UserDetails current, DirectoryUser entry) {
    Name old = current.name();
    Name name =
        new Name(
            formatted(entry),
            entry.familyName(),
            entry.givenName(),
            old == null ? null : old.middleName(),
            old == null ? null : old.honorificPrefix(),
            old == null ? null : old.honorificSuffix());
    List<MultiValue> emails = new ArrayList<>();
    if (entry.email() != null) {
      emails.add(new MultiValue(entry.email(), null, "work", true));
    }
    for (MultiValue email : current.emails()) {
      if (!Boolean.TRUE.equals(email.primary())
          && !email.value().equalsIgnoreCase(String.valueOf(entry.email()))) {
        emails.add(email);
      }
    }
    return new UserDetails(
        name,
        entry.displayName(),
        current.nickName(),
        current.profileUrl(),
        current.title(),
        current.userType(),
        current.preferredLanguage(),
        current.locale(),
        current.timezone(),
        emails,
        current.phoneNumbers(),
        current.ims(),
        current.photos(),
        current.addresses(),
        current.entitlements(),
        current.roles(),
        current.x509Certificates(),
        current.enterprise(),
        current.roster());
  }

  static String primaryEmail(UserDetails details) {
    return details.emails().stream()
        .filter(e -> Boolean.TRUE.equals(e.primary()))
        .findFirst()
        .or(() -> details.emails().stream().findFirst())
        .map(MultiValue::value)
        .orElse(null);
  }

  private static String formatted(DirectoryUser entry) {
    if (entry.givenName() == null && entry.familyName() == null) {
      return null;
    }
    return ((entry.givenName() == null ? "" : entry.givenName() + " ")
            + (entry.familyName() == null ? "" : entry.familyName()))
        .strip();
  }
}
