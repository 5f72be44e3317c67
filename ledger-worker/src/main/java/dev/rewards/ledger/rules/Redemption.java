package dev.rewards.ledger.rules;

import java.util.List;
import java.util.UUID;

/**
 * An applied redemption as a cancellation needs it.
 *
 * @param takenFrom the lots its points came from, with their dates
 * @param cancelled whether a cancellation was applied to it already
 */
public record Redemption(
    UUID commandId,
    long pointsRedeemed,
    String rewardType,
    List<Taken> takenFrom,
    boolean cancelled) {

  public Redemption {
    takenFrom = List.copyOf(takenFrom);
  }
}
