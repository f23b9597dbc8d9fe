package dev.roster.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The baseline: the same Jetty and Jersey as Roster, mounted the same way (Jersey's servlet in a
 * Jetty servlet context), answering every GET under {@code /scim/v2/} with a fixed body of the size
 * of a user resource. What Roster adds to this (auth, the database, mapping, JSON) is what the
 * ratio measures; what both pay (HTTP, the container, the client on the same cores) cancels out.
 */
final class BaselineServer {
  private BaselineServer() {}

  /** Starts the baseline in a JVM of its own with the server's JVM flags. */
  static ChildJvm start(Path benchJar, List<String> jvmFlags, int port, int bodyBytes)
      throws InterruptedException {
    Path workDir = benchJar.toAbsolutePath().getParent();
    ChildJvm process =
        ChildJvm.start(
            jvmFlags,
            List.of(
                "-cp",
                benchJar.toAbsolutePath().toString(),
                BenchMain.class.getName(),
                "baseline",
                "--port",
                Integer.toString(port),
                "--body-bytes",
                Integer.toString(bodyBytes)),
            Map.of(),
            workDir,
            workDir.resolve("baseline.log"));
    try (Http http = new Http("http://127.0.0.1:" + port, "none", 1)) {
      http.awaitOk("/scim/v2/ready", 60, process);
    } catch (RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
    return process;
  }

  /** Serves until the process is stopped (the {@code baseline} command). */
  static void serve(int port, int bodyBytes) throws Exception {
    FixedBodyEndpoint.body = body(bodyBytes);
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ResourceConfig app = new ResourceConfig();
    app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    app.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    app.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    app.register(FixedBodyEndpoint.class);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder("scim", new ServletContainer(app)), "/scim/v2/*");
    server.setHandler(context);
    server.start();
    server.join();
  }

  /** A JSON object of exactly {@code bytes} bytes (at least 12). */
  static byte[] body(int bytes) {
    String prefix = "{\"fixed\":\"";
    String suffix = "\"}";
    char[] fill = new char[Math.max(0, bytes - prefix.length() - suffix.length())];
    Arrays.fill(fill, 'x');
    return (prefix + new String(fill) + suffix).getBytes(StandardCharsets.UTF_8);
  }
}
