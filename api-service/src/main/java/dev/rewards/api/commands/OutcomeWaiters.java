package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.support.kafka.ReadingWithoutCommits;
import dev.rewards.support.metrics.CommandHops;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Requests waiting for their command's outcome ({@code Prefer: wait=N}). Every api-service instance
 * reads all outcome events in a consumer group of its own, from the newest, and completes the
 * waiters it holds.
 */
@Component
public class OutcomeWaiters {

  private final Map<UUID, CompletableFuture<RewardsEvent>> waiting = new ConcurrentHashMap<>();
  private final CommandHops hops;

  OutcomeWaiters(CommandHops hops) {
    this.hops = hops;
  }

  /** Register before publishing, so even an instant outcome is not missed. */
  public CompletableFuture<RewardsEvent> register(UUID commandId) {
    long registeredAt = System.nanoTime();
    CompletableFuture<RewardsEvent> waiter =
        waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    waiter.thenAccept(
        event -> {
          if (event != null) { // null: the wait timed out, nothing heard
            hops.recordNanos(CommandHops.AWAITED, System.nanoTime() - registeredAt);
          }
        });
    return waiter;
  }

  public void forget(UUID commandId) {
    waiting.remove(commandId);
  }

  @KafkaListener(
      id = "api-outcomes",
      idIsGroup = false,
      groupId = "${rewards.api.outcome-group}",
      containerPostProcessor = ReadingWithoutCommits.BEAN,
      topics = Topics.EVENTS,
      properties = "auto.offset.reset=latest")
  void on(RewardsEvent event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long publishedAt) {
    hops.since(CommandHops.outcomeDelivery("api"), publishedAt);
    CompletableFuture<RewardsEvent> waiter = waiting.remove(event.commandId());
    if (waiter != null) {
      waiter.complete(event);
    }
  }
}
