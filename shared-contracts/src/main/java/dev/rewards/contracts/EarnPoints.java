package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credit {@code points} for a purchase. Points are already resolved by api-service (explicit or by
 * the earn rules), so applying the command needs no configuration.
 */
public record EarnPoints(
    UUID commandId,
    String userId,
    long points,
    String category,
    BigDecimal amount,
    Instant purchasedAt,
    Instant occurredAt)
    implements RewardsCommand {

  /** Rejects a command that could never be applied, so it is refused at the edge. */
  public EarnPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(purchasedAt, "purchasedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (points <= 0) {
      throw new IllegalArgumentException("points must be positive: " + points);
    }
  }
}
