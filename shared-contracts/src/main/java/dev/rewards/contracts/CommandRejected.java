package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command was not applied and never will be; no balance changed. Every command ends in exactly
 * one outcome, so even one that could not be read or applied gets this answer.
 *
 * @param commandType the command's kind (EARN, REDEEM), or UNKNOWN if it could not be read
 * @param reason {@link #INVALID_COMMAND}, {@link #DEAD_LETTERED}, {@link #INSUFFICIENT_POINTS} or
 *     one of a correction's: {@link #UNKNOWN_PURCHASE}, {@link #REFUND_EXCEEDS_PURCHASE}, {@link
 *     #NOTHING_TO_REFUND}, {@link #UNKNOWN_REDEMPTION}, {@link #ALREADY_CANCELLED}
 * @param field the command field at fault, if one is; else null
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

  /** A refund names no purchase of this user (by commandId or Idempotency-Key). */
  public static final String UNKNOWN_PURCHASE = "UNKNOWN_PURCHASE";

  /** A refund's amount, with the purchase's earlier refunds, is more than the purchase. */
  public static final String REFUND_EXCEEDS_PURCHASE = "REFUND_EXCEEDS_PURCHASE";

  /** A refund of "all the rest" of a purchase already refunded in full. */
  public static final String NOTHING_TO_REFUND = "NOTHING_TO_REFUND";

  /** A cancellation names no applied redemption of this user. */
  public static final String UNKNOWN_REDEMPTION = "UNKNOWN_REDEMPTION";

  /** A cancellation of a redemption that was cancelled before. */
  public static final String ALREADY_CANCELLED = "ALREADY_CANCELLED";

  /** A capture or release names no hold of this user. */
  public static final String UNKNOWN_HOLD = "UNKNOWN_HOLD";

  /** A capture or release of a hold already captured or released. */
  public static final String HOLD_NOT_ACTIVE = "HOLD_NOT_ACTIVE";

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
