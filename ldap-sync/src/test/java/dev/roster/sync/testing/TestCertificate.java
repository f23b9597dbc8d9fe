package dev.roster.sync.testing;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/**
 * A throw-away self-signed server certificate naming one host, made in-process with the LDAP SDK's
 * {@code manage-certificates}, and a trust store that holds it — what a client would be given.
 */
final class TestCertificate {
  private static final char[] PIN = "in-memory-key-pin".toCharArray();

  private final File keyStore;
  private final File trustStore;

  private TestCertificate(File keyStore, File trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** An EC certificate whose subject and only subject alternative name is {@code hostName}. */
  static TestCertificate forHost(String hostName) throws Exception {
    Path folder = Files.createTempDirectory("roster-test-tls");
    folder.toFile().deleteOnExit();
    File keyStore = folder.resolve("directory.p12").toFile();
    keyStore.deleteOnExit();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ResultCode result =
        ManageCertificates.main(
            null,
            output,
            output,
            "generate-self-signed-certificate",
            "--keystore=" + keyStore.getPath(),
            "--keystore-password=" + new String(PIN),
            "--keystore-type=PKCS12",
            "--alias=directory",
            "--subject-dn=CN=" + hostName,
            "--subject-alternative-name-dns=" + hostName,
            "--key-algorithm=EC",
            "--key-size-bits=256",
            "--signature-algorithm=SHA256withECDSA");
    if (result != ResultCode.SUCCESS) {
      throw new IllegalStateException("no test certificate: " + output);
    }
    File trustStore = folder.resolve("trust.jks").toFile();
    trustStore.deleteOnExit();
    writeTrustStore(keyStore, trustStore);
    return new TestCertificate(keyStore, trustStore);
  }

  /** The server side: presents the certificate, asks nothing of clients. */
  SSLUtil serverSsl() throws Exception {
    return new SSLUtil(
        new KeyStoreKeyManager(keyStore, PIN, "PKCS12", null), new TrustAllTrustManager());
  }

  File trustStore() {
    return trustStore;
  }

  /** A JKS trust store (readable without a password) holding only the certificate. */
  private static void writeTrustStore(File keyStore, File trustStore) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore.toPath())) {
      keys.load(in, PIN);
    }
    KeyStore trust = KeyStore.getInstance("JKS");
    trust.load(null, null);
    trust.setCertificateEntry("directory", keys.getCertificate("directory"));
    try (OutputStream out = Files.newOutputStream(trustStore.toPath())) {
      trust.store(out, "unused".toCharArray());
    }
  }
}
