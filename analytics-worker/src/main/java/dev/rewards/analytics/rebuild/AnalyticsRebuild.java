package dev.rewards.analytics.rebuild;

import dev.rewards.analytics.distribution.AggregateStore;
import dev.rewards.contracts.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the aggregates from the ledger, with every analytics-worker stopped:
 *
 * <ol>
 *   <li>refuse if the consumer group still has members;
 *   <li>read the end offsets of {@code rewards.events} — every event before them was written to the
 *       ledger before it was published, so the recount that follows includes it;
 *   <li>recount from the ledger and replace the aggregates, fenced at those offsets;
 *   <li>move the group to those offsets. Events after them whose commands the recount already
 *       included are recognised by the users' recent command ids and not counted twice.
 * </ol>
 *
 * Running it again is safe: each run starts from the ledger.
 */
public class AnalyticsRebuild {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsRebuild.class);

  private final Admin kafka;
  private final String group;
  private final LedgerRecount recount;
  private final AggregateStore store;
  private final Clock clock;

  public AnalyticsRebuild(
      Admin kafka, String group, LedgerRecount recount, AggregateStore store, Clock clock) {
    this.kafka = kafka;
    this.group = group;
    this.recount = recount;
    this.store = store;
    this.clock = clock;
  }

  /** Returns a one-line summary of what was rebuilt. */
  public String run() throws ExecutionException, InterruptedException {
    ConsumerGroupDescription description = describeGroup();
    if (description != null && !description.members().isEmpty()) {
      throw new IllegalStateException(
          "%d analytics-worker instance(s) still consume in group '%s': stop them all, then rebuild"
              .formatted(description.members().size(), group));
    }
    int partitions =
        kafka
            .describeTopics(List.of(Topics.EVENTS))
            .allTopicNames()
            .get()
            .get(Topics.EVENTS)
            .partitions()
            .size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(Topics.EVENTS, p), OffsetSpec.latest());
    }
    Map<Integer, Long> ends =
        kafka.listOffsets(latest).all().get().entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    log.info("Rebuilding analytics from the ledger up to {} end offsets {}", Topics.EVENTS, ends);

    Map<Integer, Long> lastCounted = new HashMap<>();
    ends.forEach((partition, end) -> lastCounted.put(partition, end - 1));
    LedgerRecount.Result result = recount.count(partitions, lastCounted, Instant.now(clock));
    store.replaceAll(result.partitions(), result.users());

    Map<TopicPartition, OffsetAndMetadata> resume = new HashMap<>();
    ends.forEach(
        (partition, end) ->
            resume.put(new TopicPartition(Topics.EVENTS, partition), new OffsetAndMetadata(end)));
    kafka.alterConsumerGroupOffsets(group, resume).all().get();
    return "rebuilt %d users over %d partitions; %s resumes at the end of %s"
        .formatted(result.users().size(), partitions, group, Topics.EVENTS);
  }

  /** The group, or null if it never consumed (a fresh deployment). */
  private ConsumerGroupDescription describeGroup() throws InterruptedException, ExecutionException {
    try {
      return kafka.describeConsumerGroups(List.of(group)).all().get().get(group);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return null;
      }
      throw e;
    }
  }
}
