package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Spend {@code pointsToRedeem} on a reward worth {@code value}, if the balance covers it. */
public record RedeemPoints(
    UUID commandId,
    String userId,
    long pointsToRedeem,
    String rewardType,
    BigDecimal value,
    Instant occurredAt)
    implements RewardsCommand {

  /** Rejects a command that could never be applied, so it is refused at the edge. */
  public RedeemPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(rewardType, "rewardType");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (pointsToRedeem <= 0) {
      throw new IllegalArgumentException("pointsToRedeem must be positive: " + pointsToRedeem);
    }
  }
}
