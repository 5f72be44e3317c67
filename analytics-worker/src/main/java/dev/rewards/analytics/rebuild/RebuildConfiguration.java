package dev.rewards.analytics.rebuild;

import com.mongodb.client.MongoDatabase;
import dev.rewards.analytics.distribution.AggregateStore;
import dev.rewards.analytics.distribution.BalanceRanges;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The operator's rebuild: {@code java -jar analytics-worker-*-exec.jar rebuild}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("rewards.analytics.rebuild")
class RebuildConfiguration {

  @Bean
  ApplicationRunner rebuildAnalytics(
      KafkaAdmin kafkaAdmin,
      MongoDatabase database,
      BalanceRanges ranges,
      AggregateStore store,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    return args -> {
      try (Admin kafka = Admin.create(kafkaAdmin.getConfigurationProperties())) {
        String summary =
            new AnalyticsRebuild(
                    kafka, group, new LedgerRecount(database, ranges), store, Clock.systemUTC())
                .run();
        System.out.println(summary);
      }
    };
  }
}
