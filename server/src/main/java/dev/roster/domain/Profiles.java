package dev.roster.domain;

import java.util.List;

/** The profiles (licences) users may have, and the one a new user gets when none is given. */
public record Profiles(List<String> names, String defaultProfile) {
  public Profiles {
    names = List.copyOf(names);
    if (!names.contains(defaultProfile)) {
      throw new IllegalArgumentException("the default profile must be one of " + names);
    }
  }

  public String check(String profile) {
    if (profile == null) {
      return defaultProfile;
    }
    if (!names.contains(profile)) {
      throw new Invalid(
          "urn:roster:scim:extension:2.0:User:profile",
          "'" + profile + "' is not a profile; configured: " + String.join(", ", names));
    }
    return profile;
  }
}
