package dev.rewards.analytics.stream;

import dev.rewards.analytics.distribution.DistributionUpdater.CountersMovedException;
import dev.rewards.support.store.StoreOutages;
import dev.rewards.support.system.Causes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A store outage (or counters moved by a departing instance) is waited out on the same batch, so
 * nothing is skipped; an event that can never be applied is logged, counted and skipped after two
 * retries — the aggregates then differ from the ledger until a rebuild.
 */
@Configuration(proxyBeanMethods = false)
class EventFailureHandling {

  private static final Logger log = LoggerFactory.getLogger(EventFailureHandling.class);

  @Bean
  DefaultErrorHandler eventErrorHandler(MeterRegistry meters) {
    Counter skipped = meters.counter("rewards.analytics.events", "result", "skipped");
    var handler =
        new DefaultErrorHandler(
            (record, e) -> {
              skipped.increment();
              log.error(
                  "Skipped event {}-{}@{} that cannot be applied ({}); run the analytics rebuild"
                      + " once the cause is fixed (docs/operations.md)",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  e.getMessage());
            },
            new FixedBackOff(200, 2));
    BackOff untilBack = StoreOutages.untilTheStoreIsBack();
    handler.setBackOffFunction((record, e) -> isTransient(e) ? untilBack : null);
    return handler;
  }

  /** A store outage, or counters moved by a departing instance: waited out, never skipped. */
  static boolean isTransient(Throwable failure) {
    return StoreOutages.isOutage(failure) || Causes.include(failure, CountersMovedException.class);
  }
}
