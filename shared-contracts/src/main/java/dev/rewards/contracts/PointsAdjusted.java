package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An {@link AdjustPoints} was applied: the balance moved by {@code delta}. */
public record PointsAdjusted(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID adjustmentId,
    long delta,
    String reason,
    String actor,
    long newBalance,
    Instant occurredAt)
    implements RewardsEvent {

  public PointsAdjusted {
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
    return visitor.pointsAdjusted(this);
  }
}
