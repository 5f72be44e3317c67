package dev.rewards.ledger.messaging;

import dev.rewards.contracts.EarnPoints;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Outcomes by kind, and the time from acceptance (the command's occurredAt, stamped by api-service)
 * to the outcome: the end-to-end latency a client waits for. Meters are registered once, not looked
 * up per command.
 */
@Component
class OutcomeMetrics {

  private final Counter earnsApplied;
  private final Counter redeemsApplied;
  private final Counter redeemsRejected;
  private final Timer latency;
  private final Clock clock;

  OutcomeMetrics(MeterRegistry meters, Clock clock) {
    this.earnsApplied = decided(meters, "EARN", "APPLIED");
    this.redeemsApplied = decided(meters, "REDEEM", "APPLIED");
    this.redeemsRejected = decided(meters, "REDEEM", "REJECTED");
    this.latency =
        Timer.builder("rewards.commands.latency")
            .description("accepted by api-service to outcome published")
            .publishPercentileHistogram()
            .register(meters);
    this.clock = clock;
  }

  void record(RewardsCommand command, RewardsEvent outcome) {
    if (command instanceof EarnPoints) {
      earnsApplied.increment();
    } else if (outcome instanceof RedemptionRejected) {
      redeemsRejected.increment();
    } else {
      redeemsApplied.increment();
    }
    Duration sinceAccepted = Duration.between(command.occurredAt(), clock.instant());
    if (!sinceAccepted.isNegative()) {
      latency.record(sinceAccepted);
    }
  }

  private static Counter decided(MeterRegistry meters, String type, String result) {
    return meters.counter("rewards.commands.decided", "type", type, "result", result);
  }
}
