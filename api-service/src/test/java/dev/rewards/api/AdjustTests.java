package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.AdjustPoints;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Operators' adjustments: admin token only, validated, published with who made them. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustTests {

  private static final Map<String, String> ADMIN =
      Map.of("Authorization", "Bearer test-admin-token");

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void setUp() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
    api.post(
        "/rewards/create-user",
        "{\"id\":\"adjusted\",\"name\":\"A\",\"email\":\"adjusted@example.com\"}");
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void publishesADebitWithItsReasonAndTheAuthenticatedActor() {
    ApiClient.Response accepted =
        api.post(
            "/rewards/admin/adjust/adjusted", "{\"points\":-40,\"reason\":\"support fix\"}", ADMIN);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).startsWith("/rewards/commands/");
    AdjustPoints command = (AdjustPoints) commands.awaitFor("adjusted").value();
    assertThat(command.points()).isEqualTo(-40);
    assertThat(command.reason()).isEqualTo("support fix");
    assertThat(command.actor()).isEqualTo("admin");
  }

  @Test
  void needsTheAdminToken() {
    ApiClient.Response refused =
        api.post("/rewards/admin/adjust/adjusted", "{\"points\":5,\"reason\":\"goodwill\"}");

    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void refusesZeroOrTooManyPointsAndAMissingReasonNamingTheField() {
    assertThat(
            field(
                api.post(
                    "/rewards/admin/adjust/adjusted", "{\"points\":0,\"reason\":\"x\"}", ADMIN)))
        .isEqualTo("points");
    assertThat(
            field(
                api.post(
                    "/rewards/admin/adjust/adjusted",
                    "{\"points\":1000001,\"reason\":\"x\"}",
                    ADMIN)))
        .isEqualTo("points");
    assertThat(field(api.post("/rewards/admin/adjust/adjusted", "{\"points\":5}", ADMIN)))
        .isEqualTo("reason");
    assertThat(
            api.post("/rewards/admin/adjust/nobody-here", "{\"points\":5,\"reason\":\"x\"}", ADMIN)
                .status())
        .isEqualTo(404);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.json().get("field").asString();
  }
}
