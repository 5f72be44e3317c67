package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order paid with points was cancelled: the redemption's points go back into the lots they were
 * taken from (those whose lot has expired meanwhile are not restored).
 *
 * @param reason why, for the statement; may be null
 */
public record CancelRedemption(
    UUID commandId, String userId, UUID redemptionCommandId, String reason, Instant occurredAt)
    implements RewardsCommand {

  public CancelRedemption {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "CANCEL_REDEMPTION";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.cancelRedemption(this);
  }
}
