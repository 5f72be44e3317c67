package dev.rewards.localstack;

import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Watches the topics from outside, as an auditor: every committed outcome event (read_committed, so
 * an aborted transaction's events never count) and every command record, which it can deliver a
 * second time to play a redelivering broker or a producer retry.
 */
final class TopicRecorder implements AutoCloseable {

  private final String bootstrap;
  private final Map<UUID, List<RewardsEvent>> outcomes = new ConcurrentHashMap<>();
  private final Map<String, List<UUID>> outcomesByUser = new ConcurrentHashMap<>();
  private final List<ConsumerRecord<byte[], byte[]>> commands = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private KafkaProducer<byte[], byte[]> rawProducer;
  private volatile boolean running = true;
  private volatile Throwable readerFailure;

  TopicRecorder(String bootstrap) {
    this.bootstrap = bootstrap;
    this.reader = new Thread(this::read, "topic-recorder");
    reader.setDaemon(true);
    reader.start();
  }

  /** Every committed outcome for the command; exactly one is the guarantee. */
  List<RewardsEvent> outcomesOf(UUID commandId) {
    return outcomes.getOrDefault(commandId, List.of());
  }

  /** The commands of the user's outcomes in the order they were committed (one partition). */
  List<UUID> outcomeOrderOf(String userId) {
    return outcomesByUser.getOrDefault(userId, List.of());
  }

  /**
   * Where the command's records lie on the commands topic ("partition@offset", one per delivery),
   * for a report on a command that never got its outcome.
   */
  List<String> positionsOf(UUID commandId) {
    return commands.stream()
        .filter(record -> commandId.equals(MessageJson.identityOf(record.value()).commandId()))
        .map(record -> record.partition() + "@" + record.offset())
        .toList();
  }

  /** Why the recorder stopped reading, if it did: outcomes after that are not seen. */
  Optional<Throwable> readerFailure() {
    return Optional.ofNullable(readerFailure);
  }

  int commandRecords() {
    return commands.size();
  }

  /** Puts {@code share} of the command records seen so far on the topic again, bytes unchanged. */
  int deliverAgain(double share, Random random) {
    List<ConsumerRecord<byte[], byte[]>> again = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : commands) {
      if (random.nextDouble() < share) {
        again.add(record);
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (ConsumerRecord<byte[], byte[]> record : again) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, record.key(), record.value()));
      }
      producer.flush();
    }
    return again.size();
  }

  /**
   * The values committed on the dead-letter topic (read_committed: a dead letter whose batch rolled
   * back does not count), read from its beginning to its end.
   */
  List<byte[]> deadLetterValues() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitionsOf(consumer, Topics.COMMANDS_DEAD_LETTER);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<byte[]> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the dead-letter topic could not be read to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
      return values;
    }
  }

  /**
   * Writes bytes onto the commands topic as a broken producer would, past the API's validation;
   * returns once the broker has acknowledged them (the producer's own retries and idempotence ride
   * out a broker restart without writing them twice).
   */
  void publishCommandBytes(String key, byte[] value) throws Exception {
    synchronized (this) {
      if (rawProducer == null) {
        rawProducer = producer();
      }
    }
    rawProducer
        .send(
            new ProducerRecord<>(
                Topics.COMMANDS, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value))
        .get();
  }

  private void read() {
    try {
      readTopics();
    } catch (RuntimeException | Error e) {
      readerFailure = e;
      throw e;
    }
  }

  private void readTopics() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>(partitionsOf(consumer, Topics.EVENTS));
      partitions.addAll(partitionsOf(consumer, Topics.COMMANDS));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.topic().equals(Topics.EVENTS)) {
            RewardsEvent event = MessageJson.readEvent(record.value());
            outcomes
                .computeIfAbsent(event.commandId(), id -> new CopyOnWriteArrayList<>())
                .add(event);
            outcomesByUser
                .computeIfAbsent(event.userId(), id -> new CopyOnWriteArrayList<>())
                .add(event.commandId());
          } else {
            commands.add(record);
          }
        }
      }
    }
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<byte[], byte[]> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(5_000);
    synchronized (this) {
      if (rawProducer != null) {
        rawProducer.close();
      }
    }
  }
}
