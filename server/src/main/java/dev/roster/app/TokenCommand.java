package dev.roster.app;

import dev.roster.auth.IssuedToken;
import dev.roster.domain.AccessToken;
import dev.roster.domain.Scope;
import dev.roster.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roster token create|list|revoke}: access tokens of the default tenant. Works while a
 * server runs on the same data directory (the embedded H2 runs in mixed mode).
 */
@Command(
    name = "token",
    description = "Create, list and revoke access tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand {

  @Command(
      name = "create",
      description = "Create a token and print it once; only its hash is kept.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--name", required = true, description = "A unique name for the token.")
    String name;

    @Option(
        names = "--scope",
        defaultValue = "read",
        description = "read, write or admin (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(
        names = "--user",
        description = "The userName of the user the token acts as: its /Me (default: none).")
    String user;

    @Option(
        names = "--expires-in-days",
        description = "Days until the token stops working (default: never).")
    Integer expiresInDays;

    @Override
    public Integer call() throws Exception {
      Scope parsed = Scope.parse(scope);
      Instant expires =
          expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
      try (Roster roster = Roster.open(config.load())) {
        UUID owner = null;
        if (user != null) {
          Optional<UUID> found = roster.userId(Tenant.DEFAULT_ID, user);
          if (found.isEmpty()) {
            System.err.println("roster: no user named '" + user + "'");
            return 1;
          }
          owner = found.get();
        }
        IssuedToken issued =
            roster.tokens().create(Tenant.DEFAULT_ID, name, parsed, owner, expires);
        System.out.println(issued.secret());
        System.err.println(
            "token '"
                + issued.token().name()
                + "' created with scope "
                + parsed.label()
                + (owner == null ? "" : " for user '" + user + "'")
                + "; it is shown only now, store it safely");
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List tokens (names, scopes, dates; never the tokens).")
  static final class List implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() throws Exception {
      try (Roster roster = Roster.open(config.load())) {
        System.out.printf(
            "%-30s %-6s %-24s %-24s %s%n", "NAME", "SCOPE", "CREATED", "LAST USED", "EXPIRES");
        for (AccessToken token : roster.tokens().list(Tenant.DEFAULT_ID)) {
          System.out.printf(
              "%-30s %-6s %-24s %-24s %s%n",
              token.name(),
              token.scope().label(),
              token.created(),
              token.lastUsed() == null ? "-" : token.lastUsed(),
              token.expires() == null ? "never" : token.expires());
        }
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token by name; it stops working at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--name", required = true, description = "The token's name.")
    String name;

    @Override
    public Integer call() throws Exception {
      try (Roster roster = Roster.open(config.load())) {
        if (!roster.tokens().revoke(Tenant.DEFAULT_ID, name)) {
          System.err.println("roster: no token named '" + name + "'");
          return 1;
        }
        System.err.println("token '" + name + "' revoked");
      }
      return 0;
    }
  }
}
