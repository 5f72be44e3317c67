package dev.rewards.support.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The security settings and the WebSocket token codec every service shares. */
@AutoConfiguration
@EnableConfigurationProperties(SecuritySettings.class)
public class SecuritySupport {

  @Bean
  WsTokens wsTokens(SecuritySettings settings) {
    return WsTokens.fromSettings(
        settings.wsTokenSecret(), settings.adminToken(), settings.apiKeys(), Clock.systemUTC());
  }
}
