package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Spend {@code pointsToRedeem} on a reward worth {@code value}, if the balance covers it. */
public record RedeemPoints(
    UUID commandId,
    String userId,
    long pointsToRedeem,
    String rewardType,
    BigDecimal value,
    Instant occurredAt)
    implements RewardsCommand {

  /**
   * Only the command's identity is required to build one; whether its values can be applied is
   * {@link CommandRules}' decision, so that a command with bad values is still read, and refused
   * with a reason naming the field, instead of being unreadable.
   */
  public RedeemPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "REDEEM";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.redeem(this);
  }
}
