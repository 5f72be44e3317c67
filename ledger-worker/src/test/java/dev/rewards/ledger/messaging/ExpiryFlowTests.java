package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.ExpirePoints;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.support.cache.BalanceCache;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The expiry scheduler running in ledger-worker, through Kafka: points bought long enough ago to be
 * past their validity expire on their own, announced like any outcome. The context is closed
 * afterwards, so that its scheduler does not expire the (2024-dated) purchases of other tests.
 */
@LedgerIntegrationTest
@TestPropertySource(
    properties = {"rewards.expiry.enabled=true", "rewards.expiry.scan-interval=500ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiryFlowTests {

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;
  @Autowired StringRedisTemplate redis;

  private LedgerTopics topics;

  @BeforeAll
  void connect() {
    topics = new LedgerTopics(bootstrapServers);
  }

  @AfterAll
  void disconnect() {
    topics.close();
  }

  @Test
  void pointsPastTheirValidityExpireOnTheirOwnAndTheCachedBalanceFollows() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant boughtLongAgo = now.minus(Duration.ofDays(400)); // valid 365 days
    EarnPoints old =
        new EarnPoints(
            UUID.randomUUID(), "flow-expiry", 80, "shopping", BigDecimal.TEN, boughtLongAgo, now);
    EarnPoints fresh =
        new EarnPoints(UUID.randomUUID(), "flow-expiry", 20, "shopping", BigDecimal.TEN, now, now);

    topics.publish("flow-expiry", old);
    topics.publish("flow-expiry", fresh);
    topics.awaitOutcome(fresh.commandId());
    UUID expiry = ExpirePoints.idFor("flow-expiry", boughtLongAgo.plus(Duration.ofDays(365)));
    RewardsEvent outcome = topics.awaitOutcome(expiry);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PointsExpired.class,
            expired -> {
              assertThat(expired.points()).isEqualTo(80);
              assertThat(expired.newBalance()).isEqualTo(20);
            });
    Document account =
        mongo.getCollection("accounts").find(new Document("_id", "flow-expiry")).first();
    assertThat(account.get("balance", Number.class).longValue()).isEqualTo(20);
    assertThat(account.get("nextExpiry", Document.class).getDate("at").toInstant())
        .isEqualTo(now.plus(Duration.ofDays(365)));
    assertThat(new BalanceCache(redis, Duration.ofMinutes(5)).get("flow-expiry"))
        .hasValueSatisfying(
            cached -> {
              assertThat(cached.balance()).isEqualTo(20);
              assertThat(cached.nextExpiry().points()).isEqualTo(20);
            });
    assertThat(topics.outcomesOf(expiry)).as("scheduled every 500 ms, applied once").hasSize(1);
  }
}
