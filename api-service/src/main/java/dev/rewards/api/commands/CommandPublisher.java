package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
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

  CommandPublisher(KafkaTemplate<Object, Object> kafka) {
    this.kafka = kafka;
  }

  /** Completes when acknowledged; fails with {@link BrokerUnavailableException} otherwise. */
  public CompletableFuture<Void> publish(RewardsCommand command) {
    try {
      return kafka
          .send(Topics.COMMANDS, command.userId(), command)
          .handle(
              (result, failure) -> {
                if (failure != null) {
                  throw new BrokerUnavailableException(failure);
                }
                return null;
              });
    } catch (RuntimeException e) {
      // send() itself throws when no metadata arrives within max.block.ms
      return CompletableFuture.failedFuture(new BrokerUnavailableException(e));
    }
  }
}
