package dev.rewards.analytics.rebuild;

import com.mongodb.client.MongoDatabase;
import dev.rewards.analytics.distribution.AggregateStore;
import dev.rewards.analytics.distribution.BalanceRanges;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The operator's rebuild: {@code java -jar analytics-worker-*-exec.jar rebuild}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("rewards.analytics.rebuild")
class RebuildConfiguration {

  /** The process's exit code: 0 once rebuilt, 1 if refused or failed. */
  static final class RebuildOutcome implements ExitCodeGenerator {
    private volatile int exitCode = 1;

    @Override
    public int getExitCode() {
      return exitCode;
    }
  }

  @Bean
  RebuildOutcome rebuildOutcome() {
    return new RebuildOutcome();
  }

  @Bean
  ApplicationRunner rebuildAnalytics(
      KafkaAdmin kafkaAdmin,
      MongoDatabase database,
      BalanceRanges ranges,
      AggregateStore store,
      RebuildOutcome outcome,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    return args -> {
      try (Admin kafka = Admin.create(kafkaAdmin.getConfigurationProperties())) {
        String summary =
            new AnalyticsRebuild(
                    kafka, group, new LedgerRecount(database, ranges), store, Clock.systemUTC())
                .run();
        System.out.println(summary);
        outcome.exitCode = 0;
      } catch (IllegalStateException refused) {
        System.err.println("Rebuild refused: " + refused.getMessage());
      } catch (Exception e) {
        System.err.println(
            "Rebuild failed: " + e + " — nothing is lost; fix the cause and run it again");
      }
    };
  }
}
