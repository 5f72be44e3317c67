package dev.rewards.ledger.rules;

import java.time.Instant;

/**
 * Points from one applied earn, as many as are left of them.
 *
 * @param id the earn's commandId: a refund names the purchase, and takes from its lot first
 * @param points points left in the lot
 * @param earnedAt when the purchase happened
 * @param expiresAt when what is left expires; {@link Instant#MAX} for never
 */
public record Lot(String id, long points, Instant earnedAt, Instant expiresAt) {

  Lot withPoints(long remaining) {
    return new Lot(id, remaining, earnedAt, expiresAt);
  }

  boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
