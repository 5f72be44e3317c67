package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Credit {@code points} for a purchase. Points are already resolved by api-service (explicit or by
 * the earn rules), so applying the command needs no configuration.
 *
 * @param idempotencyKey the {@code Idempotency-Key} the purchase was sent with, if any: a till
 *     later names the purchase by it (its receipt number) to refund it; null if none
 * @param expiresAt when these points expire, overriding the program's validity (campaign points);
 *     null for the program's
 */
public record EarnPoints(
    UUID commandId,
    String userId,
    long points,
    String category,
    BigDecimal amount,
    Instant purchasedAt,
    Instant occurredAt,
    String idempotencyKey,
    Instant expiresAt)
    implements RewardsCommand {

  /** A purchase sent without an {@code Idempotency-Key}. */
  public EarnPoints(
      UUID commandId,
      String userId,
      long points,
      String category,
      BigDecimal amount,
      Instant purchasedAt,
      Instant occurredAt) {
    this(commandId, userId, points, category, amount, purchasedAt, occurredAt, null, null);
  }

  /** A purchase whose points expire by the program's validity. */
  public EarnPoints(
      UUID commandId,
      String userId,
      long points,
      String category,
      BigDecimal amount,
      Instant purchasedAt,
      Instant occurredAt,
      String idempotencyKey) {
    this(
        commandId, userId, points, category, amount, purchasedAt, occurredAt, idempotencyKey, null);
  }

  /**
   * Only the command's identity is required to build one; whether its values can be applied is
   * {@link CommandRules}' decision, so that a command with bad values is still read, and refused
   * with a reason naming the field, instead of being unreadable.
   */
  public EarnPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "EARN";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.earn(this);
  }
}
