package dev.rewards.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Redemptions under contention: 64 connections redeeming from one hot user back to back, each
 * request waiting for its own outcome ({@code Prefer: wait=10}), so the latency is accept → applied
 * through the one partition that user's commands share.
 */
public class ContentionSimulation extends Simulation {

  static final String HOT_USER = "bench-hot";

  @Override
  public void before() {
    Target.ensureUser(HOT_USER);
    for (int i = 0; i < 10; i++) {
      Target.post(
          "/rewards/add-points/" + HOT_USER,
          "{\"points\":1000000,\"category\":\"bench\",\"amount\":10}",
          "wait=10");
    }
  }

  {
    String name = "redeem, one hot user, 64 connections, until applied";
    setUp(
            scenario(name)
                .during(Duration.ofSeconds(Target.seconds()))
                .on(
                    exec(
                        http(name)
                            .post("/rewards/redeem/" + HOT_USER)
                            .header("Prefer", "wait=10")
                            .body(StringBody("{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}"))
                            .check(status().is(200))))
                .injectOpen(atOnceUsers(64)))
        .protocols(
            http.baseUrl(Target.apiUrl())
                .header("X-API-Key", Target.apiKey())
                .contentTypeHeader("application/json"));
  }
}
