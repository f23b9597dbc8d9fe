package dev.roster.app;

import dev.roster.secrets.AesGcmCipher;
import dev.roster.secrets.SecretKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roster secrets rekey}: re-encrypts every user secret and credential password under the
 * configured key ({@code secrets.key} / {@code ROSTER_SECRETS_KEY}). The previous key is read from
 * an environment variable or a file, never from the command line, where other users of the machine
 * could read it in the process list.
 */
@Command(
    name = "secrets",
    description = "Manage the encryption of user secrets at rest.",
    subcommands = {SecretsCommand.Rekey.class})
final class SecretsCommand {

  @Command(
      name = "rekey",
      description =
          "Re-encrypt every secret value under the configured key (secrets.key), opening them"
              + " with the previous key.")
  static final class Rekey implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(
        names = "--old-key-env",
        description =
            "Environment variable holding the previous key, base64 (default:"
                + " ROSTER_OLD_SECRETS_KEY).",
        defaultValue = "ROSTER_OLD_SECRETS_KEY")
    String oldKeyEnv;

    @Option(
        names = "--old-key-file",
        description = "File holding the previous key, base64 (such as dataDir/secrets.key).")
    Path oldKeyFile;

    @Override
    public Integer call() throws Exception {
      String text =
          oldKeyFile != null ? Files.readString(oldKeyFile).strip() : System.getenv(oldKeyEnv);
      if (text == null || text.isBlank()) {
        System.err.println(
            "roster: the previous key is needed: set " + oldKeyEnv + " or give --old-key-file");
        return 2;
      }
      AesGcmCipher previous;
      try {
        previous =
            AesGcmCipher.of(
                SecretKeys.decode(text, oldKeyFile != null ? oldKeyFile.toString() : oldKeyEnv));
      } catch (IllegalArgumentException e) {
        System.err.println("roster: " + e.getMessage());
        return 2;
      }
      try (Roster roster = Roster.open(config.load())) {
        int count = roster.rekeySecrets(previous);
        System.out.println("re-encrypted=" + count + " key=" + roster.secretsKeyId());
      }
      return 0;
    }
  }
}
