package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  private static final RosterConfig DEFAULTS =
      new RosterConfig(
          new HttpConfig("0.0.0.0", 8080),
          "./data",
          new DbConfig("", "sa", "", 10),
          "",
          new ScimConfig(1000, 1000, 1048576),
          new UsersConfig("READER,EXPLORER,DESIGNER,DATA_SCIENTIST", "READER"),
          new SecretsConfig(""),
          new LdapConfig(java.util.List.of()));

  @TempDir Path dir;

  @Test
  void withoutFileOrEnvironmentTheDefaultsLoad() {
    assertThat(ConfigLoader.load(null, Map.of())).isEqualTo(DEFAULTS);
  }

  @Test
  void theShippedOperatorFileHoldsTheDefaults() {
    // Surefire runs in server/; the operator's file sits at the repository root.
    assertThat(ConfigLoader.load(Path.of("../config/roster.yaml"), Map.of())).isEqualTo(DEFAULTS);
  }

  @Test
  void aFileOverridesOnlyTheKeysItNames() throws IOException {
    Path file =
        yaml(
            "http:\n  port: 9090\ndb:\n  url: jdbc:postgresql://db/roster\nscim:\n  maxResults: 50\n");

    RosterConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config)
        .isEqualTo(
            DEFAULTS
                .withHttpPort(9090)
                .withDb(DEFAULTS.db().withUrl("jdbc:postgresql://db/roster"))
                .withScim(new ScimConfig(50, 1000, 1048576)));
  }

  static Stream<Arguments> environmentVariables() {
    return Stream.of(
        override("ROSTER_HTTP_HOST", "127.0.0.1", c -> c.http().host(), "127.0.0.1"),
        override("ROSTER_HTTP_PORT", "9443", c -> c.http().port(), 9443),
        override("ROSTER_DATA_DIR", "/var/lib/roster", RosterConfig::dataDir, "/var/lib/roster"),
        override(
            "ROSTER_DB_URL",
            "jdbc:postgresql://db/roster",
            c -> c.db().url(),
            "jdbc:postgresql://db/roster"),
        override("ROSTER_DB_USER", "roster", c -> c.db().user(), "roster"),
        override("ROSTER_DB_PASSWORD", "0123", c -> c.db().password(), "0123"),
        override("ROSTER_DB_MAX_POOL_SIZE", "25", c -> c.db().maxPoolSize(), 25),
        override(
            "ROSTER_BOOTSTRAP_TOKEN",
            "0123456789abcdef",
            RosterConfig::bootstrapToken,
            "0123456789abcdef"),
        override("ROSTER_SCIM_MAX_RESULTS", "200", c -> c.scim().maxResults(), 200),
        override("ROSTER_SCIM_BULK_MAX_OPERATIONS", "10", c -> c.scim().bulkMaxOperations(), 10),
        override(
            "ROSTER_SCIM_BULK_MAX_PAYLOAD_SIZE", "4096", c -> c.scim().bulkMaxPayloadSize(), 4096));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environmentVariables")
  void anEnvironmentVariableOverridesItsKey(
      String variable, String value, Function<RosterConfig, Object> key, Object expected) {
    assertThat(key.apply(ConfigLoader.load(null, Map.of(variable, value)))).isEqualTo(expected);
  }

  @Test
  void theEnvironmentWinsOverTheFile() throws IOException {
    Path file = yaml("http:\n  port: 9090\n");

    assertThat(ConfigLoader.load(file, Map.of("ROSTER_HTTP_PORT", "9091")).http().port())
        .isEqualTo(9091);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            http.port            | HTTP_PORT
            dataDir              | DATA_DIR
            db.maxPoolSize       | DB_MAX_POOL_SIZE
            scim.bulkMaxPayloadSize | SCIM_BULK_MAX_PAYLOAD_SIZE
            ldap.sources.baseDn  | LDAP_SOURCES_BASE_DN
            tls.keyStorePEMFile  | TLS_KEY_STORE_PEM_FILE
            """)
  void variableNamesFollowTheKeyPath(String path, String suffix) {
    assertThat(EnvOverrides.variableFor(path)).isEqualTo("ROSTER_" + suffix);
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("http:\n  port: 70000\n", Map.of(), "http.port: must be between 0 and 65535"),
        bad(
            null,
            Map.of("ROSTER_HTTP_PORT", "abc"),
            "http.port (ROSTER_HTTP_PORT): \"abc\" is not a whole number"),
        bad(
            null,
            Map.of("ROSTER_HTTP_PORT", "70000"),
            "http.port (ROSTER_HTTP_PORT): must be between 0 and 65535"),
        bad("http:\n  port: 80.5\n", Map.of(), "http.port: \"80.5\" is not a whole number"),
        bad("http:\n  port:\n", Map.of(), "http.port: must not be empty"),
        bad(
            "http:\n  prot: 80\n",
            Map.of(),
            "http.prot: unknown key (expected one of: host, port)"),
        bad("http: 80\n", Map.of(), "http: must be a section of keys"),
        bad("http:\n  host: ' '\n", Map.of(), "http.host: must not be blank"),
        bad("dataDir: ''\n", Map.of(), "dataDir: must not be blank"),
        bad("db:\n  maxPoolSize: 0\n", Map.of(), "db.maxPoolSize: must be between 1 and 200"),
        bad(
            null,
            Map.of("ROSTER_DB_MAX_POOL_SIZE", "201"),
            "db.maxPoolSize (ROSTER_DB_MAX_POOL_SIZE): must be between 1 and 200"),
        bad(
            "scim:\n  bulkMaxOperations: 0\n",
            Map.of(),
            "scim.bulkMaxOperations: must be greater than 0"),
        bad(
            "bootstrapToken: too-short\n",
            Map.of(),
            "bootstrapToken: must be empty or at least 16 characters"),
        bad(
            "dataDir: ''\nhttp:\n  port: -1\n",
            Map.of(),
            "dataDir: must not be blank; http.port: must be between 0 and 65535"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badValues")
  void aBadValueIsRejectedOnOneLineNamingTheKey(
      String yaml, Map<String, String> env, String message) throws IOException {
    Path file = yaml == null ? null : yaml(yaml);

    assertThatThrownBy(() -> ConfigLoader.load(file, env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            a value after a value           | 2 | 'http:\\n  port: : 80\\n'
            a tab for indentation           | 2 | 'http:\\n\\tport: 80\\n'
            an unterminated quote           | 3 | 'db:\\n  password: \"hunter2\\n'
            a key given twice               | 3 | 'http:\\n  port: 1\\n  port: 2\\n'
            """)
  void malformedYamlNamesTheFileAndLine(String problem, int line, String yaml) throws IOException {
    Path file = yaml(yaml.replace("\\n", "\n").replace("\\t", "\t"));

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingFileIsAnError() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": config file not found");
  }

  @Test
  void secretsStayOutOfErrorMessages() throws IOException {
    Path file = yaml("db:\n  password: [hunter2]\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("ROSTER_BOOTSTRAP_TOKEN", "s3cr3t")))
        .hasMessage("db.password: must be text")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("ROSTER_BOOTSTRAP_TOKEN", "s3cr3t")))
        .hasMessage(
            "bootstrapToken (ROSTER_BOOTSTRAP_TOKEN): must be empty or at least 16 characters");
  }

  @Test
  void anUnquotedNumericSecretKeepsItsText() throws IOException {
    // YAML would read 0123 as the number 123; the password must stay exactly as written.
    Path file = yaml("db:\n  password: 0123\n");

    assertThat(ConfigLoader.load(file, Map.of()).db().password()).isEqualTo("0123");
  }

  @Test
  void toStringRedactsThePasswordAndToken() {
    RosterConfig config =
        ConfigLoader.load(
            null,
            Map.of(
                "ROSTER_DB_PASSWORD",
                "hunter2",
                "ROSTER_BOOTSTRAP_TOKEN",
                "token-0123456789abcdef"));

    assertThat(config.toString())
        .contains("password=****", "bootstrapToken=****")
        .doesNotContain("hunter2", "token-0123456789abcdef");
    assertThat(DEFAULTS.toString()).contains("password=,", "bootstrapToken=,");
  }

  @Test
  void theDefaultJdbcUrlIsAnAbsoluteH2FileUnderTheDataDir() {
    RosterConfig config = ConfigLoader.load(null, Map.of("ROSTER_DATA_DIR", "./some/../data"));

    Path expected = Path.of("data").toAbsolutePath().resolve("roster");
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:" + expected + ";AUTO_SERVER=TRUE");
    assertThat(expected).isAbsolute();
  }

  @Test
  void aConfiguredJdbcUrlIsUsedAsIs() {
    RosterConfig config =
        ConfigLoader.load(null, Map.of("ROSTER_DB_URL", "jdbc:postgresql://db/roster"));

    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/roster");
  }

  private static Arguments override(
      String variable, String value, Function<RosterConfig, Object> key, Object expected) {
    return Arguments.of(variable, value, key, expected);
  }

  private static Arguments bad(String yaml, Map<String, String> env, String message) {
    return Arguments.of(yaml, env, message);
  }

  private Path yaml(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "roster", ".yaml"), content);
  }

  @Test
  void anLdapSourceBindsAndFillsItsDefaults() throws Exception {
    Path file = dir.resolve("ldap.yaml");
    java.nio.file.Files.writeString(
        file,
        """
        ldap:
          sources:
            - name: corp
              urls: ["ldap://127.0.0.1:3389"]
              bindDn: cn=reader,dc=corp
              bindPasswordEnv: CORP_LDAP_PASSWORD
              users:
                baseDn: ou=people,dc=corp
              groups:
                baseDn: ou=groups,dc=corp
                membership: uniqueMember
        """);
    RosterConfig config = ConfigLoader.load(file, Map.of());
    var settings =
        LdapSettingsMapper.toSettings(
            config.ldap().sources().get(0), 0, Map.of("CORP_LDAP_PASSWORD", "s3cret"));
    assertThat(settings.name()).isEqualTo("corp");
    assertThat(settings.users().anchorAttribute()).isEqualTo("entryUUID");
    assertThat(settings.users().userNameAttribute()).isEqualTo("uid");
    assertThat(settings.groups().membership())
        .isEqualTo(dev.roster.sync.config.GroupSettings.Membership.UNIQUE_MEMBER);
    assertThat(settings.connection().bindPassword().reveal()).isEqualTo("s3cret");
    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThat(settings.policy().maxDeletePercent()).isEqualTo(10);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      users: {baseDn: ""}                                 | ldap.sources[0].users.baseDn
      users: {baseDn: o=x}, tls: sometimes                | ldap.sources[0].tls
      users: {baseDn: o=x}, groups: {membership: friends} | ldap.sources[0].groups.membership
      users: {baseDn: o=x}, policy: {maxDeletePercent: 150} | ldap.sources[0].policy.maxDeletePercent
      """)
  void aBadLdapSourceNamesItsKey(String fragment, String key) throws Exception {
    Path file = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(
        file, "ldap:\n  sources:\n    - {name: corp, urls: [\"ldap://h\"], " + fragment + "}\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }

  @Test
  void aMissingBindPasswordVariableNamesTheKeyNotAValue() {
    var source =
        new LdapSourceConfig(
            "corp",
            java.util.List.of("ldap://h"),
            "cn=x",
            "NOT_SET_ANYWHERE",
            null,
            null,
            null,
            null,
            null,
            null,
            new LdapSourceConfig.Users(
                "o=x", null, null, null, null, null, null, null, null, null, null, null),
            null,
            null,
            null);
    assertThatThrownBy(() -> LdapSettingsMapper.toSettings(source, 0, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ldap.sources[0].bindPasswordEnv");
  }
}
