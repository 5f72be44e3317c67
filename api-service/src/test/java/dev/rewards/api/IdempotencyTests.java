package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTests {

  private static final String PURCHASE = "{\"points\":40,\"category\":\"pos\",\"amount\":80}";

  @LocalServerPort int port;

  // the context's own broker: another test context's broker may own the system property by now
  @Autowired EmbeddedKafkaBroker broker;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void setUp() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
    api.post(
        "/rewards/create-user", "{\"id\":\"pos\",\"name\":\"P\",\"email\":\"pos@example.com\"}");
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void returnsTheSameCommandForARepeatedKeyAndBody() {
    Map<String, String> key = Map.of("Idempotency-Key", "receipt-" + UUID.randomUUID());

    ApiClient.Response first = api.post("/rewards/add-points/pos", PURCHASE, key);
    ApiClient.Response again = api.post("/rewards/add-points/pos", PURCHASE, key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    String commandId = first.json().get("commandId").asString();
    assertThat(again.json().get("commandId").asString()).isEqualTo(commandId);
    // republished as the very same command: the ledger applies a commandId once
    var records = commands.all(UUID.fromString(commandId));
    assertThat(records).hasSize(2);
    assertThat(records.get(1).value()).isEqualTo(records.get(0).value());
  }

  @Test
  void refusesTheSameKeyForAnotherBody() {
    Map<String, String> key = Map.of("Idempotency-Key", "receipt-" + UUID.randomUUID());
    api.post("/rewards/add-points/pos", PURCHASE, key);

    ApiClient.Response other =
        api.post(
            "/rewards/add-points/pos", "{\"points\":41,\"category\":\"pos\",\"amount\":80}", key);

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("field").asString()).isEqualTo("Idempotency-Key");
  }

  @Test
  void refusesTheSameKeyOnAnotherEndpoint() {
    Map<String, String> key = Map.of("Idempotency-Key", "receipt-" + UUID.randomUUID());
    api.post("/rewards/add-points/pos", PURCHASE, key);

    ApiClient.Response redeem =
        api.post("/rewards/redeem/pos", "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}", key);

    assertThat(redeem.status()).isEqualTo(422);
  }

  @Test
  void refusesAMalformedKey() {
    ApiClient.Response response =
        api.post("/rewards/add-points/pos", PURCHASE, Map.of("Idempotency-Key", "x".repeat(129)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asString()).isEqualTo("Idempotency-Key");
  }
}
