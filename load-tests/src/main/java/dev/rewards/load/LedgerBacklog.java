package dev.rewards.load;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The ledger's apply rate from a backlog, beside a raw bulk insert of as many documents into the
 * same store, in the same run. Publishes N earn commands (default 200,000, BENCH_BACKLOG) straight
 * to {@code rewards.commands} as fast as the broker takes them, and counts their committed outcomes
 * on {@code rewards.events}; the reference inserts N ledger-entry-like documents with unordered
 * bulk writes of 1,000 into a scratch collection, then drops it.
 */
public final class LedgerBacklog {

  private static final int USERS =
      Integer.parseInt(
          System.getProperty(
              "BENCH_BACKLOG_USERS", System.getenv().getOrDefault("BENCH_BACKLOG_USERS", "1000")));

  public static void main(String[] args) throws Exception {
    int commands =
        Integer.parseInt(
            System.getProperty(
                "BENCH_BACKLOG", System.getenv().getOrDefault("BENCH_BACKLOG", "200000")));
    awaitIdleLedger();
    double insertRate = rawBulkInsert(commands);
    System.out.printf("raw bulk insert: %,d documents at %,.0f/s%n", commands, insertRate);
    Map<String, Double> drain = new java.util.HashMap<>(drainBacklog(commands));
    drain.put("analyticsBehind", (double) analyticsBehind());
    double ratio = drain.get("applyRate") / insertRate;
    System.out.printf(
        "ledger: %,d commands published at %,.0f/s; applied at %,.0f/s overall, %,.0f/s steady (10%%–90%%); %.0f%% of the raw insert rate%n",
        commands,
        drain.get("publishRate"),
        drain.get("applyRate"),
        drain.get("steadyRate"),
        ratio * 100);
    System.out.printf(
        "analytics-worker: %,.0f events behind when the ledger finished%n",
        drain.get("analyticsBehind"));
    save(commands, insertRate, drain);
  }

  /**
   * Waits until the ledger has applied everything before (say, the ingest benchmark's commands).
   */
  static void awaitIdleLedger() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Target.kafkaBootstrap()))) {
      while (true) {
        long behind = lag(admin, "ledger-worker", Topics.COMMANDS);
        if (behind == 0) {
          return;
        }
        System.out.printf(
            "waiting for the ledger to finish earlier work: %,d commands behind%n", behind);
        Thread.sleep(10_000);
      }
    }
  }

  /** How many records of the topic the group has not committed past. */
  static long lag(Admin admin, String group, String topic) throws Exception {
    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get();
    long behind = 0;
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata done = committed.get(partition);
      behind += ends.get(partition).offset() - (done == null ? 0 : done.offset());
    }
    return behind;
  }

  /**
   * analytics-worker's lag when the ledger has applied the backlog: whether it keeps up. A few
   * records per partition are the transactions' commit markers, passed on the next fetch.
   */
  static long analyticsBehind() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Target.kafkaBootstrap()))) {
      return lag(admin, "analytics-worker", Topics.EVENTS);
    }
  }

  static double rawBulkInsert(int count) {
    ConnectionString uri = new ConnectionString(Target.mongoUri());
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> scratch =
          client
              .getDatabase(uri.getDatabase() == null ? "rewards" : uri.getDatabase())
              .getCollection("benchmark_raw_insert");
      scratch.drop();
      long start = System.nanoTime();
      List<Document> batch = new ArrayList<>(1000);
      for (int i = 0; i < count; i++) {
        batch.add(
            new Document("_id", UUID.randomUUID().toString())
                .append("userId", "bench-backlog-" + i % USERS)
                .append("commandId", UUID.randomUUID().toString())
                .append("type", "EARN")
                .append("points", 5L)
                .append("category", "bench")
                .append("amount", new Decimal128(new BigDecimal("10.00")))
                .append("balanceAfter", (long) i)
                .append("at", new Date()));
        if (batch.size() == 1000) {
          scratch.insertMany(batch, new InsertManyOptions().ordered(false));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        scratch.insertMany(batch, new InsertManyOptions().ordered(false));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      scratch.drop();
      return count / seconds;
    }
  }

  static Map<String, Double> drainBacklog(int count) throws Exception {
    Set<UUID> pending = new HashSet<>();
    List<EarnPoints> backlog = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      pending.add(id);
      backlog.add(
          new EarnPoints(
              id, "bench-backlog-" + i % USERS, 5, "bench", new BigDecimal("10.00"), now, now));
    }
    try (KafkaConsumer<byte[], byte[]> outcomes = consumer();
        KafkaProducer<String, byte[]> producer = producer()) {
      List<TopicPartition> partitions =
          outcomes.partitionsFor(Topics.EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      outcomes.assign(partitions);
      outcomes.seekToEnd(partitions);
      partitions.forEach(outcomes::position);

      long start = System.nanoTime();
      for (EarnPoints command : backlog) {
        producer.send(
            new ProducerRecord<>(Topics.COMMANDS, command.userId(), MessageJson.write(command)));
      }
      producer.flush();
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("published %,d commands in %.1f s; draining …%n", count, publishSeconds);

      long tenth = 0;
      long ninetieth = 0;
      long lastReport = System.nanoTime();
      int applied = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : outcomes.poll(Duration.ofMillis(500))) {
          RewardsEvent event = MessageJson.readEvent(record.value());
          if (pending.remove(event.commandId())) {
            applied++;
            if (applied == count / 10) {
              tenth = System.nanoTime();
            } else if (applied == count * 9 / 10) {
              ninetieth = System.nanoTime();
            }
          }
        }
        if (System.nanoTime() - lastReport > 10_000_000_000L) {
          lastReport = System.nanoTime();
          System.out.printf(
              "  %,d of %,d applied after %.0f s%n", applied, count, (lastReport - start) / 1e9);
        }
      }
      if (!pending.isEmpty()) {
        throw new IllegalStateException(
            pending.size() + " commands had no outcome after 60 minutes");
      }
      double total = (System.nanoTime() - start) / 1e9;
      return Map.of(
          "publishRate", count / publishSeconds,
          "applyRate", count / total,
          "steadyRate", (count * 0.8) / ((ninetieth - tenth) / 1e9));
    }
  }

  private static void save(int commands, double insertRate, Map<String, Double> drain) {
    Path file = BenchReport.resultsDir().resolve("ledger-backlog.properties");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          ("commands=%d%ninsertRate=%.0f%npublishRate=%.0f%napplyRate=%.0f%nsteadyRate=%.0f%n"
                  + "analyticsBehind=%.0f%n")
              .formatted(
                  commands,
                  insertRate,
                  drain.get("publishRate"),
                  drain.get("applyRate"),
                  drain.get("steadyRate"),
                  drain.get("analyticsBehind")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Target.kafkaBootstrap(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5000,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class));
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Target.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            10,
            ProducerConfig.BATCH_SIZE_CONFIG,
            256 * 1024,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class));
  }
}
