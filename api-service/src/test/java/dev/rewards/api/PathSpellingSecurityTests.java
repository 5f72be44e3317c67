package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.PathSpellings;
import dev.rewards.support.testing.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every protected route, written every way a server might route to it, with every credential short
 * of the right one: never a 2xx. Each route is also called once, canonically, with the right
 * credentials, so a route that is simply broken cannot pass for a protected one.
 */
@ApiIntegrationTest
@TestPropertySource(
    properties = {
      "rewards.security.api-keys=key-one,key-two,key-burst",
      "rewards.security.admin-token=admin-secret",
      "rewards.rate-limit.requests-per-second=20"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathSpellingSecurityTests {

  private static final Map<String, String> KEY = Map.of("X-API-Key", "key-one");
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer admin-secret");

  /** A route, a body that would be accepted, and who may call it. */
  record Route(String method, String path, String body, boolean adminOnly) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Route> protectedRoutes() {
    String earn = "{\"points\":5,\"category\":\"a\",\"amount\":1}";
    return List.of(
        new Route("POST", "/rewards/add-points/spelled", earn, false),
        new Route(
            "POST",
            "/rewards/add-points-batch",
            "{\"purchases\":[{\"userId\":\"spelled\",\"category\":\"a\",\"amount\":1}]}",
            false),
        new Route(
            "POST",
            "/rewards/redeem/spelled",
            "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}",
            false),
        new Route(
            "POST", "/rewards/refund/spelled", "{\"idempotencyKey\":\"spelled-receipt\"}", false),
        new Route(
            "POST",
            "/rewards/cancel-redemption/spelled",
            "{\"redemptionCommandId\":\"9b2e4f10-5c3a-4d7e-8f61-0a1b2c3d4e5f\"}",
            false),
        new Route("GET", "/rewards/statement/spelled", null, false),
        new Route(
            "POST", "/rewards/holds/spelled", "{\"points\":500,\"rewardType\":\"voucher\"}", false),
        new Route(
            "POST",
            "/rewards/holds/spelled/9b2e4f10-5c3a-4d7e-8f61-0a1b2c3d4e5f/void",
            "{}",
            false),
        new Route("POST", "/rewards/ws-token/spelled", "", false),
        new Route("GET", "/rewards/points/spelled", null, false),
        new Route("GET", "/rewards/transactions/spelled", null, false),
        new Route("GET", "/rewards/redemptions/spelled", null, false),
        new Route("GET", "/analytics/rewards-distribution", null, false),
        new Route("GET", "/rewards/admin/users", null, true),
        new Route("GET", "/rewards/admin/transactions", null, true),
        new Route("GET", "/rewards/admin/redemptions", null, true),
        new Route("GET", "/rewards/admin/database-summary", null, true),
        new Route("GET", "/actuator/prometheus", null, true),
        new Route(
            "POST",
            "/rewards/admin/adjust/spelled",
            "{\"points\":5,\"reason\":\"goodwill\"}",
            true));
  }

  @LocalServerPort int port;

  @BeforeAll
  void createUser() {
    ApiClient.Response created =
        new ApiClient(port)
            .post(
                "/rewards/create-user",
                "{\"id\":\"spelled\",\"name\":\"S\",\"email\":\"spelled@example.com\"}",
                KEY);
    assertThat(created.status()).isIn(201, 409);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protectedRoutes")
  void noSpellingReachesTheHandlerWithoutItsCredentials(Route route) {
    List<Map<String, String>> notEnough =
        route.adminOnly()
            ? List.of(
                Map.of(),
                Map.of("Authorization", "Bearer admin-secreT"),
                Map.of("Authorization", "admin-secret"),
                KEY)
            : List.of(Map.of(), Map.of("X-API-Key", "key-onE"), ADMIN);
    List<String> spellings = new ArrayList<>(PathSpellings.of(route.path()));
    spellings.add(route.path());
    List<String> reached = new ArrayList<>();
    for (String spelling : spellings) {
      for (Map<String, String> credentials : notEnough) {
        RawHttp.Response response =
            RawHttp.send(port, route.method(), spelling, credentials, route.body());
        if (response.status() < 400 || response.status() >= 500) {
          reached.add(response.status() + " " + spelling + " with " + credentials.keySet());
        }
      }
    }

    assertThat(reached).isEmpty();
    RawHttp.Response allowed =
        RawHttp.send(
            port, route.method(), route.path(), route.adminOnly() ? ADMIN : KEY, route.body());
    assertThat(allowed.status()).as("the right credentials open it").isBetween(200, 299);
  }

  @Test
  void healthShowsItsComponentsOnlyToTheAdmin() {
    RawHttp.Response anonymous = RawHttp.send(port, "GET", "/actuator/health", Map.of(), null);
    RawHttp.Response withKey = RawHttp.send(port, "GET", "/actuator/health", KEY, null);
    RawHttp.Response admin = RawHttp.send(port, "GET", "/actuator/health", ADMIN, null);

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components");
    assertThat(withKey.body()).doesNotContain("components");
    assertThat(admin.body()).contains("components").contains("mongo");
  }

  @Test
  void firewallRefusalsArePlainProblemDocuments() {
    RawHttp.Response refused = RawHttp.send(port, "GET", "/rewards/admin;x/users", Map.of(), null);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("\"title\":\"Bad Request\"").doesNotContain("Exception");
  }
}
