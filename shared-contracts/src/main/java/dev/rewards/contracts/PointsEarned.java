package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link EarnPoints} was applied: a transaction was recorded and the balance went up.
 *
 * @param lifetimePoints the user's lifetime points after it (what tiers go by); null from a ledger
 *     that did not announce them
 */
public record PointsEarned(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID transactionId,
    long points,
    String category,
    BigDecimal amount,
    Instant purchasedAt,
    long newBalance,
    Instant occurredAt,
    Long lifetimePoints)
    implements RewardsEvent {

  /** Without lifetime points, as announced before they were. */
  public PointsEarned(
      UUID eventId,
      UUID commandId,
      String userId,
      UUID transactionId,
      long points,
      String category,
      BigDecimal amount,
      Instant purchasedAt,
      long newBalance,
      Instant occurredAt) {
    this(
        eventId,
        commandId,
        userId,
        transactionId,
        points,
        category,
        amount,
        purchasedAt,
        newBalance,
        occurredAt,
        null);
  }

  public PointsEarned {
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
    return visitor.pointsEarned(this);
  }
}
