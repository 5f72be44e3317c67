package dev.rewards.ledger.account;

import dev.rewards.contracts.RewardsEvent;

/**
 * The decided outcome of a command: the event to announce and the account state it left behind.
 *
 * @param event the outcome event, identical however often the command is re-applied
 * @param accountVersion the account version right after the command, or {@link #NO_ACCOUNT}
 * @param balance the balance right after the command
 * @param announce whether the event still has to be published: false when a duplicate record of an
 *     already announced command comes in, so every command has exactly one outcome event
 */
public record LedgerOutcome(
    RewardsEvent event, long accountVersion, long balance, boolean announce) {

  /** No account state: the command was rejected before it reached an account. */
  static final long NO_ACCOUNT = -1;

  /** Whether the command was decided against an account (applied, or refused for its balance). */
  public boolean hasAccountState() {
    return accountVersion != NO_ACCOUNT;
  }
}
