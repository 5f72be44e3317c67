package dev.rewards.notifier.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line WebSocket client: connects to the notifier and prints every frame it receives. Uses
 * only the JDK, so it runs straight from its source file:
 *
 * <pre>
 * java notifier-service/src/main/java/dev/rewards/notifier/cli/WatchEvents.java --user user123
 * </pre>
 *
 * Options: {@code --url ws://localhost:3001/ws/rewards} (or NOTIFIER_URL), {@code --user U} to
 * follow one user (omit for every event), {@code --token T} when security is on, {@code --count N}
 * to exit after N event frames (the {@code connected} frame not counted).
 */
public final class WatchEvents {

  public static void main(String[] args) throws Exception {
    String url = System.getenv().getOrDefault("NOTIFIER_URL", "ws://localhost:3001/ws/rewards");
    String user = null;
    String token = null;
    int count = -1;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--token" -> token = value;
        case "--count" -> count = Integer.parseInt(value);
        case "-h", "--help" -> {
          System.out.println(
              "usage: WatchEvents [--url WS_URL] [--user USER_ID] [--token T] [--count N]");
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + " (try --help)");
          System.exit(2);
        }
      }
      i++;
    }
    URI uri = URI.create(url + query(user, token));
    CountDownLatch done = new CountDownLatch(1);
    Printer printer = new Printer(count, done);
    System.err.println("connecting to " + uri.toString().replaceAll("token=[^&]*", "token=***"));
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(uri, printer)
        .exceptionally(
            failure -> {
              System.err.println("could not connect: " + failure.getMessage());
              System.err.println("is the notifier running (see README), and is the token valid?");
              System.exit(1);
              return null;
            })
        .join();
    done.await();
  }

  private static String query(String user, String token) {
    StringBuilder query = new StringBuilder();
    if (user != null) {
      query.append("userId=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
    }
    if (token != null) {
      query.append(query.length() > 0 ? "&" : "").append("token=");
      query.append(URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
    return query.length() > 0 ? "?" + query : "";
  }

  /** Prints each complete text frame with the local time it arrived. */
  static final class Printer implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    private final CountDownLatch done;
    private int remaining;
    private boolean closing;

    Printer(int count, CountDownLatch done) {
      this.remaining = count;
      this.done = done;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        System.out.println(LocalTime.now().withNano(0) + " " + frame);
        if (!frame.contains("\"event\":\"connected\"") && remaining > 0 && --remaining == 0) {
          closing = true;
          socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
          done.countDown();
        }
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      if (!closing) {
        System.err.println("closed by the server: " + status + " " + reason);
      }
      done.countDown();
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      System.err.println("connection failed: " + error.getMessage());
      done.countDown();
    }
  }
}
