package dev.rewards.notifier.stream;

import java.util.UUID;

/**
 * This process's identity on the broker. The consumer group is unique per instance: instances do
 * not share the events between them, each one gets all of them. It starts from the newest event, as
 * a client that was away catches up by reading its balance, not by replay (docs/architecture.md).
 */
public record NotifierInstance(String consumerGroup) {

  public static NotifierInstance create(String prefix) {
    return new NotifierInstance(prefix + "-" + UUID.randomUUID());
  }
}
