package dev.rewards.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Earn ingest (POST add-points, 202 only once the broker acknowledged) beside the same service's
 * no-op endpoint (same filters, parsing and validation, no store or broker), at 16 and 64
 * connections, one connection per virtual user, each sending back to back; then the batch endpoint
 * (100 purchases a request) at 16 connections.
 */
public class IngestSimulation extends Simulation {

  static final int USERS = 1000;
  static final int BATCH = 100;
  static final Duration WARM_UP = Duration.ofSeconds(10);

  private final Duration phase = Duration.ofSeconds(Target.seconds());

  private final HttpProtocolBuilder protocol =
      http.baseUrl(Target.apiUrl())
          .header("X-API-Key", Target.apiKey())
          .contentTypeHeader("application/json")
          .acceptHeader("application/json");

  private static final Iterator<Map<String, Object>> USERS_FEED =
      Stream.generate(
              () ->
                  Map.<String, Object>of(
                      "user", "bench-" + ThreadLocalRandom.current().nextInt(USERS),
                      "points", 1 + ThreadLocalRandom.current().nextInt(100)))
          .iterator();

  private static final String PURCHASE =
      "{\"points\":#{points},\"category\":\"bench\",\"amount\":12.50}";

  @Override
  public void before() {
    for (int i = 0; i < USERS; i++) {
      Target.ensureUser("bench-" + i);
    }
  }

  private ScenarioBuilder backToBack(String name, String path) {
    return backToBack(name, path, phase);
  }

  private ScenarioBuilder backToBack(String name, String path, Duration length) {
    return scenario(name)
        .during(length)
        .on(exec(feed(), http(name).post(path).body(StringBody(PURCHASE)).check(status().is(202))));
  }

  private static io.gatling.javaapi.core.ChainBuilder feed() {
    return exec(io.gatling.javaapi.core.CoreDsl.feed(USERS_FEED));
  }

  private ScenarioBuilder batches(String name) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < BATCH; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"userId\":\"bench-")
          .append(i * 7 % USERS)
          .append("\",\"points\":5,\"category\":\"bench\",\"amount\":10}");
    }
    String body = "{\"purchases\":[" + items + "]}";
    return scenario(name)
        .during(phase)
        .on(
            exec(
                http(name)
                    .post("/rewards/add-points-batch")
                    .body(StringBody(body))
                    .check(status().is(200))));
  }

  private PopulationBuilder run(ScenarioBuilder scenario, int connections) {
    return scenario.injectOpen(atOnceUsers(connections));
  }

  {
    // no-op first, on a quiet system; then earns, while the ledger applies them as it would
    setUp(
            run(backToBack("warm-up noop", "/rewards/benchmark/noop/#{user}", WARM_UP), 16)
                .andThen(
                    run(backToBack("noop, 16 connections", "/rewards/benchmark/noop/#{user}"), 16))
                .andThen(
                    run(backToBack("noop, 64 connections", "/rewards/benchmark/noop/#{user}"), 64))
                .andThen(
                    run(backToBack("warm-up earn", "/rewards/add-points/#{user}", WARM_UP), 16))
                .andThen(run(backToBack("earn, 16 connections", "/rewards/add-points/#{user}"), 16))
                .andThen(run(backToBack("earn, 64 connections", "/rewards/add-points/#{user}"), 64))
                .andThen(run(batches("batch of " + BATCH + ", 16 connections"), 16)))
        .protocols(protocol);
  }
}
