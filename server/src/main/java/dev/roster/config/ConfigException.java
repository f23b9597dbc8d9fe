package dev.roster.config;

/**
 * A setting that cannot be used. The message is one line, starts with the key path (and the
 * environment variable when the value came from one) and never contains a secret value, so it can
 * be printed as is when the server refuses to start.
 */
public class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
