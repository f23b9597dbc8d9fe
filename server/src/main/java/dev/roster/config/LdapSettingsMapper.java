package dev.roster.config;

import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.MappingSettings;
import dev.roster.sync.config.PolicySettings;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a validated {@link LdapSourceConfig} into the synchronizer's {@link SourceSettings},
 * filling defaults (OpenLDAP conventions) and reading the bind password from where the
 * configuration says. A missing password source is a {@link ConfigException} that names the key,
 * never the value.
 */
public final class LdapSettingsMapper {
  private LdapSettingsMapper() {}

  public static SourceSettings toSettings(LdapSourceConfig c, int index, Map<String, String> env) {
    String key = "ldap.sources[" + index + "]";
    LdapSourceConfig.Users u = c.users();
    LdapSourceConfig.Groups g =
        c.groups() != null
            ? c.groups()
            : new LdapSourceConfig.Groups(null, null, null, null, null, null);
    LdapSourceConfig.Mapping m =
        c.mapping() != null ? c.mapping() : new LdapSourceConfig.Mapping(null, null);
    LdapSourceConfig.Policy p =
        c.policy() != null
            ? c.policy()
            : new LdapSourceConfig.Policy(null, null, null, null, null, null);
    ConnectionSettings connection =
        new ConnectionSettings(
            c.urls(),
            blankToNull(c.bindDn()),
            password(c, key, env),
            tls(or(c.tls(), "none")),
            blankToNull(c.trustStore()),
            or(c.connectTimeoutMillis(), 5_000),
            or(c.responseTimeoutMillis(), 30_000),
            or(c.pageSize(), 500));
    UserSettings users =
        new UserSettings(
            u.baseDn(),
            or(u.scope(), "sub"),
            or(u.filter(), "(objectClass=inetOrgPerson)"),
            or(u.userName(), "uid"),
            or(u.anchor(), "entryUUID"),
            or(u.givenName(), "givenName"),
            or(u.familyName(), "sn"),
            or(u.displayName(), "displayName"),
            or(u.email(), "mail"),
            blankToNull(u.disabledAttribute()),
            blankToNull(u.disabledValue()),
            blankToNull(u.defaultProfile()));
    GroupSettings groups =
        new GroupSettings(
            blankToNull(g.baseDn()),
            or(
                g.filter(),
                "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))"),
            or(g.name(), "cn"),
            or(g.anchor(), or(u.anchor(), "entryUUID")),
            membership(or(g.membership(), "member")),
            or(g.nested(), true));
    MappingSettings mapping =
        new MappingSettings(or(m.mirrorGroups(), true), or(m.ldapGroupNames(), true));
    PolicySettings policy =
        new PolicySettings(
            PolicySettings.Deletion.valueOf(or(p.deletion(), "disable").toUpperCase(Locale.ROOT)),
            or(p.maxDeletes(), 100),
            or(p.maxDeletePercent(), 10),
            PolicySettings.Conflicts.valueOf(or(p.conflicts(), "skip").toUpperCase(Locale.ROOT)),
            or(p.incrementalIntervalSeconds(), 300),
            or(p.fullIntervalSeconds(), 3600));
    return new SourceSettings(c.name(), connection, users, groups, mapping, policy);
  }

  private static Secret password(LdapSourceConfig c, String key, Map<String, String> env) {
    if (c.bindPasswordEnv() != null && !c.bindPasswordEnv().isBlank()) {
      String value = env.get(c.bindPasswordEnv());
      if (value == null) {
        throw new ConfigException(
            key
                + ".bindPasswordEnv: the environment variable "
                + c.bindPasswordEnv()
                + " is not set");
      }
      return Secret.of(value);
    }
    if (c.bindPasswordFile() != null && !c.bindPasswordFile().isBlank()) {
      try {
        return Secret.of(Files.readString(Path.of(c.bindPasswordFile())).strip());
      } catch (IOException e) {
        throw new ConfigException(key + ".bindPasswordFile: cannot read " + c.bindPasswordFile());
      }
    }
    return Secret.of("");
  }

  private static ConnectionSettings.TlsMode tls(String text) {
    return switch (text) {
      case "ldaps" -> ConnectionSettings.TlsMode.LDAPS;
      case "startTLS" -> ConnectionSettings.TlsMode.START_TLS;
      default -> ConnectionSettings.TlsMode.NONE;
    };
  }

  private static GroupSettings.Membership membership(String text) {
    return switch (text) {
      case "uniqueMember" -> GroupSettings.Membership.UNIQUE_MEMBER;
      case "memberUid" -> GroupSettings.Membership.MEMBER_UID;
      case "memberOf" -> GroupSettings.Membership.MEMBER_OF;
      default -> GroupSettings.Membership.MEMBER;
    };
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
