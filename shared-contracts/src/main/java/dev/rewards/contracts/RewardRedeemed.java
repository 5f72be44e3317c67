package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A {@link RedeemPoints} was applied: a redemption was recorded and the balance went down. */
public record RewardRedeemed(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID redemptionId,
    long pointsRedeemed,
    String rewardType,
    BigDecimal value,
    long remainingPoints,
    Instant occurredAt)
    implements RewardsEvent {

  public RewardRedeemed {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public boolean rejectsItsCommand() {
    return false;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.rewardRedeemed(this);
  }
}
