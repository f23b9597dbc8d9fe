package dev.roster.sync.config;

import java.util.List;

/**
 * How to reach a directory: URLs tried in order (failover), the bind account, TLS, timeouts and the
 * page size of the simple paged results control (RFC 2696).
 */
public record ConnectionSettings(
    List<String> urls,
    String bindDn,
    Secret bindPassword,
    TlsMode tls,
    String trustStore,
    int connectTimeoutMillis,
    int responseTimeoutMillis,
    int pageSize) {

  public enum TlsMode {
    NONE,
    LDAPS,
    START_TLS
  }

  @Override
  public String toString() {
    return "ConnectionSettings[urls="
        + urls
        + ", bindDn="
        + bindDn
        + ", bindPassword="
        + bindPassword
        + ", tls="
        + tls
        + ", pageSize="
        + pageSize
        + "]";
  }
}
