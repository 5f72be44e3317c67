package dev.rewards.ledger.messaging;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.LedgerBatch;
import dev.rewards.support.metrics.CommandHops;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds commands from Kafka to the processor, in order per partition (so per user), a polled batch
 * at a time: the batch's outcome events, dead letters and consumed offsets commit in one Kafka
 * transaction, and the batch's accounts, ledger entries and decisions are written to the store
 * before it commits.
 *
 * <p>Every record ends in exactly one outcome. A batch that fails for a reason other than an outage
 * is applied again record by record, in the same transaction, so the failure is pinned to the
 * record that caused it and never blamed on another: that record is retried (the batch rolls back
 * and comes again after a pause) and, once it has failed {@link RecordFailures#ATTEMPTS} times,
 * goes to the dead-letter topic with a REJECTED {@code DEAD_LETTERED} outcome while the partition
 * moves on. A record that cannot even be read is dead-lettered the same way at once.
 */
@Component
class CommandListener {

  /** Listener id, for tests and operators that stop and start the container. */
  static final String ID = "ledger";

  private static final Logger log = LoggerFactory.getLogger(CommandListener.class);
  private static final LogAccessor LOG = new LogAccessor(CommandListener.class);

  private final CommandProcessor processor;
  private final DeadLetterPublishingRecoverer deadLetters;
  private final RecordFailures failures;
  private final Clock clock;
  private final CommandHops hops;

  CommandListener(
      CommandProcessor processor,
      DeadLetterPublishingRecoverer deadLetters,
      RecordFailures failures,
      Clock clock,
      CommandHops hops) {
    this.hops = hops;
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.failures = failures;
    this.clock = clock;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.COMMANDS, batch = "true")
  void on(List<ConsumerRecord<String, RewardsCommand>> records) {
    records.forEach(record -> hops.since(CommandHops.LEDGER_QUEUED, record.timestamp()));
    List<Runnable> announcements;
    try {
      announcements = applyTogether(records);
    } catch (RuntimeException e) {
      if (CommandFailureHandling.isTransient(e)) {
        throw e; // the batch rolls back and comes again after a pause
      }
      log.warn(
          "A batch of {} commands failed ({}); applying them one at a time to find the one at"
              + " fault",
          records.size(),
          e.toString());
      announcements = applyOneByOne(records);
    }
    long sending = System.nanoTime();
    announcements.forEach(Runnable::run);
    hops.recordNanos(CommandHops.LEDGER_SEND, System.nanoTime() - sending);
  }

  /**
   * Decides every command in memory, then writes them all; nothing is published before the writes
   * succeeded, so a failure leaves nothing to take back.
   *
   * @return what to publish, in record order
   */
  private List<Runnable> applyTogether(List<ConsumerRecord<String, RewardsCommand>> records) {
    LedgerBatch batch =
        processor.startBatch(
            records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList());
    List<Optional<RewardsEvent>> outcomes = new ArrayList<>();
    long deciding = System.nanoTime();
    for (ConsumerRecord<String, RewardsCommand> record : records) {
      outcomes.add(
          isUnreadable(record)
              ? Optional.empty()
              : processor.decide(record.value(), sourceOf(record), batch));
    }
    hops.recordNanos(CommandHops.LEDGER_DECIDE, System.nanoTime() - deciding);
    processor.finish(batch);
    List<Runnable> announcements = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, RewardsCommand> record = records.get(i);
      if (isUnreadable(record)) {
        announcements.add(deadLetterUnreadable(record));
      } else {
        outcomes.get(i).ifPresent(event -> announcements.add(announcement(record, event)));
      }
    }
    return announcements;
  }

  /**
   * Applies each record as a batch of its own, so a failure belongs to exactly one record.
   *
   * @return nothing left to publish: each record's outcome is published as it is applied
   */
  private List<Runnable> applyOneByOne(List<ConsumerRecord<String, RewardsCommand>> records) {
    for (ConsumerRecord<String, RewardsCommand> record : records) {
      if (isUnreadable(record)) {
        deadLetterUnreadable(record).run();
        continue;
      }
      String source = sourceOf(record);
      Optional<RecordFailures.Failure> failedBefore = failures.of(source);
      if (failedBefore.isPresent() && failedBefore.get().exhausted()) {
        deadLetterFailing(record, failedBefore.get().lastError()).run();
        continue;
      }
      try {
        RewardsCommand command = record.value();
        LedgerBatch alone = processor.startBatch(List.of(command));
        Optional<RewardsEvent> outcome = processor.decide(command, source, alone);
        processor.finish(alone);
        if (failedBefore.isPresent()) {
          failures.forget(source);
        }
        outcome.ifPresent(event -> announcement(record, event).run());
      } catch (RuntimeException e) {
        if (CommandFailureHandling.isTransient(e)) {
          throw e;
        }
        RecordFailures.Failure failure = failures.failed(source, e);
        log.error(
            "Command record {} failed on its own ({} of {} attempts): {}",
            source,
            failure.count(),
            RecordFailures.ATTEMPTS,
            e.toString());
        if (!failure.exhausted()) {
          throw e; // rolls back; redelivered after a pause
        }
        deadLetterFailing(record, failure.lastError()).run();
      }
    }
    return List.of();
  }

  /**
   * Publishes a decided outcome. A rejection as dead-lettered being announced again (its first
   * transaction did not commit) sends its record to the dead-letter topic again too.
   */
  private Runnable announcement(ConsumerRecord<String, RewardsCommand> record, RewardsEvent event) {
    return () -> {
      if (event instanceof CommandRejected rejected
          && CommandRejected.DEAD_LETTERED.equals(rejected.reason())) {
        deadLetters.accept(record, new IllegalStateException(rejected.detail()));
      }
      processor.announce(
          record.value(), event, record.headers().lastHeader(CommandProcessor.TRACE_HEADER));
    };
  }

  /**
   * Rejects the command of a record that keeps failing, in the store now.
   *
   * @return moving the record to the dead-letter topic and publishing the rejection
   */
  private Runnable deadLetterFailing(ConsumerRecord<String, RewardsCommand> record, String error) {
    String source = sourceOf(record);
    RewardsCommand command = record.value();
    CommandRejected rejection =
        rejection(
            command.commandId(),
            command.userId(),
            command.commandType(),
            "The command failed on each of its "
                + RecordFailures.ATTEMPTS
                + " attempts and was moved to "
                + Topics.COMMANDS_DEAD_LETTER
                + " for an operator; nothing was applied. Last error: "
                + error);
    boolean ownDecision = processor.recordRejection(rejection, source);
    failures.forget(source);
    return () -> {
      deadLetters.accept(record, new IllegalStateException(error));
      if (ownDecision) {
        processor.announceRejection(rejection);
      }
      log.error("Command record {} dead-lettered: {}", source, error);
    };
  }

  /**
   * Rejects, in the store now, the command of a record that cannot be read, if it can still be
   * identified, so that whoever was told 202 learns its fate.
   *
   * @return moving the record to the dead-letter topic and publishing the rejection
   */
  private Runnable deadLetterUnreadable(ConsumerRecord<String, RewardsCommand> record) {
    DeserializationException undecodable =
        SerializationUtils.getExceptionFromHeader(
            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    Exception cause =
        undecodable != null ? undecodable : new IllegalArgumentException("no command in record");
    MessageJson.CommandIdentity identity =
        MessageJson.identityOf(undecodable == null ? null : undecodable.getData());
    String userId = identity.userId() != null ? identity.userId() : record.key();
    CommandRejected rejection = null;
    if (identity.commandId() != null && userId != null) {
      rejection =
          rejection(
              identity.commandId(),
              userId,
              identity.commandType(),
              "The command could not be read ("
                  + cause.getMessage()
                  + ") and was moved to "
                  + Topics.COMMANDS_DEAD_LETTER
                  + "; nothing was applied");
      if (!processor.recordRejection(rejection, sourceOf(record))) {
        rejection = null; // another record of the same command was decided: it has its outcome
      }
    }
    CommandRejected announced = rejection;
    return () -> {
      deadLetters.accept(record, cause);
      if (announced != null) {
        processor.announceRejection(announced);
      }
      log.error(
          "Unreadable command record {} dead-lettered: {}", sourceOf(record), cause.toString());
    };
  }

  private CommandRejected rejection(
      java.util.UUID commandId, String userId, String commandType, String detail) {
    return new CommandRejected(
        RewardsEvent.idFor(commandId),
        commandId,
        userId,
        commandType,
        CommandRejected.DEAD_LETTERED,
        null,
        detail,
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private static boolean isUnreadable(ConsumerRecord<String, RewardsCommand> record) {
    return record.value() == null
        || record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)
            != null;
  }

  private static String sourceOf(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
