package dev.rewards.api.points;

import dev.rewards.api.commands.CommandRequest;
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

  EarnPoints earn(UUID commandId, String userId, EarnRequest request, CommandRequest command) {
    long points =
        request.points() != null
            ? request.points()
            : rules.pointsFor(request.category(), request.amount());
    return new EarnPoints(
        commandId,
        userId,
        points,
        request.category(),
        request.amount(),
        request.timestamp() != null ? request.timestamp() : command.acceptedAt(),
        command.acceptedAt());
  }
}
