package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.EmbeddedStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** No broker answers: purchases are refused with 503 and nothing is noted as accepted. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.admin.auto-create=false",
      "rewards.health.timeout=500ms",
      "rewards.security.admin-token=test-admin-token"
    })
@ContextConfiguration(initializers = EmbeddedStores.class)
@org.springframework.test.annotation
    .DirtiesContext // its clients would retry the dead broker forever
class BrokerOutageTests {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  @DynamicPropertySource
  static void noBroker(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + unusedPort());
  }

  @Test
  void refusesPurchasesWith503WhenTheBrokerIsUnreachable() {
    ApiClient api = new ApiClient(port);
    api.post(
        "/rewards/create-user", "{\"id\":\"outage\",\"name\":\"O\",\"email\":\"o@example.com\"}");
    long commandsBefore = mongo.getCollection("commands").countDocuments();

    ApiClient.Response response =
        api.post("/rewards/add-points/outage", "{\"points\":5,\"category\":\"x\",\"amount\":1}");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asString()).contains("nothing was accepted");
    assertThat(mongo.getCollection("commands").countDocuments()).isEqualTo(commandsBefore);
  }

  @Test
  void reportsNotReadyWhileTheBrokerIsUnreachable() {
    ApiClient.Response readiness =
        new ApiClient(port)
            .get(
                "/actuator/health/readiness",
                java.util.Map.of("Authorization", "Bearer test-admin-token"));

    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.json().get("components").get("kafka").get("status").asString())
        .isEqualTo("DOWN");
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
