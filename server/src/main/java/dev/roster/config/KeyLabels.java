package dev.roster.config;

import java.util.Map;

/**
 * How a key path is named in an error: with the environment variable when one set the value, since
 * the operator otherwise looks for the mistake in the file.
 *
 * @param variableByPath which environment variable set which key path
 */
record KeyLabels(Map<String, String> variableByPath) {

  KeyLabels {
    variableByPath = Map.copyOf(variableByPath);
  }

  /** {@code http.port (ROSTER_HTTP_PORT)} or just {@code http.port}. */
  String label(String path) {
    String variable = variableByPath.get(path);
    return variable == null ? path : path + " (" + variable + ")";
  }
}
