package dev.rewards.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Awaited confirmations as a web app at a till sees them: {@code Prefer: wait=5} on add-points, so
 * the answer is the applied outcome (200), each client sending its next purchase as soon as the
 * last one is confirmed. One client on a quiet system, then 16 at once, each on a user of its own.
 * A 202 (no outcome within 5 s) counts as an error.
 */
public class AwaitedSimulation extends Simulation {

  static final int CLIENTS = 16;
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Iterator<Map<String, Object>> OWN_USER =
      Stream.generate(
              () ->
                  Map.<String, Object>of("user", "bench-await-" + NEXT.getAndIncrement() % CLIENTS))
          .iterator();

  private final Duration phase = Duration.ofSeconds(Target.seconds());

  @Override
  public void before() {
    for (int i = 0; i < CLIENTS; i++) {
      Target.ensureUser("bench-await-" + i);
    }
  }

  private static ScenarioBuilder awaited(String name, Duration length) {
    return scenario(name)
        .feed(OWN_USER)
        .during(length)
        .on(
            exec(
                http(name)
                    .post("/rewards/add-points/#{user}")
                    .header("Prefer", "wait=5")
                    .body(StringBody("{\"points\":5,\"category\":\"till\",\"amount\":10}"))
                    .check(status().is(200))));
  }

  {
    setUp(
            awaited("warm-up awaited", WARM_UP)
                .injectOpen(atOnceUsers(1))
                .andThen(awaited("awaited earn, 1 client", phase).injectOpen(atOnceUsers(1)))
                .andThen(
                    awaited("awaited earn, " + CLIENTS + " clients", phase)
                        .injectOpen(atOnceUsers(CLIENTS))))
        .protocols(
            http.baseUrl(Target.apiUrl())
                .header("X-API-Key", Target.apiKey())
                .contentTypeHeader("application/json"));
  }
}
