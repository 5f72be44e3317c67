package dev.rewards.notifier.clients;

import dev.rewards.contracts.CommandRules;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Reads {@code ?userId=} at the handshake: with it, the client follows that user; without it, every
 * event. A malformed user id is refused with 400 before the upgrade. Whether the caller may follow
 * what it asks for was decided before, by the security rules ({@code StreamAccess}), on the same
 * decoded parameter.
 */
class SubscriptionHandshake implements HandshakeInterceptor {

  static final String SUBSCRIPTION = "rewards.subscription";

  /** What a user id may be, as the API and the ledger say. */
  private static final Pattern USER_ID = CommandRules.USER_ID;

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    String userId = ((ServletServerHttpRequest) request).getServletRequest().getParameter("userId");
    if (userId != null && !USER_ID.matcher(userId).matches()) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    attributes.put(
        SUBSCRIPTION, userId == null ? Subscription.allEvents() : Subscription.user(userId));
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
