package dev.rewards.notifier.clients;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Sends through the container's asynchronous remote endpoint, so a client whose socket buffer is
 * full never blocks the thread that delivers events.
 */
final class WebSocketSink implements FrameSink {

  private static final Logger log = LoggerFactory.getLogger(WebSocketSink.class);

  private final WebSocketSession session;
  private final RemoteEndpoint.Async remote;

  WebSocketSink(WebSocketSession session) {
    this.session = session;
    Session nativeSession =
        ((NativeWebSocketSession) session).getNativeSession(jakarta.websocket.Session.class);
    this.remote = nativeSession.getAsyncRemote();
  }

  @Override
  public void send(String frame, Consumer<Throwable> done) {
    try {
      remote.sendText(frame, result -> done.accept(result.isOK() ? null : result.getException()));
    } catch (RuntimeException e) {
      done.accept(e);
    }
  }

  /**
   * Closing sends a close frame, which blocks when the client's socket buffer is full — exactly the
   * slow client being dropped — so it happens off the caller's thread.
   */
  @Override
  public void close(int code, String reason) {
    CompletableFuture.runAsync(
        () -> {
          try {
            session.close(new CloseStatus(code, reason));
          } catch (IOException | RuntimeException e) {
            log.debug("Closing WebSocket {} failed: {}", session.getId(), e.getMessage());
          }
        });
  }
}
