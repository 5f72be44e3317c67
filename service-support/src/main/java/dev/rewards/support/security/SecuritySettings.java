package dev.rewards.support.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rewards.security.*}, from REWARDS_API_KEYS, REWARDS_ADMIN_TOKEN and
 * REWARDS_WS_TOKEN_SECRET. Security is on when at least one API key is configured.
 */
@ConfigurationProperties("rewards.security")
public record SecuritySettings(
    List<String> apiKeys, String adminToken, String wsTokenSecret, Duration wsTokenTtl) {

  public SecuritySettings {
    apiKeys =
        apiKeys == null
            ? List.of()
            : apiKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
    wsTokenTtl = wsTokenTtl == null ? Duration.ofHours(1) : wsTokenTtl;
  }

  public boolean enabled() {
    return !apiKeys.isEmpty();
  }
}
