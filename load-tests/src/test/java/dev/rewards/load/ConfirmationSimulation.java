package dev.rewards.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * End-to-end confirmation, as a web app sees it: each virtual user follows its own user over
 * WebSocket, posts a purchase, and waits for the {@code pointsUpdated} frame with that commandId.
 * The group's time is POST sent → frame received. Users are paced to one purchase per 100 ms: 10
 * users (100/s), then 100 users (1,000 requests/s in all).
 */
public class ConfirmationSimulation extends Simulation {

  static final int USERS = 100;
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Iterator<Map<String, Object>> OWN_USER =
      Stream.generate(() -> Map.<String, Object>of("user", "bench-ws-" + NEXT.getAndIncrement()))
          .iterator();

  @Override
  public void before() {
    for (int i = 0; i < USERS + 10; i++) {
      Target.ensureUser("bench-ws-" + i);
    }
  }

  {
    // 100/s, well within what the ledger applies, then 1,000/s, the rate
    setUp(
            confirmations(10)
                .injectOpen(atOnceUsers(10))
                .andThen(confirmations(USERS).injectOpen(atOnceUsers(USERS))))
        .protocols(
            http.baseUrl(Target.apiUrl())
                .wsBaseUrl(Target.notifierWsUrl())
                .header("X-API-Key", Target.apiKey())
                .contentTypeHeader("application/json"));
  }

  private static io.gatling.javaapi.core.ScenarioBuilder confirmations(int users) {
    String confirm = "confirmation at %d/s (POST to pointsUpdated frame)".formatted(users * 10);
    return scenario(confirm)
        .feed(OWN_USER)
        .exec(
            http("ws token")
                .post("/rewards/ws-token/#{user}")
                .check(jsonPath("$.token").saveAs("token")),
            ws("connect")
                .connect("/ws/rewards?userId=#{user}&token=#{token}")
                .await(Duration.ofSeconds(10))
                .on(ws.checkTextMessage("connected").check(substring("connected"))))
        .during(Duration.ofSeconds(Target.seconds()))
        .on(
            pace(Duration.ofMillis(100)),
            group(confirm)
                .on(
                    exec(
                        http("earn")
                            .post("/rewards/add-points/#{user}")
                            .body(StringBody("{\"points\":5,\"category\":\"bench\",\"amount\":10}"))
                            .check(status().is(202))
                            .check(jsonPath("$.commandId").saveAs("commandId")),
                        ws("pointsUpdated")
                            .sendText("{}")
                            .await(Duration.ofSeconds(10))
                            .on(
                                ws.checkTextMessage("pointsUpdated")
                                    .matching(substring("#{commandId}"))
                                    .check(substring("pointsUpdated"))))))
        .exec(ws("close").close());
  }
}
