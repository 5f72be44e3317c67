package dev.rewards.support.system;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Process-level support shared by every service. */
@AutoConfiguration
public class SystemSupport {

  @Bean
  @ConditionalOnProperty("REWARDS_PARENT_PID")
  ParentProcessWatchdog parentProcessWatchdog(Environment env, ApplicationContext context) {
    return new ParentProcessWatchdog(
        Long.parseLong(env.getRequiredProperty("REWARDS_PARENT_PID")), context);
  }
}
