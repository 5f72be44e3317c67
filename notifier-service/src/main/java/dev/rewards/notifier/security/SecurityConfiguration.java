package dev.rewards.notifier.security;

import dev.rewards.notifier.clients.HandshakeAuthorization;
import dev.rewards.support.security.SecuritySettings;
import dev.rewards.support.security.WsTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Security is on when API keys are configured, exactly as in api-service. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  HandshakeAuthorization handshakeAuthorization(SecuritySettings settings, WsTokens tokens) {
    return settings.enabled()
        ? new TokenAuthorization(settings, tokens)
        : HandshakeAuthorization.open();
  }
}
