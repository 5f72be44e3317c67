package dev.rewards.api.backpressure;

import dev.rewards.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the ledger is behind: the commands on {@link Topics#COMMANDS} that its consumer group has
 * not committed yet, summed over partitions. A partition the group never committed counts from its
 * first retained command.
 */
class LedgerLag {

  /** One reading: the lag and the group's committed total, to tell how fast it drains. */
  record Reading(long lag, long committed, Instant at) {}

  private static final long TIMEOUT_MS = 2_000;

  private final Admin admin;
  private final String ledgerGroup;
  private final Clock clock;
  private List<TopicPartition> partitions = List.of();

  LedgerLag(Admin admin, String ledgerGroup, Clock clock) {
    this.admin = admin;
    this.ledgerGroup = ledgerGroup;
    this.clock = clock;
  }

  /** Reads the lag now: three admin requests, whatever the number of partitions. */
  Reading read() throws Exception {
    if (partitions.isEmpty()) {
      partitions = partitionsOfCommands();
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(ledgerGroup)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
    List<TopicPartition> neverCommitted =
        partitions.stream().filter(p -> committed.get(p) == null).toList();
    Map<TopicPartition, ListOffsetsResultInfo> starts =
        neverCommitted.isEmpty() ? Map.of() : offsets(neverCommitted, OffsetSpec.earliest());
    long lag = 0;
    long committedTotal = 0;
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata done = committed.get(partition);
      long from = done != null ? done.offset() : starts.get(partition).offset();
      lag += Math.max(0, ends.get(partition).offset() - from);
      committedTotal += from;
    }
    return new Reading(lag, committedTotal, clock.instant());
  }

  private List<TopicPartition> partitionsOfCommands() throws Exception {
    return admin
        .describeTopics(List.of(Topics.COMMANDS))
        .allTopicNames()
        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .get(Topics.COMMANDS)
        .partitions()
        .stream()
        .map(info -> new TopicPartition(Topics.COMMANDS, info.partition()))
        .toList();
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      List<TopicPartition> of, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    of.forEach(partition -> request.put(partition, spec));
    return admin.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Commands per second the group committed between two readings; 0 if it did not move. */
  static double drainRate(Reading before, Reading after) {
    double seconds = Duration.between(before.at(), after.at()).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : Math.max(0, after.committed() - before.committed()) / seconds;
  }
}
