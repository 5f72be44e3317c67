package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.RefundPurchase;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Refunds and cancelled redemptions as requests: validated, then published for the ledger. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsTests {

  @LocalServerPort int port;
  @Autowired EmbeddedKafkaBroker broker;

  private ApiClient api;
  private CommandsTopic commands;

  @BeforeAll
  void setUp() {
    api = new ApiClient(port);
    commands = new CommandsTopic(broker.getBrokersAsString());
    for (String id : new String[] {"refunder", "refunder-key", "canceller"}) {
      api.post(
          "/rewards/create-user",
          "{\"id\":\"%s\",\"name\":\"R\",\"email\":\"%s@example.com\"}".formatted(id, id));
    }
  }

  @AfterAll
  void tearDown() {
    commands.close();
  }

  @Test
  void publishesARefundNamingThePurchaseByItsCommandId() {
    UUID purchase = UUID.randomUUID();

    ApiClient.Response accepted =
        api.post(
            "/rewards/refund/refunder",
            "{\"commandId\":\"%s\",\"amount\":12.50,\"reason\":\"returned\"}".formatted(purchase));

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).startsWith("/rewards/commands/");
    RefundPurchase refund = (RefundPurchase) commands.awaitFor("refunder").value();
    assertThat(refund.purchaseCommandId()).isEqualTo(purchase);
    assertThat(refund.purchaseIdempotencyKey()).isNull();
    assertThat(refund.amount()).isEqualByComparingTo("12.50");
    assertThat(refund.reason()).isEqualTo("returned");
  }

  @Test
  void publishesARefundOfTheRestNamingThePurchaseByItsIdempotencyKey() {
    ApiClient.Response accepted =
        api.post("/rewards/refund/refunder-key", "{\"idempotencyKey\":\"till-7-receipt-1042\"}");

    assertThat(accepted.status()).isEqualTo(202);
    RefundPurchase refund = (RefundPurchase) commands.awaitFor("refunder-key").value();
    assertThat(refund.purchaseIdempotencyKey()).isEqualTo("till-7-receipt-1042");
    assertThat(refund.purchaseCommandId()).isNull();
    assertThat(refund.amount()).as("all that is left").isNull();
  }

  @Test
  void refusesARefundThatNamesThePurchaseTwiceOrNotAtAllNamingTheField() {
    String both = "{\"commandId\":\"%s\",\"idempotencyKey\":\"k\"}".formatted(UUID.randomUUID());

    assertThat(field(api.post("/rewards/refund/refunder", both))).isEqualTo("commandId");
    assertThat(field(api.post("/rewards/refund/refunder", "{\"amount\":5}")))
        .isEqualTo("commandId");
  }

  @Test
  void refusesABadAmountCommandIdOrReasonNamingTheField() {
    String purchase = UUID.randomUUID().toString();

    assertThat(
            field(
                api.post(
                    "/rewards/refund/refunder",
                    "{\"commandId\":\"%s\",\"amount\":0.001}".formatted(purchase))))
        .isEqualTo("amount");
    assertThat(
            field(
                api.post(
                    "/rewards/refund/refunder",
                    "{\"commandId\":\"%s\",\"amount\":-5}".formatted(purchase))))
        .isEqualTo("amount");
    assertThat(field(api.post("/rewards/refund/refunder", "{\"commandId\":\"not-a-uuid\"}")))
        .isEqualTo("commandId");
    assertThat(
            field(
                api.post(
                    "/rewards/refund/refunder",
                    "{\"idempotencyKey\":\"k\",\"reason\":\"%s\"}".formatted("x".repeat(201)))))
        .isEqualTo("reason");
    assertThat(field(api.post("/rewards/refund/refunder", "{\"idempotencyKey\":\"has space\"}")))
        .isEqualTo("idempotencyKey");
  }

  @Test
  void publishesACancellationOfARedemption() {
    UUID redemption = UUID.randomUUID();

    ApiClient.Response accepted =
        api.post(
            "/rewards/cancel-redemption/canceller",
            "{\"redemptionCommandId\":\"%s\",\"reason\":\"order cancelled\"}"
                .formatted(redemption));

    assertThat(accepted.status()).isEqualTo(202);
    CancelRedemption cancel = (CancelRedemption) commands.awaitFor("canceller").value();
    assertThat(cancel.redemptionCommandId()).isEqualTo(redemption);
    assertThat(cancel.reason()).isEqualTo("order cancelled");
  }

  @Test
  void refusesACancellationWithoutTheRedemptionNamingTheField() {
    assertThat(field(api.post("/rewards/cancel-redemption/canceller", "{}")))
        .isEqualTo("redemptionCommandId");
  }

  @Test
  void answers404ForAnUnknownUser() {
    assertThat(
            api.post(
                    "/rewards/cancel-redemption/nobody-here",
                    "{\"redemptionCommandId\":\"%s\"}".formatted(UUID.randomUUID()))
                .status())
        .isEqualTo(404);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.json().get("field").asString();
  }
}
