package dev.rewards.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Expire the user's lots whose {@code expiresAt} is not after {@code asOf}. Sent by the ledger's
 * own expiry scheduler, on the user's partition like any command, so the ledger stays the only
 * writer of accounts. Its commandId is derived from the user and the due time it was scheduled for,
 * so however many schedulers send it, it is applied once.
 */
public record ExpirePoints(UUID commandId, String userId, Instant asOf, Instant occurredAt)
    implements RewardsCommand {

  public ExpirePoints {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(userId, "userId");
  }

  /** The expiry of a user's lots due at {@code dueAt}: one commandId however often it is sent. */
  public static UUID idFor(String userId, Instant dueAt) {
    return StableIds.derive("expiry", userId + "@" + dueAt.toEpochMilli());
  }

  /** {@link #commandType()}, also for a command that cannot be read (see {@link MessageJson}). */
  public static final String TYPE = "EXPIRE";

  @Override
  public String commandType() {
    return TYPE;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.expire(this);
  }
}
