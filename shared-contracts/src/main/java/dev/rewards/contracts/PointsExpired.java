package dev.rewards.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link ExpirePoints} was applied: the unspent points of the lots due by then expired. {@code
 * points} is 0 when nothing was due any more (spent meanwhile): nothing changed then.
 */
public record PointsExpired(
    UUID eventId,
    UUID commandId,
    String userId,
    long points,
    List<ExpiredLot> lots,
    long newBalance,
    Instant occurredAt)
    implements RewardsEvent {

  /** What expired of one lot. */
  public record ExpiredLot(Instant earnedAt, Instant expiresAt, long points) {}

  public PointsExpired {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    lots = lots == null ? List.of() : List.copyOf(lots);
  }

  @Override
  public boolean rejectsItsCommand() {
    return false;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.pointsExpired(this);
  }
}
