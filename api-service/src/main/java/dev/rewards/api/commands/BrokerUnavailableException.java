package dev.rewards.api.commands;

import dev.rewards.api.system.RefusedException;
import org.springframework.http.HttpStatus;

/** Kafka did not acknowledge a command in time; nothing was accepted. Answered with 503. */
public class BrokerUnavailableException extends RefusedException {

  public BrokerUnavailableException(Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Service unavailable",
        "The message broker is unavailable; nothing was accepted. Retry later (same"
            + " Idempotency-Key).",
        null,
        cause);
  }
}
