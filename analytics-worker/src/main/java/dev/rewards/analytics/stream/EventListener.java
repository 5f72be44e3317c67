package dev.rewards.analytics.stream;

import dev.rewards.analytics.distribution.DistributionUpdater;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.metrics.CommandHops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Feeds outcome events, with their position, to the aggregates; one at a time per partition. */
@Component
class EventListener {

  /** Listener id, for tests and operators that stop and start the container. */
  static final String ID = "analytics";

  private final DistributionUpdater updater;
  private final Counter applied;
  private final Counter duplicates;
  private final CommandHops hops;

  EventListener(DistributionUpdater updater, MeterRegistry meters, CommandHops hops) {
    this.updater = updater;
    this.hops = hops;
    this.applied = meters.counter("rewards.analytics.events", "result", "applied");
    this.duplicates = meters.counter("rewards.analytics.events", "result", "duplicate");
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.EVENTS)
  void on(
      RewardsEvent event,
      @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
      @Header(KafkaHeaders.OFFSET) long offset,
      @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long publishedAt) {
    if (updater.apply(event, partition, offset)) {
      applied.increment();
    } else {
      duplicates.increment();
    }
    hops.since(CommandHops.outcomeDelivery("analytics"), publishedAt);
  }
}
