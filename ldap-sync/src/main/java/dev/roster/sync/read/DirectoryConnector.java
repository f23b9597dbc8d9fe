package dev.roster.sync.read;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.roster.sync.config.ConnectionSettings;
import dev.roster.sync.config.ConnectionSettings.TlsMode;
import dev.roster.sync.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Opens a connection to a directory as {@link ConnectionSettings} describe it: the URLs tried in
 * order (failover), TLS as LDAPS or StartTLS (RFC 4513 §3) checked against the trust store or the
 * JVM's default trust and the server's host name, connect and response timeouts, then a simple bind
 * (RFC 4513 §5.1) as the bind DN, or none (anonymous) when the bind DN is blank.
 *
 * <pre>{@code
 * try (LDAPConnection connection = DirectoryConnector.open(settings)) { ... }
 * }</pre>
 *
 * <p>The bind password never reaches a message: failures name the phase and the result code.
 */
public final class DirectoryConnector {
  static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
  static final int DEFAULT_RESPONSE_TIMEOUT_MILLIS = 60_000;

  private DirectoryConnector() {}

  /** Connects to the first reachable URL and binds; the caller closes the connection. */
  public static LDAPConnection open(ConnectionSettings settings) throws DirectoryReadException {
    LDAPConnection connection = connect(settings);
    try {
      bind(connection, settings.bindDn(), settings.bindPassword());
      return connection;
    } catch (DirectoryReadException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Connects (with TLS when configured) without binding: the connection is still anonymous. */
  public static LDAPConnection connect(ConnectionSettings settings) throws DirectoryReadException {
    ReadFailure failure = new ReadFailure(settings.bindPassword());
    String phase = "connect to " + settings.urls();
    List<String> urls = settings.urls() == null ? List.of() : settings.urls();
    if (urls.isEmpty()) {
      throw failure.of(phase, "invalidSettings", "connection.urls: must not be empty");
    }
    String[] hosts = new String[urls.size()];
    int[] ports = new int[urls.size()];
    for (int i = 0; i < urls.size(); i++) {
      try {
        LDAPURL url = new LDAPURL(urls.get(i));
        hosts[i] = url.getHost();
        ports[i] = url.getPort();
      } catch (LDAPException e) {
        throw failure.of(phase, "invalidSettings", "connection.urls[" + i + "]: not an LDAP URL");
      }
    }
    try {
      return serverSet(settings, hosts, ports).getConnection();
    } catch (LDAPException e) {
      throw failure.ldap(phase, e);
    } catch (GeneralSecurityException e) {
      throw failure.of(phase, "tlsSetupFailed", e.getMessage());
    }
  }

  /**
   * Binds as {@code bindDn} with a simple bind; a blank bind DN leaves the connection anonymous. A
   * bind DN with an empty password is refused by the SDK rather than sent as an unauthenticated
   * bind (RFC 4513 §5.1.2), which would succeed without checking anything.
   */
  public static void bind(LDAPConnection connection, String bindDn, Secret password)
      throws DirectoryReadException {
    if (bindDn == null || bindDn.isBlank()) {
      return;
    }
    ReadFailure failure = new ReadFailure(password);
    String phase = "bind as " + bindDn;
    try {
      String secret = password == null ? "" : password.reveal();
      BindResult result = connection.bind(new SimpleBindRequest(bindDn, secret));
      if (result.getResultCode() != ResultCode.SUCCESS) {
        throw failure.of(
            phase, ReadFailure.name(result.getResultCode()), result.getDiagnosticMessage());
      }
    } catch (LDAPException e) {
      throw failure.ldap(phase, e);
    }
  }

  private static FailoverServerSet serverSet(
      ConnectionSettings settings, String[] hosts, int[] ports)
      throws GeneralSecurityException, LDAPException {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(
        positiveOr(settings.connectTimeoutMillis(), DEFAULT_CONNECT_TIMEOUT_MILLIS));
    options.setResponseTimeoutMillis(
        positiveOr(settings.responseTimeoutMillis(), DEFAULT_RESPONSE_TIMEOUT_MILLIS));
    // A referral names entries elsewhere; following it silently would mix directories.
    options.setFollowReferrals(false);
    TlsMode tls = settings.tls() == null ? TlsMode.NONE : settings.tls();
    if (tls == TlsMode.NONE) {
      return new FailoverServerSet(hosts, ports, options);
    }
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    SSLUtil ssl = new SSLUtil(trust(settings.trustStore()));
    SocketFactory socketFactory = tls == TlsMode.LDAPS ? ssl.createSSLSocketFactory() : null;
    PostConnectProcessor startTls =
        tls == TlsMode.START_TLS ? new StartTLSPostConnectProcessor(ssl.createSSLContext()) : null;
    return new FailoverServerSet(hosts, ports, socketFactory, options, null, startTls);
  }

  private static TrustManager trust(String trustStore) throws GeneralSecurityException {
    if (trustStore == null || trustStore.isBlank()) {
      return JVMDefaultTrustManager.getInstance();
    }
    if (!Files.isReadable(Path.of(trustStore))) {
      throw new GeneralSecurityException("connection.trustStore: cannot read " + trustStore);
    }
    return new TrustStoreTrustManager(trustStore, null, null, true);
  }

  private static int positiveOr(int value, int fallback) {
    return value > 0 ? value : fallback;
  }
}
