package dev.roster.sync.read;

/**
 * The directory could not be read completely: unreachable, bind refused, a timeout, busy, a
 * referral, a lost paging cookie, a size limit. A run that sees this writes nothing ("empty" is
 * never "gone"). The message names the LDAP result, never a credential.
 */
public final class DirectoryReadException extends Exception {
  private final String resultCode;

  public DirectoryReadException(String resultCode, String message) {
    super(message);
    this.resultCode = resultCode;
  }

  public String resultCode() {
    return resultCode;
  }
}
