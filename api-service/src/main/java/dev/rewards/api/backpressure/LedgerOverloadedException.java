package dev.rewards.api.backpressure;

import dev.rewards.api.system.RefusedException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The ledger is further behind than the configured maximum; nothing was accepted. 503. */
public class LedgerOverloadedException extends RefusedException {

  private final long retryAfterSeconds;

  public LedgerOverloadedException(long lag, long maxLag, long retryAfterSeconds) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Service overloaded",
        "The ledger has "
            + lag
            + " commands still to apply (more than "
            + maxLag
            + "); nothing was accepted. Retry after "
            + retryAfterSeconds
            + " s with the same Idempotency-Key.",
        null,
        null);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
