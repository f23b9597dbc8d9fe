package dev.roster.config;

import dev.roster.domain.Profiles;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.List;

/**
 * The profiles (licences) users may have.
 *
 * @param profiles comma-separated, so one environment variable can set them (ROSTER_USERS_PROFILES)
 * @param defaultProfile what a user created without a profile gets; one of {@code profiles}
 */
public record UsersConfig(@NotBlank String profiles, @NotBlank String defaultProfile) {

  public List<String> profileNames() {
    return Arrays.stream(profiles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @AssertTrue(message = "users.defaultProfile must be one of users.profiles")
  public boolean isDefaultListed() {
    return profiles == null || defaultProfile == null || profileNames().contains(defaultProfile);
  }

  public Profiles toProfiles() {
    return new Profiles(profileNames(), defaultProfile);
  }
}
