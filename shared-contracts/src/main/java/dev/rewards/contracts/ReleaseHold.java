package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Give a hold's points back: voided by the client ({@link #VOID}), or released by the ledger's
 * scheduler once the hold has expired ({@link #EXPIRED}; its commandId is derived from the hold, so
 * it is applied once however often it is sent).
 */
public record ReleaseHold(
    UUID commandId, String userId, UUID holdId, String cause, Instant occurredAt)
    implements RewardsCommand {

  public static final String VOID = "VOID";
  public static final String EXPIRED = "EXPIRED";

  public ReleaseHold {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** The release of an expired hold: one commandId however often it is scheduled. */
  public static UUID expiryIdFor(UUID holdId) {
    return StableIds.derive("hold-expiry", holdId);
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "RELEASE_HOLD";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.release(this);
  }
}
