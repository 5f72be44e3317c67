package dev.rewards.ledger.account;

/**
 * An account changed between being read and written back, which only happens while two workers
 * briefly own the same partition during a rebalance. Transient: nothing of the batch is announced,
 * and its commands are decided again on the account as it now is.
 */
public class AccountContentionException extends RuntimeException {

  public AccountContentionException(String userId) {
    super("account " + userId + " changed while its commands were being applied; applying again");
  }
}
