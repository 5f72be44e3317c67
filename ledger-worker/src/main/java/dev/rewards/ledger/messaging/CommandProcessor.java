package dev.rewards.ledger.messaging;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.LedgerBatch;
import dev.rewards.ledger.account.LedgerOutcome;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.cache.BalanceCacheUpdater;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Commands, start to end: decide each against the ledger and announce its outcome, then write the
 * batch to the store and bring the cache up to date. Runs inside the listener's Kafka transaction,
 * so the outcome events become visible together with the commands' consumed offsets, exactly once,
 * and only after the store and the cache have the new balances.
 */
@Service
public class CommandProcessor {

  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

  private final PointsLedger ledger;
  private final BalanceCacheUpdater cache;
  private final KafkaTemplate<Object, Object> kafka;
  private final OutcomeMetrics metrics;

  CommandProcessor(
      PointsLedger ledger,
      BalanceCacheUpdater cache,
      KafkaTemplate<Object, Object> kafka,
      OutcomeMetrics metrics) {
    this.ledger = ledger;
    this.cache = cache;
    this.kafka = kafka;
    this.metrics = metrics;
  }

  /** Starts a batch of these commands (see {@link PointsLedger#startBatch}). */
  public LedgerBatch startBatch(List<RewardsCommand> commands) {
    return ledger.startBatch(commands);
  }

  /** Writes the batch's changes to the store, then caches the balances they leave. */
  public void finish(LedgerBatch batch) {
    batch.flush();
    cache.refreshAll(batch.latestPerUser());
  }

  /**
   * @param source the record that carried the command, see {@link PointsLedger#apply}
   */
  public void process(RewardsCommand command, String source, LedgerBatch batch) {
    // every log line about this command carries its id (and user) for operators to follow it
    try (var commandId = MDC.putCloseable("commandId", command.commandId().toString());
        var userId = MDC.putCloseable("userId", command.userId())) {
      apply(command, source, batch);
    }
  }

  private void apply(RewardsCommand command, String source, LedgerBatch batch) {
    LedgerOutcome outcome = ledger.apply(command, source, batch);
    if (outcome.announce()) {
      kafka.send(Topics.EVENTS, command.userId(), outcome.event());
      metrics.record(command, outcome.event());
    }
    log.debug(
        "command {} for {} -> {}",
        command.commandId(),
        command.userId(),
        outcome.event().getClass().getSimpleName());
  }
}
