package dev.rewards.support.testing;

import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.support.kafka.ContractSerializer;
import dev.rewards.support.kafka.EventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: publish like api-service, read like a downstream consumer. */
public final class KafkaTestClients {

  private KafkaTestClients() {}

  /** A producer that writes commands (or raw bytes, for poison records) as api-service does. */
  public static Producer<String, Object> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ContractSerializer());
  }

  /** A read_committed consumer of events from the beginning of the topic. */
  public static Consumer<String, RewardsEvent> eventConsumer(String bootstrapServers) {
    return new KafkaConsumer<>(
        consumerConfig(bootstrapServers), new StringDeserializer(), new EventDeserializer());
  }

  /** A read_committed consumer of raw records, for the dead-letter topic. */
  public static Consumer<String, byte[]> rawConsumer(String bootstrapServers) {
    return new KafkaConsumer<>(
        consumerConfig(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Asserts that {@code group} holds no committed offsets, and still holds none a second later: a
   * container commits right after the poll it handled, so a commit would show within that second.
   */
  public static void assertNoOffsetsCommitted(String bootstrapServers, String group) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  admin
                      .listConsumerGroupOffsets(group)
                      .partitionsToOffsetAndMetadata()
                      .get()
                      .isEmpty());
    }
  }

  /** Polls until {@code timeout} passes, returning everything received. */
  public static <V> List<ConsumerRecord<String, V>> drain(
      Consumer<String, V> consumer, Duration timeout) {
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static Map<String, Object> consumerConfig(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG,
        "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed");
  }
}
