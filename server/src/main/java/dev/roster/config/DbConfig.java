package dev.roster.config;

import org.hibernate.validator.constraints.Range;

/**
 * The database connection.
 *
 * @param url a JDBC URL; blank means the embedded H2 database under {@code dataDir} (see {@link
 *     RosterConfig#jdbcUrl()})
 */
public record DbConfig(
    String url, String user, String password, @Range(min = 1, max = 200) int maxPoolSize) {

  public DbConfig withUrl(String url) {
    return new DbConfig(url, user, password, maxPoolSize);
  }

  /** Redacts the password: configs get logged at start. */
  @Override
  public String toString() {
    return "DbConfig[url="
        + url
        + ", user="
        + user
        + ", password="
        + Redaction.mask(password)
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }
}
