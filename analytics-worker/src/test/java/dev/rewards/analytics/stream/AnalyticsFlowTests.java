package dev.rewards.analytics.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.mongodb.client.MongoDatabase;
import dev.rewards.analytics.distribution.AggregateStore;
import dev.rewards.analytics.distribution.BalanceRanges;
import dev.rewards.analytics.rebuild.AnalyticsRebuild;
import dev.rewards.analytics.rebuild.LedgerRecount;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.testing.EmbeddedStores;
import dev.rewards.support.testing.KafkaTestClients;
import dev.rewards.support.testing.SpyStubbing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * analytics-worker against a real embedded broker and the Mongo-compatible server. The test plays
 * ledger-worker: it writes the ledger documents and publishes the outcome events, with duplicates,
 * a listener restart and a crash between the worker's two writes of a poll; the maintained
 * aggregates must then equal a recount of the ledger.
 */
@SpringBootTest(properties = "rewards.kafka.partitions=3")
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = "auto.create.topics.enable=false")
@ContextConfiguration(initializers = EmbeddedStores.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsFlowTests {

  private static final Duration CONVERGED = Duration.ofSeconds(60);

  @Autowired MongoDatabase database;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired KafkaAdmin kafkaAdmin;
  @Autowired BalanceRanges ranges;
  @Autowired MeterRegistry meters;
  @MockitoSpyBean AggregateStore store;

  private Producer<String, Object> ledgerOut;
  private TestLedger ledger;

  @BeforeAll
  void connect() {
    ledgerOut = KafkaTestClients.producer(broker.getBrokersAsString());
    ledger = new TestLedger(database);
  }

  @AfterAll
  void close() {
    ledgerOut.close();
  }

  @Test
  void theSampleDataGivesTheSeedsCategoryTotals() {
    publish(ledger.earn("user123", 50, "shopping", "100"));
    publish(ledger.earn("user123", 100, "dining", "200"));
    publish(ledger.earn("user123", 75, "travel", "150"));
    publish(ledger.earn("user123", 40, "shopping", "80"));
    publish(ledger.earn("user123", 150, "entertainment", "300"));
    publish(ledger.earn("user456", 60, "shopping", "120"));
    publish(ledger.earn("user456", 45, "dining", "90"));
    publish(ledger.earn("user789", 125, "travel", "250"));

    await()
        .atMost(CONVERGED)
        .untilAsserted(
            () ->
                assertThat(maintained().categories())
                    .containsEntry("shopping", List.of(150L, 30000L, 3L))
                    .containsEntry("dining", List.of(145L, 29000L, 2L))
                    .containsEntry("travel", List.of(200L, 40000L, 2L))
                    .containsEntry("entertainment", List.of(150L, 30000L, 1L)));
  }

  @Test
  void
      aggregatesEqualARecountWithRefundsCancellationsAndExpiriesAfterDuplicatesARestartAndACrash() {
    long seed = System.nanoTime();
    System.out.println("analytics history seed: " + seed + " (replay: set it in this test)");
    Random random = new Random(seed);
    SpyStubbing.whilePaused(
        container(),
        () ->
            doThrow(new IllegalStateException("crash between the counters and the user rows"))
                .doCallRealMethod()
                .when(store)
                .saveUsers(any()));
    double before = duplicatesSkipped();
    int duplicates = 0;
    List<RewardsEvent> sent = new ArrayList<>();
    List<PointsEarned> refundable = new ArrayList<>();
    List<RewardRedeemed> cancellable = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String user = "shopper-" + random.nextInt(25);
      int kind = random.nextInt(20);
      RewardsEvent event;
      if (kind < 2 && !refundable.isEmpty()) {
        event = ledger.refund(refundable.remove(random.nextInt(refundable.size())));
      } else if (kind < 4 && !cancellable.isEmpty()) {
        RewardRedeemed redeemed = cancellable.remove(random.nextInt(cancellable.size()));
        event = ledger.cancel(redeemed, random.nextInt((int) redeemed.pointsRedeemed() / 2));
      } else if (kind < 5) {
        event = ledger.expire(user, 1 + random.nextInt(300));
      } else if (kind < 13) {
        event =
            ledger.earn(
                user,
                1 + random.nextInt(500),
                List.of("books", "games", "food").get(random.nextInt(3)),
                (1 + random.nextInt(9999)) + "." + random.nextInt(10));
      } else {
        event =
            ledger.redeem(
                user, 100 + random.nextInt(700), random.nextBoolean() ? "voucher" : "cashback");
      }
      if (event instanceof PointsEarned earned) {
        refundable.add(earned);
      } else if (event instanceof RewardRedeemed redeemed) {
        cancellable.add(redeemed);
      }
      publish(event);
      sent.add(event);
      if (random.nextInt(10) == 0) {
        RewardsEvent again = sent.get(random.nextInt(sent.size()));
        publish(again); // an outcome announced again
        boolean changesNothing =
            again instanceof RedemptionRejected
                || (again instanceof PointsExpired expired && expired.points() == 0);
        if (!changesNothing) {
          duplicates++; // an outcome that changes no counter is harmless to repeat either way
        }
      }
      if (i == 200) {
        container().stop(); // a restart mid-stream: the rest waits on the broker
      }
      if (i == 260) {
        container().start();
      }
    }

    int expectedDuplicates = duplicates;
    await().atMost(CONVERGED).until(() -> duplicatesSkipped() - before >= expectedDuplicates);
    await().atMost(CONVERGED).until(() -> maintained().equals(recounted()));
    assertThat(maintained().histogram().values()).allMatch(users -> users > 0);
    assertThat(maintained().reversedPoints()).as("refunds were counted").isPositive();
    assertThat(maintained().expiredPoints())
        .as("expiries and cancellations were counted")
        .isPositive();
    SpyStubbing.whilePaused(container(), () -> doCallRealMethod().when(store).saveUsers(any()));
  }

  @Test
  void rebuildRecountsFromTheLedgerAndCountsTheInFlightWindowOnce() throws Exception {
    publish(ledger.earn("rebuilt-1", 300, "garden", "30"));
    await().atMost(CONVERGED).until(() -> maintained().equals(recounted()));
    container().stop();
    await().atMost(CONVERGED).until(() -> !container().isRunning());
    database.getCollection(AggregateStore.PARTITIONS).deleteMany(new org.bson.Document());
    RewardsEvent inFlight =
        ledger.earn("rebuilt-2", 40, "garden", "4"); // applied, not yet published

    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      String summary =
          new AnalyticsRebuild(
                  admin,
                  "analytics-worker",
                  new LedgerRecount(database, ranges),
                  store,
                  Clock.systemUTC())
              .run();
      assertThat(summary).contains("rebuilt");
    }
    assertThat(maintained()).isEqualTo(recounted());

    publish(inFlight);
    publish(ledger.earn("rebuilt-2", 10, "garden", "1"));
    container().start();

    await().atMost(CONVERGED).until(() -> maintained().equals(recounted()));
    assertThat(maintained().categories().get("garden")).containsExactly(350L, 3500L, 3L);
  }

  private MessageListenerContainer container() {
    return listeners.getListenerContainer("analytics");
  }

  private double duplicatesSkipped() {
    var counter = meters.find("rewards.analytics.events").tag("result", "duplicate").counter();
    return counter == null ? 0 : counter.count();
  }

  private Totals maintained() {
    return Totals.of(store.partitionDocuments());
  }

  private Totals recounted() {
    return Totals.of(
        new LedgerRecount(database, ranges).count(3, Map.of(), Instant.now()).partitions());
  }

  private void publish(RewardsEvent event) {
    try {
      ledgerOut.send(new ProducerRecord<>(Topics.EVENTS, event.userId(), event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
