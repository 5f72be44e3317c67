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
