package dev.rewards.api.backpressure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Refuses new commands while the ledger is too far behind, so a flood is told to come back later
 * instead of queueing hours of work that every awaited confirmation would wait behind. The lag is
 * read in the background every refresh interval; a request only compares two numbers.
 *
 * <p>A reading that fails (broker unreachable) or grows old admits everything: a broker outage is
 * answered by the publish itself, and a lag nobody can read is no reason to refuse.
 */
@Component
public class Backpressure {

  private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

  /** Without a measured drain rate, come back after this many seconds. */
  static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

  private static final long MAX_RETRY_AFTER_SECONDS = 60;

  private final long maxLag;
  private final Duration refresh;
  private final Clock clock;
  private final Admin admin;
  private final LedgerLag lag;
  private final Counter refused;
  private final ScheduledExecutorService reader =
      Executors.newSingleThreadScheduledExecutor(
          work -> {
            Thread thread = new Thread(work, "ledger-lag");
            thread.setDaemon(true);
            return thread;
          });
  private volatile LedgerLag.Reading latest;
  private volatile double drainRate;

  Backpressure(
      KafkaAdmin kafkaAdmin,
      MeterRegistry meters,
      Clock clock,
      @Value("${rewards.backpressure.max-lag:100000}") long maxLag,
      @Value("${rewards.backpressure.refresh:1s}") Duration refresh,
      @Value("${rewards.backpressure.ledger-group:ledger-worker}") String ledgerGroup) {
    this.maxLag = maxLag;
    this.refresh = refresh;
    this.clock = clock;
    this.refused = meters.counter("rewards.commands.refused", "reason", "ledger-lag");
    if (maxLag > 0) {
      this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
      this.lag = new LedgerLag(admin, ledgerGroup, clock);
      Gauge.builder("rewards.ledger.lag", this, Backpressure::lagOrNaN)
          .description("Commands the ledger has not applied yet, as last read")
          .register(meters);
      reader.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      this.admin = null;
      this.lag = null;
    }
  }

  /**
   * @throws LedgerOverloadedException when the last fresh reading is over the maximum
   */
  public void admit() {
    LedgerLag.Reading reading = latest;
    if (reading == null || reading.lag() <= maxLag || isStale(reading)) {
      return;
    }
    refused.increment();
    throw new LedgerOverloadedException(reading.lag(), maxLag, retryAfterSeconds(reading));
  }

  private long retryAfterSeconds(LedgerLag.Reading reading) {
    double rate = drainRate;
    if (rate <= 0) {
      return DEFAULT_RETRY_AFTER_SECONDS;
    }
    long seconds = (long) Math.ceil((reading.lag() - maxLag) / rate);
    return Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, seconds));
  }

  private boolean isStale(LedgerLag.Reading reading) {
    return Duration.between(reading.at(), clock.instant()).compareTo(refresh.multipliedBy(5)) > 0;
  }

  private double lagOrNaN() {
    LedgerLag.Reading reading = latest;
    return reading == null ? Double.NaN : reading.lag();
  }

  private void refresh() {
    try {
      LedgerLag.Reading before = latest;
      LedgerLag.Reading now = lag.read();
      if (before != null) {
        drainRate = LedgerLag.drainRate(before, now);
      }
      latest = now;
    } catch (Exception e) {
      log.debug("Ledger lag not read ({}); admitting commands until it is", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    reader.shutdownNow();
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
