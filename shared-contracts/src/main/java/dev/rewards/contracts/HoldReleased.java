package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A hold ended without a capture: its points are available again ({@code cause} {@link
 * ReleaseHold#VOID} or {@link ReleaseHold#EXPIRED}). Points whose lot expired while they were held
 * expire at the next expiry scan.
 */
public record HoldReleased(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID holdId,
    long points,
    String cause,
    long availablePoints,
    long newBalance,
    Instant occurredAt)
    implements RewardsEvent {

  public HoldReleased {
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
    return visitor.holdReleased(this);
  }
}
