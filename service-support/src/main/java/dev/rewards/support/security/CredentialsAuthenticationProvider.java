package dev.rewards.support.security;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks {@link PresentedCredentials} against the configured secrets, in constant time. Every
 * credential presented must be valid — a wrong one is refused (401) even beside a right one, so a
 * client learns of a misconfigured key at once. The result names the caller without revealing a
 * secret: {@code client:<digest prefix>} for an API key (the rate limit's bucket), {@code admin},
 * or {@code user:<id>} for a WebSocket token. With no API keys configured, client routes are open
 * and neither API keys nor user tokens are checked; the admin token always is.
 */
public final class CredentialsAuthenticationProvider implements AuthenticationProvider {

  private final SecuritySettings settings;
  private final WsTokens wsTokens;
  private final List<byte[]> apiKeyDigests;
  private final List<byte[]> adminTokenDigest;

  public CredentialsAuthenticationProvider(SecuritySettings settings, WsTokens wsTokens) {
    this.settings = settings;
    this.wsTokens = wsTokens;
    this.apiKeyDigests = settings.apiKeys().stream().map(Secrets::digest).toList();
    this.adminTokenDigest =
        settings.adminToken() == null ? List.of() : List.of(Secrets.digest(settings.adminToken()));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    PresentedCredentials presented = (PresentedCredentials) authentication;
    List<GrantedAuthority> roles = new ArrayList<>();
    String name = null;
    String subscribedUser = null;
    // with no API keys configured client routes are open: a key or user token is not checked
    if (presented.apiKey() != null && settings.enabled()) {
      byte[] key = Secrets.digest(presented.apiKey());
      if (!Secrets.matchesAny(key, apiKeyDigests)) {
        throw new BadCredentialsException("The X-API-Key header holds no valid API key");
      }
      roles.add(role(Roles.CLIENT));
      name = "client:" + HexFormat.of().formatHex(key).substring(0, 12);
    }
    boolean adminByToken = isAdminToken(presented.token());
    if (presented.token() != null && !adminByToken && settings.enabled()) {
      subscribedUser =
          wsTokens
              .userOf(presented.token())
              .orElseThrow(
                  () -> new BadCredentialsException("The token is unknown, forged or expired"));
      roles.add(role(Roles.SUBSCRIBER));
      name = name == null ? "user:" + subscribedUser : name;
    }
    if (presented.bearer() != null && !isAdminToken(presented.bearer())) {
      throw new BadCredentialsException(
          settings.adminToken() == null
              ? "Admin access is closed: set REWARDS_ADMIN_TOKEN to open it"
              : "The bearer token is not the admin token");
    }
    if (presented.bearer() != null || adminByToken) {
      roles.add(role(Roles.ADMIN));
      name = "admin";
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        new Caller(name, subscribedUser), null, List.copyOf(roles));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return PresentedCredentials.class.isAssignableFrom(authentication);
  }

  private boolean isAdminToken(String presented) {
    return presented != null && Secrets.matchesAny(Secrets.digest(presented), adminTokenDigest);
  }

  private static GrantedAuthority role(String role) {
    return new SimpleGrantedAuthority("ROLE_" + role);
  }

  /**
   * Who called, by a name that reveals no secret; the name is null when the credentials proved
   * nothing (an API key sent while client routes are open).
   *
   * @param subscribedUser the user a WebSocket token lets the caller follow, else null
   */
  public record Caller(String name, String subscribedUser) {
    @Override
    public String toString() {
      return name;
    }
  }
}
