package dev.rewards.ledger.rules;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import java.time.Instant;

/**
 * A command refused for what the account or its history say (a correction's or a hold's): the
 * refusal is journaled with its outcome, so the command stays refused if it comes again after the
 * account changed.
 */
final class Refusals {

  private Refusals() {}

  static Change refuse(
      RewardsCommand command,
      Account account,
      Instant now,
      String reason,
      String field,
      String detail) {
    Change refused = account.refuse(command.commandId(), now);
    return account.keepOutcome(
        refused,
        new CommandRejected(
            RewardsEvent.idFor(command.commandId()),
            command.commandId(),
            command.userId(),
            command.commandType(),
            reason,
            field,
            detail,
            now));
  }
}
