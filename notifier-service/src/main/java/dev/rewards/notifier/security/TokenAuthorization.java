package dev.rewards.notifier.security;

import dev.rewards.notifier.clients.HandshakeAuthorization;
import dev.rewards.notifier.clients.Subscription;
import dev.rewards.support.security.Secrets;
import dev.rewards.support.security.SecuritySettings;
import dev.rewards.support.security.WsTokens;

/**
 * With security on: the all-events stream needs the admin token; one user's stream needs a token
 * issued for that user by {@code POST /rewards/ws-token/{userId}} (or the admin token).
 */
class TokenAuthorization implements HandshakeAuthorization {

  private final SecuritySettings settings;
  private final WsTokens tokens;

  TokenAuthorization(SecuritySettings settings, WsTokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  @Override
  public boolean permits(Subscription subscription, String token) {
    if (Secrets.matches(token, settings.adminToken())) {
      return true;
    }
    return !subscription.isAllEvents() && tokens.permits(token, subscription.userId());
  }
}
