package dev.rewards.notifier.clients;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/** Registers each connected client, greets it with {@code connected}, forgets it on close. */
class SubscriptionHandler extends TextWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionHandler.class);
  private static final String CONNECTION = "rewards.connection";

  private final ClientRegistry registry;
  private final JsonMapper json;
  private final int maxQueued;

  SubscriptionHandler(ClientRegistry registry, JsonMapper json, int maxQueued) {
    this.registry = registry;
    this.json = json;
    this.maxQueued = maxQueued;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    Subscription subscription =
        (Subscription) session.getAttributes().get(SubscriptionHandshake.SUBSCRIPTION);
    ClientConnection client =
        new ClientConnection(session.getId(), subscription, new WebSocketSink(session), maxQueued);
    session.getAttributes().put(CONNECTION, client);
    Map<String, Object> greeting = new java.util.LinkedHashMap<>();
    greeting.put("userId", subscription.userId());
    greeting.put("stream", subscription.isAllEvents() ? "all" : "user");
    Map<String, Object> frame = new java.util.LinkedHashMap<>();
    frame.put("event", "connected");
    frame.put("data", greeting);
    client.push(json.writeValueAsString(frame));
    registry.add(client);
    log.debug("WebSocket {} follows {}", session.getId(), describe(subscription));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    // The stream is one-way; anything a client sends is ignored.
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Object client = session.getAttributes().get(CONNECTION);
    if (client instanceof ClientConnection connection) {
      registry.remove(connection);
    }
  }

  private static String describe(Subscription subscription) {
    return subscription.isAllEvents() ? "all events" : "user " + subscription.userId();
  }
}
