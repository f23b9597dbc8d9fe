package dev.roster.sync.testing;

import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.MappingSettings;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import java.util.List;

/** Settings for the fixtures' directory shapes, so that a test names a shape, not twelve fields. */
public final class TestSources {
  public static final String SOURCE = "test";

  private TestSources() {}

  /** A source named {@link #SOURCE} that mirrors groups, disables leavers and allows 10 deletes. */
  public static SourceSettings source(
      ConnectionSettings connection, UserSettings users, GroupSettings groups) {
    return new SourceSettings(
        SOURCE,
        connection,
        users,
        groups,
        new MappingSettings(true, false),
        new PolicySettings(
            PolicySettings.Deletion.DISABLE, 10, 50, PolicySettings.Conflicts.SKIP, 60, 3600));
  }

  /** inetOrgPerson people under {@code baseDn}: uid, entryUUID, employeeType "disabled". */
  public static UserSettings inetOrgPeople(String baseDn) {
    return new UserSettings(
        baseDn,
        "sub",
        "(objectClass=inetOrgPerson)",
        "uid",
        "entryUUID",
        "givenName",
        "sn",
        "displayName",
        "mail",
        "employeeType",
        "disabled",
        "default");
  }

  /** Active Directory users: sAMAccountName, objectGUID, userAccountControl. */
  public static UserSettings activeDirectoryUsers(String baseDn) {
    return new UserSettings(
        baseDn,
        "sub",
        "(objectClass=user)",
        "sAMAccountName",
        "objectGUID",
        "givenName",
        "sn",
        "displayName",
        "mail",
        "userAccountControl",
        null,
        "default");
  }

  /** Groups named by {@code cn}, anchored like the users, with the given membership attribute. */
  public static GroupSettings groups(String baseDn, String filter, Membership membership) {
    return new GroupSettings(baseDn, filter, "cn", null, membership, false);
  }

  /** No groups: the source syncs users only. */
  public static GroupSettings noGroups() {
    return new GroupSettings(null, null, "cn", null, Membership.MEMBER, false);
  }

  /**
   * Source {@code corp} over {@code dc=ex} (people and groupOfNames groups, nested, mirrored, page
   * size 2 so that every read takes several pages), as the synchronizer tests use it.
   */
  public static SourceSettings corp(
      String url, String bindDn, String bindPassword, int maxDeletes, int maxDeletePercent) {
    return new SourceSettings(
        "corp",
        new ConnectionSettings(
            List.of(url),
            bindDn,
            Secret.of(bindPassword),
            ConnectionSettings.TlsMode.NONE,
            null,
            5_000,
            5_000,
            2),
        new UserSettings(
            "ou=people,dc=ex",
            "sub",
            "(objectClass=inetOrgPerson)",
            "uid",
            "entryUUID",
            "givenName",
            "sn",
            "displayName",
            "mail",
            null,
            null,
            "default"),
        new GroupSettings(
            "ou=groups,dc=ex",
            "(objectClass=groupOfNames)",
            "cn",
            "entryUUID",
            Membership.MEMBER,
            true),
        new MappingSettings(true, false),
        new PolicySettings(
            PolicySettings.Deletion.DISABLE,
            maxDeletes,
            maxDeletePercent,
            PolicySettings.Conflicts.SKIP,
            60,
            3600));
  }
}
