package dev.rewards.api.commands;

import dev.rewards.api.system.RefusedException;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key reused for a different request; answered with 422. */
public class IdempotencyConflictException extends RefusedException {

  public IdempotencyConflictException() {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Idempotency-Key reused",
        "This Idempotency-Key was already used with a different request; use a new key for a new"
            + " request",
        "Idempotency-Key",
        null);
  }
}
