package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A purchase was returned, wholly or in part: the points it earned come back out in proportion to
 * the amount refunded. The purchase is named by its commandId or by the {@code Idempotency-Key} it
 * was sent with (exactly one of them).
 *
 * @param amount the amount refunded now; null for all of the purchase not yet refunded
 * @param reason why, for the statement; may be null
 */
public record RefundPurchase(
    UUID commandId,
    String userId,
    UUID purchaseCommandId,
    String purchaseIdempotencyKey,
    BigDecimal amount,
    String reason,
    Instant occurredAt)
    implements RewardsCommand {

  public RefundPurchase {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "REFUND";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.refund(this);
  }
}
