package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link CancelRedemption} was applied: the redemption no longer counts, and its points went back
 * into their lots — all but {@code pointsExpiredMeanwhile}, whose lots had expired.
 *
 * @param rewardType the cancelled redemption's reward, so that aggregates can net it out
 * @param pointsRedeemed what the cancelled redemption had spent
 */
public record RedemptionCancelled(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID redemptionCommandId,
    String rewardType,
    long pointsRedeemed,
    long pointsRestored,
    long pointsExpiredMeanwhile,
    String reason,
    long newBalance,
    Instant occurredAt)
    implements RewardsEvent {

  public RedemptionCancelled {
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
    return visitor.redemptionCancelled(this);
  }
}
