package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Redeem a hold's points (all, or {@code points} of them; the rest is released): the outcome is a
 * {@link RewardRedeemed} naming the hold, a redemption like any other.
 *
 * @param points how many to capture; null for all
 */
public record CaptureHold(
    UUID commandId, String userId, UUID holdId, Long points, Instant occurredAt)
    implements RewardsCommand {

  public CaptureHold {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "CAPTURE";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.capture(this);
  }
}
