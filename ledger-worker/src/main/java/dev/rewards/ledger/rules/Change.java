package dev.rewards.ledger.rules;

import dev.rewards.contracts.RewardsEvent;
import java.time.Instant;
import java.util.List;

/**
 * What one command did to an account, as recorded in its journal.
 *
 * @param kind earned, redeemed, adjusted, reversed (a refund), restored (a cancelled redemption),
 *     or refused
 * @param delta the balance change (negative for a redemption, 0 when refused)
 * @param balanceAfter the balance right after this change
 * @param version the account version right after this change; every journal entry adds one
 * @param at when the change was decided
 * @param takenFrom for a redemption, the lots its points came from (so a cancellation can put them
 *     back); for an expiry, what expired of which lot; empty otherwise
 * @param outcome for a correction (refund, cancellation) and its refusals, the outcome decided with
 *     the change: its facts come from other documents (the purchase, the redemption), so it is kept
 *     whole rather than rebuilt from the command; null for the other kinds
 * @param lifetimeAfter the account's lifetime points right after this change (null if journaled
 *     before they were kept)
 */
public record Change(
    Kind kind,
    long delta,
    long balanceAfter,
    long version,
    Instant at,
    List<Taken> takenFrom,
    RewardsEvent outcome,
    Long lifetimeAfter) {

  public Change {
    takenFrom = List.copyOf(takenFrom);
  }

  /** The ways a command can end. */
  public enum Kind {
    EARNED,
    REDEEMED,
    ADJUSTED,
    REVERSED,
    RESTORED,
    EXPIRED,
    HELD,
    RELEASED,
    REFUSED
  }
}
