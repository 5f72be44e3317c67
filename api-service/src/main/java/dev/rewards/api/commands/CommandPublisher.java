package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
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

  CommandPublisher(KafkaTemplate<Object, Object> kafka, MeterRegistry meters) {
    this.kafka = kafka;
    this.meters = meters;
  }

  /** Completes when acknowledged; fails with {@link BrokerUnavailableException} otherwise. */
  public CompletableFuture<Void> publish(RewardsCommand command) {
    try {
      return kafka
          .send(Topics.COMMANDS, command.userId(), command)
          .handle(
              (result, failure) -> {
                if (failure != null) {
                  meters.counter("rewards.commands.refused", "reason", "broker").increment();
                  throw new BrokerUnavailableException(failure);
                }
                meters.counter("rewards.commands.accepted", "type", typeOf(command)).increment();
                return null;
              });
    } catch (RuntimeException e) {
      // send() itself throws when no metadata arrives within max.block.ms
      return CompletableFuture.failedFuture(new BrokerUnavailableException(e));
    }
  }

  private static String typeOf(RewardsCommand command) {
    return command instanceof dev.rewards.contracts.EarnPoints ? "EARN" : "REDEEM";
  }
}
