package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.EarnPoints;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchEarnTests {

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void setUp() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
    for (String id : new String[] {"till-a", "till-b"}) {
      api.post(
          "/rewards/create-user",
          "{\"id\":\"%1$s\",\"name\":\"T\",\"email\":\"%1$s@example.com\"}".formatted(id));
    }
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void acceptsEachGoodPurchaseAndRefusesEachBadOneOnItsOwn() {
    ApiClient.Response response =
        api.post(
            "/rewards/add-points-batch",
            """
            {"purchases":[
              {"userId":"till-a","points":30,"category":"shopping","amount":60},
              {"userId":"nobody-here","points":5,"category":"shopping","amount":10},
              {"userId":"till-b","points":0,"category":"shopping","amount":10},
              {"userId":"till-b","category":"dining","amount":40.50},
              {"userId":"till-a","points":5,"category":"x","amount":10,"idempotencyKey":"has space"}
            ]}""");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("refused").asInt()).isEqualTo(3);
    JsonNode results = body.get("results");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(1).get("status").asInt()).isEqualTo(404);
    assertThat(results.get(1).get("field").asString()).isEqualTo("userId");
    assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(2).get("field").asString()).isEqualTo("points");
    assertThat(results.get(3).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(4).get("status").asInt()).isEqualTo(400);
    assertThat(results.get(4).get("field").asString()).isEqualTo("idempotencyKey");

    EarnPoints first = published(results.get(0));
    assertThat(first.userId()).isEqualTo("till-a");
    assertThat(first.points()).isEqualTo(30);
    EarnPoints byRules = published(results.get(3));
    assertThat(byRules.userId()).isEqualTo("till-b");
    assertThat(byRules.points()).isEqualTo(20); // 40.50 × 0.5, rounded down
    assertThat(results.get(0).get("location").asString())
        .isEqualTo("/rewards/commands/" + first.commandId());
  }

  @Test
  void givesARetriedItemTheSameCommandAsTheSameKeySentAlone() {
    String key = "till-receipt-" + UUID.randomUUID();
    String item = "{\"userId\":\"till-a\",\"points\":7,\"category\":\"pos\",\"amount\":14";
    String batch = "{\"purchases\":[" + item + ",\"idempotencyKey\":\"" + key + "\"}]}";

    String first = commandIdOf(api.post("/rewards/add-points-batch", batch));
    String again = commandIdOf(api.post("/rewards/add-points-batch", batch));
    ApiClient.Response alone =
        api.post(
            "/rewards/add-points/till-a",
            "{\"points\":7,\"category\":\"pos\",\"amount\":14}",
            Map.of("Idempotency-Key", key));

    assertThat(again).isEqualTo(first);
    assertThat(alone.json().get("commandId").asString()).isEqualTo(first);
  }

  @Test
  void refusesABatchThatIsEmptyOrTooLarge() {
    assertThat(api.post("/rewards/add-points-batch", "{\"purchases\":[]}").status()).isEqualTo(400);
    String item = "{\"userId\":\"till-a\",\"points\":1,\"category\":\"c\",\"amount\":1}";
    String tooMany = "{\"purchases\":[" + (item + ",").repeat(200) + item + "]}";
    ApiClient.Response response = api.post("/rewards/add-points-batch", tooMany);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asString()).isEqualTo("purchases");
  }

  private EarnPoints published(JsonNode result) {
    UUID commandId = UUID.fromString(result.get("commandId").asString());
    return (EarnPoints) commands.await(commandId).value();
  }

  private static String commandIdOf(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(200);
    return response.json().get("results").get(0).get("commandId").asString();
  }
}
