package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator's correction of a balance: credit ({@code points} > 0) or debit ({@code points} < 0),
 * with the reason and who made it. A debit never overdraws.
 *
 * @param actor who asked for it, as authenticated by api-service
 */
public record AdjustPoints(
    UUID commandId, String userId, long points, String reason, String actor, Instant occurredAt)
    implements RewardsCommand {

  public AdjustPoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "ADJUST";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.adjust(this);
  }
}
