package dev.roster.bench;

/**
 * The roster.yaml of the sync scenarios: one source, {@code bench}, over the generated directory
 * (the mapping of config/examples/openldap.yaml), with schedules a day long so that only the run at
 * start and the runs the bench triggers happen. The bind password comes from the environment.
 */
final class SyncConfig {
  static final String PASSWORD_ENV = "BENCH_LDAP_PASSWORD";

  private SyncConfig() {}

  static String yaml(String url) {
    return String.join(
        "\n",
        "ldap:",
        "  sources:",
        "    - name: " + SyncBench.SOURCE,
        "      urls: [\"" + url + "\"]",
        "      bindDn: " + DirectoryLdif.READER_DN,
        "      bindPasswordEnv: " + PASSWORD_ENV,
        "      tls: none",
        "      pageSize: 500",
        "      users:",
        "        baseDn: " + DirectoryLdif.PEOPLE,
        "        scope: sub",
        "        filter: \"(objectClass=inetOrgPerson)\"",
        "        userName: uid",
        "        anchor: entryUUID",
        "        givenName: givenName",
        "        familyName: sn",
        "        displayName: cn",
        "        email: mail",
        "      groups:",
        "        baseDn: " + DirectoryLdif.GROUPS,
        "        filter: \"(objectClass=groupOfNames)\"",
        "        name: cn",
        "        membership: member",
        "        nested: true",
        "      mapping:",
        "        mirrorGroups: true",
        "        ldapGroupNames: false",
        "      policy:",
        "        deletion: disable",
        "        maxDeletes: 100",
        "        maxDeletePercent: 10",
        "        conflicts: skip",
        "        fullIntervalSeconds: 86400",
        "        incrementalIntervalSeconds: 86400",
        "");
  }
}
