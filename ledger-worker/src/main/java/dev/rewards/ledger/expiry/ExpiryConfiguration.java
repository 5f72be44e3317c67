package dev.rewards.ledger.expiry;

import com.mongodb.client.MongoDatabase;
import dev.rewards.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the expiry scheduler every {@code REWARDS_EXPIRY_SCAN_INTERVAL} (default 30 s, so points
 * expire within a minute of their time) on every ledger instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rewards.expiry.enabled", matchIfMissing = true)
class ExpiryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ExpiryConfiguration.class);

  @Bean
  ExpiryScheduler expiryScheduler(
      MongoDatabase database,
      KafkaTemplate<Object, Object> kafka,
      Clock clock,
      @Value("${rewards.expiry.batch-size:10000}") int batchSize,
      @Value("${rewards.expiry.resend-after:5m}") Duration resendAfter) {
    return new ExpiryScheduler(
        database,
        commands ->
            kafka.executeInTransaction(
                operations -> {
                  commands.forEach(
                      command -> operations.send(Topics.COMMANDS, command.userId(), command));
                  return null;
                }),
        clock,
        batchSize,
        resendAfter);
  }

  @Bean
  ExpiryRuns expiryRuns(ExpiryScheduler scheduler) {
    return new ExpiryRuns(scheduler);
  }

  /** The scheduled scans; a failed one (store or broker away) is retried at the next. */
  static final class ExpiryRuns {
    private final ExpiryScheduler scheduler;

    ExpiryRuns(ExpiryScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Scheduled(
        initialDelayString = "${rewards.expiry.scan-interval:30s}",
        fixedDelayString = "${rewards.expiry.scan-interval:30s}")
    void scan() {
      try {
        int sent = scheduler.scan().size();
        if (sent > 0) {
          log.info("Scheduled the expiry of due points for {} accounts", sent);
        }
      } catch (RuntimeException e) {
        log.warn("Expiry scan failed, retrying at the next one: {}", e.toString());
      }
    }
  }
}
