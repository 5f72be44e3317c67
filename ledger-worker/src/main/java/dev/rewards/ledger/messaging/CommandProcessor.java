package dev.rewards.ledger.messaging;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.LedgerBatch;
import dev.rewards.ledger.account.LedgerOutcome;
import dev.rewards.ledger.account.PointsLedger;
import dev.rewards.ledger.cache.BalanceCacheUpdater;
import dev.rewards.support.metrics.CommandHops;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Commands, start to end: decide each against the ledger, write the batch to the store and bring
 * the cache up to date, then announce the outcomes. Runs inside the listener's Kafka transaction,
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
  private final CommandHops hops;

  CommandProcessor(
      PointsLedger ledger,
      BalanceCacheUpdater cache,
      KafkaTemplate<Object, Object> kafka,
      OutcomeMetrics metrics,
      CommandHops hops) {
    this.hops = hops;
    this.ledger = ledger;
    this.cache = cache;
    this.kafka = kafka;
    this.metrics = metrics;
  }

  /** Starts a batch of these commands (see {@link PointsLedger#startBatch}). */
  public LedgerBatch startBatch(List<RewardsCommand> commands) {
    long started = System.nanoTime();
    LedgerBatch batch = ledger.startBatch(commands);
    hops.recordNanos(CommandHops.LEDGER_READ, System.nanoTime() - started);
    return batch;
  }

  /**
   * Decides the command in the batch, in memory: nothing is written or sent yet.
   *
   * @param source the record that carried the command, see {@link PointsLedger#apply}
   * @return the outcome to announce once the batch is written; empty for a duplicate of a command
   *     already announced
   */
  public Optional<RewardsEvent> decide(RewardsCommand command, String source, LedgerBatch batch) {
    // every log line about this command carries its id (and user) for operators to follow it
    try (var commandId = MDC.putCloseable("commandId", command.commandId().toString());
        var userId = MDC.putCloseable("userId", command.userId())) {
      LedgerOutcome outcome = ledger.apply(command, source, batch);
      log.debug(
          "command {} for {} -> {}",
          command.commandId(),
          command.userId(),
          outcome.event().getClass().getSimpleName());
      return outcome.announce() ? Optional.of(outcome.event()) : Optional.empty();
    }
  }

  /** Writes the batch's changes to the store, then caches the balances they leave. */
  public void finish(LedgerBatch batch) {
    long started = System.nanoTime();
    batch.flush();
    long written = System.nanoTime();
    hops.recordNanos(CommandHops.LEDGER_WRITE, written - started);
    cache.refreshAll(batch.balancesToCache());
    hops.recordNanos(CommandHops.LEDGER_CACHE, System.nanoTime() - written);
  }

  /**
   * The W3C trace context header a command arrives with and its outcome leaves with, so that a
   * command's trace id runs from the HTTP request through every consumer of its outcome.
   */
  public static final String TRACE_HEADER = "traceparent";

  /**
   * Publishes an outcome, inside the listener's transaction, with its command's trace context.
   * Commands are applied a batch at a time, with no span of their own here: the outcome continues
   * the trace its command started, unchanged.
   *
   * @param trace the command record's {@value #TRACE_HEADER} header, or null
   */
  public void announce(RewardsCommand command, RewardsEvent outcome, Header trace) {
    ProducerRecord<Object, Object> record =
        new ProducerRecord<>(Topics.EVENTS, outcome.userId(), outcome);
    if (trace != null) {
      record.headers().add(TRACE_HEADER, trace.value());
    }
    kafka.send(record);
    metrics.record(command, outcome);
  }

  /**
   * Records a command's rejection in the store, so its status is final and a duplicate of it is not
   * applied later; {@link #announceRejection} publishes it once everything of the batch is written.
   *
   * @return false if another record of the same command was decided already: nothing to announce
   */
  public boolean recordRejection(CommandRejected rejection, String source) {
    return ledger.recordRejection(rejection, source);
  }

  public void announceRejection(CommandRejected rejection) {
    kafka.send(Topics.EVENTS, rejection.userId(), rejection);
    metrics.rejected(rejection);
  }
}
