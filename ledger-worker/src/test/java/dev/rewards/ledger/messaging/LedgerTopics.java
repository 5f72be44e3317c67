package dev.rewards.ledger.messaging;

import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.testing.KafkaTestClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The ledger's topics as its tests use them: publish command records (or raw bytes), and read every
 * committed outcome, keeping all of them so a test can count a command's outcomes.
 */
final class LedgerTopics implements AutoCloseable {

  private final Producer<String, Object> producer;
  private final Consumer<String, RewardsEvent> events;
  private final List<RewardsEvent> received = new ArrayList<>();
  private final java.util.Map<UUID, String> traceHeaders = new java.util.HashMap<>();

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

  /** Publishes a command carrying a W3C trace context header, as api-service sends them. */
  void publishTraced(String key, Object value, String traceparent) {
    ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.COMMANDS, key, value);
    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    producer.send(record);
    producer.flush();
  }

  /** The traceparent header the command's outcome arrived with, or null. */
  String traceHeaderOfOutcome(UUID commandId) {
    return traceHeaders.get(commandId);
  }

  private void receive(ConsumerRecord<String, RewardsEvent> record) {
    received.add(record.value());
    Header trace = record.headers().lastHeader("traceparent");
    if (trace != null) {
      traceHeaders.put(
          record.value().commandId(), new String(trace.value(), StandardCharsets.UTF_8));
    }
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
              events.poll(Duration.ofMillis(100)).forEach(this::receive);
              return commandIds.stream().allMatch(id -> !outcomesOf(id).isEmpty());
            });
    KafkaTestClients.drain(events, Duration.ofMillis(500)).forEach(this::receive);
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
