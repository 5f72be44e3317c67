package dev.rewards.ledger.rules;

import java.time.Instant;

/**
 * Points taken from one lot, with the lot's dates, so that they can be put back into it (a
 * cancelled redemption) even after the lot was emptied and dropped — unless it has expired since.
 */
public record Taken(String lotId, long points, Instant earnedAt, Instant expiresAt) {

  /** Taken from {@code lot}. */
  static Taken from(Lot lot, long points) {
    return new Taken(lot.id(), points, lot.earnedAt(), lot.expiresAt());
  }

  Lot asLot() {
    return new Lot(lotId, points, earnedAt, expiresAt);
  }
}
