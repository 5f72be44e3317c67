package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The benchmark's reference endpoint: same filters, parsing and validation, nothing published. */
@ApiIntegrationTest
@TestPropertySource(
    properties = {"rewards.security.admin-token=admin-secret", "rewards.benchmark.enabled=true"})
class NoopEndpointTests {

  @LocalServerPort int port;

  @Test
  void answersLikeAnAcceptedPurchaseAndValidatesTheSameWay() {
    ApiClient api = new ApiClient(port);

    ApiClient.Response accepted =
        api.post(
            "/rewards/benchmark/noop/anyone",
            "{\"points\":5,\"category\":\"shopping\",\"amount\":10}");
    ApiClient.Response invalid =
        api.post(
            "/rewards/benchmark/noop/anyone",
            "{\"points\":0,\"category\":\"shopping\",\"amount\":10}");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("field").asString()).isEqualTo("points");
  }
}
