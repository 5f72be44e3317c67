package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import dev.rewards.support.metrics.CommandHops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts commands on {@link Topics#COMMANDS}, keyed by user so one user's commands stay in order. The
 * future completes only once the broker acknowledged the write to all in-sync replicas.
 */
@Component
public class CommandPublisher {

  private final KafkaTemplate<Object, Object> kafka;
  private final MeterRegistry meters;
  private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
  private final Counter refusedByBroker;
  private final CommandHops hops;

  CommandPublisher(KafkaTemplate<Object, Object> kafka, MeterRegistry meters, CommandHops hops) {
    this.kafka = kafka;
    this.hops = hops;
    this.meters = meters;
    this.refusedByBroker = meters.counter("rewards.commands.refused", "reason", "broker");
  }

  /** Accepted commands by type; registered once per type, not looked up per command. */
  private Counter acceptedOf(RewardsCommand command) {
    return accepted.computeIfAbsent(
        command.commandType(), type -> meters.counter("rewards.commands.accepted", "type", type));
  }

  /** Completes when acknowledged; fails with {@link BrokerUnavailableException} otherwise. */
  public CompletableFuture<Void> publish(RewardsCommand command) {
    long sentAt = System.nanoTime();
    try {
      return kafka
          .send(Topics.COMMANDS, command.userId(), command)
          .handle(
              (result, failure) -> {
                if (failure != null) {
                  refusedByBroker.increment();
                  throw new BrokerUnavailableException(failure);
                }
                hops.recordNanos(CommandHops.BROKER_ACK, System.nanoTime() - sentAt);
                acceptedOf(command).increment();
                return null;
              });
    } catch (RuntimeException e) {
      // send() itself throws when no metadata arrives within max.block.ms
      return CompletableFuture.failedFuture(new BrokerUnavailableException(e));
    }
  }
}
