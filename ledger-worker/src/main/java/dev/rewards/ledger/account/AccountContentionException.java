package dev.rewards.ledger.account;

import java.util.UUID;

/**
 * The account kept changing between our attempts, which only happens while two workers briefly own
 * the same partition during a rebalance. Transient: the command is retried, not dead-lettered.
 */
public class AccountContentionException extends RuntimeException {

  public AccountContentionException(String userId, UUID commandId) {
    super("account " + userId + " kept changing while applying command " + commandId);
  }
}
