package dev.rewards.api.points;

import dev.rewards.api.commands.CommandRequest;
import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.contracts.CommandRules;
import dev.rewards.contracts.EarnPoints;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns an accepted purchase into the earn command, alone or as part of a batch. */
@Component
class PurchaseCommands {

  private final EarnRules rules;

  PurchaseCommands(EarnRules rules) {
    this.rules = rules;
  }

  /**
   * The command; whether the ledger can apply it (its purchase time among others) is checked when
   * it is accepted, against the same rules the ledger uses.
   *
   * @throws InvalidFieldException if the amount would earn more points than one purchase may
   */
  EarnPoints earn(UUID commandId, String userId, EarnRequest request, CommandRequest command) {
    long points = request.points() != null ? request.points() : computedPoints(request);
    return new EarnPoints(
        commandId,
        userId,
        points,
        request.category(),
        request.amount(),
        request.timestamp() != null ? request.timestamp() : command.acceptedAt(),
        command.acceptedAt(),
        command.idempotencyKey(),
        request.expiresAt());
  }

  private long computedPoints(EarnRequest request) {
    try {
      long points = rules.pointsFor(request.category(), request.amount());
      if (points <= CommandRules.MAX_EARN_POINTS) {
        return points;
      }
    } catch (ArithmeticException beyondLong) {
      // falls through to the same refusal
    }
    throw new InvalidFieldException(
        "amount",
        "amount would earn more than "
            + CommandRules.MAX_EARN_POINTS
            + " points in one purchase; send it as several purchases or with explicit points");
  }
}
