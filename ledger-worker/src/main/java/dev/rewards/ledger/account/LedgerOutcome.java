package dev.rewards.ledger.account;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.ledger.rules.Taken;
import java.util.List;

/**
 * The decided outcome of a command: the event to announce and the account state it left behind.
 *
 * @param event the outcome event, identical however often the command is re-applied
 * @param accountVersion the account version right after the command, or {@link #NO_ACCOUNT}
 * @param balance the balance right after the command
 * @param takenFrom for a redemption decided now, the lots its points came from; recorded with the
 *     redemption so that a cancellation can put them back
 * @param announce whether the event still has to be published: false when a duplicate record of an
 *     already announced command comes in, so every command has exactly one outcome event
 */
public record LedgerOutcome(
    RewardsEvent event,
    long accountVersion,
    long balance,
    boolean announce,
    List<Taken> takenFrom) {

  public LedgerOutcome {
    takenFrom = List.copyOf(takenFrom);
  }

  /** An outcome that took points from no lot (all but a fresh redemption). */
  public LedgerOutcome(RewardsEvent event, long accountVersion, long balance, boolean announce) {
    this(event, accountVersion, balance, announce, List.of());
  }

  /** No account state: the command was rejected before it reached an account. */
  static final long NO_ACCOUNT = -1;

  /** Whether the command was decided against an account (applied, or refused for its balance). */
  public boolean hasAccountState() {
    return accountVersion != NO_ACCOUNT;
  }
}
