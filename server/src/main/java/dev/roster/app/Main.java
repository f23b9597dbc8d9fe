package dev.roster.app;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code roster <command>}: the executable jar's entry point. Each command is a class of its own;
 * this only routes and turns a configuration error into one line and exit 2.
 */
@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A SCIM 2.0 provisioning server with LDAP synchronization.",
    subcommands = {
      ServeCommand.class,
      TokenCommand.class,
      SyncCommand.class,
      ExportCommand.class,
      SecretsCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      // A command's stdout is its output: a token to capture, a CSV file to redirect. Its log
      // goes to stderr, warnings only, as it prints its own outcome (config/logback.xml reads
      // these before the first logger exists; a -D option given to java wins).
      defaultProperty("roster.log.target", "System.err");
      defaultProperty("roster.log.level", "WARN");
    }
    System.exit(run(args));
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** Runs a command and returns its exit code (tests call this in-process). */
  public static int run(String... args) {
    // Hibernate and Jersey log through java.util.logging: send it to SLF4J like everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parsed) -> {
          if (exception instanceof dev.roster.config.ConfigException
              || exception instanceof dev.roster.domain.RosterException
              || exception instanceof dev.roster.store.jpa.DatabaseUnavailable) {
            cmd.getErr().println("roster: " + exception.getMessage());
            return 2;
          }
          throw exception;
        });
    return commandLine.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"roster " + (version == null ? "development build" : version)};
    }
  }
}
