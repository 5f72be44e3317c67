package dev.rewards.notifier.clients;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads {@code ?userId=} at the handshake: with it, the client follows that user; without it, every
 * event. A malformed user id is refused with 400 before the upgrade.
 */
class SubscriptionHandshake implements HandshakeInterceptor {

  static final String SUBSCRIPTION = "rewards.subscription";

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final HandshakeAuthorization authorization;

  SubscriptionHandshake(HandshakeAuthorization authorization) {
    this.authorization = authorization;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
    String userId = query.getFirst("userId");
    if (userId != null && !USER_ID.matcher(userId).matches()) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    Subscription subscription =
        userId == null ? Subscription.allEvents() : Subscription.user(userId);
    if (!authorization.permits(subscription, query.getFirst("token"))) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
    attributes.put(SUBSCRIPTION, subscription);
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
