package dev.rewards.api.security;

import dev.rewards.api.system.NotFoundException;
import dev.rewards.api.users.UserIds;
import dev.rewards.api.users.UserStore;
import dev.rewards.support.security.SecuritySettings;
import dev.rewards.support.security.WsTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues the token a WebSocket client needs to follow one user when security is on. */
@RestController
@Tag(name = "Live events")
class WsTokenController {

  private final UserStore users;
  private final WsTokens tokens;
  private final SecuritySettings settings;

  WsTokenController(UserStore users, WsTokens tokens, SecuritySettings settings) {
    this.users = users;
    this.tokens = tokens;
    this.settings = settings;
  }

  @PostMapping("/rewards/ws-token/{userId}")
  @Operation(
      summary = "A token to follow one user's events over WebSocket",
      description =
          "Connect to ws://HOST:3001/ws/rewards?userId=U&token=T. The token is good for that user"
              + " only, for about an hour.")
  WsToken issue(@PathVariable String userId) {
    UserIds.requireValid("userId", userId);
    if (!users.exists(userId)) {
      throw new NotFoundException("User " + userId + " not found");
    }
    WsTokens.Issued issued = tokens.issue(userId, settings.wsTokenTtl());
    return new WsToken(issued.token(), issued.expiresAt());
  }

  /** {@code {token, expiresAt}}. */
  record WsToken(String token, Instant expiresAt) {}
}
