package dev.rewards.ledger.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * How long earned points stay valid ({@code REWARDS_POINTS_VALIDITY}, an ISO-8601 duration, {@code
 * P365D} by default); zero means they never expire.
 */
public record PointsValidity(Duration validity) {

  public static final PointsValidity NEVER = new PointsValidity(Duration.ZERO);

  public PointsValidity {
    if (validity.isNegative()) {
      throw new IllegalArgumentException("points validity must not be negative: " + validity);
    }
  }

  /** When points of a purchase made at {@code purchasedAt} expire; {@link Instant#MAX}: never. */
  public Instant expiryOf(Instant purchasedAt) {
    return validity.isZero() ? Instant.MAX : purchasedAt.plus(validity);
  }
}
