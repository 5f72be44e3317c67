package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.messaging.CommandHistories.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Generated command histories through the real ledger (embedded Kafka with transactions, the store,
 * Redis): boundary and hostile values that still parse, duplicates, unreadable records, many users
 * interleaved. After each history: every command has exactly one outcome, the one a reference model
 * owes it; no partition stopped; every balance equals the model's and the sum of its ledger
 * entries; and entries and applied decisions match one to one.
 *
 * <p>Each history comes from a seed that a failure prints; {@code -Dledger.property.seed=N} replays
 * one run exactly.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerPropertyTests {

  private static final long SEED = Long.getLong("ledger.property.seed", System.nanoTime());
  private static final int HISTORIES = 6;
  private static final int COMMANDS_PER_HISTORY = 120;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired MongoTemplate mongo;

  private final AtomicInteger run = new AtomicInteger();
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
  void everyGeneratedCommandEndsInExactlyTheOutcomeTheModelOwesIt() {
    System.out.println(
        "LedgerPropertyTests seed " + SEED + " (replay: -Dledger.property.seed=" + SEED + ")");
    qt().withFixedSeed(SEED)
        .withExamples(HISTORIES)
        .withShrinkCycles(0) // a history's effects stay in the store: replay the seed instead
        .forAll(longs().all())
        .checkAssert(this::applyHistoryAndAudit);
  }

  private void applyHistoryAndAudit(long historySeed) {
    CommandHistories generator =
        new CommandHistories(historySeed, "prop" + run.incrementAndGet(), 8);
    List<Step> history = generator.history(COMMANDS_PER_HISTORY);
    for (Step step : history) {
      topics.publish(step.key(), step.value());
    }

    Set<UUID> owed = new HashSet<>();
    history.forEach(step -> owed.add(step.commandId()));
    // every command answered: no partition stopped
    topics.awaitOutcomes(
        owed, Duration.ofSeconds(90), "every command of history " + historySeed + " answered");

    ReferenceModel model = ReferenceModel.of(history);
    for (UUID commandId : owed) {
      assertThat(topics.outcomesOf(commandId))
          .as("outcomes of %s (history seed %d)", commandId, historySeed)
          .hasSize(1);
      assertThat(describe(topics.outcomesOf(commandId).get(0)))
          .as("outcome of %s (history seed %d)", commandId, historySeed)
          .isEqualTo(model.expectedOutcome(commandId));
    }
    for (String userId : generator.users()) {
      long balance = balance(userId);
      assertThat(balance)
          .as("balance of %s (history seed %d)", userId, historySeed)
          .isEqualTo(model.balance(userId))
          .isEqualTo(sumOfEntries(userId));
    }
    assertEntriesMatchAppliedDecisions(generator.users(), historySeed);
  }

  private void assertEntriesMatchAppliedDecisions(List<String> users, long historySeed) {
    Set<String> withEntry = new HashSet<>();
    for (String collection : List.of("transactions", "redemptions")) {
      for (Document entry :
          mongo
              .getCollection(collection)
              .find(new Document("userId", new Document("$in", users)))) {
        withEntry.add(entry.getString("commandId"));
      }
    }
    Set<String> applied = new HashSet<>();
    for (Document decision :
        mongo
            .getCollection("commands")
            .find(new Document("userId", new Document("$in", users)).append("status", "APPLIED"))) {
      String event = decision.getString("event");
      if (event.contains("PointsEarned") || event.contains("RewardRedeemed")) {
        applied.add(decision.getString("_id"));
      }
    }
    assertThat(withEntry)
        .as("entries vs applied decisions (history seed %d)", historySeed)
        .isEqualTo(applied);
  }

  private long balance(String userId) {
    Document account = mongo.getCollection("accounts").find(new Document("_id", userId)).first();
    return account == null ? 0 : account.get("balance", Number.class).longValue();
  }

  private long sumOfEntries(String userId) {
    long sum = 0;
    for (Document t : mongo.getCollection("transactions").find(new Document("userId", userId))) {
      sum += t.get("pointsEarned", Number.class).longValue();
    }
    for (Document r : mongo.getCollection("redemptions").find(new Document("userId", userId))) {
      sum -= r.get("pointsRedeemed", Number.class).longValue();
    }
    return sum;
  }

  private static String describe(RewardsEvent event) {
    if (event instanceof PointsEarned earned) {
      return "EARNED " + earned.newBalance();
    }
    if (event instanceof RewardRedeemed redeemed) {
      return "REDEEMED " + redeemed.remainingPoints();
    }
    if (event instanceof RedemptionRejected refused) {
      return "REFUSED " + refused.availablePoints();
    }
    CommandRejected rejected = (CommandRejected) event;
    return rejected.reason();
  }

  /** What each command of a history must end in, applied in record order per user. */
  private static final class ReferenceModel {

    private final Map<UUID, String> expected = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();

    static ReferenceModel of(List<Step> history) {
      ReferenceModel model = new ReferenceModel();
      history.forEach(model::apply);
      return model;
    }

    private void apply(Step step) {
      switch (step.expected()) {
        case DUPLICATE -> {}
        case UNREADABLE -> expected.putIfAbsent(step.commandId(), CommandRejected.DEAD_LETTERED);
        case INVALID -> expected.putIfAbsent(step.commandId(), CommandRejected.INVALID_COMMAND);
        case APPLIED_OR_REFUSED -> {
          long balance = balances.getOrDefault(step.command().userId(), 0L);
          String outcome;
          if (step.command() instanceof EarnPoints earn) {
            balance += earn.points();
            outcome = "EARNED " + balance;
          } else {
            long wanted = ((RedeemPoints) step.command()).pointsToRedeem();
            if (balance >= wanted) {
              balance -= wanted;
              outcome = "REDEEMED " + balance;
            } else {
              outcome = "REFUSED " + balance;
            }
          }
          balances.put(step.command().userId(), balance);
          expected.putIfAbsent(step.commandId(), outcome);
        }
      }
    }

    String expectedOutcome(UUID commandId) {
      return expected.get(commandId);
    }

    long balance(String userId) {
      return balances.getOrDefault(userId, 0L);
    }
  }
}
