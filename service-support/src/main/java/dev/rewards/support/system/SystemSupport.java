package dev.rewards.support.system;

import dev.rewards.support.metrics.CommandHops;
import dev.rewards.support.tiers.Tiers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Process-level support shared by every service. */
@AutoConfiguration
public class SystemSupport {

  /** The program's tiers ({@code REWARDS_TIERS}); a bad setting stops the start, saying why. */
  @Bean
  Tiers tiers(@Value("${rewards.tiers:" + Tiers.DEFAULT + "}") String spec) {
    return Tiers.parse(spec);
  }

  /** Per-hop timings of commands, on the system clock (they compare broker timestamps). */
  @Bean
  CommandHops commandHops(MeterRegistry meters) {
    return new CommandHops(meters, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty("REWARDS_PARENT_PID")
  ParentProcessWatchdog parentProcessWatchdog(Environment env, ApplicationContext context) {
    return new ParentProcessWatchdog(
        Long.parseLong(env.getRequiredProperty("REWARDS_PARENT_PID")), context);
  }
}
