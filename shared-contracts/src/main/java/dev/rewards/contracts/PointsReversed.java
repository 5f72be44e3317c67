package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link RefundPurchase} was applied: {@code pointsReversed} came back out of the balance (from
 * the purchase's own lot first, then the lots that expire first; what they could not cover became
 * debt, so {@code newBalance} may be negative).
 *
 * @param category the refunded purchase's category, so that aggregates can net the refund out
 * @param refundedAmount the amount this refund returned
 * @param totalRefundedAmount the purchase's amount refunded so far, this refund included
 * @param debt the account's debt after the refund (later earns pay it first)
 * @param lifetimePoints the user's lifetime points after it: the reversed points no longer count
 */
public record PointsReversed(
    UUID eventId,
    UUID commandId,
    String userId,
    UUID purchaseCommandId,
    String category,
    BigDecimal refundedAmount,
    BigDecimal totalRefundedAmount,
    long pointsReversed,
    long debt,
    String reason,
    long newBalance,
    Instant occurredAt,
    Long lifetimePoints)
    implements RewardsEvent {

  public PointsReversed {
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
    return visitor.pointsReversed(this);
  }
}
