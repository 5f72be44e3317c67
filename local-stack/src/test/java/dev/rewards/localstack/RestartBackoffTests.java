package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTests {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void restartsAtOnceThenWaitsLongerEachTimeItKeepsDyingUpToAMinute() {
    RestartBackoff backoff = new RestartBackoff(T0);
    Instant now = T0.plusSeconds(5);
    List<Long> delays = new ArrayList<>();
    for (int crash = 0; crash < 10; crash++) {
      Duration delay = backoff.delayAfterExitAt(now);
      delays.add(delay.toSeconds());
      now = now.plus(delay);
      backoff.restartedAt(now);
      now = now.plusSeconds(2); // dies again two seconds later
    }

    assertThat(delays).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void startsOverOnceTheServiceRanForAMinute() {
    RestartBackoff backoff = new RestartBackoff(T0);
    backoff.delayAfterExitAt(T0.plusSeconds(1));
    backoff.restartedAt(T0.plusSeconds(1));
    backoff.delayAfterExitAt(T0.plusSeconds(2));
    backoff.restartedAt(T0.plusSeconds(3));

    assertThat(backoff.delayAfterExitAt(T0.plusSeconds(3 + 61))).isEqualTo(Duration.ZERO);
  }
}
