package dev.roster.config;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.Range;

/**
 * Where the HTTP listener binds.
 *
 * @param port 0 asks the OS for any free port, which tests use to run in parallel
 */
public record HttpConfig(@NotBlank String host, @Range(min = 0, max = 65535) int port) {

  public HttpConfig withPort(int port) {
    return new HttpConfig(host, port);
  }
}
