package dev.rewards.notifier.security;

import dev.rewards.support.security.CredentialsAuthenticationProvider.Caller;
import dev.rewards.support.security.Roles;
import dev.rewards.support.security.SecuritySettings;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may open a stream when security is on: the all-events stream needs the admin token; one
 * user's stream ({@code ?userId=U}) needs the admin token or a token issued for exactly U. The user
 * is read from the same decoded parameter the handshake subscribes to. With security off (no API
 * keys), anyone may follow anything, as anyone may call the API.
 */
final class StreamAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private static final String ADMIN = "ROLE_" + Roles.ADMIN;

  private final SecuritySettings settings;

  StreamAccess(SecuritySettings settings) {
    this.settings = settings;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    if (!settings.enabled()) {
      return new AuthorizationDecision(true);
    }
    Authentication caller = authentication.get();
    boolean admin =
        caller != null
            && caller.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
    if (admin) {
      return new AuthorizationDecision(true);
    }
    String userId = context.getRequest().getParameter("userId");
    boolean ownStream =
        userId != null
            && caller != null
            && caller.getPrincipal() instanceof Caller proven
            && userId.equals(proven.subscribedUser());
    return new AuthorizationDecision(ownStream);
  }
}
