package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.CaptureHold;
import dev.rewards.contracts.HoldPoints;
import dev.rewards.contracts.ReleaseHold;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Holds as requests: validated, priced by the reward options, published for the ledger. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsTests {

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void setUp() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
    for (String id : new String[] {"holder", "capturer", "voider"}) {
      api.post(
          "/rewards/create-user",
          "{\"id\":\"%s\",\"name\":\"H\",\"email\":\"%s@example.com\"}".formatted(id, id));
    }
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void publishesAHoldPricedByItsRewardAndExpiringWhenAsked() {
    ApiClient.Response accepted =
        api.post(
            "/rewards/holds/holder",
            "{\"points\":750,\"rewardType\":\"voucher\",\"expiresInSeconds\":60}");

    assertThat(accepted.status()).isEqualTo(202);
    HoldPoints hold = (HoldPoints) commands.awaitFor("holder").value();
    assertThat(hold.commandId().toString()).isEqualTo(accepted.json().get("commandId").asString());
    assertThat(hold.points()).isEqualTo(750);
    assertThat(hold.value()).isEqualByComparingTo("7.50");
    assertThat(Duration.between(hold.occurredAt(), hold.expiresAt()))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void publishesACaptureOfPartOfAHoldAndAVoid() {
    UUID hold = UUID.randomUUID();

    assertThat(
            api.post("/rewards/holds/capturer/" + hold + "/capture", "{\"points\":400}").status())
        .isEqualTo(202);
    assertThat(api.post("/rewards/holds/voider/" + hold + "/void", "{}").status()).isEqualTo(202);

    CaptureHold capture = (CaptureHold) commands.awaitFor("capturer").value();
    ReleaseHold voided = (ReleaseHold) commands.awaitFor("voider").value();
    assertThat(capture.holdId()).isEqualTo(hold);
    assertThat(capture.points()).isEqualTo(400);
    assertThat(voided.holdId()).isEqualTo(hold);
    assertThat(voided.cause()).isEqualTo(ReleaseHold.VOID);
  }

  @Test
  void refusesABadHoldNamingTheField() {
    assertThat(field(api.post("/rewards/holds/holder", "{\"points\":500,\"rewardType\":\"x\"}")))
        .isEqualTo("rewardType");
    assertThat(
            field(api.post("/rewards/holds/holder", "{\"points\":499,\"rewardType\":\"voucher\"}")))
        .isEqualTo("points");
    assertThat(
            field(
                api.post(
                    "/rewards/holds/holder",
                    "{\"points\":500,\"rewardType\":\"voucher\",\"expiresInSeconds\":9}")))
        .isEqualTo("expiresInSeconds");
    assertThat(
            field(
                api.post(
                    "/rewards/holds/holder",
                    "{\"points\":500,\"rewardType\":\"voucher\",\"expiresInSeconds\":86401}")))
        .isEqualTo("expiresInSeconds");
    assertThat(field(api.post("/rewards/holds/holder/not-a-uuid/capture", "{}")))
        .isEqualTo("holdId");
    assertThat(
            field(
                api.post(
                    "/rewards/holds/holder/" + UUID.randomUUID() + "/capture", "{\"points\":0}")))
        .isEqualTo("points");
    assertThat(
            api.post("/rewards/holds/nobody-holds/" + UUID.randomUUID() + "/void", "{}").status())
        .isEqualTo(404);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.json().get("field").asString();
  }
}
