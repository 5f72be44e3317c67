package dev.rewards.analytics.stream;

import dev.rewards.analytics.distribution.DistributionUpdater;
import dev.rewards.analytics.distribution.DistributionUpdater.Applied;
import dev.rewards.analytics.distribution.DistributionUpdater.PositionedEvent;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.metrics.CommandHops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds outcome events to the aggregates a polled batch at a time, so the store sees a handful of
 * writes per poll rather than several per event.
 *
 * <p>A batch that fails while the store is out (or while another instance moves the same counters)
 * comes again whole after a pause; it is fenced, so what it had written counts once. Any other
 * failure is pinned to one event by applying the batch again one event at a time; that event is
 * retried twice and then skipped (logged and counted — the aggregates differ from the ledger until
 * a rebuild). An event that cannot be read is skipped at once.
 */
@Component
class EventListener {

  /** Listener id, for tests and operators that stop and start the container. */
  static final String ID = "analytics";

  private static final Logger log = LoggerFactory.getLogger(EventListener.class);

  private final DistributionUpdater updater;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter unreadable;
  private final CommandHops hops;

  EventListener(DistributionUpdater updater, MeterRegistry meters, CommandHops hops) {
    this.updater = updater;
    this.hops = hops;
    this.applied = meters.counter("rewards.analytics.events", "result", "applied");
    this.duplicates = meters.counter("rewards.analytics.events", "result", "duplicate");
    this.unreadable = meters.counter("rewards.analytics.events", "result", "skipped");
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.EVENTS, batch = "true")
  void on(List<ConsumerRecord<String, RewardsEvent>> records) {
    List<PositionedEvent> events = new ArrayList<>(records.size());
    for (ConsumerRecord<String, RewardsEvent> record : records) {
      if (isUnreadable(record)) {
        unreadable.increment();
        log.error(
            "Skipped event {}-{}@{} that cannot be read; run the analytics rebuild once its"
                + " producer is fixed (docs/operations.md)",
            record.topic(),
            record.partition(),
            record.offset());
      } else {
        events.add(new PositionedEvent(record.value(), record.partition(), record.offset()));
      }
    }
    try {
      count(updater.apply(events));
    } catch (RuntimeException e) {
      if (EventFailureHandling.isTransient(e)) {
        throw new BatchListenerFailedException("applying the batch failed", e, 0);
      }
      applyOneByOne(records, e);
    }
    records.forEach(
        record -> hops.since(CommandHops.outcomeDelivery("analytics"), record.timestamp()));
  }

  /** Finds the event at fault: the ones before it are applied, it is retried, then skipped. */
  private void applyOneByOne(List<ConsumerRecord<String, RewardsEvent>> records, Exception first) {
    log.warn(
        "A batch of {} events failed ({}); applying them one at a time to find the one at fault",
        records.size(),
        first.toString());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, RewardsEvent> record = records.get(i);
      if (isUnreadable(record)) {
        continue;
      }
      try {
        count(
            updater.apply(
                List.of(new PositionedEvent(record.value(), record.partition(), record.offset()))));
      } catch (RuntimeException e) {
        throw new BatchListenerFailedException("event cannot be applied", e, i);
      }
    }
  }

  private void count(Applied outcome) {
    applied.increment(outcome.counted());
    duplicates.increment(outcome.duplicates());
  }

  private static boolean isUnreadable(ConsumerRecord<String, RewardsEvent> record) {
    return record.value() == null
        || record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)
            != null;
  }
}
