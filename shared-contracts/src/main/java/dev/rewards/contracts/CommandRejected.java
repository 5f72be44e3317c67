package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command was not applied and never will be; no balance changed. Every command ends in exactly
 * one outcome, so even one that could not be read or applied gets this answer.
 *
 * @param commandType the command's kind (EARN, REDEEM), or UNKNOWN if it could not be read
 * @param reason {@link #INVALID_COMMAND}, {@link #DEAD_LETTERED} or {@link #INSUFFICIENT_POINTS}
 * @param field the command field at fault, for {@link #INVALID_COMMAND}; else null
 * @param detail what was wrong, for people
 */
public record CommandRejected(
    UUID eventId,
    UUID commandId,
    String userId,
    String commandType,
    String reason,
    String field,
    String detail,
    Instant occurredAt)
    implements RewardsEvent {

  /** A debit (an adjustment) that the balance does not cover; debits never overdraw. */
  public static final String INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS";

  /** The command breaks {@link CommandRules}: the API would have refused it. */
  public static final String INVALID_COMMAND = "INVALID_COMMAND";

  /**
   * The command could not be read or kept failing when applied, and was moved to {@link
   * Topics#COMMANDS_DEAD_LETTER} for an operator to look at.
   */
  public static final String DEAD_LETTERED = "DEAD_LETTERED";

  public CommandRejected {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public boolean rejectsItsCommand() {
    return true;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.commandRejected(this);
  }
}
