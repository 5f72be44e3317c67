package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Requests waiting for their command's outcome ({@code Prefer: wait=N}). Every api-service instance
 * reads all outcome events in a consumer group of its own, from the newest, and completes the
 * waiters it holds.
 */
@Component
public class OutcomeWaiters {

  private final Map<UUID, CompletableFuture<RewardsEvent>> waiting = new ConcurrentHashMap<>();

  /** Register before publishing, so even an instant outcome is not missed. */
  public CompletableFuture<RewardsEvent> register(UUID commandId) {
    return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
  }

  public void forget(UUID commandId) {
    waiting.remove(commandId);
  }

  @KafkaListener(
      id = "api-outcomes",
      idIsGroup = false,
      groupId = "${rewards.api.outcome-group}",
      topics = Topics.EVENTS,
      properties = "auto.offset.reset=latest")
  void on(RewardsEvent event) {
    CompletableFuture<RewardsEvent> waiter = waiting.remove(event.commandId());
    if (waiter != null) {
      waiter.complete(event);
    }
  }
}
