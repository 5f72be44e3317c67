package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link HoldPoints} was applied: {@code points} are reserved until {@code expiresAt}. The
 * balance ({@code newBalance}) is unchanged; {@code availablePoints} went down.
 */
public record PointsHeld(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID holdId,
    long points,
    String rewardType,
    Instant expiresAt,
    long availablePoints,
    long newBalance,
    Instant occurredAt)
    implements RewardsEvent {

  public PointsHeld {
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
    return visitor.pointsHeld(this);
  }
}
