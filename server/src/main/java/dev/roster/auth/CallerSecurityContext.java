package dev.roster.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of an authenticated request: its principal is the {@link Caller}. Endpoints
 * read it with {@link Caller#of}; roles are not how Roster authorizes (the token's scope is,
 * checked by the filter).
 */
record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
  @Override
  public Principal getUserPrincipal() {
    return caller;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
