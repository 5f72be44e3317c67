package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** GET /analytics/rewards-distribution adds up the per-partition documents analytics maintains. */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionTests {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  private JsonNode body;

  @BeforeAll
  void maintainedAggregates() {
    mongo
        .getCollection("analytics_settings")
        .insertOne(
            new Document("_id", "balanceRanges").append("lowerBounds", List.of(0L, 100L, 500L)));
    mongo
        .getCollection("analytics_partitions")
        .insertMany(
            List.of(
                new Document("_id", 0)
                    .append("offset", 7L)
                    .append("asOf", Date.from(Instant.parse("2026-01-01T10:00:00Z")))
                    .append(
                        "categories",
                        new Document("kc2hvcHBpbmc", counters("shopping", 90, 18000, 2))
                            .append("kZGluaW5n", counters("dining", 145, 29000, 2)))
                    .append(
                        "redemptions",
                        new Document(
                            "kdm91Y2hlcg",
                            new Document("name", "voucher")
                                .append("points", 500L)
                                .append("count", 1L)))
                    .append("histogram", new Document("0", 1L).append("100", 1L))
                    .append("users", 2L)
                    .append("reversedPoints", 20L)
                    .append("outstandingPoints", 150L),
                new Document("_id", 1)
                    .append("offset", 3L)
                    .append("asOf", Date.from(Instant.parse("2026-01-01T11:00:00Z")))
                    .append(
                        "categories",
                        new Document("kc2hvcHBpbmc", counters("shopping", 60, 12000, 1)))
                    .append("histogram", new Document("0", -1L).append("500", 2L))
                    .append("users", 1L)
                    .append("reversedPoints", 5L)
                    .append("expiredPoints", 7L)
                    .append("heldPoints", 40L)
                    .append("outstandingPoints", 600L)));
    ApiClient.Response response = new ApiClient(port).get("/analytics/rewards-distribution");
    assertThat(response.status()).isEqualTo(200);
    body = response.json();
  }

  @Test
  void addsUpCategoriesAcrossPartitionsNewestTotalsFirst() {
    JsonNode first = body.get("distribution").get(0);
    assertThat(first.get("category").asString()).isEqualTo("shopping");
    assertThat(first.get("totalPoints").asLong()).isEqualTo(150);
    assertThat(first.get("totalAmount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(first.get("transactionCount").asLong()).isEqualTo(3);
    assertThat(first.get("averagePointsPerTransaction").decimalValue()).isEqualByComparingTo("50");
    assertThat(body.get("distribution").get(1).get("category").asString()).isEqualTo("dining");
  }

  @Test
  void summarisesPointsTransactionsRedemptionsAndCorrections() {
    JsonNode summary = body.get("summary");
    assertThat(summary.get("totalPoints").asLong()).isEqualTo(295);
    assertThat(summary.get("totalTransactions").asLong()).isEqualTo(5);
    assertThat(summary.get("categories").asInt()).isEqualTo(2);
    assertThat(summary.get("totalPointsRedeemed").asLong()).isEqualTo(500);
    assertThat(summary.get("totalRedemptions").asLong()).isEqualTo(1);
    assertThat(summary.get("totalPointsReversed").asLong()).isEqualTo(25);
    assertThat(summary.get("totalPointsExpired").asLong()).isEqualTo(7);
    assertThat(summary.get("outstandingPoints").asLong()).isEqualTo(750);
    assertThat(summary.get("heldPoints").asLong()).isEqualTo(40);
    JsonNode voucher = body.get("redemptionsByType").get(0);
    assertThat(voucher.get("rewardType").asString()).isEqualTo("voucher");
    assertThat(voucher.get("count").asLong()).isEqualTo(1);
  }

  @Test
  void listsEveryBalanceRangeWithItsUsers() {
    JsonNode histogram = body.get("balanceHistogram");

    assertThat(histogram).hasSize(3);
    assertThat(histogram.get(0).get("min").asLong()).isZero();
    assertThat(histogram.get(0).get("max").asLong()).isEqualTo(99);
    assertThat(histogram.get(0).get("users").asLong()).isZero();
    assertThat(histogram.get(1).get("users").asLong()).isEqualTo(1);
    assertThat(histogram.get(2).get("min").asLong()).isEqualTo(500);
    assertThat(histogram.get(2).get("max").isNull()).isTrue();
    assertThat(histogram.get(2).get("users").asLong()).isEqualTo(2);
    assertThat(body.get("asOf").asString()).isEqualTo("2026-01-01T11:00:00Z");
  }

  private static Document counters(String name, long points, long cents, long count) {
    return new Document("name", name)
        .append("points", points)
        .append("amountCents", cents)
        .append("count", count);
  }
}
