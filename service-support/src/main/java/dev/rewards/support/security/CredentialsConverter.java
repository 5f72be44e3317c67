package dev.rewards.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the credentials of a request: {@code X-API-Key}, {@code Authorization: Bearer} and, where a
 * browser cannot set headers (the WebSocket handshake), the {@code token} query parameter. A
 * request with none stays anonymous; the authorisation rules decide what an anonymous caller may
 * do.
 */
public final class CredentialsConverter implements AuthenticationConverter {

  private final boolean acceptsQueryToken;

  /**
   * @param acceptsQueryToken whether {@code ?token=} counts; only where a header cannot be sent
   */
  public CredentialsConverter(boolean acceptsQueryToken) {
    this.acceptsQueryToken = acceptsQueryToken;
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    String apiKey = request.getHeader("X-API-Key");
    String bearer = bearer(request.getHeader("Authorization"));
    String token = acceptsQueryToken ? request.getParameter("token") : null;
    if (apiKey == null && bearer == null && token == null) {
      return null;
    }
    return new PresentedCredentials(apiKey, bearer, token);
  }

  private static String bearer(String header) {
    if (header == null) {
      return null;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return ""; // some other scheme: present, and wrong
    }
    return header.substring(7).trim();
  }
}
