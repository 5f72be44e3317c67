package dev.rewards.api.commands;

import dev.rewards.contracts.RewardsCommand;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Accepting a command: publish it, and answer 202 only once the broker acknowledged it. The PENDING
 * note in the store is a convenience for status polling; if the store is down the command is still
 * accepted, and ledger-worker writes the status when it applies it.
 */
@Service
public class CommandAcceptance {

  private static final Logger log = LoggerFactory.getLogger(CommandAcceptance.class);

  private final CommandPublisher publisher;
  private final CommandStatusStore statuses;

  CommandAcceptance(CommandPublisher publisher, CommandStatusStore statuses) {
    this.publisher = publisher;
    this.statuses = statuses;
  }

  public CompletableFuture<ResponseEntity<Object>> accept(RewardsCommand command) {
    return publisher
        .publish(command)
        .thenApply(
            acknowledged -> {
              notePending(command);
              return ResponseEntity.accepted()
                  .location(URI.create("/rewards/commands/" + command.commandId()))
                  .body(AcceptedCommand.pending(command.commandId(), command.userId()));
            });
  }

  private void notePending(RewardsCommand command) {
    try {
      statuses.recordAccepted(command);
    } catch (RuntimeException e) {
      log.warn(
          "Command {} accepted, but its PENDING status could not be stored: {}",
          command.commandId(),
          e.getMessage());
    }
  }
}
