package dev.rewards.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Reserve points at checkout (the first phase of a two-phase redemption): they stay in the balance
 * but are no longer available, until the hold is captured (a redemption), voided, or released by
 * itself at {@code expiresAt}. The hold's id is this command's id.
 *
 * @param value what all the held points are worth as the reward, for a capture to price its part
 */
public record HoldPoints(
    UUID commandId,
    String userId,
    long points,
    String rewardType,
    BigDecimal value,
    Instant expiresAt,
    Instant occurredAt)
    implements RewardsCommand {

  public HoldPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "HOLD";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.hold(this);
  }
}
