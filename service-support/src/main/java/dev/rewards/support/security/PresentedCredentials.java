package dev.rewards.support.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The credentials a request carries, not yet checked: an API key ({@code X-API-Key}), a bearer
 * token ({@code Authorization: Bearer}, the admin token) and a WebSocket token ({@code ?token=},
 * the admin token or one issued for a user). {@link CredentialsAuthenticationProvider} checks them.
 */
public final class PresentedCredentials extends AbstractAuthenticationToken {

  private final String apiKey;
  private final String bearer;
  private final String token;

  public PresentedCredentials(String apiKey, String bearer, String token) {
    super(List.of());
    this.apiKey = apiKey;
    this.bearer = bearer;
    this.token = token;
    setAuthenticated(false);
  }

  public String apiKey() {
    return apiKey;
  }

  public String bearer() {
    return bearer;
  }

  public String token() {
    return token;
  }

  @Override
  public Object getCredentials() {
    return "[presented]"; // never the secrets themselves: this object may end up in a log line
  }

  @Override
  public Object getPrincipal() {
    return "unchecked";
  }
}
