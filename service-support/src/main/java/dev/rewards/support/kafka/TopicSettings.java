package dev.rewards.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Rewards topics are created when missing.
 *
 * @param partitions partitions per topic: the most instances one worker group can use at once
 * @param replicationFactor copies of each partition; 1 for a single local broker, 3 in production
 */
@ConfigurationProperties("rewards.kafka")
public record TopicSettings(Integer partitions, Short replicationFactor) {

  public TopicSettings {
    partitions = partitions == null ? dev.rewards.contracts.Topics.DEFAULT_PARTITIONS : partitions;
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
  }
}
