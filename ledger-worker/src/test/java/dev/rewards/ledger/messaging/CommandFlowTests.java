package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.AdjustPoints;
import dev.rewards.contracts.CancelRedemption;
import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsAdjusted;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.PointsReversed;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionCancelled;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RefundPurchase;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.cache.BalanceCache;
import dev.rewards.support.metrics.CommandHops;
import dev.rewards.support.testing.KafkaTestClients;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandFlowTests {

  private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;
  @Autowired StringRedisTemplate redis;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

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
  void appliesAPublishedCommandAndAnnouncesItsOutcome() {
    EarnPoints earn = earn("flow-1", 50);

    publish(earn);

    PointsEarned earned = (PointsEarned) awaitOutcome(earn.commandId());
    assertThat(earned.newBalance()).isEqualTo(50);
    assertThat(balance("flow-1")).isEqualTo(50);
    assertThat(new BalanceCache(redis, Duration.ofMinutes(5)).get("flow-1"))
        .hasValueSatisfying(cached -> assertThat(cached.balance()).isEqualTo(50));
  }

  @Test
  void countsDecidedCommandsAndTheirEndToEndLatency() {
    double before = decided("REDEEM", "REJECTED");
    RedeemPoints refused = redeem("flow-metrics", 500);

    publish(refused);
    awaitOutcome(refused.commandId());

    assertThat(decided("REDEEM", "REJECTED")).isEqualTo(before + 1);
    assertThat(meters.find("rewards.commands.latency").timer()).isNotNull();
    assertThat(meters.find("rewards.commands.latency").timer().count()).isPositive();
  }

  @Test
  void timesEachHopOfABatchFromTheBrokerToTheSentOutcomes() {
    List<String> hops =
        List.of(
            CommandHops.LEDGER_QUEUED,
            CommandHops.LEDGER_READ,
            CommandHops.LEDGER_DECIDE,
            CommandHops.LEDGER_WRITE,
            CommandHops.LEDGER_CACHE,
            CommandHops.LEDGER_SEND);
    List<Long> before = hops.stream().map(this::hopCount).toList();
    EarnPoints earn = earn("flow-hops", 5);

    publish(earn);
    awaitOutcome(earn.commandId());

    for (int i = 0; i < hops.size(); i++) {
      assertThat(hopCount(hops.get(i))).as(hops.get(i)).isGreaterThan(before.get(i));
    }
  }

  @Test
  void anOutcomeLeavesWithTheTraceContextItsCommandCameWith() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    EarnPoints earn = earn("flow-traced", 5);

    topics.publishTraced(earn.userId(), earn, traceparent);
    awaitOutcome(earn.commandId());

    assertThat(topics.traceHeaderOfOutcome(earn.commandId())).isEqualTo(traceparent);
  }

  private long hopCount(String hop) {
    var timer = meters.find(CommandHops.METER).tag("hop", hop).timer();
    return timer == null ? 0 : timer.count();
  }

  private double decided(String type, String result) {
    var counter =
        meters.find("rewards.commands.decided").tag("type", type).tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void appliesADuplicateRecordOnceAndAnnouncesItOnce() {
    EarnPoints earn = earn("flow-dup", 70);

    publish(earn);
    publish(earn);
    EarnPoints marker = earn("flow-dup", 1);
    publish(marker);

    awaitOutcome(marker.commandId());
    assertThat(balance("flow-dup")).isEqualTo(71);
    assertThat(topics.outcomesOf(earn.commandId())).hasSize(1);
  }

  @Test
  void redeemsAndRejectsInOrder() {
    publish(earn("flow-r", 600));
    RedeemPoints first = redeem("flow-r", 500);
    RedeemPoints second = redeem("flow-r", 500);
    publish(first);
    publish(second);

    assertThat(awaitOutcome(first.commandId())).isInstanceOf(RewardRedeemed.class);
    RedemptionRejected rejected = (RedemptionRejected) awaitOutcome(second.commandId());
    assertThat(rejected.availablePoints()).isEqualTo(100);
    assertThat(balance("flow-r")).isEqualTo(100);
  }

  @Test
  void appliesOneUsersCommandsInTheOrderTheyWereAccepted() {
    List<Object> commands =
        List.of(
            earn("flow-order", 100),
            redeem("flow-order", 500), // refused: 100 available
            earn("flow-order", 500),
            redeem("flow-order", 500), // applied: 600 available
            redeem("flow-order", 500), // refused: 100 available
            earn("flow-order", 1000),
            redeem("flow-order", 500)); // applied: 1100 available
    commands.forEach(this::publish);

    List<String> outcomes = new ArrayList<>();
    for (Object command : commands) {
      RewardsEvent outcome = awaitOutcome(commandIdOf(command));
      outcomes.add(outcome.getClass().getSimpleName() + ":" + balanceAfter(outcome));
    }

    assertThat(outcomes)
        .containsExactly(
            "PointsEarned:100",
            "RedemptionRejected:100",
            "PointsEarned:600",
            "RewardRedeemed:100",
            "RedemptionRejected:100",
            "PointsEarned:1100",
            "RewardRedeemed:600");
  }

  @Test
  void adjustsABalanceUpAndDownButNeverBelowZeroAndRecordsEachAdjustment() {
    publish(earn("flow-adjust", 100));
    AdjustPoints debit = adjust("flow-adjust", -30);
    AdjustPoints overdraw = adjust("flow-adjust", -71);
    AdjustPoints credit = adjust("flow-adjust", 5);
    publish(debit);
    publish(overdraw);
    publish(credit);

    assertThat(((PointsAdjusted) awaitOutcome(debit.commandId())).newBalance()).isEqualTo(70);
    assertThat(((CommandRejected) awaitOutcome(overdraw.commandId())).reason())
        .isEqualTo(CommandRejected.INSUFFICIENT_POINTS);
    assertThat(((PointsAdjusted) awaitOutcome(credit.commandId())).newBalance()).isEqualTo(75);
    assertThat(balance("flow-adjust")).isEqualTo(75);
    assertThat(
            mongo
                .getCollection("adjustments")
                .countDocuments(new Document("userId", "flow-adjust")))
        .isEqualTo(2);
  }

  @Test
  void refundsAPurchaseAndCancelsARedemptionCachingEachBalanceBeforeItsOutcomeIsAnnounced() {
    // bought now: its lot must not have expired when the redemption is cancelled
    Instant boughtAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    EarnPoints purchase =
        new EarnPoints(
            UUID.randomUUID(),
            "flow-correct",
            100,
            "shopping",
            new BigDecimal("80.00"),
            boughtAt,
            boughtAt,
            "till-3-receipt-77");
    RedeemPoints redemption = redeem("flow-correct", 60);
    RefundPurchase refund =
        new RefundPurchase(
            UUID.randomUUID(),
            "flow-correct",
            null,
            "till-3-receipt-77",
            new BigDecimal("20.00"),
            "one item returned",
            T0);
    CancelRedemption cancel =
        new CancelRedemption(
            UUID.randomUUID(), "flow-correct", redemption.commandId(), "order cancelled", T0);
    BalanceCache cache = new BalanceCache(redis, Duration.ofMinutes(5));

    publish(purchase);
    publish(redemption);
    publish(refund);
    PointsReversed reversed = (PointsReversed) awaitOutcome(refund.commandId());
    long cachedAfterRefund = cache.get("flow-correct").orElseThrow().balance();
    publish(cancel);
    RedemptionCancelled cancelled = (RedemptionCancelled) awaitOutcome(cancel.commandId());

    assertThat(reversed.pointsReversed()).isEqualTo(25);
    assertThat(reversed.newBalance()).isEqualTo(15);
    assertThat(cachedAfterRefund).isEqualTo(15);
    assertThat(cancelled.pointsRestored()).isEqualTo(60);
    assertThat(cancelled.newBalance()).isEqualTo(75);
    assertThat(cache.get("flow-correct").orElseThrow())
        .satisfies(
            cached -> {
              assertThat(cached.balance()).isEqualTo(75);
              assertThat(cached.lifetimePoints()).isEqualTo(75);
            });
    assertThat(balance("flow-correct")).isEqualTo(75);
    long statementTotal = 0;
    for (Document movement :
        mongo.getCollection("movements").find(new Document("userId", "flow-correct"))) {
      statementTotal += movement.get("points", Number.class).longValue();
    }
    assertThat(statementTotal).isEqualTo(75);
    assertThat(topics.outcomesOf(refund.commandId())).hasSize(1);
    assertThat(topics.outcomesOf(cancel.commandId())).hasSize(1);
  }

  @Test
  void resumesWhereItStoppedAfterARestartAndAppliesEachCommandOnce() {
    MessageListenerContainer container = listeners.getListenerContainer(CommandListener.ID);
    container.stop();
    List<EarnPoints> backlog = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      backlog.add(earn("flow-restart-" + (i % 4), 10));
    }
    backlog.forEach(this::publish);
    container.start();

    backlog.forEach(command -> awaitOutcome(command.commandId()));
    for (int user = 0; user < 4; user++) {
      assertThat(balance("flow-restart-" + user)).isEqualTo(50);
    }
    for (EarnPoints command : backlog) {
      assertThat(topics.outcomesOf(command.commandId())).hasSize(1);
    }
  }

  @Test
  void deadLettersAPoisonRecordAndKeepsThePartitionFlowing() {
    try (Consumer<String, byte[]> deadLetters = KafkaTestClients.rawConsumer(bootstrapServers)) {
      deadLetters.subscribe(List.of(Topics.COMMANDS_DEAD_LETTER));
      byte[] poison = "{\"type\":\"StealPoints\"}".getBytes(StandardCharsets.UTF_8);
      topics.publish("flow-poison", poison);
      EarnPoints after = earn("flow-poison", 5);
      publish(after);

      assertThat(awaitOutcome(after.commandId())).isInstanceOf(PointsEarned.class);
      List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  dead.addAll(KafkaTestClients.drain(deadLetters, Duration.ofMillis(300)))
                      || !dead.isEmpty());
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).value()).isEqualTo(poison);
      assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    }
  }

  private void publish(Object command) {
    topics.publish(((RewardsCommand) command).userId(), command);
  }

  private RewardsEvent awaitOutcome(UUID commandId) {
    return topics.awaitOutcome(commandId);
  }

  private static UUID commandIdOf(Object command) {
    return ((RewardsCommand) command).commandId();
  }

  private static AdjustPoints adjust(String userId, long points) {
    return new AdjustPoints(UUID.randomUUID(), userId, points, "support", "admin", T0);
  }

  private static long balanceAfter(RewardsEvent event) {
    if (event instanceof PointsEarned earned) {
      return earned.newBalance();
    }
    if (event instanceof RewardRedeemed redeemed) {
      return redeemed.remainingPoints();
    }
    return ((RedemptionRejected) event).availablePoints();
  }

  private long balance(String userId) {
    Document account = mongo.getCollection("accounts").find(new Document("_id", userId)).first();
    return account.get("balance", Number.class).longValue();
  }

  private static EarnPoints earn(String userId, long points) {
    return new EarnPoints(UUID.randomUUID(), userId, points, "shopping", BigDecimal.TEN, T0, T0);
  }

  private static RedeemPoints redeem(String userId, long points) {
    return new RedeemPoints(
        UUID.randomUUID(), userId, points, "voucher", new BigDecimal("5.00"), T0);
  }
}
