package dev.roster.domain;

import java.util.List;

/**
 * The descriptive attributes of a user (RFC 7643 §4.1) that the domain keeps but does not reason
 * about. Kept apart from {@link User} so identity and rules stay readable.
 */
public record UserDetails(
    Name name,
    String displayName,
    String nickName,
    String profileUrl,
    String title,
    String userType,
    String preferredLanguage,
    String locale,
    String timezone,
    List<MultiValue> emails,
    List<MultiValue> phoneNumbers,
    List<MultiValue> ims,
    List<MultiValue> photos,
    List<Address> addresses,
    List<MultiValue> entitlements,
    List<MultiValue> roles,
    List<MultiValue> x509Certificates,
    EnterpriseData enterprise,
    UserSettings roster) {

  public static UserDetails empty() {
    return new UserDetails(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        UserSettings.EMPTY);
  }

  /** The same attributes with these Roster extension settings. */
  public UserDetails withRoster(UserSettings settings) {
    return new UserDetails(
        name,
        displayName,
        nickName,
        profileUrl,
        title,
        userType,
        preferredLanguage,
        locale,
        timezone,
        emails,
        phoneNumbers,
        ims,
        photos,
        addresses,
        entitlements,
        roles,
        x509Certificates,
        enterprise,
        settings);
  }

  public UserDetails {
    emails = nonNull(emails);
    phoneNumbers = nonNull(phoneNumbers);
    ims = nonNull(ims);
    photos = nonNull(photos);
    addresses = nonNull(addresses);
    entitlements = nonNull(entitlements);
    roles = nonNull(roles);
    x509Certificates = nonNull(x509Certificates);
    roster = roster == null ? UserSettings.EMPTY : roster;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
