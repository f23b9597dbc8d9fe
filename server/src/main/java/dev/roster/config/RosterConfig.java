package dev.roster.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Everything Roster reads at start, as one validated tree. Built only by {@link ConfigLoader};
 * after loading nothing looks settings up by string.
 *
 * <pre>{@code
 * RosterConfig config = ConfigLoader.load(Path.of("config/roster.yaml"), System.getenv());
 * int port = config.http().port();
 * }</pre>
 *
 * @param bootstrapToken a one-time admin token; null or blank disables it
 */
public record RosterConfig(
    @NotNull(message = "must not be empty") @Valid HttpConfig http,
    @NotBlank String dataDir,
    @NotNull(message = "must not be empty") @Valid DbConfig db,
    @BlankOrMinLength(min = 16) String bootstrapToken,
    @NotNull(message = "must not be empty") @Valid ScimConfig scim,
    @NotNull(message = "must not be empty") @Valid UsersConfig users,
    @NotNull(message = "must not be empty") @Valid SecretsConfig secrets,
    @NotNull(message = "must not be empty") @Valid LdapConfig ldap) {

  /**
   * The JDBC URL to open: {@code db.url} when set, else an H2 file database under {@link #dataDir}.
   * The path is made absolute because H2 resolves relative paths against its own notion of the
   * working directory; AUTO_SERVER lets a CLI command open the database while the server runs.
   */
  public String jdbcUrl() {
    if (db.url() != null && !db.url().isBlank()) {
      return db.url();
    }
    Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("roster");
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
  }

  /** Whether a bootstrap token is configured at all (blank means disabled). */
  public boolean hasBootstrapToken() {
    return bootstrapToken != null && !bootstrapToken.isBlank();
  }

  public RosterConfig withHttpHost(String host) {
    return new RosterConfig(
        new HttpConfig(host, http.port()), dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withHttpPort(int port) {
    return new RosterConfig(
        http.withPort(port), dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withDataDir(String dataDir) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withDb(DbConfig db) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withBootstrapToken(String bootstrapToken) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withScim(ScimConfig scim) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withSecrets(SecretsConfig secrets) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  public RosterConfig withLdap(LdapConfig ldap) {
    return new RosterConfig(http, dataDir, db, bootstrapToken, scim, users, secrets, ldap);
  }

  /** Redacts the bootstrap token: configs get logged at start. */
  @Override
  public String toString() {
    return "RosterConfig[http="
        + http
        + ", dataDir="
        + dataDir
        + ", db="
        + db
        + ", bootstrapToken="
        + Redaction.mask(bootstrapToken)
        + ", scim="
        + scim
        + ", users="
        + users
        + ", secrets="
        + secrets
        + "]";
  }
}
