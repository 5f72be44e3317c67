package dev.rewards.api;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import dev.rewards.support.kafka.CommandDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what api-service published to {@code rewards.commands}, as ledger-worker would. */
class CommandsTopic implements AutoCloseable {

  private final Consumer<String, RewardsCommand> consumer;
  private final List<ConsumerRecord<String, RewardsCommand>> seen = new ArrayList<>();

  CommandsTopic(String bootstrapServers) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "api-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new CommandDeserializer());
    consumer.subscribe(List.of(Topics.COMMANDS));
  }

  ConsumerRecord<String, RewardsCommand> await(UUID commandId) {
    return await(r -> r.value().commandId().equals(commandId));
  }

  ConsumerRecord<String, RewardsCommand> awaitFor(String userId) {
    return await(r -> r.key().equals(userId));
  }

  /** Every record seen so far with this commandId (after polling a little longer). */
  List<ConsumerRecord<String, RewardsCommand>> all(UUID commandId) {
    poll(Duration.ofMillis(500));
    return seen.stream().filter(r -> r.value().commandId().equals(commandId)).toList();
  }

  private ConsumerRecord<String, RewardsCommand> await(
      Predicate<ConsumerRecord<String, RewardsCommand>> wanted) {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < end) {
      synchronized (seen) {
        for (ConsumerRecord<String, RewardsCommand> record : seen) {
          if (wanted.test(record)) {
            return record;
          }
        }
      }
      poll(Duration.ofMillis(200));
    }
    throw new AssertionError("no such command reached " + Topics.COMMANDS);
  }

  private void poll(Duration duration) {
    synchronized (seen) {
      consumer.poll(duration).forEach(seen::add);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
