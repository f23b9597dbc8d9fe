package dev.roster.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@link RosterConfig}: built-in defaults, then the operator's YAML file, then {@code
 * ROSTER_*} environment variables, then binding and validation. Any problem stops the start with a
 * {@link ConfigException} naming the key.
 *
 * <pre>{@code
 * RosterConfig config = ConfigLoader.load(Path.of("config/roster.yaml"), System.getenv());
 * RosterConfig forTests = ConfigLoader.load(null, Map.of("ROSTER_HTTP_PORT", "0"));
 * }</pre>
 *
 * <p>The defaults file lists every key, which is what makes each key settable from the environment
 * (see {@link EnvOverrides}).
 */
public final class ConfigLoader {

  private static final String DEFAULTS = "defaults.yaml";

  private ConfigLoader() {}

  /**
   * @param fileOrNull the operator's file, or null for defaults and environment only; when given it
   *     must exist
   * @param env usually {@code System.getenv()}
   * @throws ConfigException when the file is missing or malformed, or a value is unknown, mistyped
   *     or invalid
   */
  public static RosterConfig load(Path fileOrNull, Map<String, String> env) {
    ObjectNode defaults = readDefaults();
    ObjectNode tree = defaults.deepCopy();
    if (fileOrNull != null) {
      merge(tree, readFile(fileOrNull));
    }
    KeyLabels labels = new KeyLabels(EnvOverrides.apply(defaults, tree, env));
    RosterConfig config = ConfigBinder.bind(tree, RosterConfig.class, labels);
    ConfigValidator.validate(config, labels);
    return config;
  }

  private static ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(
            DEFAULTS + " is missing from the class path next to " + ConfigLoader.class.getName());
      }
      return YamlTreeReader.read(in, DEFAULTS);
    } catch (IOException e) {
      throw new IllegalStateException(DEFAULTS + " cannot be read", e);
    }
  }

  private static ObjectNode readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return YamlTreeReader.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": config file not found");
    } catch (IOException e) {
      throw new ConfigException(
          file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Sections merge key by key; anything else, lists included, replaces the default whole. Keys the
   * defaults lack are copied too, so binding can reject them by name.
   */
  private static void merge(ObjectNode base, ObjectNode overlay) {
    overlay
        .properties()
        .forEach(
            entry -> {
              JsonNode current = base.get(entry.getKey());
              if (current instanceof ObjectNode section
                  && entry.getValue() instanceof ObjectNode override) {
                merge(section, override);
              } else {
                base.set(entry.getKey(), entry.getValue());
              }
            });
  }
}
