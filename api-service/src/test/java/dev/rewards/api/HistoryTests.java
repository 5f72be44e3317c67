package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryTests {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  private ApiClient api;

  @BeforeAll
  void seedLedger() {
    api = new ApiClient(port);
    api.post(
        "/rewards/create-user", "{\"id\":\"hist\",\"name\":\"H\",\"email\":\"hist@example.com\"}");
    List<Document> transactions = new ArrayList<>();
    for (int day = 1; day <= 25; day++) {
      transactions.add(
          new Document("_id", "t-" + day)
              .append("userId", "hist")
              .append("commandId", "c-" + day)
              .append("amount", new Decimal128(new java.math.BigDecimal(day + ".50")))
              .append("category", "shopping")
              .append("pointsEarned", (long) day)
              .append(
                  "timestamp", Date.from(Instant.parse("2024-01-%02dT10:00:00Z".formatted(day)))));
    }
    mongo.getCollection("transactions").insertMany(transactions);
    mongo
        .getCollection("redemptions")
        .insertOne(
            new Document("_id", "r-1")
                .append("userId", "hist")
                .append("commandId", "c-r1")
                .append("pointsRedeemed", 500L)
                .append("rewardType", "voucher")
                .append("value", new Decimal128(new java.math.BigDecimal("5.00")))
                .append("timestamp", Date.from(Instant.parse("2024-02-01T10:00:00Z"))));
    seedCorrections();
  }

  /** A purchase half refunded, a redemption cancelled, and the statement of both. */
  private void seedCorrections() {
    api.post(
        "/rewards/create-user",
        "{\"id\":\"hist-corr\",\"name\":\"C\",\"email\":\"hist-corr@example.com\"}");
    mongo
        .getCollection("transactions")
        .insertOne(
            new Document("_id", "t-corr")
                .append("userId", "hist-corr")
                .append("commandId", "c-corr")
                .append("amount", new Decimal128(new java.math.BigDecimal("40.00")))
                .append("category", "shopping")
                .append("pointsEarned", 20L)
                .append("timestamp", Date.from(Instant.parse("2024-03-01T10:00:00Z")))
                .append("refundedAmount", new Decimal128(new java.math.BigDecimal("20.00")))
                .append("pointsReversed", 10L));
    mongo
        .getCollection("redemptions")
        .insertOne(
            new Document("_id", "r-corr")
                .append("userId", "hist-corr")
                .append("commandId", "c-r-corr")
                .append("pointsRedeemed", 5L)
                .append("rewardType", "voucher")
                .append("value", new Decimal128(new java.math.BigDecimal("0.05")))
                .append("timestamp", Date.from(Instant.parse("2024-03-02T10:00:00Z")))
                .append(
                    "cancellation",
                    new Document("commandId", "c-cancel")
                        .append("at", Date.from(Instant.parse("2024-03-03T10:00:00Z")))
                        .append("pointsRestored", 5L)
                        .append("pointsExpiredMeanwhile", 0L)));
    String[][] movements = {
      {"1", "EARN", "20", "20"},
      {"2", "REDEEM", "-5", "15"},
      {"3", "REFUND", "-10", "5"},
      {"4", "REDEMPTION_CANCELLED", "5", "10"}
    };
    for (String[] m : movements) {
      mongo
          .getCollection("movements")
          .insertOne(
              new Document("_id", "m-" + m[0])
                  .append("userId", "hist-corr")
                  .append("commandId", "c-m-" + m[0])
                  .append("kind", m[1])
                  .append("points", Long.parseLong(m[2]))
                  .append("balanceAfter", Long.parseLong(m[3]))
                  .append("version", Long.parseLong(m[0]))
                  .append("occurredAt", Date.from(Instant.parse("2024-03-0" + m[0] + "T11:00:00Z")))
                  .append("reference", "ref-" + m[0]));
    }
  }

  @Test
  void showsWhatWasRefundedOfAPurchase() {
    JsonNode purchase =
        api.get("/rewards/transactions/hist-corr").json().get("transactions").get(0);

    assertThat(purchase.get("refundedAmount").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(purchase.get("pointsReversed").asLong()).isEqualTo(10);
    JsonNode untouched = api.get("/rewards/transactions/hist").json().get("transactions").get(0);
    assertThat(untouched.get("refundedAmount").decimalValue()).isZero();
    assertThat(untouched.get("pointsReversed").asLong()).isZero();
  }

  @Test
  void showsWhetherARedemptionWasCancelled() {
    JsonNode cancelled = api.get("/rewards/redemptions/hist-corr").json().get("redemptions").get(0);
    JsonNode standing = api.get("/rewards/redemptions/hist").json().get("redemptions").get(0);

    assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
    assertThat(cancelled.get("cancellation").get("commandId").asString()).isEqualTo("c-cancel");
    assertThat(cancelled.get("cancellation").get("pointsRestored").asLong()).isEqualTo(5);
    assertThat(standing.get("cancelled").asBoolean()).isFalse();
    assertThat(standing.get("cancellation").isNull()).isTrue();
  }

  @Test
  void pagesTheStatementNewestFirstEachEntrySignedWithTheBalanceAfterIt() {
    JsonNode first = api.get("/rewards/statement/hist-corr?limit=3").json();
    JsonNode second = api.get("/rewards/statement/hist-corr?page=2&limit=3").json();

    assertThat(first.get("entries"))
        .extracting(e -> e.get("kind").asString())
        .containsExactly("REDEMPTION_CANCELLED", "REFUND", "REDEEM");
    JsonNode refund = first.get("entries").get(1);
    assertThat(refund.get("points").asLong()).isEqualTo(-10);
    assertThat(refund.get("balanceAfter").asLong()).isEqualTo(5);
    assertThat(refund.get("reference").asString()).isEqualTo("ref-3");
    assertThat(refund.get("occurredAt").asString()).isEqualTo("2024-03-03T11:00:00Z");
    assertThat(second.get("entries"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("kind").asString()).isEqualTo("EARN"));
    assertThat(first.get("pagination").get("total").asLong()).isEqualTo(4);
    assertThat(first.get("pagination").get("pages").asLong()).isEqualTo(2);
  }

  @Test
  void refusesABadStatementPageAndAnUnknownUser() {
    assertThat(api.get("/rewards/statement/hist-corr?page=0").status()).isEqualTo(400);
    assertThat(api.get("/rewards/statement/hist-corr?limit=101").status()).isEqualTo(400);
    assertThat(api.get("/rewards/statement/nobody-at-all").status()).isEqualTo(404);
  }

  @Test
  void pagesTransactionsNewestFirst() {
    JsonNode page2 = api.get("/rewards/transactions/hist?page=2&limit=10").json();

    JsonNode first = page2.get("transactions").get(0);
    assertThat(page2.get("transactions")).hasSize(10);
    assertThat(first.get("id").asString()).isEqualTo("t-15");
    assertThat(first.get("pointsEarned").asLong()).isEqualTo(15);
    assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("15.50");
    assertThat(first.get("timestamp").asString()).isEqualTo("2024-01-15T10:00:00Z");
    assertThat(first.get("commandId").asString()).isEqualTo("c-15");
    assertThat(first.get("userId").asString()).isEqualTo("hist");
    JsonNode pagination = page2.get("pagination");
    assertThat(pagination.get("page").asInt()).isEqualTo(2);
    assertThat(pagination.get("limit").asInt()).isEqualTo(10);
    assertThat(pagination.get("total").asLong()).isEqualTo(25);
    assertThat(pagination.get("pages").asLong()).isEqualTo(3);
  }

  @Test
  void defaultsToTheFirstTen() {
    JsonNode page = api.get("/rewards/transactions/hist").json();

    assertThat(page.get("transactions")).hasSize(10);
    assertThat(page.get("transactions").get(0).get("id").asString()).isEqualTo("t-25");
  }

  @Test
  void answersAnEmptyPageBeyondTheEnd() {
    JsonNode page = api.get("/rewards/transactions/hist?page=99&limit=10").json();

    assertThat(page.get("transactions")).isEmpty();
    assertThat(page.get("pagination").get("total").asLong()).isEqualTo(25);
  }

  @Test
  void listsRedemptions() {
    JsonNode page = api.get("/rewards/redemptions/hist").json();

    JsonNode redemption = page.get("redemptions").get(0);
    assertThat(redemption.get("pointsRedeemed").asLong()).isEqualTo(500);
    assertThat(redemption.get("rewardType").asString()).isEqualTo("voucher");
    assertThat(redemption.get("value").decimalValue()).isEqualByComparingTo("5");
    assertThat(page.get("pagination").get("total").asLong()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "page=0, page",
    "limit=0, limit",
    "limit=101, limit",
    "page=abc, page",
    "limit=-1, limit"
  })
  void refusesBadPagination(String query, String field) {
    ApiClient.Response response = api.get("/rewards/transactions/hist?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asString()).isEqualTo(field);
  }

  @Test
  void answers404ForAnUnknownUser() {
    assertThat(api.get("/rewards/transactions/nobody").status()).isEqualTo(404);
    assertThat(api.get("/rewards/redemptions/nobody").status()).isEqualTo(404);
  }

  @Test
  void listsTheRewardOptions() {
    JsonNode options = api.get("/rewards/options").json();

    assertThat(options).hasSize(3);
    assertThat(options.get(0).get("type").asString()).isEqualTo("cashback");
    assertThat(options.get(0).get("pointsRequired").asLong()).isEqualTo(1000);
    assertThat(options.get(1).get("name").asString()).isEqualTo("Gift Voucher");
    assertThat(options.get(2).get("value").decimalValue()).isEqualByComparingTo("20");
  }
}
