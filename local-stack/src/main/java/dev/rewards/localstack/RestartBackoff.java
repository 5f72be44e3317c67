package dev.rewards.localstack;

import java.time.Duration;
import java.time.Instant;

/**
 * When to restart a service that died, as compose's {@code restart: unless-stopped} does: at once
 * the first time, then after 1 s, 2 s, 4 s … up to a minute while it keeps dying; a service that
 * then ran for a minute is counted as healthy again and starts over at once.
 */
final class RestartBackoff {

  static final Duration MAX_DELAY = Duration.ofMinutes(1);
  static final Duration HEALTHY_AFTER = Duration.ofMinutes(1);

  private int recentRestarts;
  private Instant lastStart;

  RestartBackoff(Instant started) {
    this.lastStart = started;
  }

  /** The pause before restarting a service that died at {@code diedAt}. */
  Duration delayAfterExitAt(Instant diedAt) {
    if (Duration.between(lastStart, diedAt).compareTo(HEALTHY_AFTER) >= 0) {
      recentRestarts = 0;
    }
    Duration delay =
        recentRestarts == 0
            ? Duration.ZERO
            : Duration.ofSeconds(1L << Math.min(recentRestarts - 1, 6));
    recentRestarts++;
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** How many times in a row the service has died without running a minute. */
  int recentRestarts() {
    return recentRestarts;
  }

  void restartedAt(Instant at) {
    lastStart = at;
  }
}
