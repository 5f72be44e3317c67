package dev.rewards.api.commands;

/** An Idempotency-Key reused for a different request; answered with 422. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException() {
    super("This Idempotency-Key was already used with a different request");
  }
}
