package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A {@link RedeemPoints} was refused; the balance is unchanged. */
public record RedemptionRejected(
    UUID eventId,
    UUID commandId,
    String userId,
    String reason,
    long requiredPoints,
    long availablePoints,
    Instant occurredAt)
    implements RewardsEvent {

  /** The only reason today: the balance did not cover the redemption when it was applied. */
  public static final String INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS";

  public RedemptionRejected {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public boolean rejectsItsCommand() {
    return true;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.redemptionRejected(this);
  }
}
