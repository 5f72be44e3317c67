package dev.rewards.support.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client that records every text frame it receives, for asserting on. */
public final class WebSocketTestClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private WebSocketTestClient(URI uri) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Recorder())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  /** Connects, or throws (a refused handshake surfaces as a CompletionException). */
  public static WebSocketTestClient connect(URI uri) {
    return new WebSocketTestClient(uri);
  }

  public List<JsonNode> frames() {
    return new ArrayList<>(frames);
  }

  /** Frames with the given {@code event} name. */
  public List<JsonNode> frames(String event) {
    return frames.stream().filter(f -> event.equals(f.path("event").asString())).toList();
  }

  /** The close code the server sent, once it closed the connection. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
    }
    socket.abort();
  }

  private final class Recorder implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
