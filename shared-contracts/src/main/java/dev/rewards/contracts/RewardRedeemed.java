package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link RedeemPoints} (or a {@link CaptureHold}) was applied: a redemption was recorded and the
 * balance went down.
 *
 * @param holdId the captured hold, if it was one; else null
 * @param pointsReleased what a capture gave back of its hold (0 otherwise)
 */
public record RewardRedeemed(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID redemptionId,
    long pointsRedeemed,
    String rewardType,
    BigDecimal value,
    long remainingPoints,
    Instant occurredAt,
    UUID holdId,
    long pointsReleased)
    implements RewardsEvent {

  /** A redemption that was not a capture. */
  public RewardRedeemed(
      UUID eventId,
      UUID commandId,
      String userId,
      UUID redemptionId,
      long pointsRedeemed,
      String rewardType,
      java.math.BigDecimal value,
      long remainingPoints,
      Instant occurredAt) {
    this(
        eventId,
        commandId,
        userId,
        redemptionId,
        pointsRedeemed,
        rewardType,
        value,
        remainingPoints,
        occurredAt,
        null,
        0);
  }

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
