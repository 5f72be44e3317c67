package dev.rewards.ledger.rules;

import java.time.Instant;
import java.util.List;

/**
 * What one command did to an account, as recorded in its journal.
 *
 * @param kind earned, redeemed, adjusted, or refused for lack of points
 * @param delta the balance change (negative for a redemption, 0 when refused)
 * @param balanceAfter the balance right after this change
 * @param version the account version right after this change; every journal entry adds one
 * @param at when the change was decided
 * @param takenFrom for a redemption, the lots its points came from (so a cancellation can put them
 *     back); empty otherwise
 */
public record Change(
    Kind kind, long delta, long balanceAfter, long version, Instant at, List<Taken> takenFrom) {

  public Change {
    takenFrom = List.copyOf(takenFrom);
  }

  /** The ways a command can end. */
  public enum Kind {
    EARNED,
    REDEEMED,
    ADJUSTED,
    REFUSED
  }
}
