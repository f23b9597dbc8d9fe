package dev.roster.sync.read;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.roster.sync.config.Secret;

/**
 * Builds the {@link DirectoryReadException}s of a read. Each message is {@code "<phase>:
 * <resultCode>"} plus what the directory or the SDK said, with the bind password blanked out should
 * a server ever echo it. Result codes are named as in RFC 4511 §4.1.9 ({@code sizeLimitExceeded},
 * {@code noSuchObject}) and, for the SDK's client-side codes, in the same style ({@code
 * serverDown}, {@code connectError}, {@code timeout}).
 */
final class ReadFailure {
  private final Secret password;

  ReadFailure(Secret password) {
    this.password = password;
  }

  /** A failure the LDAP SDK reported, during {@code phase}. */
  DirectoryReadException ldap(String phase, LDAPException e) {
    // The SDK appends its version and revision to messages and may quote the whole request
    // (filter, attributes, controls): noise to anyone reading a run; the phase says which.
    String detail =
        e.getMessage() == null
            ? null
            : e.getMessage()
                .replaceAll(",?\\s*ldapSDKVersion=[^)]*", "")
                .replaceAll(" (to|for) (search )?request SearchRequest\\(.*\\)\\.?", "");
    return of(phase, name(e.getResultCode()), detail);
  }

  /** A failure that has no LDAP result code of its own (a missing control, a broken range). */
  DirectoryReadException of(String phase, String code, String detail) {
    String message =
        phase + ": " + code + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    return new DirectoryReadException(code, redact(message));
  }

  private String redact(String message) {
    String secret = password == null ? "" : password.reveal();
    return secret.isEmpty() ? message : message.replace(secret, "****");
  }

  /** {@code "size limit exceeded"} → {@code "sizeLimitExceeded"}. */
  static String name(ResultCode code) {
    String[] words = code.getName().trim().split("[^A-Za-z0-9]+");
    StringBuilder camel = new StringBuilder(words[0].toLowerCase(java.util.Locale.ROOT));
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty()) {
        camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
    }
    return camel.toString();
  }
}
