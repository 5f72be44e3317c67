package dev.rewards.ledger.messaging;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Outcomes by kind, and the time from acceptance (the command's occurredAt, stamped by api-service)
 * to the outcome: the end-to-end latency a client waits for. Meters are registered once, not looked
 * up per command.
 */
@Component
class OutcomeMetrics {

  private final MeterRegistry meters;
  private final Map<String, Counter> decided = new ConcurrentHashMap<>();
  private final Timer latency;
  private final Clock clock;

  OutcomeMetrics(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    for (String type : new String[] {"EARN", "REDEEM"}) {
      for (String result : new String[] {"APPLIED", "REJECTED"}) {
        counter(type, result);
      }
    }
    this.latency =
        Timer.builder("rewards.commands.latency")
            .description("accepted by api-service to outcome published")
            .publishPercentileHistogram()
            .register(meters);
    this.clock = clock;
  }

  void record(RewardsCommand command, RewardsEvent outcome) {
    counter(command.commandType(), outcome.rejectsItsCommand() ? "REJECTED" : "APPLIED")
        .increment();
    if (command.occurredAt() == null) {
      return; // an invalid command: no acceptance time to measure from
    }
    Duration sinceAccepted = Duration.between(command.occurredAt(), clock.instant());
    if (!sinceAccepted.isNegative()) {
      latency.record(sinceAccepted);
    }
  }

  /** A command rejected without being read or applied (dead-lettered). */
  void rejected(CommandRejected rejection) {
    counter(rejection.commandType(), "REJECTED").increment();
  }

  private Counter counter(String type, String result) {
    return decided.computeIfAbsent(type + "/" + result, key -> decided(meters, type, result));
  }

  private static Counter decided(MeterRegistry meters, String type, String result) {
    return meters.counter("rewards.commands.decided", "type", type, "result", result);
  }
}
