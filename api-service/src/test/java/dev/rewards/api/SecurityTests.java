package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** API keys, the admin token, the public routes and the write rate limit. */
@ApiIntegrationTest
@TestPropertySource(
    properties = {
      "rewards.security.api-keys=key-one,key-two,key-burst",
      "rewards.security.admin-token=admin-secret",
      "rewards.rate-limit.requests-per-second=20"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTests {

  private static final Map<String, String> KEY = Map.of("X-API-Key", "key-two");
  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer admin-secret");

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeAll
  void createUser() {
    api = new ApiClient(port);
    ApiClient.Response created =
        api.post(
            "/rewards/create-user",
            "{\"id\":\"guarded\",\"name\":\"G\",\"email\":\"guarded@example.com\"}",
            KEY);
    assertThat(created.status()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /rewards/create-user, '{\"id\":\"x1\",\"name\":\"X\",\"email\":\"x1@example.com\"}'",
    "POST, /rewards/add-points/guarded, '{\"points\":5,\"category\":\"a\",\"amount\":1}'",
    "POST, /rewards/redeem/guarded, '{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}'",
    "POST, /rewards/ws-token/guarded, ''",
    "GET, /rewards/points/guarded, ''",
    "GET, /rewards/transactions/guarded, ''",
    "GET, /rewards/redemptions/guarded, ''",
    "GET, /rewards/commands/00000000-0000-0000-0000-000000000000, ''",
    "GET, /analytics/rewards-distribution, ''",
  })
  void refusesMissingAndWrongApiKeysAndForbidsTheAdminTokenInstead(
      String method, String path, String body) {
    ApiClient.Response missing = call(method, path, body, Map.of());
    ApiClient.Response wrong = call(method, path, body, Map.of("X-API-Key", "key-twO"));
    ApiClient.Response adminTokenInstead = call(method, path, body, ADMIN);
    ApiClient.Response accepted = call(method, path, body, KEY);

    assertThat(adminTokenInstead.status()).as("the admin token is no API key").isEqualTo(403);
    for (ApiClient.Response refused : List.of(missing, wrong)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().get("title").asString()).isEqualTo("Unauthorized");
    }
    for (ApiClient.Response refused : List.of(missing, wrong, adminTokenInstead)) {
      assertThat(refused.raw().body()).doesNotContain("key-one").doesNotContain("admin-secret");
    }
    assertThat(accepted.status()).isNotEqualTo(401);
  }

  @ParameterizedTest
  @CsvSource({
    "/rewards/admin/users",
    "/rewards/admin/transactions",
    "/rewards/admin/redemptions",
    "/rewards/admin/database-summary"
  })
  void adminRoutesNeedTheAdminTokenAndForbidAnApiKey(String path) {
    assertThat(api.send(get(path), Map.of()).status()).isEqualTo(401);
    assertThat(api.send(get(path), KEY).status()).as("an API key is no admin token").isEqualTo(403);
    assertThat(api.send(get(path), Map.of("Authorization", "Bearer admin-secreT")).status())
        .isEqualTo(401);
    assertThat(api.send(get(path), Map.of("Authorization", "admin-secret")).status())
        .isEqualTo(401);
    ApiClient.Response refused = api.send(get(path), Map.of());
    assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");

    assertThat(api.send(get(path), ADMIN).status()).isEqualTo(200);
  }

  @Test
  void leavesOptionsTiersSwaggerAndHealthPublic() {
    assertThat(api.get("/rewards/options").status()).isEqualTo(200);
    assertThat(api.get("/rewards/tiers").status()).isEqualTo(200);
    assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  @Test
  void letsABrowserOnAnotherOriginAskBeforeSendingItsKey() {
    dev.rewards.support.testing.RawHttp.Response preflight =
        preflightPost("content-type,x-api-key");

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.head()).containsIgnoringCase("Access-Control-Allow-Origin");
  }

  @Test
  void refusesABrowsersPreflightForAHeaderTheApiDoesNotTake() {
    dev.rewards.support.testing.RawHttp.Response preflight = preflightPost("x-forwarded-user");

    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.head()).doesNotContainIgnoringCase("Access-Control-Allow-Origin");
  }

  /** What a browser on another origin asks before POSTing an earn with these headers. */
  private dev.rewards.support.testing.RawHttp.Response preflightPost(String requestHeaders) {
    return dev.rewards.support.testing.RawHttp.send(
        port,
        "OPTIONS",
        "/rewards/add-points/guarded",
        Map.of(
            "Origin", "http://localhost:3001",
            "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", requestHeaders),
        null);
  }

  @Test
  void showsABrowserOnAnotherOriginTheAnswerAndWhereToFollowIt() {
    ApiClient.Response accepted =
        api.post(
            "/rewards/add-points/guarded",
            "{\"points\":5,\"category\":\"shopping\",\"amount\":10}",
            Map.of("X-API-Key", "key-one", "Origin", "http://localhost:3001"));

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3001");
    assertThat(accepted.header("Access-Control-Expose-Headers")).contains("Location");
  }

  @Test
  void issuesWebSocketTokensForKnownUsersOnly() {
    ApiClient.Response token = api.post("/rewards/ws-token/guarded", "", KEY);
    ApiClient.Response unknown = api.post("/rewards/ws-token/nobody-here", "", KEY);

    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("token").asString()).isNotBlank();
    assertThat(token.json().get("expiresAt").asString()).isNotBlank();
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void answersTooManyWritesPerKeyWith429AndRetryAfter() {
    Map<String, String> burstKey = Map.of("X-API-Key", "key-burst");
    List<ApiClient.Response> responses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      responses.add(api.post("/rewards/ws-token/guarded", "", burstKey));
    }
    ApiClient.Response limited =
        responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();

    assertThat(responses).filteredOn(r -> r.status() == 200).isNotEmpty();
    assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(limited.json().get("title").asString()).isEqualTo("Too Many Requests");
    assertThat(api.post("/rewards/ws-token/guarded", "", Map.of("X-API-Key", "key-one")).status())
        .as("another key has its own budget")
        .isEqualTo(200);
  }

  private ApiClient.Response call(
      String method, String path, String body, Map<String, String> headers) {
    return "GET".equals(method) ? api.send(get(path), headers) : api.post(path, body, headers);
  }

  private java.net.http.HttpRequest.Builder get(String path) {
    return java.net.http.HttpRequest.newBuilder(api.uri(path)).GET();
  }
}
