package dev.roster.sync.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away OpenLDAP {@code slapd} (Debian's package) from a temp directory on a free loopback
 * port: a plain {@code slapd.conf} (mdb, the core/cosine/inetorgperson/nis schemas, syncprov with a
 * session log), checked with {@code slaptest}, loaded offline with {@code slapadd}, then started in
 * the foreground and stopped in {@link #close()}.
 *
 * <p>Three bind accounts: the root DN (no limits, for loading and changes), {@link #READER_DN} with
 * unlimited size limits, and {@link #CAPPED_DN} without a {@code limits} line, so it stops at
 * slapd's default {@code sizelimit 500} with {@code sizeLimitExceeded} even on a paged search.
 *
 * <pre>{@code
 * Slapd.assumeInstalled();
 * try (Slapd slapd = Slapd.start(ldifBelowTheSuffix)) {
 *   String url = slapd.url(); // ldap://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class Slapd implements AutoCloseable {
  public static final String SUFFIX = "dc=roster,dc=test";
  public static final String ROOT_DN = "cn=admin," + SUFFIX;
  public static final String ROOT_PASSWORD = "slapd-root-secret";
  public static final String READER_DN = "cn=reader," + SUFFIX;
  public static final String READER_PASSWORD = "slapd-reader-secret";
  public static final String CAPPED_DN = "cn=capped," + SUFFIX;
  public static final String CAPPED_PASSWORD = "slapd-capped-secret";

  private static final List<String> SEARCH_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");
  private static final String SCHEMA_DIR = "/etc/ldap/schema";
  private static final String MODULE_DIR = "/usr/lib/ldap";
  private static final long START_TIMEOUT_MILLIS = 20_000;

  private final Path dir;
  private final Path conf;
  private final Path slapd;
  private int port;
  private Process process;

  private Slapd(Path dir, Path slapd) {
    this.dir = dir;
    this.conf = dir.resolve("slapd.conf");
    this.slapd = slapd;
  }

  /** The slapd binary: on the PATH, or in an sbin directory that a user's PATH often lacks. */
  public static Optional<Path> binary() {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(SEARCH_DIRS);
    return dirs.stream()
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, "slapd"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Skips the calling test (class) where slapd or its schemas are absent. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        binary().isPresent()
            && Files.isReadable(Path.of(SCHEMA_DIR, "inetorgperson.schema"))
            && Files.exists(Path.of(MODULE_DIR, "back_mdb.la")),
        "slapd not installed: apt-get install slapd ldap-utils");
  }

  /**
   * A started slapd holding the suffix, the bind accounts and {@code ldif} (entries below {@link
   * #SUFFIX}, in LDIF, loaded with {@code slapadd}: entryUUID and entryCSN are generated).
   */
  public static Slapd start(String ldif) {
    Path binary =
        binary()
            .orElseThrow(
                () -> new IllegalStateException("slapd not installed: apt-get install slapd"));
    Path dir;
    try {
      dir = Files.createTempDirectory("roster-slapd-");
      Files.createDirectories(dir.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Slapd server = new Slapd(dir, binary);
    try {
      server.configure();
      server.load(ldif);
      // The free port may be taken between probing and binding: try another.
      for (int attempt = 1; ; attempt++) {
        try {
          server.launch(freePort());
          return server;
        } catch (IllegalStateException e) {
          if (attempt == 3) {
            throw e;
          }
        }
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** {@code ldap://127.0.0.1:PORT}. */
  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the process dies mid-operation, its connections drop without a reply. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  /** Starts slapd again on the same data and port (after {@link #kill()}). */
  public void restart() {
    if (isRunning()) {
      throw new IllegalStateException("slapd is still running, pid " + pid());
    }
    launch(port);
  }

  /** Stops slapd (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          waitFor(process);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    deleteRecursively(dir);
  }

  private void configure() {
    String config =
        String.join(
            "\n",
            "include " + SCHEMA_DIR + "/core.schema",
            "include " + SCHEMA_DIR + "/cosine.schema",
            "include " + SCHEMA_DIR + "/inetorgperson.schema",
            "include " + SCHEMA_DIR + "/nis.schema",
            "pidfile " + dir.resolve("slapd.pid"),
            "argsfile " + dir.resolve("slapd.args"),
            "modulepath " + MODULE_DIR,
            "moduleload back_mdb",
            "moduleload syncprov",
            // The global default, spelled out: an account without a limits line stops here.
            "sizelimit 500",
            "",
            "database mdb",
            "maxsize 1073741824",
            "suffix \"" + SUFFIX + "\"",
            "rootdn \"" + ROOT_DN + "\"",
            "rootpw " + ROOT_PASSWORD,
            "directory " + dir.resolve("data"),
            "dbnosync",
            "index objectClass eq",
            "index uid,cn,member eq",
            "index entryCSN,entryUUID eq",
            "limits dn.exact=\""
                + READER_DN
                + "\" size.soft=unlimited size.hard=unlimited size.prtotal=unlimited"
                + " time.soft=unlimited time.hard=unlimited",
            "access to attrs=userPassword by self write by anonymous auth by * none",
            "access to * by users read by * none",
            "overlay syncprov",
            "syncprov-checkpoint 100 10",
            "syncprov-sessionlog 100000",
            "");
    try {
      Files.writeString(conf, config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run("slaptest", List.of("-Q", "-u", "-f", conf.toString()));
  }

  private void load(String ldif) {
    String base =
        String.join(
            "\n",
            "dn: " + SUFFIX,
            "objectClass: dcObject",
            "objectClass: organization",
            "dc: roster",
            "o: Roster test directory",
            "",
            account(READER_DN, "reader", READER_PASSWORD),
            account(CAPPED_DN, "capped", CAPPED_PASSWORD),
            "");
    Path file = dir.resolve("load.ldif");
    try {
      Files.writeString(file, base + ldif, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run("slapadd", List.of("-q", "-w", "-f", conf.toString(), "-l", file.toString()));
  }

  private static String account(String dn, String cn, String password) {
    return String.join(
        "\n",
        "dn: " + dn,
        "objectClass: organizationalRole",
        "objectClass: simpleSecurityObject",
        "cn: " + cn,
        "userPassword: " + password,
        "",
        "");
  }

  /** Runs a slap tool (slapd under another name) and fails with its output when it fails. */
  private void run(String tool, List<String> args) {
    List<String> command = new ArrayList<>();
    Path sibling = slapd.resolveSibling(tool);
    command.add(Files.isExecutable(sibling) ? sibling.toString() : tool);
    command.addAll(args);
    Path log = dir.resolve(tool + ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(tool + " did not finish within 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            tool + " failed (exit " + p.exitValue() + "): " + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How many lines of slapd's stats log so far contain {@code text}. */
  public long logLines(String text) {
    try (Stream<String> lines =
        Files.lines(dir.resolve("slapd.log"), StandardCharsets.ISO_8859_1)) {
      return lines.filter(line -> line.contains(text)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until at least {@code count} lines of the stats log contain {@code text}, for example
   * {@code "nentries=10 "} for pages of 10 entries sent; false after {@code timeoutMillis}.
   */
  public boolean awaitLogLines(String text, long count, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (logLines(text) >= count) {
        return true;
      }
      sleep(5);
    }
    return false;
  }

  /** Starts slapd in the foreground ({@code -d stats}) and waits until the port answers. */
  private void launch(int port) {
    this.port = port;
    Path log = dir.resolve("slapd.log");
    List<String> command =
        List.of(
            slapd.toString(),
            "-f",
            conf.toString(),
            "-h",
            "ldap://127.0.0.1:" + port + "/",
            // Foreground, with the stats log (one line per operation and result) in slapd.log.
            "-d",
            "stats");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "slapd exited with " + process.exitValue() + " at start: " + read(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("slapd did not listen on port " + port + ": " + read(log));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is not worth failing a test for.
    }
  }
}
