package dev.rewards.ledger.messaging;

import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.testing.KafkaTestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The ledger's topics as its tests use them: publish command records (or raw bytes), and read every
 * committed outcome, keeping all of them so a test can count a command's outcomes.
 */
final class LedgerTopics implements AutoCloseable {

  private final Producer<String, Object> producer;
  private final Consumer<String, RewardsEvent> events;
  private final List<RewardsEvent> received = new ArrayList<>();

  LedgerTopics(String bootstrapServers) {
    producer = KafkaTestClients.producer(bootstrapServers);
    events = KafkaTestClients.eventConsumer(bootstrapServers);
    events.subscribe(List.of(Topics.EVENTS));
  }

  /** Publishes a command (or raw bytes) to the commands topic under {@code key}, and flushes. */
  void publish(String key, Object value) {
    producer.send(new ProducerRecord<>(Topics.COMMANDS, key, value));
    producer.flush();
  }

  /** Waits for the command's outcome; a second one would arrive with or just after it. */
  RewardsEvent awaitOutcome(UUID commandId) {
    awaitOutcomes(List.of(commandId), Duration.ofSeconds(30), "the outcome of " + commandId);
    return outcomesOf(commandId).get(0);
  }

  /** Waits until every one of these commands has an outcome. */
  void awaitOutcomes(Collection<UUID> commandIds, Duration within, String alias) {
    await()
        .atMost(within)
        .alias(alias)
        .until(
            () -> {
              events.poll(Duration.ofMillis(100)).forEach(r -> received.add(r.value()));
              return commandIds.stream().allMatch(id -> !outcomesOf(id).isEmpty());
            });
    KafkaTestClients.drain(events, Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
  }

  /** Every outcome received so far for the command, in order. */
  List<RewardsEvent> outcomesOf(UUID commandId) {
    return received.stream().filter(e -> e.commandId().equals(commandId)).toList();
  }

  @Override
  public void close() {
    producer.close();
    events.close();
  }
}
