package dev.roster.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP {@code slapd} (Debian's package) from the bench's work directory: a plain
 * slapd.conf (mdb, syncprov with a session log, so incremental runs use RFC 4533 content sync), the
 * generated LDIF loaded offline with {@code slapadd -q} (entryUUID and entryCSN generated), then
 * slapd on a free loopback port. See shared/notes/openldap-test-server.md.
 */
final class SlapdDirectory implements Directory {
  private static final Path SLAPD = Path.of("/usr/sbin/slapd");
  private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

  private final Process process;
  private final int port;

  private SlapdDirectory(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static boolean installed() {
    return Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD);
  }

  static SlapdDirectory start(Path dir, Path ldif) throws IOException, InterruptedException {
    if (!installed()) {
      throw new IllegalStateException(
          "slapd is not installed: apt-get install -y --no-install-recommends slapd ldap-utils");
    }
    DataSetLoader.deleteRecursively(dir);
    Files.createDirectories(dir.resolve("data"));
    Path conf = dir.resolve("slapd.conf");
    Files.writeString(conf, config(dir));
    run(dir, List.of(SLAPADD.toString(), "-q", "-f", conf.toString(), "-l", ldif.toString()));
    int port = ChildJvm.freePort();
    Process process =
        new ProcessBuilder(
                SLAPD.toString(),
                "-f",
                conf.toString(),
                "-h",
                "ldap://127.0.0.1:" + port + "/",
                "-d",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("slapd.log").toFile())
            .start();
    SlapdDirectory directory = new SlapdDirectory(process, port);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    for (int i = 0; i < 100; i++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return directory;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("slapd exited; see " + dir.resolve("slapd.log"));
        }
        Thread.sleep(200);
      }
    }
    directory.close();
    throw new IllegalStateException("slapd did not listen; see " + dir.resolve("slapd.log"));
  }

  private static String config(Path dir) {
    String schema = "/etc/ldap/schema/";
    return String.join(
        "\n",
        "include " + schema + "core.schema",
        "include " + schema + "cosine.schema",
        "include " + schema + "inetorgperson.schema",
        "include " + schema + "nis.schema",
        "pidfile " + dir.resolve("slapd.pid"),
        "argsfile " + dir.resolve("slapd.args"),
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        "moduleload syncprov",
        "database mdb",
        "maxsize 4294967296",
        "suffix \"" + DirectoryLdif.SUFFIX + "\"",
        "rootdn \"" + DirectoryLdif.ROOT_DN + "\"",
        "rootpw " + DirectoryLdif.ROOT_PASSWORD,
        "directory " + dir.resolve("data"),
        "dbnosync",
        "index objectClass eq",
        "index uid,cn,member eq",
        "index entryCSN,entryUUID eq",
        // Without this the reader stops at slapd's default sizelimit 500, paged or not.
        "limits dn.exact=\""
            + DirectoryLdif.READER_DN
            + "\" size.soft=unlimited"
            + " size.hard=unlimited size.prtotal=unlimited time.soft=unlimited time.hard=unlimited",
        "access to attrs=userPassword by self write by anonymous auth by * none",
        "access to * by users read by * none",
        "overlay syncprov",
        "syncprov-checkpoint 100 10",
        "syncprov-sessionlog 100000",
        "");
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path log = dir.resolve("slapadd.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(command.get(0) + " failed; see " + log);
    }
  }

  @Override
  public String name() {
    return "slapd";
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
