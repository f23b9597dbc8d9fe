package dev.roster.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * One directory source ({@code ldap.sources[i]}). Optional keys may be left out; {@link
 * LdapSettingsMapper} fills their defaults. The bind password is never in the file itself: it comes
 * from the environment variable named by {@code bindPasswordEnv} or the file at {@code
 * bindPasswordFile}.
 */
public record LdapSourceConfig(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9_.-]{1,64}",
            message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
        String name,
    @NotEmpty(message = "must list at least one ldap:// or ldaps:// URL") List<String> urls,
    String bindDn,
    String bindPasswordEnv,
    String bindPasswordFile,
    @Pattern(regexp = "none|ldaps|startTLS", message = "must be none, ldaps or startTLS")
        String tls,
    String trustStore,
    @Positive Integer connectTimeoutMillis,
    @Positive Integer responseTimeoutMillis,
    @Positive Integer pageSize,
    @NotNull(message = "must not be empty") @Valid Users users,
    @Valid Groups groups,
    @Valid Mapping mapping,
    @Valid Policy policy) {

  /** Where users are and which attributes carry what. */
  public record Users(
      @NotBlank String baseDn,
      @Pattern(regexp = "sub|one", message = "must be sub or one") String scope,
      String filter,
      String userName,
      String anchor,
      String givenName,
      String familyName,
      String displayName,
      String email,
      String disabledAttribute,
      String disabledValue,
      String defaultProfile) {}

  /** Where groups are and how membership is written; no baseDn means no groups. */
  public record Groups(
      String baseDn,
      String filter,
      String name,
      String anchor,
      @Pattern(
              regexp = "member|uniqueMember|memberUid|memberOf",
              message = "must be member, uniqueMember, memberUid or memberOf")
          String membership,
      Boolean nested) {}

  /** Mirror directory groups, and/or feed local groups that name them in ldapGroupNames. */
  public record Mapping(Boolean mirrorGroups, Boolean ldapGroupNames) {}

  /** What a run may do on its own. */
  public record Policy(
      @Pattern(regexp = "disable|delete", message = "must be disable or delete") String deletion,
      @jakarta.validation.constraints.PositiveOrZero Integer maxDeletes,
      @org.hibernate.validator.constraints.Range(min = 0, max = 100) Integer maxDeletePercent,
      @Pattern(regexp = "skip|adopt", message = "must be skip or adopt") String conflicts,
      @Positive Integer incrementalIntervalSeconds,
      @Positive Integer fullIntervalSeconds) {}
}
