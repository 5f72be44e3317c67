package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin endpoints: paginated lists and totals that match the ledger. */
@ApiIntegrationTest
@TestPropertySource(
    properties = {"rewards.security.admin-token=admin-secret", "rewards.benchmark.enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTests {

  private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer admin-secret");

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  private ApiClient api;

  @BeforeAll
  void users() {
    api = new ApiClient(port);
    for (int i = 0; i < 12; i++) {
      api.post(
          "/rewards/create-user",
          "{\"id\":\"admin-view-%d\",\"name\":\"A\",\"email\":\"av%d@example.com\"}"
              .formatted(i, i));
    }
  }

  @Test
  void listsUsersAPageAtATime() {
    JsonNode first = get("/rewards/admin/users?page=1&limit=5");
    JsonNode total = first.get("pagination");

    assertThat(first.get("count").asInt()).isEqualTo(5);
    assertThat(first.get("users")).hasSize(5);
    assertThat(total.get("total").asLong()).isGreaterThanOrEqualTo(12);
    assertThat(total.get("pages").asLong()).isEqualTo((total.get("total").asLong() + 4) / 5);
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= total.get("pages").asInt(); page++) {
      get("/rewards/admin/users?page=" + page + "&limit=5")
          .get("users")
          .forEach(u -> seen.add(u.get("id").asString()));
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize((int) total.get("total").asLong());
  }

  @Test
  void refusesAPageSizeOver100() {
    ApiClient.Response tooMany =
        api.send(
            HttpRequest.newBuilder(api.uri("/rewards/admin/transactions?limit=101")).GET(), ADMIN);

    assertThat(tooMany.status()).isEqualTo(400);
  }

  @Test
  void summaryTotalsMatchTheLedgerNetOfRefundsAndCancelledRedemptions() {
    // a refunded purchase and a cancelled redemption (part of it expired meanwhile) are among them
    mongo
        .getCollection("transactions")
        .insertOne(
            new Document("_id", "t-admin-refunded")
                .append("userId", "admin-summary")
                .append("commandId", "c-admin-refunded")
                .append("amount", new Decimal128(new BigDecimal("60.00")))
                .append("category", "shopping")
                .append("pointsEarned", 30L)
                .append("timestamp", Date.from(Instant.parse("2024-01-01T00:00:00Z")))
                .append("refundedAmount", new Decimal128(new BigDecimal("24.00")))
                .append("pointsReversed", 12L));
    mongo
        .getCollection("redemptions")
        .insertOne(
            new Document("_id", "r-admin-cancelled")
                .append("userId", "admin-summary")
                .append("commandId", "c-admin-cancelled")
                .append("pointsRedeemed", 9L)
                .append("rewardType", "voucher")
                .append("value", new Decimal128(new BigDecimal("0.09")))
                .append("timestamp", Date.from(Instant.parse("2024-01-02T00:00:00Z")))
                .append(
                    "cancellation",
                    new Document("commandId", "c-admin-cancel")
                        .append("at", Date.from(Instant.parse("2024-01-03T00:00:00Z")))
                        .append("pointsRestored", 6L)
                        .append("pointsExpiredMeanwhile", 3L)));

    mongo
        .getCollection("movements")
        .insertOne(
            new Document("_id", "m-admin-expired")
                .append("userId", "admin-summary")
                .append("commandId", "c-admin-expired")
                .append("kind", "EXPIRE")
                .append("points", -4L)
                .append("balanceAfter", 0L)
                .append("version", 1L)
                .append("occurredAt", Date.from(Instant.parse("2024-01-04T00:00:00Z"))));

    JsonNode summary = get("/rewards/admin/database-summary").get("summary");

    assertThat(summary.get("totalUsers").asLong())
        .isEqualTo(mongo.getCollection("users").countDocuments());
    assertThat(summary.get("totalTransactions").asLong())
        .isEqualTo(mongo.getCollection("transactions").countDocuments());
    assertThat(summary.get("totalPointsEarned").asLong())
        .isEqualTo(sum("transactions", "pointsEarned"));
    long cancelledRedeemed = 0;
    long expiredMeanwhile = 0;
    for (Document cancelled :
        mongo
            .getCollection("redemptions")
            .find(new Document("cancellation", new Document("$exists", true)))) {
      cancelledRedeemed += cancelled.get("pointsRedeemed", Number.class).longValue();
      expiredMeanwhile +=
          cancelled
              .get("cancellation", Document.class)
              .get("pointsExpiredMeanwhile", Number.class)
              .longValue();
    }
    assertThat(cancelledRedeemed).isPositive();
    assertThat(summary.get("totalPointsRedeemed").asLong())
        .isEqualTo(sum("redemptions", "pointsRedeemed") - cancelledRedeemed);
    assertThat(summary.get("totalRedemptions").asLong())
        .isEqualTo(
            mongo
                .getCollection("redemptions")
                .countDocuments(new Document("cancellation", new Document("$exists", false))));
    assertThat(summary.get("totalPointsReversed").asLong())
        .isEqualTo(sum("transactions", "pointsReversed"))
        .isPositive();
    long lotsExpired = 0;
    for (Document expiry : mongo.getCollection("movements").find(new Document("kind", "EXPIRE"))) {
      lotsExpired -= expiry.get("points", Number.class).longValue();
    }
    assertThat(summary.get("totalPointsExpired").asLong())
        .isEqualTo(expiredMeanwhile + lotsExpired)
        .isGreaterThanOrEqualTo(3 + 4);
    assertThat(summary.get("totalPointsInSystem").asLong()).isEqualTo(sum("accounts", "balance"));
    assertThat(summary.get("totalPointsAdjusted").asLong()).isEqualTo(sum("adjustments", "delta"));
  }

  @Test
  void listsEveryonesTransactionsNewestFirst() {
    JsonNode page = get("/rewards/admin/transactions?limit=3");

    assertThat(page.get("count").asInt()).isEqualTo(page.get("transactions").size());
    assertThat(page.get("pagination").get("limit").asInt()).isEqualTo(3);
  }

  private long sum(String collection, String field) {
    long total = 0;
    for (Document doc : mongo.getCollection(collection).find()) {
      Object value = doc.get(field);
      total += value == null ? 0 : ((Number) value).longValue();
    }
    return total;
  }

  private JsonNode get(String path) {
    ApiClient.Response response = api.send(HttpRequest.newBuilder(api.uri(path)).GET(), ADMIN);
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }
}
