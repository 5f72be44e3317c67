package dev.rewards.notifier.stream;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Ready only once the listener owns the event partitions: the consumer starts at the newest offset,
 * so a client served before that would silently miss the events published meanwhile.
 */
public class EventStreamReadiness implements HealthIndicator, ConsumerAwareRebalanceListener {

  private final AtomicInteger assigned = new AtomicInteger();

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned.addAndGet(partitions.size());
  }

  @Override
  public void onPartitionsRevokedAfterCommit(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned.addAndGet(-partitions.size());
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned.addAndGet(-partitions.size());
  }

  @Override
  public Health health() {
    int partitions = assigned.get();
    return partitions > 0
        ? Health.up().withDetail("assignedPartitions", partitions).build()
        : Health.down().withDetail("assignedPartitions", 0).build();
  }
}
