package dev.rewards.notifier.stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class StreamConfiguration {

  @Bean
  NotifierInstance notifierInstance(
      @Value("${rewards.notifier.consumer-group-prefix:notifier}") String prefix) {
    return NotifierInstance.create(prefix);
  }

  @Bean
  EventFrames eventFrames(JsonMapper json, dev.rewards.support.tiers.Tiers tiers) {
    return new EventFrames(json, tiers);
  }

  /** Boot hands the one rebalance-listener bean to the listener container factory. */
  @Bean
  EventStreamReadiness eventStreamHealthIndicator() {
    return new EventStreamReadiness();
  }
}
