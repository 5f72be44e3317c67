package dev.rewards.notifier.clients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one endpoint, {@code /ws/rewards}. Any origin may connect: access is by token, not cookie.
 */
@Configuration
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

  private final ClientRegistry registry;
  private final JsonMapper json;
  private final int maxQueued;

  WebSocketConfiguration(
      ClientRegistry registry,
      JsonMapper json,
      @Value("${rewards.notifier.max-queued-frames:1000}") int maxQueued) {
    this.registry = registry;
    this.json = json;
    this.maxQueued = maxQueued;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry handlers) {
    handlers
        .addHandler(new SubscriptionHandler(registry, json, maxQueued), "/ws/rewards")
        .addInterceptors(new SubscriptionHandshake())
        .setAllowedOriginPatterns("*");
  }
}
