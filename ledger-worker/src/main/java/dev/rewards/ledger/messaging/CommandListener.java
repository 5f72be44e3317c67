package dev.rewards.ledger.messaging;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.LedgerBatch;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds commands from Kafka to the processor, in order per partition (so per user), a polled batch
 * at a time: the batch's outcome events, dead letters and consumed offsets commit in one Kafka
 * transaction, so the broker sees one commit per batch rather than one per command, and the batch's
 * accounts, ledger entries and decisions are written to the store together before it commits.
 */
@Component
class CommandListener {

  /** Listener id, for tests and operators that stop and start the container. */
  static final String ID = "ledger";

  private static final LogAccessor LOG = new LogAccessor(CommandListener.class);

  private final CommandProcessor processor;
  private final DeadLetterPublishingRecoverer deadLetters;
  private final FailedRecords failures = new FailedRecords();

  CommandListener(CommandProcessor processor, DeadLetterPublishingRecoverer deadLetters) {
    this.processor = processor;
    this.deadLetters = deadLetters;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.COMMANDS, batch = "true")
  void on(List<ConsumerRecord<String, RewardsCommand>> records) {
    LedgerBatch batch =
        processor.startBatch(
            records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList());
    for (ConsumerRecord<String, RewardsCommand> record : records) {
      String source = sourceOf(record);
      DeserializationException undecodable =
          SerializationUtils.getExceptionFromHeader(
              record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
      if (undecodable != null || record.value() == null) {
        deadLetters.accept(
            record,
            undecodable != null
                ? undecodable
                : new IllegalArgumentException("no command in record"));
        continue;
      }
      RuntimeException keepsFailing = failures.exhausted(source);
      if (keepsFailing != null) {
        deadLetters.accept(record, keepsFailing);
        failures.forget(source);
        continue;
      }
      attributed(source, () -> processor.process(record.value(), source, batch));
    }
    if (!records.isEmpty()) {
      // a failure writing the batch is, for lack of better, the last record's; it is nearly
      // always an outage or contention, which are waited out, not counted
      attributed(sourceOf(records.get(records.size() - 1)), () -> processor.finish(batch));
    }
  }

  private static String sourceOf(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** Runs work for a record, counting a failure that is not an outage against that record. */
  private void attributed(String source, Runnable work) {
    try {
      work.run();
      failures.forget(source);
    } catch (RuntimeException e) {
      if (!CommandFailureHandling.isTransient(e)) {
        failures.failed(source, e);
      }
      throw e; // the batch rolls back and comes again (after a pause)
    }
  }
}
