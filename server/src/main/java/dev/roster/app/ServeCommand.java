package dev.roster.app;

import dev.roster.config.RosterConfig;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roster serve}: runs the HTTP server until stopped. */
@Command(name = "serve", description = "Start the SCIM server.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin ConfigOption config;

  @Option(
      names = "--demo",
      description = "Also start the embedded demo LDAP directory and print an admin token.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    RosterConfig settings = config.load();
    DemoDirectory directory = null;
    String demoToken = null;
    if (demo) {
      directory = DemoDirectory.start();
      // The demo prints an admin token: keep it off the network.
      settings = settings.withHttpHost("127.0.0.1").withLdap(directory.withSource(settings.ldap()));
      if (!settings.hasBootstrapToken()) {
        // A token for this process only: nothing is stored, so demo runs leave no tokens behind.
        demoToken = randomToken();
        settings = settings.withBootstrapToken(demoToken);
      }
    }
    LOG.info("starting config={}", settings);
    try (Roster roster = Roster.serve(settings)) {
      String base = "http://localhost:" + roster.port();
      LOG.info("listening port={} scim={}/scim/v2", roster.port(), base);
      if (demo) {
        printDemo(base, directory, demoToken);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> LOG.info("stopping")));
      roster.join();
    } finally {
      if (directory != null) {
        directory.close();
      }
    }
    return 0;
  }

  private static void printDemo(String base, DemoDirectory directory, String demoToken) {
    String token = demoToken != null ? demoToken : "<your ROSTER_BOOTSTRAP_TOKEN>";
    System.out.println();
    System.out.println("Roster demo is running.");
    System.out.println("  SCIM base URL:  " + base + "/scim/v2");
    System.out.println(
        "  Demo directory: " + directory.url() + " (base DN " + DemoDirectory.BASE_DN + ")");
    System.out.println(
        "  Admin token:    "
            + token
            + (demoToken != null ? "  (valid until this process stops)" : ""));
    System.out.println(
        "  Try:            curl -H 'Authorization: Bearer "
            + token
            + "' "
            + base
            + "/scim/v2/Users");
    System.out.println();
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
