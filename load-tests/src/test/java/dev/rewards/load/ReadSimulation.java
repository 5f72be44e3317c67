package dev.rewards.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Cached balance reads at fixed arrival rates (open model: 1,000 then 5,000 requests/s, over
 * connections the virtual users share), after a warm-up that fills the cache.
 */
public class ReadSimulation extends Simulation {

  static final int USERS = 200;
  static final int RATE = 5000;
  static final int MODERATE_RATE = 1000;

  private static final Iterator<Map<String, Object>> USERS_FEED =
      Stream.generate(
              () ->
                  Map.<String, Object>of(
                      "user", "bench-" + ThreadLocalRandom.current().nextInt(USERS)))
          .iterator();

  @Override
  public void before() {
    for (int i = 0; i < USERS; i++) {
      Target.ensureUser("bench-" + i);
    }
  }

  private ScenarioBuilder reads(String name) {
    return scenario(name)
        .exec(
            feed(USERS_FEED),
            exec(http(name).get("/rewards/points/#{user}").check(status().is(200))));
  }

  {
    setUp(
            reads("warm-up read")
                .injectOpen(constantUsersPerSec(RATE / 5.0).during(Duration.ofSeconds(10)))
                .andThen(
                    reads("balance read (cached), " + MODERATE_RATE + "/s")
                        .injectOpen(
                            constantUsersPerSec(MODERATE_RATE)
                                .during(Duration.ofSeconds(Target.seconds()))))
                .andThen(
                    reads("balance read (cached), " + RATE + "/s")
                        .injectOpen(
                            constantUsersPerSec(RATE)
                                .during(Duration.ofSeconds(Target.seconds())))))
        .protocols(
            http.baseUrl(Target.apiUrl())
                .header("X-API-Key", Target.apiKey())
                .acceptHeader("application/json")
                .shareConnections());
  }
}
